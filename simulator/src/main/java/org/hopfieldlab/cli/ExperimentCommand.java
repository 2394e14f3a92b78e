package org.hopfieldlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopfieldlab.batch.Experiments;
import org.hopfieldlab.batch.RunCost;
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
    "e.g.: experiment sequence model=classic noise=0 trials=40 seed=3 --json",
    "Exit codes: 0 done, 2 bad input or work estimated over 10 min without --yes, 3 some trials diverged (the",
    "report is printed with the diverged counts but is not trustworthy)."})
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

    @Option(names = "--yes", description = "run even when the estimate is over 10 minutes")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        if (threads < 1) {
            throw new SpecException("threads", "--threads must be at least 1, got " + threads);
        }
        List<ExperimentSpec> cells = cells();
        if (!cells.isEmpty()) {
            int trials = 0;
            for (ExperimentSpec c : cells) {
                trials += c.trials();
            }
            CostGuard.check("experiment " + name + " (" + trials + " trials on " + threads + " threads)",
                    RunCost.seconds(cells, threads), yes, "");
        }
        boolean showProgress = progress != null ? progress : System.console() != null;
        ProgressBar bar = new ProgressBar(System.err, showProgress);
        Object report;
        try (TrialPool pool = new TrialPool(threads)) {
            Thread hook = new Thread(() -> {
                pool.cancel();
                System.err.println("\ncancelled: stopping the running trials; no result was printed");
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                report = runExperiment(pool, bar);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // already shutting down: the hook is running
                }
            }
        }
        return print(report, json, out, commandSpec.commandLine().getErr());
    }

    /** Prints a report (text or JSON); returns the exit code: 3 with a message when it is not trustworthy. */
    static int print(Object report, boolean json, PrintWriter out, PrintWriter err) {
        out.println(json ? Json.write(report) : Text.describe(report));
        out.flush();
        if (report instanceof Experiments.Checked c && !c.trustworthy()) {
            err.println("error: " + untrustworthy(c));
            err.flush();
            return 3;
        }
        return 0;
    }

    /** The one-line reason a report is not trustworthy. */
    static String untrustworthy(Experiments.Checked c) {
        return c.divergedTrials() + " of " + c.totalTrials() + " trials diverged, so this result is not trustworthy "
                + "(diverged trials count as not retrieved); first: " + c.divergence();
    }

    /** The specs whose trials the experiment runs (for the cost estimate; thresholds runs a fixed small set). */
    private List<ExperimentSpec> cells() {
        List<ExperimentSpec> cells = new ArrayList<>();
        switch (name) {
            case "sequence":
            case "glitch":
                cells.add(withTrials(Presets.get(name).spec()));
                break;
            case "noise-sweep": {
                ExperimentSpec base = withTrials(Presets.get("sequence").spec());
                for (ModelKind m : parseModels(models)) {
                    for (double s : SpecArgs.numbers("--noise-values", noiseValues)) {
                        cells.add(base.toBuilder().model(m).noise(s).build());
                    }
                }
                break;
            }
            case "modern": {
                ExperimentSpec base = withTrials(Presets.get("modern").spec());
                int rows = 3 * SpecArgs.numbers("--gammas", gammas).length;
                for (int k = 0; k < rows; k++) {
                    cells.add(base.toBuilder().model(ModelKind.MODERN).build());
                }
                break;
            }
            default:
                break;
        }
        return cells;
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
        String head = String.format("  window %d (t ≥ %s, %s): ", w.window(), trimNumber(w.start()),
                w.hasTarget() ? "memory " + w.dominant() : "no target memory");
        if (w.completed() == 0) {
            return head + "no result: all " + w.trials() + " trials diverged before it ended";
        }
        if (!w.hasTarget()) {
            return head + "not scored" + divergedNote(w);
        }
        return head + String.format("retrieved %d/%d = %.0f %%  [95%% CI %.0f–%.0f %%]", w.retrieved(), w.trials(),
                100 * w.retrievedFraction(), 100 * w.ciLow(), 100 * w.ciHigh()) + divergedNote(w);
    }

    private static String divergedNote(Stats.WindowStats w) {
        return w.diverged() == 0 ? "" : "; " + w.diverged() + " of " + w.trials()
                + " trials diverged before it ended (counted as not retrieved)";
    }

    static String trimNumber(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
