package org.hopfieldlab.batch.sweep;

import java.util.List;

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

    /** The same numbers without the timing, for comparing runs. */
    public CellResult withoutTiming() {
        return new CellResult(cell, trials, windows, retrieved, fraction, ciLow, ciHigh, windowRetrieved, diverged,
                0);
    }
}
