package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator sees when the server cannot start (a real server JVM each time), and the health endpoint.
 */
@ServerTest
class StartupFailuresTest {
    @LocalServerPort
    int port;

    @Test
    void healthIsPublicAndSaysUp() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"status\":\"UP\""), r.body());
        assertFalse(r.body().contains("components"), "no details for anonymous callers: " + r.body());
        HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/env")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(other.statusCode() == 302 || other.statusCode() == 404, "only health is exposed: "
                + other.statusCode());
    }

    @Test
    void aDataFolderThatIsAFileStopsTheStartWithAClearMessage() throws Exception {
        Path file = Files.createTempFile("not-a-folder", ".txt");
        // without the failure page the process ends, as a service manager expects
        try (ChildServer s = new ChildServer(file, "--hopfield.failure-page.enabled=false")) {
            assertTrue(s.process.waitFor(120, TimeUnit.SECONDS), "the server gives up instead of running");
            assertEquals(1, s.process.exitValue());
            String out = s.output();
            assertTrue(out.contains("The data folder " + file + " is a file, not a folder."), out);
            assertTrue(out.contains("--hopfield.data-dir=<a writable folder>"), out);
        }
        // with it (the default), the port answers with the reason, here for 5 s and then the process ends
        try (ChildServer s = new ChildServer(Path.of("/proc/hopfield-data"), "--hopfield.failure-page.keep-for=5s")) {
            HttpResponse<String> page = s.awaitAnswer("/", Duration.ofSeconds(120));
            assertTrue(page != null, "nothing answered: " + s.output());
            assertEquals(503, page.statusCode());
            assertTrue(page.body().contains("The data folder /proc/hopfield-data does not exist and cannot be "
                    + "created"), page.body());
            assertTrue(s.process.waitFor(60, TimeUnit.SECONDS), "keep-for ends the process");
            assertEquals(1, s.process.exitValue());
            String out = s.output();
            assertTrue(out.contains("The data folder /proc/hopfield-data does not exist and cannot be created"), out);
            assertTrue(out.contains("Serving an explanation page (503)"), out);
        }
    }

    @Test
    void aTrustedProxySettingThatIsNoAddressStopsTheStartNamingIt() throws Exception {
        Path dir = Files.createTempDirectory("proxy-setting");
        try (ChildServer s = new ChildServer(dir, "--hopfield.proxy.trusted=127.0.0.1,10.0.0.0/33",
                "--hopfield.failure-page.enabled=false")) {
            assertTrue(s.process.waitFor(120, TimeUnit.SECONDS), "the server gives up instead of running");
            assertEquals(1, s.process.exitValue());
            String out = s.output();
            assertTrue(out.contains("The setting hopfield.proxy.trusted has \"10.0.0.0/33\", which has a prefix "
                    + "length that is not 0 to 32."), out);
            assertTrue(out.contains("Correct hopfield.proxy.trusted"), out);
            assertFalse(out.contains("\tat org.hopfieldlab"), "no stack trace: " + out);
        }
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsNamedAsSuchInTheLogAndOnAPage() throws Exception {
        Path dir = Files.createTempDirectory("locked-db");
        // this JVM holds the database file open, as a running server would
        try (Connection held = DriverManager.getConnection("jdbc:h2:file:" + dir + "/hopfield", "sa", "");
                ChildServer s = new ChildServer(dir)) {
            HttpResponse<String> health = s.awaitAnswer("/actuator/health", Duration.ofSeconds(120));
            assertTrue(health != null, "nothing answered: " + s.output());
            assertEquals(503, health.statusCode());
            assertTrue(health.headers().firstValue("content-type").orElse("").startsWith("application/json"));
            assertTrue(health.body().startsWith("{\"status\":\"DOWN\",\"reason\":\"The database is in use by "
                    + "another process"), health.body());
            assertFalse(health.body().contains("mv.db"), health.body());
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/", "/sweeps", "/lab/index.html", "/login?x=1"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.base() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, r.statusCode(), path);
                assertTrue(r.body().contains("Hopfield Lab could not start"), r.body());
                assertTrue(r.body().contains("The database is in use by another process, most likely another "
                        + "Hopfield Lab server started with the same data folder"), r.body());
                assertTrue(r.body().contains("Stop the other server"), r.body());
                assertFalse(r.body().contains("Exception"), r.body());
                assertFalse(r.body().contains("mv.db"), "the driver's words (a file path) stay in the log: "
                        + r.body());
            }
            HttpResponse<Void> post = http.send(HttpRequest.newBuilder(URI.create(s.base() + "/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(503, post.statusCode());
            Thread.sleep(1000);
            assertTrue(s.process.isAlive(), "keeps serving until stopped (the default)");
            String out = s.output();
            assertTrue(out.contains("The database is in use by another process, most likely another Hopfield Lab "
                    + "server started with the same data folder"), out);
            assertTrue(out.contains("Stop the other server"), out);
            assertTrue(out.contains("hopfield.mv.db"), "the log keeps the driver's own words: " + out);
        }
    }
}
