package org.hopfieldlab.sim.model;

import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;

/**
 * The textbook Hopfield network for first lessons: sign units s_i ∈ {−1,+1}, s_i ← sign(Σ_j W_ij s_j + u_i) with
 * Hebbian W = (1/N) Σ_μ ξ^μ ξ^μᵀ, W_ii = 0 (a unit whose field is exactly 0 keeps its sign). One step is one sweep:
 * all N units in a fresh random order (asynchronous) or all at once (synchronous). The field uses the overlaps
 * m_μ = ξ^μ·s/N, kept up to date after every flip, so a sweep costs O(N·P).
 *
 * <p>At temperature T &gt; 0 (spec key noise) the units follow Glauber dynamics instead: s_i = +1 with probability
 * 1 / (1 + e^(−2 h_i / T)), the heat bath of Amit, Gutfreund and Sompolinsky's phase diagram (retrieval up to
 * T = 1 at P/N → 0, up to P/N ≈ 0.138 at T = 0). T = 0 draws no extra random numbers, so its runs keep their bits.
 */
public final class DiscreteModel implements NetworkModel {
    private final int n;
    private final int p;
    private final double[] xi;
    private final boolean synchronous;
    private final double temperature;
    private final double[] m;
    private final double[] ones;
    private final int[] order;
    private final double[] next;
    private double[] input;

    public DiscreteModel(MemorySet memories, boolean synchronous) {
        this(memories, synchronous, 0);
    }

    /** @param temperature T ≥ 0 of Glauber updates (0: deterministic sign updates) */
    public DiscreteModel(MemorySet memories, boolean synchronous, double temperature) {
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be ≥ 0, got " + temperature);
        }
        this.temperature = temperature;
        this.n = memories.n();
        this.p = memories.p();
        this.xi = memories.raw();
        this.synchronous = synchronous;
        this.m = new double[p];
        this.ones = new double[p];
        for (int mu = 0; mu < p; mu++) {
            ones[mu] = 1.0;
        }
        this.order = new int[n];
        this.next = new double[n];
    }

    @Override
    public void setInput(double[] u) {
        input = u;
    }

    @Override
    public double[] gains() {
        return ones;
    }

    @Override
    public double activation(double x) {
        return x;
    }

    private void computeOverlaps(double[] s) {
        for (int mu = 0; mu < p; mu++) {
            int base = mu * n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum = xi[base + i] * s[i] + sum;
            }
            m[mu] = sum / n;
        }
    }

    private double field(double[] s, int i) {
        double f = -((double) p / n) * s[i];
        for (int mu = 0; mu < p; mu++) {
            f = xi[mu * n + i] * m[mu] + f;
        }
        return input == null ? f : f + input[i];
    }

    /** One sweep; returns the number of units that changed sign (0 means a fixed point). */
    public int sweep(double[] s, SeededRandom rng) {
        computeOverlaps(s);
        int changed = 0;
        if (synchronous) {
            for (int i = 0; i < n; i++) {
                next[i] = update(field(s, i), s[i], rng);
            }
            for (int i = 0; i < n; i++) {
                if (next[i] != s[i]) {
                    changed++;
                }
                s[i] = next[i];
            }
            return changed;
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double ns = update(field(s, i), s[i], rng);
            if (ns != s[i]) {
                changed++;
                s[i] = ns;
                double delta = 2.0 * ns / n;
                for (int mu = 0; mu < p; mu++) {
                    m[mu] = xi[mu * n + i] * delta + m[mu];
                }
            }
        }
        return changed;
    }

    /** The new sign of a unit with field f: sign(f) (f = 0 keeps it) at T = 0, a Glauber draw at T > 0. */
    private double update(double f, double current, SeededRandom rng) {
        if (temperature == 0) {
            return f > 0 ? 1.0 : (f < 0 ? -1.0 : current);
        }
        // P(+1) = 1 / (1 + e^(−2f/T)); PortableMath keeps the JVM, JS and Wasm runs bit-identical
        double up = 1.0 / (1.0 + PortableMath.exp(-2.0 * f / temperature));
        return rng.nextDouble() < up ? 1.0 : -1.0;
    }

    @Override
    public void overlaps(double[] s, double[] out) {
        computeOverlaps(s);
        for (int mu = 0; mu < p; mu++) {
            out[mu] = m[mu] < 0 ? -m[mu] : m[mu];
        }
    }

    /** E(s) = −½ sᵀ W s − uᵀ s. */
    @Override
    public double energy(double[] s) {
        computeOverlaps(s);
        double quad = 0;
        for (int mu = 0; mu < p; mu++) {
            quad = m[mu] * m[mu] + quad;
        }
        double ss = 0;
        double drive = 0;
        for (int i = 0; i < n; i++) {
            ss = s[i] * s[i] + ss;
            if (input != null) {
                drive = input[i] * s[i] + drive;
            }
        }
        // sᵀWs = N Σ m_μ² − (P/N) Σ s_i²
        double sWs = quad * n - ((double) p / n) * ss;
        return -0.5 * sWs - drive;
    }
}
