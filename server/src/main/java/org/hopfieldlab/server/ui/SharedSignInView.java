package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * {@code /shared/<token>/sign-in}: "Sign in to fork" on a shared page points here. The route needs an account, so a
 * signed-out visitor is sent to the login page, which brings them back here after signing in (the security layer
 * keeps the requested address); signed in, it forwards to the share itself, now with its Fork button.
 */
@Route(value = "shared/:token/sign-in", autoLayout = false)
@PermitAll
public class SharedSignInView extends Div implements BeforeEnterObserver {
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        // query parameters (the visitor's edits, spec=…) go along
        event.forwardTo("shared/" + token, event.getLocation().getQueryParameters());
    }
}
