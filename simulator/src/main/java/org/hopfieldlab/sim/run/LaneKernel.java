package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.model.ContinuousModel;

/**
 * The arithmetic of a batch of rate-model trials (lanes = trials, up to {@link #WIDTH}), each lane's numbers bit for
 * bit those of {@link ContinuousModel#rightHandSide} and {@link EulerMaruyama} for that trial alone:
 * <ul>
 *   <li>the projections h = Ξᵀσ(x), the one reduction of a step, run across lanes: σ(x) and Ξ are laid out
 *       [i][lane] and each lane's four partial sums (i mod 4, as in {@code ContinuousModel.project}) are chained
 *       through rows 4 apart, s[k] = ξ[k]·v[k] + s[k − 4·WIDTH], so the loop has no reduction, every access has the
 *       same index form and C2 vectorises it across lanes without changing a single addition;</li>
 *   <li>Ξ is held as bytes (memories are ±1): a lane's share of the matrices is 1/8 of the doubles, so a whole
 *       batch stays in the L2 cache;</li>
 *   <li>activation, synaptic term, noise and Euler update stay lane by lane, vectorised along i as for a single run
 *       (across lanes, their per-lane coefficients would be loads C2 cannot prove independent of the stores; the
 *       ziggurat's table look-ups do not vectorise at all — drawing all lanes' xoshiro steps in bulk was measured
 *       no faster than each lane's own {@code fillGaussian}).</li>
 * </ul>
 * Used for batches of {@link #MIN_LANES} to {@link #WIDTH} lanes whose memories are exact bytes ({@link #supports}).
 */
final class LaneKernel {
    /**
     * Lanes per batch, a compile-time constant: the partial-sum chain's distance must be one for C2 to prove it safe.
     * 8 rather than 16: a batch's working set (four N-vectors per lane, the chains, Ξ as bytes) then stays in the L2
     * cache, and a partial last batch wastes less (measured: 16 was no faster).
     */
    static final int WIDTH = 8;
    /**
     * Fewest trials worth the kernel: a partial batch still pays the chains of all {@link #WIDTH} lanes (measured
     * per trial: 2 lanes 1.2× slower than a single run, 4 lanes at par, 8 lanes 1.25–1.3× faster), so smaller
     * batches step lane by lane.
     */
    static final int MIN_LANES = 6;
    /** Distance of a partial sum's rows: four rows of WIDTH lanes. */
    private static final int CHAIN = 4 * WIDTH;

    private final int lanes;
    private final int n;
    private final int p;
    private final double dt;
    private final double noise;
    private final ContinuousModel[] models;
    private final EulerMaruyama[] integrators;
    /** ξ^μ of lane b, one byte array per memory (every access in the synapse loop then shares its index). */
    private final byte[][][] xiLane;
    /** ξ^μ_i of lane b at [μ][i·WIDTH + b]. */
    private final byte[][] xiT;
    /** σ(x) of each lane, and the same [i·WIDTH + b]. */
    private final double[][] v;
    private final double[] vT;
    /** the partial-sum chains of two memories. */
    private final double[] s0;
    private final double[] s1;
    private final double[][] h;
    private final double[][] coef;
    private final double[][] drifts;
    private final SeededRandom[] streams;

    /** Whether the batch is wide enough and the lanes' memories are all exact bytes (±1 and other small integers). */
    static boolean supports(Simulation[] sims) {
        if (sims.length > WIDTH || sims.length < MIN_LANES) {
            return false;
        }
        for (Simulation sim : sims) {
            if (sim.continuousModel() == null) {
                return false;
            }
            for (double xi : sim.memories().raw()) {
                if (Double.doubleToRawLongBits((byte) xi) != Double.doubleToRawLongBits(xi)) {
                    return false;
                }
            }
        }
        return true;
    }

    LaneKernel(Simulation[] sims, double dt, double noise) {
        this.lanes = sims.length;
        MemorySet first = sims[0].memories();
        this.n = first.n();
        this.p = first.p();
        this.dt = dt;
        this.noise = noise;
        models = new ContinuousModel[lanes];
        integrators = new EulerMaruyama[lanes];
        xiLane = new byte[lanes][p][n];
        xiT = new byte[p][n * WIDTH];
        v = new double[lanes][n];
        vT = new double[n * WIDTH];
        s0 = new double[n * WIDTH];
        s1 = new double[n * WIDTH];
        h = new double[lanes][p];
        coef = new double[lanes][p];
        drifts = new double[lanes][];
        streams = new SeededRandom[lanes];
        for (int b = 0; b < lanes; b++) {
            models[b] = sims[b].continuousModel();
            integrators[b] = sims[b].integrator();
            drifts[b] = integrators[b].drift();
            streams[b] = sims[b].dynamics();
            MemorySet mem = sims[b].memories();
            for (int mu = 0; mu < p; mu++) {
                for (int i = 0; i < n; i++) {
                    byte xi = (byte) mem.get(mu, i);
                    xiLane[b][mu][i] = xi;
                    xiT[mu][i * WIDTH + b] = xi;
                }
            }
        }
    }

    /** h = Ξᵀσ(x) of lane b's last {@link #rightHandSides} (not divided by N; do not modify). */
    double[] projections(int b) {
        return h[b];
    }

    /** f(x) of every live lane into its integrator's drift (lane b's state is {@code xs[b]}). */
    void rightHandSides(double[][] xs, boolean[] live) {
        activateAll(xs, live);
        projectAll(live);
        synapsesAll(xs, live);
    }

    // the three parts of a right-hand side, apart so a profiler can time them
    void activateAll(double[][] xs, boolean[] live) {
        for (int b = 0; b < lanes; b++) {
            if (live[b]) {
                activate(b, xs[b]);
            }
        }
    }

    void projectAll(boolean[] live) {
        project(live);
    }

    void synapsesAll(double[][] xs, boolean[] live) {
        for (int b = 0; b < lanes; b++) {
            if (live[b]) {
                synapses(b, xs[b]);
            }
        }
    }

    /**
     * Draws every live lane's noise from its own generator and moves its state (the single run's
     * {@code EulerMaruyama.update}); {@code ok[b]} turns false for a lane that diverged.
     */
    void move(double[][] xs, boolean[] live, boolean[] ok) {
        for (int b = 0; b < lanes; b++) {
            if (live[b]) {
                ok[b] = integrators[b].update(xs[b], dt, noise, streams[b]);
            }
        }
    }

    /** σ(x) = tanh(βx) as {@code ContinuousModel.activate}, then into lane b's column of vT. */
    private void activate(int b, double[] x) {
        double[] act = v[b];
        double beta = models[b].beta();
        int len = n;
        for (int i = 0; i < len; i++) {
            act[i] = PortableMath.tanh(beta * x[i]);
        }
        double[] t = vT;
        for (int i = 0, k = b; i < len; i++, k += WIDTH) {
            t[k] = act[i];
        }
    }

    /** h_μ of every live lane: memories in pairs, each lane's four partial sums as in ContinuousModel.project. */
    private void project(boolean[] live) {
        int n4 = n & ~3;
        int len = n4 * WIDTH;
        int mu = 0;
        for (; mu + 1 < p; mu += 2) {
            chains(xiT[mu], xiT[mu + 1], len);
            sums(mu, s0, n4, live);
            sums(mu + 1, s1, n4, live);
        }
        if (mu < p) {
            chains(xiT[mu], xiT[mu], len);
            sums(mu, s0, n4, live);
        }
    }

    /** s[k] = ξ[k]·v[k] + s[k − CHAIN]: the first four rows start from 0.0, as the single run's sums do. */
    private void chains(byte[] r0, byte[] r1, int len) {
        double[] t = vT;
        double[] a = s0;
        double[] d = s1;
        int head = Math.min(len, CHAIN);
        for (int k = 0; k < head; k++) {
            double vk = t[k];
            a[k] = r0[k] * vk + 0.0;
            d[k] = r1[k] * vk + 0.0;
        }
        for (int k = CHAIN; k < len; k++) {
            double vk = t[k];
            a[k] = r0[k] * vk + a[k - CHAIN];
            d[k] = r1[k] * vk + d[k - CHAIN];
        }
    }

    /** The four partial sums of memory μ per lane (rows n4−4..n4−1), the tail rows into the first, then the sum. */
    private void sums(int mu, double[] s, int n4, boolean[] live) {
        byte[] r = xiT[mu];
        double[] t = vT;
        for (int b = 0; b < lanes; b++) {
            if (!live[b]) {
                continue;
            }
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            if (n4 > 0) {
                int base = (n4 - 4) * WIDTH + b;
                a0 = s[base];
                a1 = s[base + WIDTH];
                a2 = s[base + 2 * WIDTH];
                a3 = s[base + 3 * WIDTH];
            }
            for (int i = n4; i < n; i++) {
                a0 = r[i * WIDTH + b] * t[i * WIDTH + b] + a0;
            }
            h[b][mu] = ((a0 + a1) + a2) + a3;
        }
    }

    /**
     * f(x) = Ξ coef − diag·σ(x) − x [+ u] into the lane's drift: {@code ContinuousModel.synapses} and
     * {@code rightHandSide}, operation for operation, with Ξ read as bytes.
     */
    private void synapses(int b, double[] x) {
        ContinuousModel model = models[b];
        double[] c = coef[b];
        double diag = model.coefficients(h[b], c);
        double[] out = drifts[b];
        double[] act = v[b];
        byte[][] xi = xiLane[b];
        int len = n;
        for (int i = 0; i < len; i++) {
            out[i] = -diag * act[i];
        }
        int mu = 0;
        for (; mu + 3 < p; mu += 4) {
            double c0 = c[mu];
            double c1 = c[mu + 1];
            double c2 = c[mu + 2];
            double c3 = c[mu + 3];
            byte[] r0 = xi[mu];
            byte[] r1 = xi[mu + 1];
            byte[] r2 = xi[mu + 2];
            byte[] r3 = xi[mu + 3];
            for (int i = 0; i < len; i++) {
                double first = (r0[i] * c0 + r1[i] * c1) + out[i];
                out[i] = (r2[i] * c2 + r3[i] * c3) + first;
            }
        }
        for (; mu + 1 < p; mu += 2) {
            double c0 = c[mu];
            double c1 = c[mu + 1];
            byte[] r0 = xi[mu];
            byte[] r1 = xi[mu + 1];
            for (int i = 0; i < len; i++) {
                out[i] = (r0[i] * c0 + r1[i] * c1) + out[i];
            }
        }
        if (mu < p) {
            double c0 = c[mu];
            byte[] r0 = xi[mu];
            for (int i = 0; i < len; i++) {
                out[i] = r0[i] * c0 + out[i];
            }
        }
        double[] add = model.additiveInput();
        if (add == null) {
            for (int i = 0; i < len; i++) {
                out[i] = out[i] - x[i];
            }
        } else {
            for (int i = 0; i < len; i++) {
                out[i] = (out[i] - x[i]) + add[i];
            }
        }
    }
}
