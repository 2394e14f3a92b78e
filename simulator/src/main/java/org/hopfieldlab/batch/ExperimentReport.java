package org.hopfieldlab.batch;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepResult;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * A trial experiment's result: the sweep's result (one {@link CellResult} per cell, the shape {@code sweep} and the
 * server write) plus where trials diverged. Trials that diverged make it untrustworthy: the CLI says so and exits
 * non-zero.
 *
 * @param windowDiverged per cell (in cell order) and input window: trials that diverged before the window ended
 *     (they count as not retrieved there)
 * @param divergence the first divergence in (cell, trial) order ("trial k: …"), or null
 */
public record ExperimentReport(String experiment, SweepResult result, List<List<Integer>> windowDiverged,
        String divergence, double seconds) {

    /** Trials run in all (over every cell). */
    public int totalTrials() {
        int n = 0;
        for (CellResult c : result.cells()) {
            n += c.trials();
        }
        return n;
    }

    /** Trials whose integration diverged. */
    public int divergedTrials() {
        int n = 0;
        for (CellResult c : result.cells()) {
            n += c.diverged();
        }
        return n;
    }

    /** True when no trial diverged. */
    public boolean trustworthy() {
        return divergedTrials() == 0;
    }

    /**
     * One input window of one cell, read from the cell's counts and its spec. {@code memory} is the memory the window
     * asks for, 1-based (from the spec, so known even when every trial diverged), 0 when it asks for none (input
     * off or a drawn cue); {@code completed} = trials − diverged.
     */
    public record WindowView(int window, double start, int memory, int retrieved, int trials, double fraction,
            double ciLow, double ciHigh, int diverged, int completed) {
        /** Whether the window asks for a memory (else its fraction says nothing). */
        public boolean hasTarget() {
            return memory > 0;
        }
    }

    /** The windows of the cell at position {@code index} of {@link SweepResult#cells()}. */
    public List<WindowView> windows(int index) {
        CellResult c = result.cells().get(index);
        ExperimentSpec spec = result.definition().cellSpec(c.cell());
        List<WindowView> out = new ArrayList<>();
        for (int w = 0; w < spec.schedule().size(); w++) {
            Window win = spec.schedule().get(w);
            int hits = c.windowRetrieved().get(w);
            int n = c.trials();
            double[] ci = Stats.wilson(hits, n);
            int diverged = windowDiverged.get(c.cell()).get(w);
            out.add(new WindowView(w + 1, win.start(), win.target() + 1, hits, n, n == 0 ? 0 : (double) hits / n,
                    ci[0], ci[1], diverged, n - diverged));
        }
        return out;
    }
}
