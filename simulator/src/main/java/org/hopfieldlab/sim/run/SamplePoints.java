package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * Where a run stops to tell its step handlers: step 0, every multiple of the interval, every input-window boundary
 * and the last step. Shared by the single-trial {@link RunLoop} and the batched kernel, so both score the same steps.
 */
public final class SamplePoints {
    private final int interval;
    private final int total;
    /** Window boundaries (starts of windows 1..W−1), ascending. */
    private final int[] boundaries;

    public SamplePoints(ExperimentSpec spec, int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("the sample interval must be at least 1 step, got " + interval);
        }
        this.interval = interval;
        this.total = spec.steps();
        this.boundaries = new int[spec.schedule().size() - 1];
        for (int w = 1; w < spec.schedule().size(); w++) {
            boundaries[w - 1] = spec.windowStartStep(w);
        }
    }

    public int interval() {
        return interval;
    }

    /** The first sample point after {@code step} (the last step at most). */
    public int nextAfter(int step) {
        int next = Math.min(total, (step / interval + 1) * interval);
        for (int b : boundaries) {
            if (b > step && b < next) {
                next = b;
            }
        }
        return next;
    }
}
