package org.hopfieldlab.server.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookie that carries a pseudonymous student's token for one class ("hl-guest-ID"): HttpOnly (page scripts
 * never see it), SameSite=Lax (other sites' requests do not carry it), Secure over HTTPS. The identity lives only
 * here and in the database, never in the HTTP session, so a fixed or stolen session id gives nobody a guest's
 * identity, and a join never upgrades an existing session.
 */
final class GuestCookie {
    static final Duration LIFETIME = Duration.ofDays(180);

    private GuestCookie() {
    }

    static String name(long classId) {
        return "hl-guest-" + classId;
    }

    /** The token this browser sent for the class, if any. */
    static Optional<String> read(long classId) {
        VaadinRequest req = VaadinService.getCurrentRequest();
        Cookie[] cookies = req == null ? null : req.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> name(classId).equals(c.getName())).map(Cookie::getValue)
                .findFirst();
    }

    /** Marks, in this browser's HTTP session, that the guest just joined: their page then shows the return code. */
    static void markWelcome(long classId) {
        VaadinSession.getCurrent().setAttribute(WELCOME + classId, Boolean.TRUE);
    }

    /** Whether the guest just joined (once: the mark is removed). */
    static boolean takeWelcome(long classId) {
        VaadinSession s = VaadinSession.getCurrent();
        boolean welcome = s != null && s.getAttribute(WELCOME + classId) != null;
        if (welcome) {
            s.setAttribute(WELCOME + classId, null);
        }
        return welcome;
    }

    private static final String WELCOME = "hl-guest-welcome-";

    /** The client's address, as the sign-in throttle counts it. */
    static String clientAddress() {
        VaadinRequest req = VaadinService.getCurrentRequest();
        return req == null ? "unknown" : req.getRemoteAddr();
    }

    static void write(long classId, String token) {
        send(classId, token, (int) LIFETIME.toSeconds());
    }

    /** Tells the browser to drop the cookie (its token is revoked on the server as well, by the caller). */
    static void clear(long classId) {
        send(classId, "", 0);
    }

    private static void send(long classId, String value, int maxAge) {
        VaadinRequest req = VaadinService.getCurrentRequest();
        VaadinResponse res = VaadinService.getCurrentResponse();
        Cookie c = new Cookie(name(classId), value);
        c.setHttpOnly(true);
        c.setSecure(req.isSecure());
        c.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
        c.setMaxAge(maxAge);
        c.setAttribute("SameSite", "Lax");
        res.addCookie(c);
    }
}
