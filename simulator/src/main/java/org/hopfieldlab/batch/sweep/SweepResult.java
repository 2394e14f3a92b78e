package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A sweep's definition with its finished cells (in cell order; a partial sweep has gaps). */
public record SweepResult(SweepDefinition definition, List<CellResult> cells) {
    public SweepResult {
        List<CellResult> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingInt(CellResult::cell));
        cells = List.copyOf(sorted);
    }

    public static SweepResult of(SweepDefinition def, Collection<CellResult> cells) {
        return new SweepResult(def, new ArrayList<>(cells));
    }

    /** Every cell finished with all its trials (a cell a cancel cut short has fewer and is partial). */
    public boolean complete() {
        return cells.size() == definition.cellCount()
                && cells.stream().allMatch(c -> c.trials() == definition.trialsPerCell());
    }

    /** The result of cell k, or null if it has not finished. */
    public CellResult cell(int k) {
        for (CellResult c : cells) {
            if (c.cell() == k) {
                return c;
            }
        }
        return null;
    }
}
