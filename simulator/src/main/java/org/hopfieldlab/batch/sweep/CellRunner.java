package org.hopfieldlab.batch.sweep;

import java.util.function.BooleanSupplier;
import org.hopfieldlab.sim.run.BatchRunner;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.WindowOutcome;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * Runs the trials of one cell in order and aggregates them — through the batched kernel ({@link BatchRunner}: the
 * same bits as trial by trial, measured faster; see the README's Performance) — for the backends that run whole cells (shards, journal,
 * Spark tasks, through {@link CellEngine}); the local scheduler runs the same trials in pre-emptible {@link WorkUnit}
 * slices and aggregates them the same way (SweepJob), which the Spark and shard tests compare byte for byte.
 */
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
        int[] diverged = new int[1];
        int done = BatchRunner.run(spec, 0, spec.trials(), stop::getAsBoolean, r -> {
            if (r.error() != null) {
                diverged[0]++;
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
        });
        if (done < spec.trials()) {
            return null;
        }
        return CellResult.of(cell, spec, spec.trials(), perWindow, diverged[0], (System.nanoTime() - t0) / 1e9);
    }
}
