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
        try (ChildServer s = new ChildServer(file)) {
            assertTrue(s.process.waitFor(120, TimeUnit.SECONDS), "the server gives up instead of running");
            assertEquals(1, s.process.exitValue());
            String out = s.output();
            assertTrue(out.contains("The data folder " + file + " is a file, not a folder."), out);
            assertTrue(out.contains("--hopfield.data-dir=<a writable folder>"), out);
        }
        try (ChildServer s = new ChildServer(Path.of("/proc/hopfield-data"))) {
            assertTrue(s.process.waitFor(120, TimeUnit.SECONDS));
            String out = s.output();
            assertTrue(out.contains("The data folder /proc/hopfield-data does not exist and cannot be created"), out);
        }
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsNamedAsSuch() throws Exception {
        Path dir = Files.createTempDirectory("locked-db");
        // this JVM holds the database file open, as a running server would
        try (Connection held = DriverManager.getConnection("jdbc:h2:file:" + dir + "/hopfield", "sa", "");
                ChildServer s = new ChildServer(dir)) {
            assertFalse(s.awaitUp(Duration.ofSeconds(120)), "must not start on a database in use");
            assertTrue(s.process.waitFor(60, TimeUnit.SECONDS));
            String out = s.output();
            assertTrue(out.contains("The database is in use by another process, most likely another Hopfield Lab "
                    + "server started with the same data folder"), out);
            assertTrue(out.contains("Stop the other server"), out);
        }
    }
}
