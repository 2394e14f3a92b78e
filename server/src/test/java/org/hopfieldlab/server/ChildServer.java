package org.hopfieldlab.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real server in its own JVM (the test class path), on a free loopback port, its output in a file. */
final class ChildServer implements AutoCloseable {
    final Process process;
    final int port;
    final Path log;

    ChildServer(Path dataDir, String... extraArgs) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        log = Files.createTempFile("child-server", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.hopfieldlab.server.ServerApplication", "--server.port=" + port, "--server.address=127.0.0.1",
                "--hopfield.data-dir=" + dataDir, "--hopfield.sweep.threads=1", "--vaadin.launch-browser=false"));
        cmd.addAll(List.of(extraArgs));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until /actuator/health answers 200; false if the process ended or the time ran out. */
    boolean awaitUp(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The first answer at {@code path} (any status), or null if the process ended or the time ran out. */
    HttpResponse<String> awaitAnswer(String path, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(3))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                Thread.sleep(200); // not listening yet
            }
        }
        return null;
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
