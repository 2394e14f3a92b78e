package org.hopfieldlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopfieldlab.sim.spec.Limits;
import org.hopfieldlab.sim.spec.Numbers;
import org.hopfieldlab.sim.spec.SpecSchema;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.theory.Theory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "theory", description = {
    "Print the theory's predictions for orthogonal memories, per memory.",
    "Existence (β α'_μ > 1), amplitude c_μ, stability eigenvalues and well depth E_μ. Example: theory n=1024 "
        + "beta=10 alpha=2.5,1,1 --json"})
final class TheoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Parameters(paramLabel = "KEY=VALUE", description = "n=N beta=β alpha=a1,a2,...")
    List<String> args = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    /** One memory's prediction, 1-based. */
    record MemoryReport(int memory, double alpha, double shiftedGain, boolean exists, double amplitude,
            double[] eigenvalues, boolean stable, double wellDepth) {
    }

    record TheoryReport(int n, double beta, List<MemoryReport> memories) {
    }

    @Override
    public Integer call() {
        int n = 1024;
        double beta = 10;
        double[] alpha = null;
        for (String a : args) {
            int eq = a.indexOf('=');
            String key = eq > 0 ? a.substring(0, eq) : a;
            String value = eq > 0 ? a.substring(eq + 1) : "";
            switch (key) {
                case "n":
                    n = Numbers.parseInt("n", value);
                    SpecSchema.key("n").checkStatic(n);
                    break;
                case "beta":
                    beta = Numbers.parse("beta", value);
                    SpecSchema.key("beta").checkStatic(beta);
                    break;
                case "alpha":
                    alpha = Numbers.parseList("alpha", value);
                    break;
                default:
                    throw new SpecException(key, "unknown key '" + key + "'; theory takes n=, beta= and alpha=");
            }
        }
        if (alpha == null) {
            throw new SpecException("alpha", "give the gains: alpha=a1,a2,... (one per memory)");
        }
        if (alpha.length > Limits.maxP(n)) {
            throw new SpecException("alpha", "alpha has " + alpha.length + " values; allowed: 1 to "
                    + Limits.maxP(n) + " at n = " + n + " (p ≤ n and n·p ≤ " + Limits.MAX_NP + ")");
        }
        List<MemoryReport> rows = new ArrayList<>();
        for (Theory.MemoryPrediction p : Theory.predictAll(alpha, beta, n)) {
            rows.add(new MemoryReport(p.memory() + 1, alpha[p.memory()], p.shiftedGain(), p.exists(), p.amplitude(),
                    p.eigenvalues(), p.stable(), p.wellDepth()));
        }
        TheoryReport report = new TheoryReport(n, beta, rows);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report));
        } else {
            out.printf("theory: N = %d, β = %s (orthogonal memories)%n", n, ExperimentCommand.trimNumber(beta));
            for (MemoryReport r : rows) {
                StringBuilder eig = new StringBuilder();
                for (double e : r.eigenvalues()) {
                    eig.append(String.format(" %+.4g", e));
                }
                out.printf("  memory %d: α=%s α'=%.6f βα'=%.4f exists=%b c=%.6f stable=%b E=%.4f  eigenvalues:%s%n",
                        r.memory(), ExperimentCommand.trimNumber(r.alpha()), r.shiftedGain(), beta * r.shiftedGain(),
                        r.exists(), r.amplitude(), r.stable(), r.wellDepth(), eig);
            }
        }
        out.flush();
        return 0;
    }
}
