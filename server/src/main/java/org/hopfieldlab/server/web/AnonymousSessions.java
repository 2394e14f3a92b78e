package org.hopfieldlab.server.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Static files (the lab, favicon, Vaadin's bundle) never open an HTTP session. A Vaadin page does (Flow keeps the
 * page's state on the server), so a session opened by someone not signed in lives only
 * {@code hopfield.session.anonymous-timeout} (10 min; an open tab's heartbeat every 5 min keeps it) instead of
 * the full {@code server.servlet.session.timeout}, which it gets on sign-in.
 */
@Component
public class AnonymousSessions implements HttpSessionListener {
    private final Duration anonymous;
    private final Duration full;

    public AnonymousSessions(@Value("${hopfield.session.anonymous-timeout:10m}") Duration anonymous,
            @Value("${server.servlet.session.timeout:30m}") Duration full) {
        this.anonymous = anonymous;
        this.full = full;
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        se.getSession().setMaxInactiveInterval((int) anonymous.toSeconds());
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent e) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpSession s = a.getRequest().getSession(false);
            if (s != null) {
                s.setMaxInactiveInterval((int) full.toSeconds());
            }
        }
    }
}
