package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * A bounded load test over loopback: {@code load.clients} concurrent clients (default 50) for {@code load.seconds}
 * (default 30) against the static lab (/lab/, its HTML, JS, Wasm and CSS), the sign-in page (GET /login, one
 * anonymous session per client) and a signed-in page (GET /, through {@code load.signins} (default 5) signed-in
 * sessions made once before the timed phase and shared round-robin by the clients: each sign-in costs a BCrypt check,
 * about 1 s of CPU on this loaded 2-core machine, so 50 of them would exceed the test's time budget). Every response must have its expected status (0 errors); anonymous static GETs must set no cookie and
 * create no HTTP session (every session the page GETs use exists before the timed phase, so Tomcat's session counter
 * must not move during it, apart from one per fresh sign-in). Besides, every {@code load.signin-every} (default 3)
 * rounds each client signs in as a fresh browser would: GET /login for the page's CSRF token, then the POST (a BCrypt
 * check each, and the sign-in throttle's database look-ups). Prints p50/p99 latency and the server JVM's RSS before/after; asserts nothing on latency but a generous bound.
 */
@ServerTest
class ServerLoadTest {
    static final List<String> STATIC = List.of("/lab/", "/lab/index.html", "/lab/js/engine.js", "/lab/js/worker.js",
            "/lab/js/hopfield.js", "/lab/wasm/hopfield.wasm", "/lab/wasm/hopfield.wasm-runtime.js",
            "/lab/vendor/uPlot.min.css", "/lab/vendor/uPlot.iife.min.js");
    static final String PASSWORD = "load test horse battery";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ServletWebServerApplicationContext context;

    Manager sessionManager() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        return ((Context) tomcat.getHost().findChildren()[0]).getManager();
    }

    static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** One simulated user: a cookieless client for static files, an anonymous jar for /login, a signed-in jar. */
    final class Client {
        final HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        final LoginHttp anonymous = new LoginHttp(port);
        final LoginHttp signedIn = new LoginHttp(port);
        final List<Long> staticNanos = new ArrayList<>();
        final List<Long> pageNanos = new ArrayList<>();
        final List<Long> signInNanos = new ArrayList<>();
    }

    static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static long[] sorted(List<Client> clients, java.util.function.Function<Client, List<Long>> which) {
        return clients.stream().flatMap(c -> which.apply(c).stream()).mapToLong(Long::longValue).sorted().toArray();
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    @Test
    void manyClientsGetOnlyExpectedResponsesAndStaticGetsMakeNoSessions() throws Exception {
        int nClients = Integer.getInteger("load.clients", 50);
        int seconds = Integer.getInteger("load.seconds", 30);
        int nSignIns = Math.max(1, Math.min(nClients, Integer.getInteger("load.signins", 5)));
        // every client also signs in afresh (GET /login for the token, POST /login) every this many rounds
        int signInEvery = Math.max(1, Integer.getInteger("load.signin-every", 3));
        String user = "load-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, PASSWORD);

        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong errorCount = new AtomicLong();
        AtomicLong staticCookies = new AtomicLong();
        AtomicLong freshSignIns = new AtomicLong();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < nClients; i++) {
            clients.add(new Client());
        }
        ExecutorService pool = Executors.newFixedThreadPool(nClients);
        try {
            // Set-up, untimed: load.signins real sign-ins (a BCrypt check each, ~1 s here under load), their
            // sessions shared round-robin by the clients (as tabs of one browser); each client opens /login once.
            long setup = System.nanoTime();
            List<Future<?>> ready = new ArrayList<>();
            for (int i = 0; i < nClients; i++) {
                Client c = clients.get(i);
                boolean signIn = i < nSignIns;
                ready.add(pool.submit(() -> {
                    if (signIn) {
                        var r = c.signedIn.login(user, PASSWORD);
                        assertEquals(302, r.statusCode(), "sign-in");
                        assertTrue(!LoginHttp.location(r).contains("login"), "sign-in went to "
                                + LoginHttp.location(r));
                    }
                    assertEquals(200, c.anonymous.get("/login").statusCode());
                    return null;
                }));
            }
            for (Future<?> f : ready) {
                f.get();
            }
            URI base = URI.create("http://localhost:" + port + "/");
            for (int i = nSignIns; i < nClients; i++) {
                for (HttpCookie cookie : clients.get(i % nSignIns).signedIn.cookies.getCookieStore().get(base)) {
                    clients.get(i).signedIn.cookies.getCookieStore().add(base, cookie);
                }
            }
            double setupSeconds = (System.nanoTime() - setup) / 1e9;

            System.gc();
            long rssBefore = rssKb();
            int sessionsBefore = sessionManager().getActiveSessions();
            long createdBefore = sessionManager().getSessionCounter();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int ci = 0; ci < nClients; ci++) {
                Client c = clients.get(ci);
                int offset = ci;
                running.add(pool.submit(() -> {
                    start.await();
                    // Each round: every static file (no cookie), the sign-in page, and the signed-in page.
                    int rounds = 0;
                    while (System.nanoTime() < end) {
                        for (int k = 0; k < STATIC.size() + 2 && System.nanoTime() < end; k++) {
                            int item = (k + offset + rounds) % (STATIC.size() + 2);
                            String what = "?";
                            long t0 = System.nanoTime();
                            try {
                                if (item < STATIC.size()) {
                                    what = STATIC.get(item);
                                    HttpResponse<byte[]> r = c.bare.send(HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + what)).build(),
                                            HttpResponse.BodyHandlers.ofByteArray());
                                    c.staticNanos.add(System.nanoTime() - t0);
                                    if (!r.headers().allValues("set-cookie").isEmpty()) {
                                        staticCookies.incrementAndGet();
                                    }
                                    if (r.statusCode() != 200 || r.body().length == 0) {
                                        throw new IllegalStateException("status " + r.statusCode() + ", "
                                                + r.body().length + " bytes");
                                    }
                                } else if (item == STATIC.size()) {
                                    what = "GET /login (anonymous session)";
                                    HttpResponse<String> r = c.anonymous.get("/login");
                                    c.pageNanos.add(System.nanoTime() - t0);
                                    if (r.statusCode() != 200 || !r.body().contains("_csrf")) {
                                        throw new IllegalStateException("status " + r.statusCode());
                                    }
                                } else {
                                    what = "GET / (signed in)";
                                    HttpResponse<String> r = c.signedIn.get("/");
                                    c.pageNanos.add(System.nanoTime() - t0);
                                    if (r.statusCode() != 200) {
                                        throw new IllegalStateException("status " + r.statusCode() + " to "
                                                + LoginHttp.location(r));
                                    }
                                }
                            } catch (Exception e) {
                                if (errorCount.incrementAndGet() <= 10) {
                                    errors.add(what + ": " + e);
                                }
                            }
                        }
                        if ((rounds + offset) % signInEvery == 0 && System.nanoTime() < end) {
                            // a sign-in as the form does it: a fresh browser, the page's CSRF token, the POST
                            try {
                                LoginHttp fresh = new LoginHttp(port);
                                long g0 = System.nanoTime();
                                String[] token = fresh.csrf();
                                c.pageNanos.add(System.nanoTime() - g0);
                                if (token[1] == null) {
                                    throw new IllegalStateException("no CSRF token on /login");
                                }
                                freshSignIns.incrementAndGet();
                                long p0 = System.nanoTime();
                                HttpResponse<String> r = fresh.post("/login", "username=" + LoginHttp.enc(user)
                                        + "&password=" + LoginHttp.enc(PASSWORD) + "&" + LoginHttp.enc(token[0])
                                        + "=" + LoginHttp.enc(token[1]), null);
                                c.signInNanos.add(System.nanoTime() - p0);
                                if (r.statusCode() != 302 || LoginHttp.location(r).contains("login")) {
                                    throw new IllegalStateException("status " + r.statusCode() + " to "
                                            + LoginHttp.location(r));
                                }
                            } catch (Exception e) {
                                if (errorCount.incrementAndGet() <= 10) {
                                    errors.add("sign-in POST: " + e);
                                }
                            }
                        }
                        rounds++;
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            long createdDuring = sessionManager().getSessionCounter() - createdBefore;
            int sessionsAfter = sessionManager().getActiveSessions();
            long rssAfter = rssKb();
            System.gc();
            long rssAfterGc = rssKb();

            long[] st = sorted(clients, c -> c.staticNanos);
            long[] pg = sorted(clients, c -> c.pageNanos);
            long[] si = sorted(clients, c -> c.signInNanos);
            long[] all = new long[st.length + pg.length + si.length];
            System.arraycopy(st, 0, all, 0, st.length);
            System.arraycopy(pg, 0, all, st.length, pg.length);
            System.arraycopy(si, 0, all, st.length + pg.length, si.length);
            Arrays.sort(all);
            String line = String.format(Locale.ROOT,
                    "LOAD clients=%d seconds=%.1f requests=%d (%.0f/s) errors=%d | all p50=%s ms p99=%s ms"
                            + " | static n=%d p50=%s ms p99=%s ms | pages n=%d p50=%s ms p99=%s ms"
                            + " | sign-in POSTs n=%d p50=%s ms p99=%s ms"
                            + " | sessions created during load=%d (fresh sign-in browsers %d) active %d->%d,"
                            + " static Set-Cookie=%d"
                            + " | RSS %d MB -> %d MB (+%d MB; %d MB after GC) | set-up %d sign-ins %.1f s | loadavg %s",
                    nClients, wall, all.length, all.length / wall, errorCount.get(), ms(percentile(all, 0.5)),
                    ms(percentile(all, 0.99)), st.length, ms(percentile(st, 0.5)), ms(percentile(st, 0.99)),
                    pg.length, ms(percentile(pg, 0.5)), ms(percentile(pg, 0.99)), si.length,
                    ms(percentile(si, 0.5)), ms(percentile(si, 0.99)), createdDuring, freshSignIns.get(),
                    sessionsBefore,
                    sessionsAfter, staticCookies.get(), rssBefore / 1024, rssAfter / 1024,
                    (rssAfter - rssBefore) / 1024, rssAfterGc / 1024, nSignIns, setupSeconds,
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.println(line);

            assertEquals(0, errorCount.get(), "errors under load: " + errors);
            assertEquals(0, staticCookies.get(), "anonymous static GETs set a cookie");
            // the only sessions made during the load are the fresh sign-in browsers' (one each: the sign-in keeps
            // the session and changes its id); static and repeated page GETs make none
            assertEquals(freshSignIns.get(), createdDuring, "sessions created during the load");
            assertTrue(si.length > 0, "no sign-in under load");
            assertTrue(st.length > nClients && pg.length > nClients, "too few requests to mean anything: " + line);
            assertTrue(percentile(all, 0.99) < Duration.ofSeconds(10).toNanos(), "p99 over 10 s: " + line);
        } finally {
            pool.shutdownNow();
        }
    }
}
