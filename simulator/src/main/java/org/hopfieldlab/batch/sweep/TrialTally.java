package org.hopfieldlab.batch.sweep;

import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.WindowOutcome;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * Running counts of one cell's finished trials — retrievals per window, divergences, trials, seconds — as every
 * backend keeps them (the local scheduler, whole cells, Spark's trial blocks), so a cell's numbers are summed the one
 * way whoever ran its trials. Not thread-safe: the caller synchronises.
 */
final class TrialTally {
    final int[] perWindow;
    int trials;
    int diverged;
    double seconds;

    TrialTally(ExperimentSpec spec) {
        perWindow = new int[spec.schedule().size()];
    }

    /** Counts one finished trial (a diverged trial counts as a trial, retrieving nothing). */
    void add(TrialResult r) {
        trials++;
        if (r.error() != null) {
            diverged++;
        }
        for (int w = 0; w < r.windows().size(); w++) {
            WindowOutcome o = r.windows().get(w);
            if (o.retrieved()) {
                perWindow[w]++;
            }
        }
    }

    /** The cell these trials make: whole when they are all of its trials, else partial. */
    CellResult cell(int cell, ExperimentSpec spec) {
        return CellResult.of(cell, spec, trials, perWindow, diverged, seconds);
    }
}
