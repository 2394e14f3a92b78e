package org.hopfieldlab.server.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.hopfieldlab.server.security.SecurityConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * When the server cannot start, something still answers on its port: a JDK {@link HttpServer} (no Spring, no
 * database) that serves, with status 503, a page saying what is wrong for every path and
 * {@code {"status":"DOWN","reason":...}} at {@code /actuator/health}. Otherwise users would get "connection refused"
 * and an operator's probe would say nothing. It runs until the process is stopped, or for
 * {@code hopfield.failure-page.keep-for} (then the process exits with status 1);
 * {@code hopfield.failure-page.enabled=false} exits at once as before. Only {@link
 * org.hopfieldlab.server.ServerApplication#main} registers it, so a failing test context never binds a port.
 */
public final class StartupFailurePage implements ApplicationListener<ApplicationFailedEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StartupFailurePage.class);
    private volatile Environment env;

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        if (event.getApplicationContext() != null) {
            env = event.getApplicationContext().getEnvironment();
        }
    }

    /** Serves the page for this failure if enabled and the port can be bound; false if it is not served. */
    public boolean serve(Throwable failure) {
        Environment e = env;
        if (e == null || !e.getProperty("hopfield.failure-page.enabled", Boolean.class, true)) {
            return false;
        }
        int port = e.getProperty("server.port", Integer.class, 8080);
        String address = e.getProperty("server.address");
        String keepFor = e.getProperty("hopfield.failure-page.keep-for", "0");
        FailureAnalysis known = StartupFailures.explain(failure);
        String what = known != null ? known.getDescription()
                : "An unexpected error stopped the start (" + failure.getClass().getSimpleName() + "); the server's "
                        + "log has the details.";
        String action = known != null ? known.getAction() : "Read the server's log from its start, fix what it "
                + "names, and start the server again.";
        if (port <= 0) {
            return false;
        }
        HttpServer server;
        try {
            InetSocketAddress at = address == null || address.isBlank() ? new InetSocketAddress(port)
                    : new InetSocketAddress(InetAddress.getByName(address), port);
            server = bind(at);
        } catch (IOException ex) {
            LOG.error("Hopfield Lab could not start, and the page explaining why could not be served on port {} "
                    + "either ({})", port, ex.toString());
            return false;
        }
        byte[] page = PlainPage.html("Hopfield Lab could not start",
                "Hopfield Lab is not available right now: its server could not start. Saved work is not affected.",
                "What is wrong: " + what, "What the operator can do: " + action,
                "This page is served in its place until the server is restarted.").getBytes(StandardCharsets.UTF_8);
        byte[] health = ("{\"status\":\"DOWN\",\"reason\":\"" + json(what) + "\"}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", x -> {
            String path = x.getRequestURI().getRawPath();
            boolean healthPath = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
            answer(x, healthPath ? health : page, healthPath ? "application/json" : "text/html; charset=utf-8");
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        Duration limit = DurationStyle.detectAndParse(keepFor);
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.error("Hopfield Lab could not start: {} ({}) Serving an explanation page (503) and /actuator/health DOWN "
                + "on {}:{} {}.", what, root, address == null ? "*" : address, port, limit.isZero() ? "until stopped"
                        : "for " + limit + ", then exiting");
        if (!limit.isZero()) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(limit.toMillis());
                } catch (InterruptedException ignored) {
                    // stop now
                }
                server.stop(0);
                System.exit(1);
            }, "failure-page-timer");
            t.setDaemon(true);
            t.start();
        }
        return true;
    }

    /** The stopped Tomcat may release the port a moment after the context closed: a few tries over ~2 s. */
    private static HttpServer bind(InetSocketAddress at) throws IOException {
        for (int i = 0;; i++) {
            try {
                return HttpServer.create(at, 50);
            } catch (java.net.BindException ex) {
                if (i >= 10) {
                    throw ex;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
            }
        }
    }

    private static void answer(HttpExchange x, byte[] body, String type) throws IOException {
        try (x) {
            x.getRequestBody().readNBytes(64 * 1024); // a small body is drained; anything bigger closes the connection
            var h = x.getResponseHeaders();
            h.set("Content-Type", type);
            h.set("Cache-Control", "no-store");
            h.set("Retry-After", "60");
            h.set("Content-Security-Policy", SecurityConfig.CSP);
            h.set("Referrer-Policy", "same-origin");
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "SAMEORIGIN");
            boolean head = "HEAD".equals(x.getRequestMethod());
            x.sendResponseHeaders(503, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
