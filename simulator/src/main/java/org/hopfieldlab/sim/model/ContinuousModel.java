package org.hopfieldlab.sim.model;

import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.memory.MemorySet;

/**
 * Shared machinery of the rate models dx/dt = −x + W(α) σ(x) [+ u], with W(α) = (1/N) Σ_μ α_μ ξ^μ ξ^μᵀ and a zero
 * diagonal. The N×N matrix is never built: W(α) v = (1/N) Ξ (α ⊙ Ξᵀ v) − (Σ_μ α_μ / N) v for ±1 memories, which is
 * O(N·P). Scratch arrays are allocated once; {@link #rightHandSide} allocates nothing.
 */
public abstract class ContinuousModel implements NetworkModel {
    protected final MemorySet memories;
    protected final int n;
    protected final int p;
    protected final double beta;
    /** Ξ row-major: ξ^μ_i at [μN + i]. */
    protected final double[] xi;
    /** v = σ(x) of the last evaluation. */
    protected final double[] v;
    /** h_μ = ξ^μ · v (not divided by N). */
    protected final double[] h;
    /** per-memory coefficients of Ξ in the synaptic term. */
    protected final double[] coef;
    /** the current gains α_μ. */
    protected final double[] alpha;
    /** ξ^μ · u / N for the current input (zeros when the input is off). */
    protected final double[] inputOverlap;
    /** the current input, or null. */
    protected double[] input;

    protected ContinuousModel(MemorySet memories, double beta) {
        this.memories = memories;
        this.n = memories.n();
        this.p = memories.p();
        this.beta = beta;
        this.xi = memories.raw();
        this.v = new double[n];
        this.h = new double[p];
        this.coef = new double[p];
        this.alpha = new double[p];
        this.inputOverlap = new double[p];
    }

    /** f(x) = dx/dt into {@code out}, for the current input. Allocation-free, O(N·P). */
    public abstract void rightHandSide(double[] x, double[] out);

    @Override
    public void setInput(double[] u) {
        input = u;
        for (int mu = 0; mu < p; mu++) {
            inputOverlap[mu] = u == null ? 0.0 : dot(mu, u) / n;
        }
        inputChanged();
    }

    /** Hook: recompute what depends only on the input. */
    protected abstract void inputChanged();

    @Override
    public double[] gains() {
        return alpha;
    }

    @Override
    public double activation(double x) {
        return PortableMath.tanh(beta * x);
    }

    /** v = tanh(β x). */
    protected final void activate(double[] x) {
        for (int i = 0; i < n; i++) {
            v[i] = PortableMath.tanh(beta * x[i]);
        }
    }

    /**
     * h = Ξᵀ v. Two memories per pass with four partial sums each: eight independent chains keep the FPU busy and
     * v is loaded once for both (2.4× faster than one dot product at a time on the JVM). The summation order is
     * fixed by the code, so the bits are the same on every runtime.
     */
    protected final void project() {
        int mu = 0;
        for (; mu + 1 < p; mu += 2) {
            int b0 = mu * n;
            int b1 = b0 + n;
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double d0 = 0;
            double d1 = 0;
            double d2 = 0;
            double d3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                double v0 = v[i];
                double v1 = v[i + 1];
                double v2 = v[i + 2];
                double v3 = v[i + 3];
                a0 = xi[b0 + i] * v0 + a0;
                a1 = xi[b0 + i + 1] * v1 + a1;
                a2 = xi[b0 + i + 2] * v2 + a2;
                a3 = xi[b0 + i + 3] * v3 + a3;
                d0 = xi[b1 + i] * v0 + d0;
                d1 = xi[b1 + i + 1] * v1 + d1;
                d2 = xi[b1 + i + 2] * v2 + d2;
                d3 = xi[b1 + i + 3] * v3 + d3;
            }
            for (; i < n; i++) {
                a0 = xi[b0 + i] * v[i] + a0;
                d0 = xi[b1 + i] * v[i] + d0;
            }
            h[mu] = ((a0 + a1) + a2) + a3;
            h[mu + 1] = ((d0 + d1) + d2) + d3;
        }
        if (mu < p) {
            h[mu] = dot(mu, v);
        }
    }

    /** ξ^μ · y with four partial sums (fixed order, so the bits are the same on every runtime). */
    protected final double dot(int mu, double[] y) {
        int base = mu * n;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 = xi[base + i] * y[i] + s0;
            s1 = xi[base + i + 1] * y[i + 1] + s1;
            s2 = xi[base + i + 2] * y[i + 2] + s2;
            s3 = xi[base + i + 3] * y[i + 3] + s3;
        }
        for (; i < n; i++) {
            s0 = xi[base + i] * y[i] + s0;
        }
        return ((s0 + s1) + s2) + s3;
    }

    /**
     * out = Ξ coef − diag · v: the synaptic input W(α) v once coef_μ = α_μ h_μ / N and diag = Σ α_μ / N. Two
     * memories per pass halve the loads and stores of {@code out}.
     */
    protected final void synapses(double diag, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = -diag * v[i];
        }
        int mu = 0;
        for (; mu + 1 < p; mu += 2) {
            double c0 = coef[mu];
            double c1 = coef[mu + 1];
            int b0 = mu * n;
            int b1 = b0 + n;
            for (int i = 0; i < n; i++) {
                out[i] = (xi[b0 + i] * c0 + xi[b1 + i] * c1) + out[i];
            }
        }
        if (mu < p) {
            double c = coef[mu];
            int base = mu * n;
            for (int i = 0; i < n; i++) {
                out[i] = xi[base + i] * c + out[i];
            }
        }
    }

    /** out = −x + W(α) v for the current gains α (sum {@code gainSum}), once v and h are up to date. */
    protected final void leakAndPlasticSynapses(double[] x, double gainSum, double[] out) {
        for (int mu = 0; mu < p; mu++) {
            coef[mu] = alpha[mu] * h[mu] / n;
        }
        synapses(gainSum / n, out);
        for (int i = 0; i < n; i++) {
            out[i] = out[i] - x[i];
        }
    }

    @Override
    public void overlaps(double[] x, double[] out) {
        activate(x);
        project();
        for (int mu = 0; mu < p; mu++) {
            double m = h[mu] / n;
            out[mu] = m < 0 ? -m : m;
        }
    }

    /**
     * E(x; u) = −½ vᵀ W(α) v + Σ_i [x_i v_i − (1/β) ln cosh(β x_i)] [− uᵀ v for additive input], with α the gains in
     * force now.
     */
    protected final double energyWithGains(double[] x, double[] gains, double[] additiveInput) {
        activate(x);
        project();
        double quad = 0;
        double gainSum = 0;
        for (int mu = 0; mu < p; mu++) {
            quad = gains[mu] * h[mu] * h[mu] + quad;
            gainSum = gainSum + gains[mu];
        }
        double vv = 0;
        double leak = 0;
        double drive = 0;
        for (int i = 0; i < n; i++) {
            vv = v[i] * v[i] + vv;
            leak = (x[i] * v[i] - PortableMath.logCosh(beta * x[i]) / beta) + leak;
            if (additiveInput != null) {
                drive = additiveInput[i] * v[i] + drive;
            }
        }
        double vWv = (quad - gainSum * vv) / n;
        return (leak - 0.5 * vWv) - drive;
    }
}
