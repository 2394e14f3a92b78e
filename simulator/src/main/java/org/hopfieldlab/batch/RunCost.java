package org.hopfieldlab.batch;

import java.util.List;
import org.hopfieldlab.sim.run.StepCost;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;

/**
 * What a run or an experiment will cost, estimated before it starts from stated constants (no probe: the estimate is
 * the same on every call and can be tested). One step of one trial costs about n·(c₀ + c_noise + c₁·w) nanoseconds,
 * where w is the model's work per neuron and step from {@link StepCost#perNeuronStep} (the one place the models'
 * relative costs are declared: rate models p, the discrete model 3p + 20, plus 60 for Glauber updates at T &gt; 0),
 * c₀ the per-neuron work outside it (tanh, the Euler update), c_noise a rate model's Gaussian draw at noise &gt; 0
 * and c₁ the calibrated nanoseconds per work unit. Rounded up, so the estimate errs on the long side where it matters
 * (the models' everyday sizes and the large IDP runs of the README).
 *
 * <p>Measured on this project's 2-core test machine (AMD EPYC, 2 MiB L2 per core), thread CPU time of one trial with
 * {@code TrialRunner}, best of five (3 December 2026, load average 0.4), ns per neuron-step, measured / estimated:
 * IDP n = 1024 p = 1 6.4 / 8.8, p = 10 9.7 / 16 (noise 0: 6.3 / 12; priced 16 before the noise had its own term,
 * 3.1× a run measured at 5.1 in an idle window), p = 64 28–35 / 59; IDP n = 16384 p = 64 55 / 59 (README: 57 under
 * load); discrete n = 1024 p = 10 T = 0 40 / 44, T = 0.5 75–80 / 92 (the Glauber term: before it was counted the
 * guard said 68, low by up to 1.2× here and ≈ 1.3× under load); discrete n = 1000 p = 200 T = 1 429 / 548. Where it
 * is low: the discrete model at p = 64, n = 1024 218–235 / 174 (T = 0) and 249–276 / 222 (T = 0.5), and at n = 16384
 * 454 / 174 and 433 / 222 (2.6× and 2× low): its fields read Ξ with stride n in a random order, one cache line per
 * memory and unit, so once Ξ outgrows L1 and then L2 a unit of its work costs more than StepCost's ratio to a rate
 * model says (StepCost is calibrated against IDP at p = 10; a discrete per-memory cost that grows with n·p would
 * change the sweeps' trial blocks and journals, so it is left to StepCost's owner). {@code CostGuardTest} checks the
 * estimate against measured runs at n = 1024 within a factor of 3 either way.
 */
public final class RunCost {
    private RunCost() {
    }

    /** Nanoseconds per neuron per step outside the model's work units and the noise (c₀: tanh, the Euler update). */
    public static final double NS_PER_NEURON_STEP = 4;
    /**
     * Nanoseconds per neuron per step for a rate model's Gaussian noise, only when noise &gt; 0 (the stepper skips the
     * draws at noise 0; measured 3.1 ns per draw, {@code StepPartsHarness}). Priced as part of c₀ until a rehearsal on
     * an idle machine measured a noise-free IDP run at 5.1 ns per neuron-step against an estimate of 16 (3.1×, past
     * {@code CostGuardTest}'s bound); with noise the estimate is unchanged.
     */
    public static final double NS_PER_NOISE_DRAW = 4;
    /** Nanoseconds per work unit of {@link StepCost#perNeuronStep} (c₁; a rate model's neuron-memory-step). */
    public static final double NS_PER_UNIT = 0.8;

    /** Seconds one trial of the spec takes on one thread (estimate). */
    public static double secondsPerTrial(ExperimentSpec s) {
        double noise = s.model() != ModelKind.DISCRETE && s.noise() > 0 ? NS_PER_NOISE_DRAW : 0;
        return (double) s.steps() * s.n() * (NS_PER_NEURON_STEP + noise + NS_PER_UNIT * StepCost.perNeuronStep(s))
                * 1e-9;
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
