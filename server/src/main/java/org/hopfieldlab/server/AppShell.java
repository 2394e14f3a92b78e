package org.hopfieldlab.server;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.security.web.csrf.CsrfToken;

/** App-wide settings: server push for live sweep progress, the Lumo theme plus a few app styles. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@CssImport("./styles/app.css")
public class AppShell implements AppShellConfigurator {
    /**
     * Spring's CSRF token as the meta tags that Vaadin's login form copies into its sign-in POST (a POST without it
     * is refused). On every page, since the router may reach the login view without a page load.
     */
    @Override
    public void configurePage(AppShellSettings settings) {
        if (settings.getRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            settings.addMetaTag("_csrf_parameter", token.getParameterName());
            settings.addMetaTag("_csrf_header", token.getHeaderName());
            settings.addMetaTag("_csrf", token.getToken());
        }
    }
}
