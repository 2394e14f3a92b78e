package org.hopfieldlab.sim.theory;

/**
 * The retrieval phase boundary of the discrete Hopfield network with Hebbian couplings J = (1/N) Σ_μ ξ^μ ξ^μᵀ and
 * Glauber dynamics at temperature T: the replica-symmetric theory of Amit, Gutfreund and Sompolinsky (1985; Ann.
 * Phys. 173, 30, 1987), solved numerically. With load α = P/N and Z ~ N(0, 1) the retrieval solution satisfies
 *
 * <pre>
 *   m = E tanh(β (m + σ Z)),   q = E tanh²(β (m + σ Z)),   σ² = α r,   r = q / (1 − C)²,   C = β (1 − q)
 * </pre>
 *
 * (at T = 0: m = erf(m / (√2 σ)), q = 1, C = √(2/π) e^(−m²/2σ²) / σ). Instead of solving the three equations for
 * given α, the branch is walked in σ: for each σ the first equation alone fixes m (its largest root; the right-hand
 * side is concave in m ≥ 0, so there is one), then q, C and α = σ² (1 − C)² / q follow explicitly. The largest α on
 * the branch (with m &gt; 0 and C &lt; 1) is where the retrieval states stop existing: α_M(T), with α_M(0) ≈ 0.138 and
 * α_M → 0 as T → 1. Numbers are plain {@link Math}: this is a theory line, not a replayed run.
 */
public final class AgsCapacity {
    private AgsCapacity() {
    }

    /** Half-width of the Gaussian integrals in units of σ (the weight beyond is below 1e-15). */
    private static final double Z_MAX = 8.5;
    private static final int SIGMA_GRID = 120;

    /**
     * The largest load α = P/N at which retrieval states exist at temperature T (the AGS line T_M(α) read the other
     * way); 0 for T ≥ 1.
     */
    public static double criticalLoad(double temperature) {
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be ≥ 0, got " + temperature);
        }
        if (temperature >= 1) {
            return 0;
        }
        // coarse log grid in σ, then a golden-section refinement around the best grid point
        double lo = Math.log(1e-5);
        double hi = Math.log(3);
        double best = 0;
        int bestK = -1;
        double[] s = new double[SIGMA_GRID];
        for (int k = 0; k < SIGMA_GRID; k++) {
            s[k] = Math.exp(lo + (hi - lo) * k / (SIGMA_GRID - 1));
            double a = load(temperature, s[k]);
            if (a > best) {
                best = a;
                bestK = k;
            }
        }
        if (bestK < 0) {
            return 0;
        }
        double a = s[Math.max(0, bestK - 1)];
        double b = s[Math.min(SIGMA_GRID - 1, bestK + 1)];
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = load(temperature, c);
        double fd = load(temperature, d);
        for (int it = 0; it < 60 && b - a > 1e-10 * b; it++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = load(temperature, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = load(temperature, d);
            }
        }
        return Math.max(best, Math.max(fc, fd));
    }

    /**
     * The retrieval boundary T_M(α): the highest temperature at which retrieval states exist at load α (1 at α = 0,
     * 0 at α ≥ α_M(0) ≈ 0.138), by bisection on {@link #criticalLoad}, which falls with T (up to the replica-symmetric
     * re-entrance near T = 0, below 0.001 in α).
     */
    public static double criticalTemperature(double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("load must be ≥ 0, got " + alpha);
        }
        if (alpha == 0) {
            return 1;
        }
        if (criticalLoad(0) <= alpha) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        for (int it = 0; it < 40; it++) {
            double mid = (lo + hi) / 2;
            if (criticalLoad(mid) > alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** α on the retrieval branch at noise width σ, or 0 where the branch has no valid point (m = 0 or C ≥ 1). */
    static double load(double temperature, double sigma) {
        double[] mqc = branch(temperature, sigma);
        if (mqc == null || mqc[2] >= 1) {
            return 0;
        }
        double oneMinusC = 1 - mqc[2];
        return sigma * sigma * oneMinusC * oneMinusC / mqc[1];
    }

    /** {m, q, C} of the retrieval solution at noise width σ, or null when only m = 0 solves the first equation. */
    static double[] branch(double temperature, double sigma) {
        double m = 1;
        double[] e = new double[3];
        for (int it = 0; it < 200; it++) {
            averages(temperature, m, sigma, e);
            double g = e[0] - m;
            double slope = e[2] - 1;
            if (slope >= 0) {
                // left of the maximum of a concave g: no positive root to the right was found
                return null;
            }
            double next = m - g / slope;
            if (next <= 1e-9) {
                return null;
            }
            boolean done = Math.abs(next - m) < 1e-13;
            m = next;
            if (done) {
                break;
            }
        }
        if (m < 1e-7) {
            return null;
        }
        averages(temperature, m, sigma, e);
        double q = e[1];
        double c = temperature == 0
                ? Math.sqrt(2 / Math.PI) / sigma * Math.exp(-m * m / (2 * sigma * sigma))
                : (1 - q) / temperature;
        return new double[] {m, q, c};
    }

    /** out = {E tanh, E tanh², d/dm E tanh} of β (m + σ Z); at T = 0 tanh is the sign. */
    static void averages(double temperature, double m, double sigma, double[] out) {
        if (temperature == 0) {
            double y = m / (Math.sqrt(2) * sigma);
            out[0] = erf(y);
            out[1] = 1;
            out[2] = Math.sqrt(2 / Math.PI) / sigma * Math.exp(-y * y);
            return;
        }
        double beta = 1 / temperature;
        // composite Simpson in z; the step resolves tanh's width T/σ in z with at least 8 points
        double h = Math.min(0.05, temperature / (8 * sigma));
        int intervals = 2 * (int) Math.ceil(Z_MAX / h);
        h = 2 * Z_MAX / intervals;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int k = 0; k <= intervals; k++) {
            double z = -Z_MAX + k * h;
            double w = (k == 0 || k == intervals) ? 1 : (k % 2 == 1 ? 4 : 2);
            w *= Math.exp(-z * z / 2);
            double t = Math.tanh(beta * (m + sigma * z));
            s0 += w * t;
            s1 += w * t * t;
            s2 += w * (1 - t * t);
        }
        double norm = h / 3 / Math.sqrt(2 * Math.PI);
        out[0] = s0 * norm;
        out[1] = s1 * norm;
        out[2] = beta * s2 * norm;
    }

    /** erf by the Chebyshev fit of erfc in Numerical Recipes (fractional error below 1.2e-7). */
    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }
}
