package org.hopfieldlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hopfieldlab.cli.HopfieldCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone Spark cluster on 127.0.0.1 — a Master JVM, a Worker JVM and the executor JVM the worker starts —
 * built from the Maven jars alone (target/lib as SPARK_HOME/jars), runs the sweep with the packaged
 * hopfield-spark.jar: the same CSV as the local engine. Also: the CLI jar's {@code --engine spark} out of the box.
 */
class SparkClusterIT {
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path JAR = TARGET.resolve("hopfield-spark.jar");
    static final Path LIB = TARGET.resolve("lib");
    static final Path CLI = TARGET.resolve("../../simulator/target/hopfield-cli.jar").normalize();

    @TempDir
    static Path dir;
    static Process master;
    static Process worker;
    static int port;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Process start(Path home, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", home.resolve("jars") + "/*"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    @BeforeAll
    static void cluster() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run in `verify`: " + JAR + " is built in `package`");
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("RELEASE"), "Spark 4.2.0 from Maven jars (hopfield-lab test)\n");
        Files.createSymbolicLink(home.resolve("jars"), LIB);
        port = freePort();
        master = start(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        waitForPort(port, master, "master");
        worker = start(home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
                "--memory", "1g", "--webui-port", String.valueOf(freePort()), "spark://127.0.0.1:" + port);
    }

    static void waitForPort(int p, Process proc, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(proc.isAlive(), name + " died: " + Files.readString(dir.resolve(name + ".log")));
            try (Socket s = new Socket("127.0.0.1", p)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError(name + " did not listen on " + p);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void standaloneClusterGivesTheLocalEnginesCsv() throws Exception {
        Path local = dir.resolve("local.csv");
        Path spark = dir.resolve("cluster.csv");
        assertEquals(0, HopfieldCli.execute(SparkSweepTest.with("--threads", "2", "--out", local.toString())));
        // the driver runs in a JVM of its own on the packaged jar, as spark-submit's client mode would
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR + ":" + LIB + "/*", "org.hopfieldlab.spark.SparkMain"));
        cmd.addAll(List.of(SparkSweepTest.with("--master", "spark://127.0.0.1:" + port, "--out", spark.toString())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("driver.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process driver = pb.start();
        assertTrue(driver.waitFor(120, TimeUnit.SECONDS), "driver timed out: " + log("driver") + log("worker"));
        assertEquals(0, driver.exitValue(), log("driver") + log("worker"));
        assertEquals(Files.readString(local), Files.readString(spark));
        // the tasks really ran in an executor JVM the worker started
        assertTrue(log("worker").contains("Launch") || log("worker").contains("executor"), log("worker"));
    }

    @Test
    void cliJarRunsSparkLocal2OutOfTheBox() throws Exception {
        assertTrue(Files.isRegularFile(CLI), "build simulator in the same reactor: " + CLI);
        Path local = dir.resolve("local2.csv");
        Path spark = dir.resolve("cli-spark.csv");
        assertEquals(0, HopfieldCli.execute(SparkSweepTest.with("--threads", "1", "--out", local.toString())));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CLI.toString()));
        cmd.addAll(List.of(SparkSweepTest.with("--engine", "spark", "--master", "local[2]", "--out",
                spark.toString())));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), log("cli"));
        assertEquals(0, p.exitValue(), log("cli"));
        assertEquals(Files.readString(local), Files.readString(spark));
        assertTrue(log("cli").contains("on Spark local[2]"), log("cli"));
    }

    static String log(String name) throws IOException {
        Path f = dir.resolve(name + ".log");
        return Files.exists(f) ? "\n--- " + name + ".log ---\n" + Files.readString(f) : "";
    }
}
