package org.hopfieldlab.sim.model;

import org.hopfieldlab.sim.memory.MemorySet;

/**
 * Input-driven plasticity (Betteti et al. 2025): dx/dt = −x + W(u) σ(x), W(u) = (1/N) Σ_μ α_μ(u) ξ^μ ξ^μᵀ with
 * W_ii = 0 and α_μ(u) = ξ^μ · u / N. The input reshapes the synapses; it is not added to the state.
 */
public final class IdpModel extends ContinuousModel {
    private double gainSum;

    public IdpModel(MemorySet memories, double beta) {
        super(memories, beta);
    }

    @Override
    protected void inputChanged() {
        gainSum = 0;
        for (int mu = 0; mu < p; mu++) {
            alpha[mu] = inputOverlap[mu];
            gainSum = gainSum + alpha[mu];
        }
    }

    @Override
    public double coefficients(double[] hs, double[] coefOut) {
        return plasticCoefficients(hs, gainSum, coefOut);
    }

    @Override
    protected double energyOfProjections(double[] x) {
        return energyWithGains(x, alpha, null);
    }
}
