package org.hopfieldlab.sim.model;

import org.hopfieldlab.sim.math.LoopShape;
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
    /**
     * Ξ as one array per memory, ξ^μ_i at [μ][i]: in the synapse loop every access then uses the same index, which
     * lets the JIT vectorise it (offsets into one shared array look like possible overlaps with the output).
     */
    protected final double[][] xi;
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
        this.xi = new double[p][];
        for (int mu = 0; mu < p; mu++) {
            xi[mu] = memories.memory(mu);
        }
        this.v = new double[n];
        this.h = new double[p];
        this.coef = new double[p];
        this.alpha = new double[p];
        this.inputOverlap = new double[p];
    }

    /**
     * f(x) = dx/dt = −x + W(α) σ(x) [+ u] into {@code out}, for the current input. Allocation-free, O(N·P). The
     * batched kernel repeats exactly these operations lane by lane, calling {@link #coefficients} for the model's
     * part.
     */
    public final void rightHandSide(double[] x, double[] out) {
        activate(x);
        project();
        synapses(coefficients(h, coef), out);
        double[] add = additiveInput();
        int n = this.n;
        if (add == null) {
            for (int i = 0; i < n; i++) {
                out[i] = out[i] - x[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = (out[i] - x[i]) + add[i];
            }
        }
    }

    /**
     * The model's part of the right-hand side: from the projections h = Ξᵀσ(x) (not divided by N) the
     * coefficients coef_μ of Ξ in the synaptic term, and the returned diagonal correction d, so that
     * W(α)σ(x) = Ξ coef − d σ(x). O(P); may update the gains (modern models).
     */
    public abstract double coefficients(double[] h, double[] coefOut);

    /** The input added to dx/dt (classic model), or null when the input acts on the synapses only. */
    public double[] additiveInput() {
        return null;
    }

    public int n() {
        return n;
    }

    public int p() {
        return p;
    }

    public double beta() {
        return beta;
    }

    /** h_μ = ξ^μ·σ(x) (not divided by N) of the last activation (do not modify): overlaps m_μ = |h_μ| / N. */
    public double[] projections() {
        return h;
    }

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

    /**
     * v = tanh(β x). Hot loops read fields into locals first: TeaVM's JS and Wasm output would otherwise reload
     * them on every iteration. The browser's {@link LoopShape} takes four elements per iteration (same bits); the
     * JVM keeps this one-element loop, which C2 vectorises.
     */
    protected final void activate(double[] x) {
        double[] act = v;
        double b = beta;
        int len = n;
        if (LoopShape.scalar()) {
            PortableMath.tanhInterleaved(b, x, act, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            act[i] = PortableMath.tanh(b * x[i]);
        }
    }

    /**
     * h = Ξᵀ v. Two memories per pass with four partial sums each: eight independent chains keep the FPU busy and
     * v is loaded once for both (2.4× faster than one dot product at a time on the JVM). The summation order is
     * fixed by the code, so the bits are the same on every runtime.
     */
    protected final void project() {
        double[] v = this.v;
        double[] h = this.h;
        int n = this.n;
        int mu = 0;
        for (; mu + 1 < p; mu += 2) {
            double[] r0 = xi[mu];
            double[] r1 = xi[mu + 1];
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
                a0 = r0[i] * v0 + a0;
                a1 = r0[i + 1] * v1 + a1;
                a2 = r0[i + 2] * v2 + a2;
                a3 = r0[i + 3] * v3 + a3;
                d0 = r1[i] * v0 + d0;
                d1 = r1[i + 1] * v1 + d1;
                d2 = r1[i + 2] * v2 + d2;
                d3 = r1[i + 3] * v3 + d3;
            }
            for (; i < n; i++) {
                a0 = r0[i] * v[i] + a0;
                d0 = r1[i] * v[i] + d0;
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
        double[] r = xi[mu];
        int n = this.n;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 = r[i] * y[i] + s0;
            s1 = r[i + 1] * y[i + 1] + s1;
            s2 = r[i + 2] * y[i + 2] + s2;
            s3 = r[i + 3] * y[i + 3] + s3;
        }
        for (; i < n; i++) {
            s0 = r[i] * y[i] + s0;
        }
        return ((s0 + s1) + s2) + s3;
    }

    /**
     * out = Ξ coef − diag · v: the synaptic input W(α) v once coef_μ = α_μ h_μ / N and diag = Σ α_μ / N. Two
     * memories per pass halve the loads and stores of {@code out}.
     */
    protected final void synapses(double diag, double[] out) {
        double[] v = this.v;
        int n = this.n;
        for (int i = 0; i < n; i++) {
            out[i] = -diag * v[i];
        }
        int mu = 0;
        // two pairs per pass: the same additions in the same order as one pass per pair, half the loads and stores
        // of out (which matters where nothing is vectorised: TeaVM's JS and Wasm)
        for (; mu + 3 < p; mu += 4) {
            double c0 = coef[mu];
            double c1 = coef[mu + 1];
            double c2 = coef[mu + 2];
            double c3 = coef[mu + 3];
            double[] r0 = xi[mu];
            double[] r1 = xi[mu + 1];
            double[] r2 = xi[mu + 2];
            double[] r3 = xi[mu + 3];
            for (int i = 0; i < n; i++) {
                double first = (r0[i] * c0 + r1[i] * c1) + out[i];
                out[i] = (r2[i] * c2 + r3[i] * c3) + first;
            }
        }
        for (; mu + 1 < p; mu += 2) {
            double c0 = coef[mu];
            double c1 = coef[mu + 1];
            double[] r0 = xi[mu];
            double[] r1 = xi[mu + 1];
            for (int i = 0; i < n; i++) {
                out[i] = (r0[i] * c0 + r1[i] * c1) + out[i];
            }
        }
        if (mu < p) {
            double c = coef[mu];
            double[] r = xi[mu];
            for (int i = 0; i < n; i++) {
                out[i] = r[i] * c + out[i];
            }
        }
    }

    /** coef_μ = α_μ h_μ / N for the current gains α (sum {@code gainSum}); returns the diagonal Σ α / N. */
    protected final double plasticCoefficients(double[] hs, double gainSum, double[] coefOut) {
        for (int mu = 0; mu < p; mu++) {
            coefOut[mu] = alpha[mu] * hs[mu] / n;
        }
        return gainSum / n;
    }

    @Override
    public void overlaps(double[] x, double[] out) {
        activate(x);
        project();
        overlapsOfProjections(out);
    }

    private void overlapsOfProjections(double[] out) {
        for (int mu = 0; mu < p; mu++) {
            double m = h[mu] / n;
            out[mu] = m < 0 ? -m : m;
        }
    }

    @Override
    public final double energy(double[] x) {
        activate(x);
        project();
        return energyOfProjections(x);
    }

    /** σ(x) and Ξᵀσ(x) once for both (the recorder reads both at every series sample). */
    @Override
    public final double overlapsAndEnergy(double[] x, double[] out) {
        activate(x);
        project();
        overlapsOfProjections(out);
        return energyOfProjections(x);
    }

    /** E(x; u) once v = σ(x) and h = Ξᵀσ(x) are those of x: the model picks its gains and input. */
    protected abstract double energyOfProjections(double[] x);

    /**
     * E(x; u) = −½ vᵀ W(α) v + Σ_i [x_i v_i − (1/β) ln cosh(β x_i)] [− uᵀ v for additive input], with α the gains in
     * force now, from v and h of x (see {@link #energyOfProjections}).
     */
    protected final double energyWithGains(double[] x, double[] gains, double[] additiveInput) {
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
