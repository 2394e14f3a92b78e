package org.hopfieldlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hopfieldlab.cli.HopfieldCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar spark/target/hopfield-spark.jar sweep ... --master local[2]}, as a user tries the job jar first
 * (its manifest names SparkMain): it runs with the Spark jars in lib/ beside it and gives the local engine's CSV; a
 * copy of the jar without lib/ is one clear error, not a NoClassDefFoundError stack trace.
 */
class SparkJarIT {
    @TempDir
    Path dir;

    Process javaJar(Path jar, Path log, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    @Test
    void javaJarOfTheJobJarRunsASweepOnSparkLocal2() throws Exception {
        assertTrue(Files.isRegularFile(SparkMainProcess.JAR), "run in `verify`: " + SparkMainProcess.JAR);
        Path local = dir.resolve("local.csv");
        assertEquals(0, HopfieldCli.execute(SparkSweepTest.with("--threads", "1", "--out", local.toString())));
        Path spark = dir.resolve("spark.csv");
        Path log = dir.resolve("jar.log");
        Process p = javaJar(SparkMainProcess.JAR, log, List.of(SparkSweepTest.with("--master", "local[2]", "--out",
                spark.toString())));
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), Files.readString(log));
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("NoClassDefFoundError") || out.contains("\tat "), out);
        assertTrue(out.contains("on Spark local[2]"), out);
        assertEquals(Files.readString(local), Files.readString(spark));
    }

    /**
     * kill -9 of the CLI that handed a sweep to its Spark child: the child stops too, instead of running on and
     * writing the journal beside the resumed sweep (found: it ran to the end on its own).
     */
    @Test
    void theSparkChildStopsWhenTheCliIsKilled() throws Exception {
        Path cli = SparkMainProcess.TARGET.resolve("../../simulator/target/hopfield-cli.jar").normalize();
        assertTrue(Files.isRegularFile(cli), cli.toString());
        Path journal = dir.resolve("k.journal");
        Path log = dir.resolve("cli.log");
        Process parent = javaJar(cli, log, List.of("sweep", "--from", "sequence", "--x", "noise=0,8", "--trials",
                "400", "n=512", "--engine", "spark", "--master", "local[2]", "--no-progress", "--journal",
                journal.toString(), "--out", dir.resolve("k.csv").toString()));
        ProcessHandle child = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child == null && System.nanoTime() < deadline && parent.isAlive()) {
            child = parent.children().findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertTrue(child != null, "no Spark child: " + Files.readString(log));
        while (System.nanoTime() < deadline && (!Files.exists(journal) || !Files.readString(journal).contains(
                "block,"))) {
            Thread.sleep(200); // the child is running blocks
        }
        assertTrue(child.isAlive(), Files.readString(log));
        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the CLI
        parent.waitFor(10, TimeUnit.SECONDS);
        assertTrue(child.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).get() != null && !child.isAlive(),
                "the child outlived the killed CLI: " + Files.readString(log));
        assertTrue(Files.readString(log).contains("is gone; stopping"), Files.readString(log));
        assertFalse(Files.exists(dir.resolve("k.csv")));
    }

    @Test
    void theJobJarWithoutSparksJarsIsOneClearError() throws Exception {
        Path alone = dir.resolve("hopfield-spark.jar");
        Files.copy(SparkMainProcess.JAR, alone);
        Path log = dir.resolve("alone.log");
        Process p = javaJar(alone, log, List.of(SparkSweepTest.with("--master", "local[2]", "--out",
                dir.resolve("x.csv").toString())));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), Files.readString(log));
        String out = Files.readString(log).strip();
        assertEquals(2, p.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("error: --engine spark needs Spark's jars in " + dir.resolve("lib")), out);
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    /**
     * A standalone master that is down: the packaged job (as the server's child runs it) says so in one line and exits
     * 2 within seconds (found: 77 s of Spark's "Failed to connect to master" retries, ~160 log lines, exit 1).
     */
    @Test
    void aMasterThatIsDownIsOneLineAndExit2WithinSeconds() throws Exception {
        int port = SparkMasterTest.closedPort();
        Path log = dir.resolve("down.log");
        Process p = SparkMainProcess.start(log, List.of(SparkSweepTest.with("--master", "spark://127.0.0.1:" + port,
                "--out", dir.resolve("x.csv").toString())));
        boolean ended = p.waitFor(15, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = Files.readString(log).strip();
        assertTrue(ended, "still running after 15 s: " + out);
        assertEquals(2, p.exitValue(), out);
        assertEquals("error: the Spark master spark://127.0.0.1:" + port + " is not reachable: 127.0.0.1:" + port
                + " connection refused; nothing ran (is the master running, and is the URL right?)", out);
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }
}
