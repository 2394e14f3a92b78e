package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Login CSRF: a sign-in POST without the page's token is refused, with it the same request signs in. */
@ServerTest
class LoginCsrfTest {
    @Autowired
    AccountService accounts;
    @LocalServerPort
    int port;

    @Test
    void signInFromAnotherOriginWithoutTokenIsRefused() throws Exception {
        String user = "csrf-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "correct horse battery");
        LoginHttp attacker = new LoginHttp(port);
        HttpResponse<String> r = attacker.post("/login", "username=" + user + "&password="
                + LoginHttp.enc("correct horse battery"), "https://evil.example");
        // refused: Spring Security's CSRF check fails and Vaadin answers by sending the browser to a fresh login page
        assertEquals(302, r.statusCode());
        assertTrue(LoginHttp.location(r).matches(".*/login"), "back to the login page, not signed in: "
                + LoginHttp.location(r));
        assertEquals(302, attacker.get("/sweeps").statusCode(), "the forged request did not sign in");
        assertTrue(LoginHttp.location(attacker.get("/sweeps")).endsWith("/login"));
        // a wrong token is refused too
        LoginHttp forged = new LoginHttp(port);
        HttpResponse<String> wrong = forged.post("/login", "username=" + user + "&password="
                + LoginHttp.enc("correct horse battery") + "&_csrf=not-the-token", null);
        assertTrue(LoginHttp.location(wrong).matches(".*/login"), LoginHttp.location(wrong));
        assertEquals(302, forged.get("/sweeps").statusCode(), "a wrong token did not sign in");

        LoginHttp browser = new LoginHttp(port);
        String[] token = browser.csrf();
        assertNotNull(token[0], "the login page carries the _csrf_parameter meta tag");
        assertNotNull(token[1], "the login page carries the _csrf meta tag");
        HttpResponse<String> ok = browser.login(user, "correct horse battery");
        assertEquals(302, ok.statusCode());
        assertFalse(LoginHttp.location(ok).contains("error"), LoginHttp.location(ok));
        assertFalse(LoginHttp.location(ok).contains("login"), LoginHttp.location(ok));
        // signed in: a protected page no longer redirects to the login
        assertEquals(200, browser.get("/sweeps").statusCode());
    }

    @Test
    void sessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        LoginHttp browser = new LoginHttp(port);
        HttpResponse<String> page = browser.get("/login");
        String cookie = page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.headers().map()));
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }
}
