package org.hopfieldlab.server.sweep;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hopfield.sweep.spark.*}: sweeps of at least {@code min-runs} runs go to the Spark {@code master} (empty: never,
 * every sweep runs on the server's threads). The server never links Spark: it starts {@code java -cp jar:lib/*
 * SparkMain sweep --journal ...} as a child process per sweep.
 *
 * @param master Spark master URL (local[2], spark://host:7077); empty turns Spark off
 * @param jar hopfield-spark.jar ({@code ./mvnw -pl simulator,spark -am package} builds spark/target/hopfield-spark.jar)
 * @param lib directory of Spark's jars for the child's class path (default: {@code lib} beside the jar, as the build
 *     leaves it; or a Spark install's {@code jars})
 * @param java the java binary of the child (default: this server's); Spark 4.2 needs Java 25
 * @param jvmArgs extra JVM options of the child (default: allow Spark's native and Unsafe access on Java 24+)
 * @param minRuns sweeps with at least this many runs (cells × trials) go to Spark
 * @param maxRunning Spark sweeps running at once; the rest wait in order
 * @param dir where the children's journals and logs live
 */
@ConfigurationProperties("hopfield.sweep.spark")
public record SparkSweepProperties(String master, String jar, String lib, String java, List<String> jvmArgs,
        @DefaultValue("20000") long minRuns, @DefaultValue("1") int maxRunning, @DefaultValue("./data/spark-sweeps")
        String dir) {

    public boolean enabled() {
        return master != null && !master.isBlank();
    }
}
