package org.hopfieldlab.sim.model;

import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.spec.Choices.GainMap;

/**
 * The modern-Hopfield family of the paper's section on dense associative memories: dx/dt = −x + W(α) σ(x) with
 * gains α = F(q), q_μ = ξ^μ · d / N and the plasticity drive d = γ u + (1 − γ) σ(x). F is linear (α = q),
 * softmax (α = softmax(λ q)) or polynomial (α_μ = q_μ^(deg−1)). γ = 1 with the linear map is IDP; γ = 0 retrieves
 * from the state alone, like a dense associative memory. q is O(P) per step: ξ^μ·d/N = γ ξ^μ·u/N + (1−γ) h_μ/N.
 */
public final class ModernModel extends ContinuousModel {
    private final GainMap map;
    private final double lambda;
    private final int degree;
    private final double gamma;
    private double gainSum;

    public ModernModel(MemorySet memories, double beta, GainMap map, double lambda, int degree, double gamma) {
        super(memories, beta);
        this.map = map;
        this.lambda = lambda;
        this.degree = degree;
        this.gamma = gamma;
    }

    @Override
    protected void inputChanged() {
        // gains depend on the state too: computed every step in updateGains
    }

    /** α = F(γ ξᵀu/N + (1−γ) h/N), from the projections h of the current activation. */
    private void updateGains(double[] hs) {
        double rest = 1.0 - gamma;
        for (int mu = 0; mu < p; mu++) {
            alpha[mu] = gamma * inputOverlap[mu] + rest * hs[mu] / n;
        }
        if (map == GainMap.SOFTMAX) {
            double max = alpha[0];
            for (int mu = 1; mu < p; mu++) {
                max = alpha[mu] > max ? alpha[mu] : max;
            }
            double sum = 0;
            for (int mu = 0; mu < p; mu++) {
                alpha[mu] = PortableMath.exp(lambda * (alpha[mu] - max));
                sum = sum + alpha[mu];
            }
            for (int mu = 0; mu < p; mu++) {
                alpha[mu] = alpha[mu] / sum;
            }
        } else if (map == GainMap.POLY) {
            for (int mu = 0; mu < p; mu++) {
                double q = alpha[mu];
                double a = 1.0;
                for (int k = 1; k < degree; k++) {
                    a = a * q;
                }
                alpha[mu] = a;
            }
        }
        gainSum = 0;
        for (int mu = 0; mu < p; mu++) {
            gainSum = gainSum + alpha[mu];
        }
    }

    @Override
    public double coefficients(double[] hs, double[] coefOut) {
        updateGains(hs);
        return plasticCoefficients(hs, gainSum, coefOut);
    }

    /** The IDP-form energy with the gains of the current state (an instantaneous landscape, not a Lyapunov function). */
    @Override
    protected double energyOfProjections(double[] x) {
        updateGains(h);
        return energyWithGains(x, alpha, null);
    }
}
