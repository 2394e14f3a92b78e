package org.hopfieldlab.batch.sweep;

import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * What a sweep will cost, estimated before it starts. Work is counted in neuron-memory-steps (Σ over runs of
 * steps × n × p): the simulator's cost per Euler step is O(n p), so this tracks run time closely.
 */
public record SweepCost(int cells, long runs, double work) {
    /** Work units per second and thread on a typical core (measured with the noise preset, see the README). */
    public static final double WORK_PER_SECOND_PER_THREAD = 8.0e8;

    public static SweepCost of(SweepDefinition def) {
        double work = 0;
        for (int k = 0; k < def.cellCount(); k++) {
            ExperimentSpec s = def.cellSpec(k);
            work += (double) s.trials() * s.steps() * s.n() * Math.max(1, s.p());
        }
        return new SweepCost(def.cellCount(), def.totalRuns(), work);
    }

    /** A rough wall-clock estimate on {@code threads} workers. */
    public double estimatedSeconds(int threads) {
        return work / (WORK_PER_SECOND_PER_THREAD * Math.max(1, Math.min(threads, cells)));
    }
}
