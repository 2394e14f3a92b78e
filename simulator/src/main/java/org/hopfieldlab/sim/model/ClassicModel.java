package org.hopfieldlab.sim.model;

import org.hopfieldlab.sim.memory.MemorySet;

/**
 * The classic continuous Hopfield network with additive input: dx/dt = −x + W σ(x) + u, W = (1/N) Σ_μ ξ^μ ξ^μᵀ,
 * W_ii = 0. The synapses are fixed (all gains 1); the input pushes the state.
 */
public final class ClassicModel extends ContinuousModel {
    public ClassicModel(MemorySet memories, double beta) {
        super(memories, beta);
        for (int mu = 0; mu < p; mu++) {
            alpha[mu] = 1.0;
        }
    }

    @Override
    protected void inputChanged() {
        // gains stay 1: only the additive term changes
    }

    @Override
    public double coefficients(double[] hs, double[] coefOut) {
        for (int mu = 0; mu < p; mu++) {
            coefOut[mu] = hs[mu] / n;
        }
        return (double) p / n;
    }

    @Override
    public double[] additiveInput() {
        return input;
    }

    @Override
    protected double energyOfProjections(double[] x) {
        return energyWithGains(x, alpha, input);
    }
}
