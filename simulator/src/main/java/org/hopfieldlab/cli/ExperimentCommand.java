package org.hopfieldlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopfieldlab.batch.Experiments;
import org.hopfieldlab.batch.Stats;
import org.hopfieldlab.batch.TrialPool;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "experiment", description = {
    "Reproduce one of the paper's experiments over many trials (in parallel on all cores).",
    "NAME: sequence | glitch | noise-sweep | thresholds | modern. Any spec key overrides the preset,",
    "e.g.: experiment sequence model=classic noise=0 trials=40 seed=3 --json"})
final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "NAME", description = "sequence, glitch, noise-sweep, thresholds, modern")
    String name;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "spec overrides (see `spec --help`)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    int threads = TrialPool.defaultThreads();

    @Option(names = "--noise-values", description = "noise-sweep: noise amplitudes (default 0,1,2,4,6,8,12,16)")
    String noiseValues = "0,1,2,4,6,8,12,16";

    @Option(names = "--models", description = "noise-sweep: models (default idp,classic)")
    String models = "idp,classic";

    @Option(names = "--gammas", description = "modern: values of γ (default 0,0.5,1)")
    String gammas = "0,0.5,1";

    @Option(names = "--progress", negatable = true, description = "progress bar on stderr (default: on a terminal)")
    Boolean progress;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        if (threads < 1) {
            throw new SpecException("threads", "--threads must be at least 1, got " + threads);
        }
        boolean showProgress = progress != null ? progress : System.console() != null;
        ProgressBar bar = new ProgressBar(System.err, showProgress);
        try (TrialPool pool = new TrialPool(threads)) {
            Thread hook = new Thread(() -> {
                pool.cancel();
                System.err.println("\ncancelled: stopping the running trials; no result was printed");
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                Object report = runExperiment(pool, bar);
                out.println(json ? Json.write(report) : Text.describe(report));
                out.flush();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // already shutting down: the hook is running
                }
            }
        }
        return 0;
    }

    private Object runExperiment(TrialPool pool, ProgressBar bar) {
        switch (name) {
            case "sequence":
            case "glitch": {
                ExperimentSpec spec = withTrials(Presets.get(name).spec());
                return Experiments.windows(name, spec, pool, bar);
            }
            case "noise-sweep": {
                ExperimentSpec spec = withTrials(Presets.get("sequence").spec());
                return Experiments.noiseSweep(spec, SpecArgs.numbers("--noise-values", noiseValues),
                        parseModels(models), pool, bar);
            }
            case "modern": {
                ExperimentSpec spec = withTrials(Presets.get("modern").spec());
                return Experiments.modern(spec, SpecArgs.numbers("--gammas", gammas), pool, bar);
            }
            case "thresholds": {
                ExperimentSpec spec = SpecArgs.apply(Presets.get("thresholds").spec(), overrides);
                double beta = spec.beta();
                double[] existence = {0.5 / beta, 0.8 / beta, 0.95 / beta, 1.05 / beta, 1.2 / beta, 1.5 / beta,
                    3 / beta, 10 / beta};
                double a1 = 1.5 / beta;
                double[] stability = {0.02, 0.5 / beta, 1.0 / beta, 1.4 / beta, 2.0 / beta, 3.0 / beta, 3.5 / beta, 4.0 / beta,
                    5.0 / beta};
                return Experiments.thresholds(spec.n(), beta, existence, a1, stability);
            }
            default:
                throw new SpecException("NAME", "unknown experiment '" + name
                        + "'; known: sequence, glitch, noise-sweep, thresholds, modern");
        }
    }

    /** The CLI runs 40 trials unless told otherwise: enough to separate the paper's claims. */
    private ExperimentSpec withTrials(ExperimentSpec preset) {
        ExperimentSpec base = SpecArgs.hasKey(overrides, "trials") ? preset : preset.toBuilder().trials(40).build();
        return SpecArgs.apply(base, overrides);
    }

    private static ModelKind[] parseModels(String csv) {
        String[] parts = csv.split(",");
        ModelKind[] out = new ModelKind[parts.length];
        for (int k = 0; k < parts.length; k++) {
            out[k] = null;
            for (ModelKind m : ModelKind.values()) {
                if (m.key.equals(parts[k].trim())) {
                    out[k] = m;
                }
            }
            if (out[k] == null || out[k] == ModelKind.DISCRETE) {
                throw new SpecException("--models", "--models: '" + parts[k] + "' is not one of idp, classic, modern");
            }
        }
        return out;
    }

    static String windowLine(Stats.WindowStats w) {
        return String.format("  window %d (t ≥ %s, memory %d): retrieved %d/%d = %.0f %%  [95%% CI %.0f–%.0f %%]",
                w.window(), trimNumber(w.start()), w.dominant(), w.retrieved(), w.trials(), 100 * w.retrievedFraction(),
                100 * w.ciLow(), 100 * w.ciHigh());
    }

    static String trimNumber(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
