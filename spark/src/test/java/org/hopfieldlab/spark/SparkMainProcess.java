package org.hopfieldlab.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged job (hopfield-spark.jar and its lib/) started as a child JVM, as a user's shell would run it. */
final class SparkMainProcess {
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path JAR = TARGET.resolve("hopfield-spark.jar");
    static final Path LIB = TARGET.resolve("lib");

    private SparkMainProcess() {
    }

    /** A test's base sweep arguments and more. */
    static List<String> args(String[] base, String... more) {
        List<String> a = new ArrayList<>(List.of(base));
        a.addAll(List.of(more));
        return a;
    }

    /** Starts {@code SparkMain} with these arguments, its output into {@code log}; Spark stays on loopback. */
    static Process start(Path log, List<String> sweepArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", JAR + ":" + LIB + "/*", "org.hopfieldlab.spark.SparkMain"));
        cmd.addAll(sweepArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }
}
