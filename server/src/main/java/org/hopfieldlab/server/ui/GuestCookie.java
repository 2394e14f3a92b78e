package org.hopfieldlab.server.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
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

    static void write(long classId, String token) {
        VaadinRequest req = VaadinService.getCurrentRequest();
        VaadinResponse res = VaadinService.getCurrentResponse();
        Cookie c = new Cookie(name(classId), token);
        c.setHttpOnly(true);
        c.setSecure(req.isSecure());
        c.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
        c.setMaxAge((int) LIFETIME.toSeconds());
        c.setAttribute("SameSite", "Lax");
        res.addCookie(c);
    }
}
