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
}
