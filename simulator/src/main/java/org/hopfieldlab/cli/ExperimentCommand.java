package org.hopfieldlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hopfieldlab.batch.ExperimentReport;
import org.hopfieldlab.batch.ExperimentSweeps;
import org.hopfieldlab.batch.RunCost;
import org.hopfieldlab.batch.ThresholdCheck;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepScheduler;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "experiment", description = {
    "Reproduce one of the paper's experiments over many trials, in parallel on all cores.",
    "It runs on the sweep engine: the same cells as `sweep`, and --json writes the sweep's JSON fields. NAME: "
        + "sequence | glitch | noise-sweep | thresholds | modern. Any spec key overrides the preset, e.g.:",
    "  experiment sequence model=classic noise=0 trials=40 seed=3 --json",
    "Exit codes: 0 done, 1 the output could not be written (a full disk, a closed pipe), 2 bad input or work "
        + "estimated over 10 min without --yes, 3 some trials diverged (the report is printed with the diverged "
        + "counts but is not trustworthy)."})
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
    int threads = SweepScheduler.defaultThreads();

    @Option(names = "--noise-values", description = "noise-sweep: noise amplitudes, a list or from:to:count "
            + "(default 0,1,2,4,6,8,12,16)")
    String noiseValues = "0,1,2,4,6,8,12,16";

    @Option(names = "--models", description = "noise-sweep: models (default idp,classic)")
    String models = "idp,classic";

    @Option(names = "--gammas", description = "modern: values of γ, a list or from:to:count (default 0,0.5,1)")
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
        onlyFor("--noise-values", "noise-sweep");
        onlyFor("--models", "noise-sweep");
        onlyFor("--gammas", "modern");
        if (name.equals("thresholds")) {
            return print(thresholds(), json, out, commandSpec.commandLine().getErr());
        }
        SweepDefinition def = definition();
        List<ExperimentSpec> cells = new ArrayList<>();
        for (int k = 0; k < def.cellCount(); k++) {
            cells.add(def.cellSpec(k));
        }
        CostGuard.check("experiment " + name + " (" + def.totalRuns() + " trials " + Text.onThreads(threads) + ")",
                RunCost.seconds(cells, threads), yes, "");
        boolean showProgress = progress != null ? progress : System.console() != null;
        ProgressBar bar = new ProgressBar(System.err, showProgress);
        // Ctrl-C: the hook interrupts this thread, which cancels the sweep (SweepRunner); the JVM exits with 130
        Thread caller = Thread.currentThread();
        Thread hook = new Thread(() -> {
            caller.interrupt();
            System.err.println("\ncancelled: stopping the running trials; no result was printed");
        });
        Runtime.getRuntime().addShutdownHook(hook);
        ExperimentReport report;
        try {
            report = ExperimentSweeps.run(name, def, threads, bar::trialDone);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already shutting down: the hook is running
            }
        }
        return print(report, json, out, commandSpec.commandLine().getErr());
    }

    /** Refuses an option of another experiment: it would be ignored, and the run would not be the one asked for. */
    private void onlyFor(String option, String experiment) {
        if (!name.equals(experiment) && commandSpec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new SpecException(option, option + " applies to experiment " + experiment + " only, not to "
                    + name + " (it would be ignored)");
        }
    }

    /** Prints a report (text or JSON); returns the exit code: 3 with a message when it is not trustworthy. */
    static int print(Object report, boolean json, PrintWriter out, PrintWriter err) {
        out.println(json ? Json.write(report instanceof ExperimentReport r ? tree(r) : report) : Text.describe(report));
        out.flush();
        if (report instanceof ExperimentReport r && !r.trustworthy()) {
            err.println("error: " + untrustworthy(r));
            err.flush();
            return 3;
        }
        return 0;
    }

    /**
     * The JSON of an experiment: its name, then the fields of {@code sweep --json} (definition and one object per
     * cell, {@link SweepExport#tree}), then where trials diverged and the time taken.
     */
    static Map<String, Object> tree(ExperimentReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("experiment", r.experiment());
        root.putAll(SweepExport.tree(r.result()));
        root.put("windowDiverged", r.windowDiverged());
        root.put("totalTrials", r.totalTrials());
        root.put("divergedTrials", r.divergedTrials());
        root.put("trustworthy", r.trustworthy());
        root.put("divergence", r.divergence());
        root.put("seconds", r.seconds());
        return root;
    }

    /** The one-line reason a report is not trustworthy. */
    static String untrustworthy(ExperimentReport r) {
        return r.divergedTrials() + " of " + r.totalTrials() + " trials diverged, so this result is not trustworthy "
                + "(diverged trials count as not retrieved); first: " + r.divergence();
    }

    /** The experiment's cells as a sweep definition (thresholds is not one). */
    SweepDefinition definition() {
        switch (name) {
            case "sequence":
            case "glitch":
                return ExperimentSweeps.single(withTrials(Presets.get(name).spec()));
            case "noise-sweep": {
                SweepDefinition def = ExperimentSweeps.noise(withTrials(Presets.get("sequence").spec()), noiseValues,
                        models);
                SpecArgs.refuseSwept(overrides, def.axes(), "give --noise-values and --models instead");
                return def;
            }
            case "modern": {
                SweepDefinition def = ExperimentSweeps.modern(withTrials(Presets.get("modern").spec()), gammas);
                SpecArgs.refuseSwept(overrides, def.axes(), "give --gammas for γ (the maps are always linear, softmax "
                        + "and poly; `sweep --from modern --x …` sweeps other grids)");
                return def;
            }
            default:
                throw new SpecException("NAME", "unknown experiment '" + name
                        + "'; known: sequence, glitch, noise-sweep, thresholds, modern");
        }
    }

    private ThresholdCheck.ThresholdReport thresholds() {
        ExperimentSpec spec = SpecArgs.apply(Presets.get("thresholds").spec(), overrides);
        // its runs are fixed by the theory it checks (orthogonal memories, gains set per row): only n and beta are
        // read, and any other key (model=classic, noise=3, trials=5) would be silently ignored
        for (String o : overrides) {
            String key = o.indexOf('=') >= 0 ? o.substring(0, o.indexOf('=')) : o;
            if (!key.equals("n") && !key.equals("beta")) {
                throw new SpecException(key, "experiment thresholds reads only n and beta (its runs are set by the "
                        + "theory it checks); " + key + " would be ignored");
            }
        }
        double beta = spec.beta();
        double[] existence = {0.5 / beta, 0.8 / beta, 0.95 / beta, 1.05 / beta, 1.2 / beta, 1.5 / beta, 3 / beta,
            10 / beta};
        double a1 = 1.5 / beta;
        double[] stability = {0.02, 0.5 / beta, 1.0 / beta, 1.4 / beta, 2.0 / beta, 3.0 / beta, 3.5 / beta,
            4.0 / beta, 5.0 / beta};
        return ThresholdCheck.run(spec.n(), beta, existence, a1, stability);
    }

    /** The CLI runs 40 trials unless told otherwise: enough to separate the paper's claims. */
    private ExperimentSpec withTrials(ExperimentSpec preset) {
        ExperimentSpec base = SpecArgs.hasKey(overrides, "trials") ? preset : preset.toBuilder().trials(40).build();
        return SpecArgs.apply(base, overrides);
    }

    static String windowLine(ExperimentReport.WindowView w) {
        String head = String.format("  window %d (t ≥ %s, %s): ", w.window(), trimNumber(w.start()),
                w.hasTarget() ? "memory " + w.memory() : "no target memory");
        if (w.completed() == 0) {
            return head + "no result: all " + w.trials() + " trials diverged before it ended";
        }
        if (!w.hasTarget()) {
            return head + "not scored" + divergedNote(w);
        }
        return head + String.format("retrieved %d/%d = %.0f %%  [95%% CI %.0f–%.0f %%]", w.retrieved(), w.trials(),
                100 * w.fraction(), 100 * w.ciLow(), 100 * w.ciHigh()) + divergedNote(w);
    }

    private static String divergedNote(ExperimentReport.WindowView w) {
        return w.diverged() == 0 ? "" : "; " + w.diverged() + " of " + w.trials()
                + " trials diverged before it ended (counted as not retrieved)";
    }

    static String trimNumber(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
