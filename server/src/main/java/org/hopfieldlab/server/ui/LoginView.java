package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hopfieldlab.server.security.LoginThrottle;

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
        form.setI18n(i18n());
        notice.addClassName("notice");
        notice.setVisible(false);
        notice.setId("login-notice");
        Anchor signup = new Anchor("signup", "Create an account");
        signup.setId("signup-link");
        H1 brand = new H1("Hopfield Lab");
        brand.addClassName("auth-brand");
        add(brand, tagline(), notice, form,
                new Paragraph(new com.vaadin.flow.component.html.Span("New here? "), signup));
    }

    /** The line under the name on the sign-in and sign-up pages. */
    static Paragraph tagline() {
        Paragraph p = new Paragraph("Saved sessions, shared experiments and heavy sweeps.");
        p.addClassName("auth-tagline");
        return p;
    }

    /**
     * The form in the site's words: "Sign in" (as "Sign out", "Sign in to fork"), "Name" (as on the sign-up page),
     * and what a wrong password leads to.
     */
    static LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Name");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Wrong name or password");
        i18n.getErrorMessage().setMessage("Check both and try again. After " + LoginThrottle.USER_LIMIT
                + " wrong tries, this name is locked for a while (" + LoginThrottle.FIRST_LOCK.toSeconds()
                + " s at first).");
        return i18n;
    }

    /**
     * The sign-in lock in words: whose lock it is (this name from this address, or the address for every name) and
     * the wait as minutes and seconds ("4 min 50 s", not "290 seconds").
     */
    static String lockedText(String seconds, boolean everyName) {
        String digits = seconds.replaceAll("[^0-9]", "");
        String wait;
        if (digits.isEmpty() || digits.length() > 6) {
            wait = "a few minutes";
        } else {
            long s = Long.parseLong(digits);
            wait = s == 1 ? "1 second" : s < 60 ? s + " seconds" : (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (everyName ? "Too many failed sign-ins from your address, over several names: every name is locked "
                + "here for now. Try again in " : "Too many failed sign-ins for this name from your address. Try "
                + "again in ") + wait + "; the password was not checked.";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        form.setError(params.containsKey("error"));
        if (params.containsKey("locked")) {
            form.setError(false);
            notice.setText(lockedText(params.get("locked").get(0), params.containsKey("address")));
            notice.setId("login-locked");
            notice.addClassName("warning"); // a refusal, not a success: not in the green of "Account created"
            notice.setVisible(true);
        } else if (params.containsKey("created")) {
            notice.setText("Account created. Sign in with your new name and password.");
            notice.setVisible(true);
        }
    }
}
