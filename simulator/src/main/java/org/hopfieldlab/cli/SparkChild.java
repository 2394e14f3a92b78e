package org.hopfieldlab.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.hopfieldlab.batch.sweep.SweepBackend;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sweep --engine spark} from the CLI jar, which never holds Spark: find the Spark backend on the classpath
 * (inside hopfield-spark.jar) or start a child JVM on hopfield-spark.jar with the same arguments.
 */
final class SparkChild {
    /** Set in the child, so a broken jar cannot start children forever. */
    static final String CHILD_ENV = "HOPFIELD_SPARK_CHILD";
    static final String JAR_ENV = "HOPFIELD_SPARK_JAR";
    /** The pid of the CLI that started the child: the child stops when it is gone (kill -9 of the CLI). */
    static final String PARENT_ENV = "HOPFIELD_SPARK_PARENT";
    static final String MAIN = "org.hopfieldlab.spark.SparkMain";

    private SparkChild() {
    }

    /** The Spark backend when Spark and the module are on this classpath, else null. */
    static SweepBackend backend() {
        try {
            for (SweepBackend b : ServiceLoader.load(SweepBackend.class)) {
                if (b.name().equals("spark")) {
                    return b;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // hopfield-spark.jar started with `java -jar` (no Spark on the classpath): its backend cannot load;
            // run() then starts the child on the jar and the Spark jars beside it
        }
        return null;
    }

    /** Runs the same sweep command in a child JVM on hopfield-spark.jar; returns its exit code. */
    static int run(CommandSpec spec) throws IOException {
        if (System.getenv(CHILD_ENV) != null) {
            throw new IllegalStateException("the Spark backend is missing from hopfield-spark.jar's classpath");
        }
        List<Path> tried = new ArrayList<>();
        Path jar = findJar(tried);
        if (jar == null) {
            throw new IllegalArgumentException("--engine spark needs hopfield-spark.jar, which was not found (looked at "
                    + String.join(", ", tried.stream().map(Path::toString).toList()) + "). Build it with "
                    + "`./mvnw -pl simulator,spark package` (it lands in spark/target/) or set " + JAR_ENV
                    + "=/path/to/hopfield-spark.jar");
        }
        String cp = jar.toString();
        Path lib = jar.resolveSibling("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalArgumentException("--engine spark needs Spark's jars in " + lib + " beside " + jar
                    + " (`./mvnw -pl simulator,spark -am package` puts them in spark/target/lib/), or run the job "
                    + "jar with spark-submit");
        }
        // Spark itself: the jars beside the job jar (spark/target/lib), as a spark-submit install would give
        cp += File.pathSeparator + lib + File.separator + "*";
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        int at = args.indexOf("sweep");
        List<String> sweepArgs = at >= 0 ? args.subList(at + 1, args.size()) : args;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Spark and Hadoop call restricted and sun.misc.Unsafe methods: allow them instead of warning on stderr
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(MAIN);
        cmd.add("sweep");
        cmd.addAll(sweepArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(CHILD_ENV, "1");
        pb.environment().put(PARENT_ENV, Long.toString(ProcessHandle.current().pid()));
        // these machines talk over loopback only; an explicit SPARK_LOCAL_IP is kept
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * In a child started by {@link #run}: stop when the CLI that started it ends. A SIGTERM or Ctrl-C of the CLI
     * reaches the child through destroy() or the terminal, but a kill -9 of the CLI would leave the child running,
     * writing the journal and --out on its own while the user resumes the sweep beside it.
     */
    static void exitWithParent() {
        String pid = System.getenv(PARENT_ENV);
        if (System.getenv(CHILD_ENV) == null || pid == null) {
            return;
        }
        Runnable stop = () -> {
            System.err.println("sweep: the hopfield-cli process that started this Spark sweep is gone; stopping "
                    + "(finished cells and blocks stay in the journal, if one was given)");
            System.err.flush();
            Runtime.getRuntime().halt(143);
        };
        try {
            ProcessHandle.of(Long.parseLong(pid)).ifPresentOrElse(h -> h.onExit().thenRun(stop), stop);
        } catch (NumberFormatException e) {
            // not set by run(): nothing to watch
        }
    }

    private static Path findJar(List<Path> tried) {
        String env = System.getenv(JAR_ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            tried.add(p);
            return Files.isRegularFile(p) ? p : null;
        }
        try {
            Path self = Path.of(SparkChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(self) ? self : self.getParent();
            // simulator/target/hopfield-cli.jar (or simulator/target/classes) → spark/target/hopfield-spark.jar
            for (Path c : new Path[] {dir.resolve("hopfield-spark.jar"),
                dir.resolve("../../spark/target/hopfield-spark.jar").normalize(),
                dir.resolve("../../../spark/target/hopfield-spark.jar").normalize()}) {
                tried.add(c);
                if (Files.isRegularFile(c)) {
                    return c;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: only the environment variable can say
        }
        return null;
    }
}
