package org.hopfieldlab.sim.theory;

import org.hopfieldlab.sim.math.PortableMath;

/**
 * The theory's predictions for orthogonal memories (science file, "Existence and stability thresholds"), given the
 * gains α_μ, the gain β and N (for the zero-diagonal shift α'_ν = α_ν − (1/N) Σ_ρ α_ρ):
 * <ul>
 *   <li>existence: x* = c ξ^μ with c = α'_μ tanh(β c) has a non-zero solution iff β α'_μ &gt; 1;</li>
 *   <li>stability: Jacobian eigenvalue −1 + β sech²(β c) α'_ν along ξ^ν (and −1 elsewhere); stable iff all &lt; 0
 *       for ν ≠ μ (along ξ^μ itself the eigenvalue is negative whenever the solution exists);</li>
 *   <li>well depth: E_μ = N [½ α'_μ tanh²(β c) − (1/β) ln cosh(β c)].</li>
 * </ul>
 */
public final class Theory {
    private Theory() {
    }

    /** Prediction for the memory-μ equilibrium. eigenvalues[ν] is the eigenvalue along ξ^ν. */
    public record MemoryPrediction(int memory, double shiftedGain, boolean exists, double amplitude,
            double[] eigenvalues, boolean stable, double wellDepth) {
    }

    /** α'_ν = α_ν − (1/N) Σ_ρ α_ρ. */
    public static double[] shiftedGains(double[] alpha, int n) {
        double sum = 0;
        for (double a : alpha) {
            sum = sum + a;
        }
        double[] out = new double[alpha.length];
        for (int nu = 0; nu < alpha.length; nu++) {
            out[nu] = alpha[nu] - sum / n;
        }
        return out;
    }

    /**
     * The positive root of c = a tanh(β c) (0 when β a ≤ 1). The map g(c) = a tanh(βc) − c is concave on c &gt; 0 with
     * g(0) = 0, g'(0) = βa − 1 &gt; 0 and g(a) &lt; 0, so bisection on (0, a] finds the unique root.
     */
    public static double amplitude(double a, double beta) {
        if (!(beta * a > 1.0)) {
            return 0.0;
        }
        double lo = 0.0;
        double hi = a;
        // lo must have g > 0: start just above 0 where g ≈ (βa − 1)c > 0
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            double g = a * PortableMath.tanh(beta * mid) - mid;
            if (g > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    public static MemoryPrediction predict(double[] alpha, double beta, int n, int mu) {
        double[] shifted = shiftedGains(alpha, n);
        double a = shifted[mu];
        boolean exists = beta * a > 1.0;
        double c = exists ? amplitude(a, beta) : 0.0;
        double s2 = PortableMath.sech2(beta * c);
        double[] eig = new double[alpha.length];
        boolean stable = exists;
        for (int nu = 0; nu < alpha.length; nu++) {
            eig[nu] = beta * s2 * shifted[nu] - 1.0;
            if (nu != mu && !(eig[nu] < 0)) {
                stable = false;
            }
        }
        double t = PortableMath.tanh(beta * c);
        double depth = exists ? (0.5 * a * t * t - PortableMath.logCosh(beta * c) / beta) * n : 0.0;
        return new MemoryPrediction(mu, a, exists, c, eig, stable, depth);
    }

    /** Predictions for every memory. */
    public static MemoryPrediction[] predictAll(double[] alpha, double beta, int n) {
        MemoryPrediction[] out = new MemoryPrediction[alpha.length];
        for (int mu = 0; mu < alpha.length; mu++) {
            out[mu] = predict(alpha, beta, n, mu);
        }
        return out;
    }

    /**
     * The gain a memory needs for its equilibrium to exist, drawn as a line over the gain bars: β α'_μ = 1 with
     * α'_μ = α_μ − Σα/N gives α_μ = 1/β + Σα/N.
     */
    public static double existenceLine(double[] alpha, double beta, int n) {
        double sum = 0;
        for (double a : alpha) {
            sum = sum + a;
        }
        return 1.0 / beta + sum / n;
    }

    /** The β at which memory μ's equilibrium appears: β α'_μ = 1 (infinite when α'_μ ≤ 0). */
    public static double existenceBeta(double[] alpha, int n, int mu) {
        double a = shiftedGains(alpha, n)[mu];
        return a > 0 ? 1.0 / a : Double.POSITIVE_INFINITY;
    }
}
