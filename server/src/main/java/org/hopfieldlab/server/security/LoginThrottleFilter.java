package org.hopfieldlab.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a sign-in POST while its (name, address) is locked, before any password is checked. */
final class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(req.getMethod()) && "/login".equals(req.getServletPath())) {
            long wait;
            boolean everyName = false;
            try {
                wait = throttle.secondsLocked(req.getParameter("username"), req.getRemoteAddr());
                everyName = wait > 0 && throttle.lockedForEveryName(req.getParameter("username"), req.getRemoteAddr());
            } catch (DataAccessException e) {
                // the database is down: the sign-in itself will fail and say so
                wait = 0;
            }
            if (wait > 0) {
                // "address": the address's own lock (any name), so the page does not blame the name typed
                res.sendRedirect(req.getContextPath() + "/login?locked=" + wait + (everyName ? "&address" : ""));
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
