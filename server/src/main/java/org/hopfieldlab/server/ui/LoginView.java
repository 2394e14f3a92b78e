package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Hopfield Lab")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView() {
        addClassName("auth-page");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        notice.addClassName("notice");
        notice.setVisible(false);
        notice.setId("login-notice");
        Anchor signup = new Anchor("signup", "Create an account");
        signup.setId("signup-link");
        H1 brand = new H1("Hopfield Lab");
        brand.addClassName("auth-brand");
        add(brand, new Paragraph("Saved sessions, shared experiments and heavy sweeps."), notice, form,
                new Paragraph(new com.vaadin.flow.component.html.Span("New here? "), signup));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        form.setError(params.containsKey("error"));
        if (params.containsKey("locked")) {
            String seconds = params.get("locked").get(0).replaceAll("[^0-9]", "");
            form.setError(false);
            notice.setText("Too many failed sign-ins for this name from your address. Try again in "
                    + (seconds.isEmpty() ? "a few minutes" : seconds + (seconds.equals("1") ? " second" : " seconds"))
                    + "; the password was not checked.");
            notice.setId("login-locked");
            notice.setVisible(true);
        } else if (params.containsKey("created")) {
            notice.setText("Account created. Sign in with your new name and password.");
            notice.setVisible(true);
        }
    }
}
