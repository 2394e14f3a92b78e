package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hopfieldlab.batch.Stats;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.run.WindowOutcome;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/** Runs the trials of one cell in order and aggregates them; stops between trials when asked to. */
public final class CellRunner {
    private CellRunner() {
    }

    /** Told after each trial, from the worker thread. */
    public interface TrialListener {
        void trialDone();
    }

    /** Returns the cell's result, or null when {@code stop} turned true before the last trial. */
    public static CellResult run(int cell, ExperimentSpec spec, BooleanSupplier stop, TrialListener listener) {
        long t0 = System.nanoTime();
        int windowCount = spec.schedule().size();
        int[] perWindow = new int[windowCount];
        int diverged = 0;
        for (int t = 0; t < spec.trials(); t++) {
            if (stop.getAsBoolean()) {
                return null;
            }
            TrialResult r = TrialRunner.run(spec, t, false);
            if (r.error() != null) {
                diverged++;
            }
            for (int w = 0; w < r.windows().size(); w++) {
                WindowOutcome o = r.windows().get(w);
                if (o.retrieved()) {
                    perWindow[w]++;
                }
            }
            if (listener != null) {
                listener.trialDone();
            }
        }
        int targets = 0;
        int hits = 0;
        List<Integer> counts = new ArrayList<>();
        for (int w = 0; w < windowCount; w++) {
            // a window without a target (input off) is left out of the fraction, as in Stats
            if (spec.schedule().get(w).target() >= 0) {
                targets += spec.trials();
                hits += perWindow[w];
            }
            counts.add(perWindow[w]);
        }
        double[] ci = Stats.wilson(hits, targets);
        double fraction = targets == 0 ? 0 : (double) hits / targets;
        return new CellResult(cell, spec.trials(), targets, hits, fraction, ci[0], ci[1], counts, diverged,
                (System.nanoTime() - t0) / 1e9);
    }
}
