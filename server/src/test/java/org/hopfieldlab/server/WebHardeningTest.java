package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.hopfieldlab.server.security.SecurityConfig;
import org.apache.catalina.Context;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security headers on every kind of response (Vaadin pages, the sign-in page, the static lab, errors), the lab at
 * /lab/, and no HTTP session for static or anonymous static GETs.
 */
@ServerTest
class WebHardeningTest {
    @LocalServerPort
    int port;

    static final List<String> PAGES = List.of("/login", "/signup", "/sweeps", "/lab/", "/lab/index.html",
            "/lab/js/engine.js", "/favicon.ico", "/shared/not-a-real-token-0123456789abcdef", "/no/such/page",
            "/lab/no-such-file.js");
    static final List<String> STATIC = List.of("/lab/", "/lab/index.html", "/lab/js/engine.js", "/lab/js/worker.js",
            "/lab/wasm/hopfield.wasm", "/lab/vendor/uPlot.min.css", "/favicon.ico");

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        LoginHttp http = new LoginHttp(port);
        for (String path : PAGES) {
            HttpResponse<String> r = http.get(path);
            var h = r.headers();
            // the lab's pages get their own, stricter policy (LabCsp): no inline or eval'd script
            String csp = path.startsWith("/lab/") ? org.hopfieldlab.server.web.LabCsp.POLICY : SecurityConfig.CSP;
            assertEquals(csp, h.firstValue("content-security-policy").orElse(null), path);
            assertEquals("same-origin", h.firstValue("referrer-policy").orElse(null), path);
            assertEquals("nosniff", h.firstValue("x-content-type-options").orElse(null), path);
            assertEquals("SAMEORIGIN", h.firstValue("x-frame-options").orElse(null), path);
        }
    }

    /** The lab's script policy: its own files and its two inline scripts by hash, WebAssembly, no other inline script. */
    @Test
    void theLabsPolicyAllowsNoInlineScript() throws Exception {
        String csp = new LoginHttp(port).get("/lab/").headers().firstValue("content-security-policy").orElseThrow();
        String script = java.util.Arrays.stream(csp.split(";")).map(String::trim)
                .filter(d -> d.startsWith("script-src ")).findFirst().orElseThrow();
        assertEquals(false, script.contains("'unsafe-inline'"), script);
        assertEquals(2, script.split("'sha256-", -1).length - 1, script);
        assertEquals(true, script.contains("'wasm-unsafe-eval'"), script);
    }

    /** The largest spec a session can hold still opens as a lab link (Tomcat's default 8 KB header limit refused it). */
    @Test
    void aLinkWithTheLargestStorableSpecIsServed() throws Exception {
        LoginHttp http = new LoginHttp(port);
        String big = "v=1&model=classic&n=64&p=3&x=" + "a".repeat(org.hopfieldlab.server.session.SessionService.MAX_SPEC);
        HttpResponse<String> lab = http.get("/lab/?" + big);
        assertEquals(200, lab.statusCode(), "a " + big.length() + "-character query");
        assertEquals(http.get("/lab/index.html").body(), lab.body());
    }

    @Test
    void theLabIsServedAtSlashLab() throws Exception {
        LoginHttp http = new LoginHttp(port);
        HttpResponse<String> index = http.get("/lab/index.html");
        HttpResponse<String> lab = http.get("/lab/");
        assertEquals(200, lab.statusCode());
        assertEquals(index.body(), lab.body(), "/lab/ is the lab's index.html");
        assertTrue(lab.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        HttpResponse<String> withSpec = http.get("/lab/?v=1&model=classic&n=64&p=3");
        assertEquals(200, withSpec.statusCode());
        assertEquals(index.body(), withSpec.body());
        HttpResponse<String> bare = http.get("/lab?v=1&n=64");
        assertEquals(302, bare.statusCode());
        assertTrue(LoginHttp.location(bare).endsWith("/lab/?v=1&n=64"), LoginHttp.location(bare));
    }

    /**
     * A mistyped address, signed in: the app's page with status 404 (its router shows "Page not found", see
     * ServerE2EIT; {@code NotFoundStatus} resolves such an address while the bootstrap page is written, so the
     * status reaches the first response, which was 200), no longer a 403 "The request was refused" page as if the
     * user lacked a right; signed out: the sign-in page first, as before. Real pages still answer 200.
     */
    @Test
    void aMistypedAddressGets404FromTheRouterNotARefusal() throws Exception {
        String user = "typo-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "correct horse battery");
        LoginHttp anonymous = new LoginHttp(port);
        HttpResponse<String> out = anonymous.get("/no/such/page");
        assertEquals(302, out.statusCode(), "signed out: the sign-in page first");
        assertTrue(LoginHttp.location(out).endsWith("/login"), LoginHttp.location(out));
        LoginHttp http = new LoginHttp(port);
        http.login(user, "correct horse battery");
        for (String path : List.of("/no/such/page", "/class/not-a-number", "/lab/no-such-file.js")) {
            HttpResponse<String> r = http.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(!r.body().contains("The request was refused") && r.body().contains("Vaadin"), path);
        }
        for (String path : List.of("/sweeps", "/", "/classes", "/experiment?v=1&n=64")) {
            assertEquals(200, http.get(path).statusCode(), "a real page still opens: " + path);
        }
    }

    @Autowired
    ServletWebServerApplicationContext context;
    @Autowired
    AccountService accounts;

    int sessionTimeout(LoginHttp http) throws Exception {
        String id = http.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .findFirst().orElseThrow().getValue();
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var session = ((Context) tomcat.getHost().findChildren()[0]).getManager().findSession(id);
        return session.getMaxInactiveInterval();
    }

    @Test
    void anonymousVaadinSessionsAreShortLivedUntilSignIn() throws Exception {
        String user = "anon-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "correct horse battery");
        LoginHttp http = new LoginHttp(port);
        http.get("/login");
        assertEquals(600, sessionTimeout(http), "an anonymous page's session: 10 min");
        var r = http.login(user, "correct horse battery");
        assertTrue(!LoginHttp.location(r).contains("login"), LoginHttp.location(r));
        assertEquals(1800, sessionTimeout(http), "signed in: the full 30 min");
    }

    @Test
    void staticGetsCreateNoSession() throws Exception {
        for (String path : STATIC) {
            LoginHttp fresh = new LoginHttp(port);
            HttpResponse<String> r = fresh.get(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().allValues("set-cookie").isEmpty(), path + " set " + r.headers()
                    .allValues("set-cookie"));
        }
    }
}
