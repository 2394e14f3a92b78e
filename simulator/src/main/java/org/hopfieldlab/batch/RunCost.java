package org.hopfieldlab.batch;

import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;

/**
 * What a run or an experiment will cost, estimated before it starts from stated constants (no probe: the estimate is
 * the same on every call and can be tested). One step of one trial costs about n·(c₀ + c₁·p) nanoseconds: c₀ for the
 * per-neuron work (noise, tanh, the Euler update), c₁ for the O(n·p) products. The constants were measured with
 * {@code TrialRunner} on this project's 2-core test machine under load (README, "Cost guard"): IDP n = 1024 took
 * 7.7 ns per neuron-step at p = 1, 11.9 at p = 10 and 29 at p = 64; n = 4096 and 16384 at p = 64: 52–57. They are
 * rounded up, so the estimate errs on the long side.
 */
public final class RunCost {
    private RunCost() {
    }

    /** Nanoseconds per neuron per step, independent of p. */
    public static final double NS_PER_NEURON_STEP = 8;
    /** Nanoseconds per neuron, memory and step (continuous models). */
    public static final double NS_PER_NEURON_MEMORY_STEP = 0.8;
    /**
     * The discrete model's asynchronous updates cost more per neuron-memory (measured 38 ns per neuron-step at
     * n = 1024, p = 10 and 380–410 at p = 64).
     */
    public static final double NS_PER_NEURON_MEMORY_STEP_DISCRETE = 6;

    /** Seconds one trial of the spec takes on one thread (estimate). */
    public static double secondsPerTrial(ExperimentSpec s) {
        double perMemory = s.model() == ModelKind.DISCRETE ? NS_PER_NEURON_MEMORY_STEP_DISCRETE
                : NS_PER_NEURON_MEMORY_STEP;
        return (double) s.steps() * s.n() * (NS_PER_NEURON_STEP + perMemory * s.p()) * 1e-9;
    }

    /**
     * Wall-clock seconds for all trials of these cells on {@code threads} workers (never more workers than trials or
     * than the machine's cores).
     */
    public static double seconds(List<ExperimentSpec> cells, int threads) {
        double work = 0;
        long trials = 0;
        for (ExperimentSpec s : cells) {
            work += s.trials() * secondsPerTrial(s);
            trials += s.trials();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long workers = Math.max(1, Math.min(Math.min(threads, cores), trials));
        return work / workers;
    }

    /** "about 3.2 days", "about 14 min", "about 2 s". */
    public static String human(double seconds) {
        if (seconds < 90) {
            return "about " + Math.max(1, Math.round(seconds)) + " s";
        }
        if (seconds < 90 * 60) {
            return "about " + Math.round(seconds / 60) + " min";
        }
        if (seconds < 36 * 3600) {
            return String.format(java.util.Locale.ROOT, "about %.1f hours", seconds / 3600);
        }
        if (seconds < 730 * 86400) {
            return String.format(java.util.Locale.ROOT, "about %.1f days", seconds / 86400);
        }
        return String.format(java.util.Locale.ROOT, "about %.1f years", seconds / (365.25 * 86400));
    }
}
