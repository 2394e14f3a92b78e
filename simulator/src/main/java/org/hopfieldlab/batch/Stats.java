package org.hopfieldlab.batch;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.WindowOutcome;

/** Aggregates of many trials: retrieval fractions with binomial (Wilson 95 %) intervals. */
public final class Stats {
    private Stats() {
    }

    /** Per-window aggregate. Memory numbers are 1-based (as shown to users); 0 means no target. */
    public record WindowStats(int window, double start, int dominant, int retrieved, int trials,
            double retrievedFraction, double ciLow, double ciHigh, double meanTimeToRetrieval, int diverged) {
    }

    public static List<WindowStats> perWindow(List<TrialResult> results, List<Double> starts) {
        List<WindowStats> out = new ArrayList<>();
        for (int w = 0; w < starts.size(); w++) {
            int hits = 0;
            int diverged = 0;
            int target = -1;
            double timeSum = 0;
            int timed = 0;
            for (TrialResult r : results) {
                if (w >= r.windows().size()) {
                    diverged++;
                    continue;
                }
                WindowOutcome o = r.windows().get(w);
                target = o.target();
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
            out.add(new WindowStats(w + 1, starts.get(w), target + 1, hits, n, n == 0 ? 0 : (double) hits / n, ci[0],
                    ci[1], timed == 0 ? -1 : timeSum / timed, diverged));
        }
        return out;
    }

    /** Fraction of all (trial, window) pairs retrieved. */
    public static double overallFraction(List<WindowStats> windows) {
        int hits = 0;
        int total = 0;
        for (WindowStats w : windows) {
            hits += w.retrieved();
            total += w.trials();
        }
        return total == 0 ? 0 : (double) hits / total;
    }

    /** Wilson score interval at 95 % for k successes in n trials. */
    public static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z = 1.959963984540054;
        double phat = (double) k / n;
        double denom = 1 + z * z / n;
        double centre = (phat + z * z / (2.0 * n)) / denom;
        double half = z * Math.sqrt(phat * (1 - phat) / n + z * z / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
