package org.hopfieldlab.spark;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.cli.HopfieldCli;

/**
 * {@code java -cp hopfield-spark.jar:lib/* org.hopfieldlab.spark.SparkMain sweep ARGS --master URL}, or the same
 * class with spark-submit: the CLI's {@code sweep} with the Spark engine chosen (other commands work as in the CLI).
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        HopfieldCli.watchStdout();
        System.exit(execute(args));
    }

    static int execute(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && a.get(0).equals("sweep") && !a.contains("--engine")
                && !(a.size() > 1 && a.get(1).equals("merge"))) {
            a.add(1, "spark");
            a.add(1, "--engine");
        }
        return HopfieldCli.execute(a.toArray(new String[0]));
    }
}
