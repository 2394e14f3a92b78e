package org.hopfieldlab.batch;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.WindowOutcome;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/** Aggregates of many trials: retrieval fractions with binomial (Wilson 95 %) intervals. */
public final class Stats {
    private Stats() {
    }

    /**
     * Per-window aggregate. Memory numbers are 1-based (as shown to users); {@code dominant} is the memory the window
     * asks for (from the spec, so known even when every trial diverged), 0 when it asks for none (input off or a
     * drawn cue). A trial that diverged before the window ended counts in {@code trials} and {@code diverged} and
     * not as retrieved; {@code completed} = trials − diverged.
     */
    public record WindowStats(int window, double start, int dominant, int retrieved, int trials,
            double retrievedFraction, double ciLow, double ciHigh, double meanTimeToRetrieval, int diverged,
            int completed) {
        /** Whether the window asks for a memory (else its fraction says nothing). */
        public boolean hasTarget() {
            return dominant > 0;
        }
    }

    /** Per-window aggregates of a spec's trials; the windows' targets come from the spec's schedule. */
    public static List<WindowStats> perWindow(List<TrialResult> results, ExperimentSpec spec) {
        List<Double> starts = new ArrayList<>();
        int[] targets = new int[spec.schedule().size()];
        for (int w = 0; w < targets.length; w++) {
            Window win = spec.schedule().get(w);
            starts.add(win.start());
            targets[w] = win.target();
        }
        return perWindow(results, starts, targets);
    }

    /** Per-window aggregates, the targets (0-based, −1 for none) read from the trials' outcomes. */
    public static List<WindowStats> perWindow(List<TrialResult> results, List<Double> starts) {
        int[] targets = new int[starts.size()];
        java.util.Arrays.fill(targets, -1);
        for (TrialResult r : results) {
            for (int w = 0; w < Math.min(targets.length, r.windows().size()); w++) {
                targets[w] = r.windows().get(w).target();
            }
        }
        return perWindow(results, starts, targets);
    }

    static List<WindowStats> perWindow(List<TrialResult> results, List<Double> starts, int[] targets) {
        List<WindowStats> out = new ArrayList<>();
        for (int w = 0; w < starts.size(); w++) {
            int hits = 0;
            int diverged = 0;
            double timeSum = 0;
            int timed = 0;
            for (TrialResult r : results) {
                if (w >= r.windows().size()) {
                    diverged++;
                    continue;
                }
                WindowOutcome o = r.windows().get(w);
                if (o.retrieved()) {
                    hits++;
                }
                if (o.timeToRetrieval() >= 0) {
                    timeSum += o.timeToRetrieval();
                    timed++;
                }
            }
            int n = results.size();
            double[] ci = wilson(hits, n);
            out.add(new WindowStats(w + 1, starts.get(w), targets[w] + 1, hits, n, n == 0 ? 0 : (double) hits / n,
                    ci[0], ci[1], timed == 0 ? -1 : timeSum / timed, diverged, n - diverged));
        }
        return out;
    }

    /** Fraction of all (trial, window) pairs retrieved, over the windows that ask for a memory. */
    public static double overallFraction(List<WindowStats> windows) {
        int hits = 0;
        int total = 0;
        for (WindowStats w : windows) {
            if (w.hasTarget()) {
                hits += w.retrieved();
                total += w.trials();
            }
        }
        return total == 0 ? 0 : (double) hits / total;
    }

    /** Trials that diverged (their error is set). */
    public static int diverged(List<TrialResult> results) {
        int d = 0;
        for (TrialResult r : results) {
            if (r.error() != null) {
                d++;
            }
        }
        return d;
    }

    /** The first diverged trial's message, or null. */
    public static String firstError(List<TrialResult> results) {
        for (TrialResult r : results) {
            if (r.error() != null) {
                return "trial " + r.trial() + ": " + r.error();
            }
        }
        return null;
    }

    private static final double Z = 1.959963984540054;

    /**
     * Wilson score interval at 95 % for k successes in n trials: the roots of (p̂ − p)² = z² p(1 − p)/n. The upper
     * root is the sum of two positive terms; the lower one is taken from the product of the roots (p̂²/(1 + z²/n)),
     * so it has no cancellation and is exactly 0 for k = 0; the interval is symmetric in (k, n − k), so the upper
     * bound is exactly 1 for k = n.
     */
    public static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        return new double[] {wilsonLow(k, n), 1 - wilsonLow(n - k, n)};
    }

    private static double wilsonLow(int k, int n) {
        if (k <= 0) {
            return 0;
        }
        double phat = (double) k / n;
        double a = 1 + Z * Z / n;
        double centre = (phat + Z * Z / (2.0 * n)) / a;
        double half = Z * Math.sqrt(phat * (1 - phat) / n + Z * Z / (4.0 * n * n)) / a;
        double high = centre + half;
        return Math.max(0, phat * phat / (a * high));
    }
}
