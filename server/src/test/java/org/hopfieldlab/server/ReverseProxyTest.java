package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.security.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The server behind a reverse proxy at 127.0.0.1 ({@code hopfield.proxy.trusted}), over real HTTP: from 127.0.0.1
 * X-Forwarded-Proto and X-Forwarded-For are believed (a Secure session cookie and https redirects, the throttle keyed
 * on the client the proxy names, plain http at the proxy redirected to https); from ::1, a peer that is not a
 * trusted proxy, they change nothing.
 */
@SpringBootTest(classes = ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hopfield.data-dir=./target/test-db/${random.uuid}", "hopfield.sweep.threads=1",
            "hopfield.proxy.trusted=127.0.0.1",
            "hopfield.proxy.require-https=true"})
@DirtiesContext // a context of its own (its setting differs from @ServerTest's): closed after this class
class ReverseProxyTest {
    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    LoginThrottle throttle;

    LoginHttp viaProxy(String... headers) {
        LoginHttp h = new LoginHttp("http://127.0.0.1:" + port);
        h.headers = headers;
        return h;
    }

    LoginHttp notViaProxy(String... headers) {
        LoginHttp h = new LoginHttp("http://[::1]:" + port);
        h.headers = headers;
        return h;
    }

    static String sessionCookie(HttpResponse<?> r) {
        List<String> c = r.headers().allValues("set-cookie").stream().filter(s -> s.startsWith("JSESSIONID=")).toList();
        assertEquals(1, c.size(), "one session cookie: " + r.headers().allValues("set-cookie"));
        return c.get(0);
    }

    static boolean secure(String setCookie) {
        for (String attr : setCookie.split(";")) {
            if (attr.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void httpsAtTheTrustedProxyMakesTheSessionCookieSecureAndRedirectsHttps() throws Exception {
        HttpResponse<String> https = viaProxy("X-Forwarded-Proto", "https").get("/login");
        assertEquals(200, https.statusCode());
        assertTrue(secure(sessionCookie(https)), sessionCookie(https));
        // a signed-out visit to a page is sent to the sign-in page on the scheme the browser used (port 443; the
        // host is the request's Host header, which nginx passes on with proxy_set_header Host)
        HttpResponse<String> redirect = viaProxy("X-Forwarded-Proto", "https").get("/sweeps");
        assertEquals(302, redirect.statusCode());
        assertEquals("https://127.0.0.1/login", LoginHttp.location(redirect));
        assertEquals("http://127.0.0.1:" + port + "/login", LoginHttp.location(viaProxy().get("/sweeps")));

        // no header (the proxy's own request, a health probe): nothing Secure, nothing redirected
        assertEquals(200, viaProxy().get("/actuator/health").statusCode());
        HttpResponse<String> none = viaProxy().get("/login");
        assertFalse(secure(sessionCookie(none)), sessionCookie(none));

        // the same headers from a peer that is not a trusted proxy are ignored
        HttpResponse<String> directHttp = notViaProxy("X-Forwarded-Proto", "http").get("/login");
        assertEquals(200, directHttp.statusCode());
        HttpResponse<String> spoofed = notViaProxy("X-Forwarded-Proto", "https").get("/login");
        assertEquals(200, spoofed.statusCode());
        assertFalse(secure(sessionCookie(spoofed)), sessionCookie(spoofed));
        assertEquals("http://[::1]:" + port + "/login",
                LoginHttp.location(notViaProxy("X-Forwarded-Proto", "https").get("/sweeps")));
    }

    /** hopfield.proxy.require-https: what the browser sent to the proxy as plain http goes to https. */
    @Test
    void plainHttpAtTheProxyIsRedirectedToHttps() throws Exception {
        HttpResponse<String> get = viaProxy("X-Forwarded-Proto", "http").get("/lab/index.html?n=64&seed=7");
        assertEquals(301, get.statusCode());
        assertEquals("https://127.0.0.1/lab/index.html?n=64&seed=7", LoginHttp.location(get));
        assertTrue(get.headers().allValues("set-cookie").isEmpty(), "no session before https");
        HttpResponse<String> post = viaProxy("X-Forwarded-Proto", "http").post("/login", "username=a&password=b", null);
        assertEquals(308, post.statusCode(), "a POST keeps its method");
        assertEquals("https://127.0.0.1/login", LoginHttp.location(post));
        assertEquals(200, viaProxy("X-Forwarded-Proto", "https").get("/lab/index.html?n=64").statusCode());
    }

    @Test
    void theThrottleCountsTheClientTheProxyNames() throws Exception {
        String user = "proxied-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "correct horse battery");
        // nginx appends the address it saw to what the client sent: the client wrote "198.51.100.7" itself
        LoginHttp client = viaProxy("X-Forwarded-For", "198.51.100.7, 203.0.113.5");
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            assertTrue(LoginHttp.location(client.login(user, "wrong password " + i)).endsWith("/login?error"));
        }
        assertTrue(throttle.secondsLocked(user, "203.0.113.5") >= 28, "keyed on the client the proxy saw");
        assertEquals(0, throttle.secondsLocked(user, "198.51.100.7"), "not on what the client wrote");
        assertEquals(0, throttle.secondsLocked(user, "127.0.0.1"), "not on the proxy");
        // the locked client cannot get out by writing another address of its own
        LoginHttp again = viaProxy("X-Forwarded-For", "198.51.100.99, 203.0.113.5");
        assertTrue(LoginHttp.location(again.login(user, "correct horse battery")).matches(".*/login\\?locked=\\d+"));
        // another client behind the same proxy is not locked out by it
        LoginHttp other = viaProxy("X-Forwarded-For", "203.0.113.6");
        String where = LoginHttp.location(other.login(user, "correct horse battery"));
        assertFalse(where.contains("login"), where);
    }

    @Test
    void fromAPeerThatIsNotATrustedProxyAForwardedAddressChangesNothing() throws Exception {
        String user = "direct-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "violet kettle moss");
        LoginHttp client = notViaProxy("X-Forwarded-For", "203.0.113.9");
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            assertTrue(LoginHttp.location(client.login(user, "wrong password " + i)).endsWith("/login?error"));
        }
        assertTrue(throttle.secondsLocked(user, "0:0:0:0:0:0:0:1") >= 28, "keyed on the peer");
        assertEquals(0, throttle.secondsLocked(user, "203.0.113.9"));
        // a new X-Forwarded-For does not reset the count: still locked, even with the right password
        LoginHttp spoofing = notViaProxy("X-Forwarded-For", "203.0.113.10");
        assertTrue(LoginHttp.location(spoofing.login(user, "violet kettle moss")).matches(".*/login\\?locked=\\d+"));
    }
}
