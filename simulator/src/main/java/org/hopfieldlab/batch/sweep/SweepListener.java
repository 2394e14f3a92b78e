package org.hopfieldlab.batch.sweep;

import org.hopfieldlab.sim.run.TrialResult;

/** Callbacks of a running sweep, called on worker threads. */
public interface SweepListener {
    /**
     * A cell finished. Persist it here: the job counts the cell as done only after this returns, and an exception
     * fails the whole job (nothing further runs), so a stored cell is always a complete one.
     */
    void cellDone(SweepJob job, CellResult result);

    /**
     * The job was cancelled while this cell had some of its trials finished: {@code result} counts just those
     * ({@code result.trials()} is less than the trials per cell). Called before {@link #finished}. Default: ignore.
     */
    default void cellPartial(SweepJob job, CellResult result) {
    }

    /**
     * Trial {@code result.trial()} of cell {@code cell} finished (called just before {@link #trialDone}, and before
     * {@link #cellDone} when it was the cell's last): for diagnostics a cell's counts do not hold, such as where a
     * trial diverged. Called on worker threads, so it must be thread-safe and cheap. Default: ignore.
     */
    default void trialResult(SweepJob job, int cell, TrialResult result) {
    }

    /** One more trial finished (for progress bars); cheap, may be called often. */
    default void trialDone(SweepJob job) {
    }

    /** The job ended: completed, cancelled or failed (see {@link SweepJob#state()}). */
    default void finished(SweepJob job) {
    }
}
