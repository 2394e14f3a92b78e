package org.hopfieldlab.batch.sweep;

import java.util.function.BooleanSupplier;
import org.hopfieldlab.sim.run.BatchRunner;
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
        TrialTally tally = new TrialTally(spec);
        int done = BatchRunner.run(spec, 0, spec.trials(), stop::getAsBoolean, r -> {
            tally.add(r);
            if (listener != null) {
                listener.trialDone();
            }
        });
        if (done < spec.trials()) {
            return null;
        }
        tally.seconds = (System.nanoTime() - t0) / 1e9;
        return tally.cell(cell, spec);
    }
}
