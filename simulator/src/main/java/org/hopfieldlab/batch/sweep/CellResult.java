package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.batch.Stats;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * The aggregate of one finished cell: how many (trial, window) pairs retrieved their target, with a Wilson 95 %
 * interval, and per-window counts. Deterministic in the cell's spec; {@code seconds} is the only timing field.
 *
 * @param cell cell index (row by row, see {@link SweepDefinition})
 * @param trials trials run
 * @param windows (trial, window) pairs with a target
 * @param retrieved pairs retrieved
 * @param windowRetrieved retrieved count per input window (of {@code trials} each)
 * @param diverged trials that diverged (their remaining windows count as not retrieved)
 */
public record CellResult(int cell, int trials, int windows, int retrieved, double fraction, double ciLow,
        double ciHigh, List<Integer> windowRetrieved, int diverged, double seconds) {

    /**
     * Aggregates a cell's per-window retrieval counts over {@code trials} trials. The one aggregation every backend
     * uses (the local scheduler's slices and the whole-cell runner), so their results agree byte for byte.
     */
    public static CellResult of(int cell, ExperimentSpec spec, int trials, int[] perWindow,
            int diverged, double seconds) {
        int targets = 0;
        int hits = 0;
        List<Integer> counts = new ArrayList<>();
        for (int w = 0; w < perWindow.length; w++) {
            // a window without a target (input off) is left out of the fraction, as in Stats
            if (spec.schedule().get(w).target() >= 0) {
                targets += trials;
                hits += perWindow[w];
            }
            counts.add(perWindow[w]);
        }
        double[] ci = Stats.wilson(hits, targets);
        double fraction = targets == 0 ? 0 : (double) hits / targets;
        return new CellResult(cell, trials, targets, hits, fraction, ci[0], ci[1], counts, diverged, seconds);
    }

    /** The same numbers without the timing, for comparing runs. */
    public CellResult withoutTiming() {
        return new CellResult(cell, trials, windows, retrieved, fraction, ciLow, ciHigh, windowRetrieved, diverged,
                0);
    }
}
