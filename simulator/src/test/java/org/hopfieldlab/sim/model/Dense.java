package org.hopfieldlab.sim.model;

import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;

/**
 * The textbook O(N²) formulas of the science file, written independently of the models: an explicit N×N matrix with
 * a zero diagonal and {@code Math.tanh}/{@code Math.log}/{@code Math.cosh}. Test oracle only.
 */
final class Dense {
    private Dense() {
    }

    /** W_ij = (1/N) Σ_μ α_μ ξ^μ_i ξ^μ_j for i ≠ j, W_ii = 0. */
    static double[][] weights(MemorySet m, double[] alpha) {
        int n = m.n();
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double s = 0;
                for (int mu = 0; mu < m.p(); mu++) {
                    s += alpha[mu] * m.get(mu, i) * m.get(mu, j);
                }
                w[i][j] = s / n;
            }
        }
        return w;
    }

    static double[] ones(int p) {
        double[] a = new double[p];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    static double[] tanh(double[] x, double beta) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = Math.tanh(beta * x[i]);
        }
        return v;
    }

    static double[] times(double[][] w, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += w[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** f(x) = −x + W tanh(βx) [+ u]. */
    static double[] rhs(double[][] w, double[] x, double beta, double[] u) {
        double[] wv = times(w, tanh(x, beta));
        double[] f = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = -x[i] + wv[i] + (u == null ? 0 : u[i]);
        }
        return f;
    }

    /** E = −½ vᵀWv − uᵀv + Σ [x v − ln cosh(βx)/β] (u = null for IDP). */
    static double energy(double[][] w, double[] x, double beta, double[] u) {
        double[] v = tanh(x, beta);
        double[] wv = times(w, v);
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            e += -0.5 * v[i] * wv[i] + x[i] * v[i] - Math.log(Math.cosh(beta * x[i])) / beta;
            if (u != null) {
                e -= u[i] * v[i];
            }
        }
        return e;
    }

    /** |ξ^μ · y| / N. */
    static double[] overlaps(MemorySet m, double[] y) {
        double[] out = new double[m.p()];
        for (int mu = 0; mu < m.p(); mu++) {
            double s = 0;
            for (int i = 0; i < m.n(); i++) {
                s += m.get(mu, i) * y[i];
            }
            out[mu] = Math.abs(s) / m.n();
        }
        return out;
    }

    /** ξ^μ · y / N (signed). */
    static double[] projections(MemorySet m, double[] y) {
        double[] out = new double[m.p()];
        for (int mu = 0; mu < m.p(); mu++) {
            double s = 0;
            for (int i = 0; i < m.n(); i++) {
                s += m.get(mu, i) * y[i];
            }
            out[mu] = s / m.n();
        }
        return out;
    }

    /** u = Σ_μ a_μ ξ^μ, naively. */
    static double[] mixture(MemorySet m, double[] a) {
        double[] u = new double[m.n()];
        for (int i = 0; i < m.n(); i++) {
            for (int mu = 0; mu < m.p(); mu++) {
                u[i] += a[mu] * m.get(mu, i);
            }
        }
        return u;
    }

    static double[] gaussian(int n, double scale, SeededRandom r) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * r.nextGaussian();
        }
        return x;
    }

    static double[] uniform(int p, double lo, double hi, SeededRandom r) {
        double[] a = new double[p];
        for (int mu = 0; mu < p; mu++) {
            a[mu] = r.uniform(lo, hi);
        }
        return a;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
