package org.hopfieldlab.batch;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.run.Recorder;
import org.hopfieldlab.sim.run.RunLoop;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.theory.Theory;

/**
 * The paper's experiments as headless batch runs (used by the CLI; results are plain records). Every report that
 * runs trials says how many diverged ({@link Checked}): such a result is not trustworthy, and the CLI says so and
 * exits non-zero.
 */
public final class Experiments {
    private Experiments() {
    }

    /** How sound a report's numbers are: trials that diverged make it untrustworthy. */
    public interface Checked {
        /** Trials run in all (over every cell of the report). */
        int totalTrials();

        /** Trials whose integration diverged (they count as not retrieved in every fraction). */
        int divergedTrials();

        /** The first divergence message ("trial k: …"), or null. */
        String divergence();

        /** True when no trial diverged. */
        boolean trustworthy();
    }

    // ---- sequence / glitch: retrieval per input window over many trials ----

    public record WindowsReport(String experiment, String spec, int trials, List<Stats.WindowStats> windows,
            double retrievedFraction, double seconds, int divergedTrials, boolean trustworthy, String divergence)
            implements Checked {
        @Override
        public int totalTrials() {
            return trials;
        }
    }

    public static WindowsReport windows(String name, ExperimentSpec spec, TrialPool pool, TrialPool.Progress progress) {
        long t0 = System.nanoTime();
        List<TrialResult> results = pool.runTrials(spec, progress);
        List<Stats.WindowStats> stats = Stats.perWindow(results, spec);
        int diverged = Stats.diverged(results);
        return new WindowsReport(name, SpecCodec.format(spec), spec.trials(), stats, Stats.overallFraction(stats),
                (System.nanoTime() - t0) / 1e9, diverged, diverged == 0, Stats.firstError(results));
    }

    static List<Double> starts(ExperimentSpec spec) {
        List<Double> s = new ArrayList<>();
        for (Window w : spec.schedule()) {
            s.add(w.start());
        }
        return s;
    }

    // ---- accuracy vs noise, IDP and classic (science file, item 3) ----

    public record NoisePoint(double noise, String model, double retrievedFraction, double ciLow, double ciHigh,
            List<Stats.WindowStats> windows, int diverged) {
    }

    public record NoiseSweepReport(String experiment, String spec, int trials, List<NoisePoint> points,
            double seconds, int totalTrials, int divergedTrials, boolean trustworthy, String divergence)
            implements Checked {
    }

    public static NoiseSweepReport noiseSweep(ExperimentSpec base, double[] noises, ModelKind[] models,
            TrialPool pool, TrialPool.Progress progress) {
        long t0 = System.nanoTime();
        List<TrialPool.Job> jobs = new ArrayList<>();
        List<ExperimentSpec> cells = new ArrayList<>();
        for (ModelKind m : models) {
            for (double s : noises) {
                ExperimentSpec cell = base.toBuilder().model(m).noise(s).build();
                cells.add(cell);
                for (int t = 0; t < cell.trials(); t++) {
                    jobs.add(new TrialPool.Job(cell, t));
                }
            }
        }
        List<TrialResult> all = pool.run(jobs, progress);
        List<NoisePoint> points = new ArrayList<>();
        int k = 0;
        for (ExperimentSpec cell : cells) {
            List<TrialResult> mine = all.subList(k, k + cell.trials());
            k += cell.trials();
            List<Stats.WindowStats> ws = Stats.perWindow(mine, cell);
            int hits = 0;
            int total = 0;
            for (Stats.WindowStats w : ws) {
                if (w.hasTarget()) {
                    hits += w.retrieved();
                    total += w.trials();
                }
            }
            double[] ci = Stats.wilson(hits, total);
            points.add(new NoisePoint(cell.noise(), cell.model().key, total == 0 ? 0 : (double) hits / total, ci[0],
                    ci[1], ws, Stats.diverged(mine)));
        }
        int diverged = Stats.diverged(all);
        return new NoiseSweepReport("noise-sweep", SpecCodec.format(base), base.trials(), points,
                (System.nanoTime() - t0) / 1e9, all.size(), diverged, diverged == 0, Stats.firstError(all));
    }

    // ---- theory vs simulation around the thresholds (orthogonal memories) ----

    /**
     * One comparison. Existence rows start at x(0) = ξ¹ with constant weights (a1, a2, a3) and no noise, and compare
     * the final amplitude c = ξ¹·x/N with the theory's; stability rows add a little noise (0.01) to break the
     * symmetry and check whether the memory-1 state holds (final dominant memory 1).
     */
    public record ThresholdRow(String kind, double a1, double a2, double betaShiftedGain1, boolean theoryExists,
            double theoryAmplitude, double theoryEigenvalue2, boolean theoryStable, double simulatedAmplitude,
            int simulatedDominant, boolean agrees) {
    }

    public record ThresholdReport(String experiment, int n, double beta, List<ThresholdRow> rows, int agreements,
            double seconds) {
    }

    public static ThresholdReport thresholds(int n, double beta, double[] existenceA1, double stabilityA1,
            double[] stabilityA2) {
        long t0 = System.nanoTime();
        List<ThresholdRow> rows = new ArrayList<>();
        double background = 0.02;
        for (double a1 : existenceA1) {
            rows.add(thresholdRow("existence", n, beta, a1, background, 0.0));
        }
        for (double a2 : stabilityA2) {
            rows.add(thresholdRow("stability", n, beta, stabilityA1, a2, 0.01));
        }
        int agree = 0;
        for (ThresholdRow r : rows) {
            agree += r.agrees() ? 1 : 0;
        }
        return new ThresholdReport("thresholds", n, beta, rows, agree, (System.nanoTime() - t0) / 1e9);
    }

    static ThresholdRow thresholdRow(String kind, int n, double beta, double a1, double a2, double noise) {
        double[] alpha = {a1, a2, 0.02};
        List<Window> constant = new ArrayList<>();
        constant.add(Window.weights(0, alpha));
        ExperimentSpec spec = ExperimentSpec.builder().model(ModelKind.IDP).n(n).p(3).memories(MemoryKind.ORTHOGONAL)
                .beta(beta).noise(noise).dt(0.01).duration(200).schedule(constant).initialState(InitialState.CUE)
                .cue(0).seed(1).build();
        Theory.MemoryPrediction pred = Theory.predict(alpha, beta, n, 0);
        Simulation sim = new Simulation(spec, 0);
        Recorder recorder = new Recorder(sim, 0);
        new RunLoop(sim, Recorder.defaultInterval(spec), null, recorder).runToEnd();
        double c = sim.projection(0);
        double[] m = recorder.result().finalOverlaps();
        int dominant = Recorder.argmax(m);
        boolean agrees;
        if (kind.equals("existence")) {
            agrees = pred.exists() ? Math.abs(c - pred.amplitude()) <= 1e-3 * Math.max(1e-3, pred.amplitude())
                    : Math.abs(c) < 1e-4;
        } else {
            agrees = pred.stable() == (dominant == 0 && m[0] > 0.5);
        }
        return new ThresholdRow(kind, a1, a2, beta * pred.shiftedGain(), pred.exists(), pred.amplitude(),
                pred.eigenvalues()[1], pred.stable(), c, dominant + 1, agrees);
    }

    // ---- the modern-Hopfield family (science file, item 6) ----

    public record ModernRow(String map, double gamma, double lambda, int degree, double retrievedFraction,
            List<Stats.WindowStats> windows, int diverged) {
    }

    public record ModernReport(String experiment, String spec, int trials, List<ModernRow> rows, double seconds,
            int totalTrials, int divergedTrials, boolean trustworthy, String divergence) implements Checked {
    }

    public static ModernReport modern(ExperimentSpec base, double[] gammas, TrialPool pool,
            TrialPool.Progress progress) {
        long t0 = System.nanoTime();
        GainMap[] maps = {GainMap.LINEAR, GainMap.SOFTMAX, GainMap.POLY};
        List<ExperimentSpec> cells = new ArrayList<>();
        List<TrialPool.Job> jobs = new ArrayList<>();
        for (GainMap map : maps) {
            for (double g : gammas) {
                ExperimentSpec.Builder b = base.toBuilder().model(ModelKind.MODERN).gainMap(map).gamma(g);
                if (map == GainMap.SOFTMAX && base.gainMap() != GainMap.SOFTMAX) {
                    b.lambda(10);
                }
                ExperimentSpec cell = b.build();
                cells.add(cell);
                for (int t = 0; t < cell.trials(); t++) {
                    jobs.add(new TrialPool.Job(cell, t));
                }
            }
        }
        List<TrialResult> all = pool.run(jobs, progress);
        List<ModernRow> rows = new ArrayList<>();
        int k = 0;
        for (ExperimentSpec cell : cells) {
            List<TrialResult> mine = all.subList(k, k + cell.trials());
            List<Stats.WindowStats> ws = Stats.perWindow(mine, cell);
            k += cell.trials();
            rows.add(new ModernRow(cell.gainMap().key, cell.gamma(), cell.lambda(), cell.degree(),
                    Stats.overallFraction(ws), ws, Stats.diverged(mine)));
        }
        int diverged = Stats.diverged(all);
        return new ModernReport("modern", SpecCodec.format(base), base.trials(), rows, (System.nanoTime() - t0) / 1e9,
                all.size(), diverged, diverged == 0, Stats.firstError(all));
    }
}
