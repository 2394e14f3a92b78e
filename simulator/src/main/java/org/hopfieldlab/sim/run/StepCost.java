package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;

/**
 * What one step of a run costs per neuron, by model: the one place the models' relative costs are declared. The
 * sweep engine's cost model ({@code org.hopfieldlab.batch.sweep.SweepCost}) prices runs with {@link #perNeuronStep},
 * exercise grading ({@code org.hopfieldlab.sim.exercise.Evaluation}) scales its rate-model work units by
 * {@link #relativeToRateModel}. Plain arithmetic on the spec, so the browser build (TeaVM) prices grading exactly as
 * the JVM does.
 *
 * <p>The unit is the rate models' neuron-memory-step: a rate model's Euler step is O(n p) in unrolled, vectorised
 * loops, batched over lanes. The discrete model's step is one asynchronous sweep, weighted by what it was measured to
 * cost against a rate model (see {@code SweepCostModelTest}).
 */
public final class StepCost {
    private StepCost() {
    }

    /**
     * Work per memory of one neuron's update in a discrete sweep. {@code DiscreteModel.sweep} does the same 2·n·p
     * multiply-adds per step as a rate model's Euler step (overlaps Ξᵀs, then each unit's field Σ_μ ξ^μ_i m_μ, where a
     * rate model projects and sums its synapses), plus p for each flipped unit, but one unit at a time: each field is
     * a single dependency chain reading Ξ with stride n, nothing vectorises and no lanes are batched. Measured
     * against the noise preset's IDP cell (the unit, 0.79 ns here): 2.0 ns per neuron-memory at n = 1000 (2.6 units),
     * more once Ξ outgrows the caches (n = 4096, p = 64: 4.5 ns, 5.7 units). Rounded up.
     */
    public static final double DISCRETE_PER_MEMORY = 3;
    /** Work per neuron of a discrete sweep besides the fields: shuffling the update order, the sign rule (~14 ns). */
    public static final double DISCRETE_PER_NEURON = 20;
    /**
     * Extra work per neuron of a Glauber sweep (temperature T = noise &gt; 0): an exponential and a random draw per
     * update, and more flips (each O(p)): measured +35 ns at p = 10 to +67 ns at p = 200.
     */
    public static final double DISCRETE_GLAUBER_PER_NEURON = 60;

    /**
     * Work per neuron and step, in rate-model neuron-memory-steps: max(1, p) for the rate models;
     * {@link #DISCRETE_PER_MEMORY} · p + {@link #DISCRETE_PER_NEURON} (+ {@link #DISCRETE_GLAUBER_PER_NEURON} at
     * T &gt; 0) for the discrete model.
     */
    public static double perNeuronStep(ExperimentSpec s) {
        if (s.model() == ModelKind.DISCRETE) {
            return DISCRETE_PER_MEMORY * s.p() + DISCRETE_PER_NEURON
                    + (s.noise() > 0 ? DISCRETE_GLAUBER_PER_NEURON : 0);
        }
        return rateModel(s);
    }

    /**
     * How many rate-model steps of the same n and p one step of this spec's model costs: exactly 1 for the rate
     * models (classic, IDP, modern); for the discrete model (3p + 20) / p at T = 0, (3p + 80) / p at T &gt; 0 (at
     * least 3).
     */
    public static double relativeToRateModel(ExperimentSpec s) {
        return s.model() == ModelKind.DISCRETE ? perNeuronStep(s) / rateModel(s) : 1;
    }

    /** A rate model's work per neuron and step: max(1, p). */
    private static double rateModel(ExperimentSpec s) {
        return Math.max(1, s.p());
    }
}
