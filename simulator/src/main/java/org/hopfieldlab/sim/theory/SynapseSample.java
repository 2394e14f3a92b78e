package org.hopfieldlab.sim.theory;

import java.util.Arrays;
import org.hopfieldlab.sim.memory.MemorySet;

/**
 * A sample of the synapse matrix W(α)_ij = (1/N) Σ_μ α_μ ξ^μ_i ξ^μ_j (zero diagonal) on an even sample of
 * {@code size} neurons, for the lab's synapse view. The neurons are sorted by their signs in a few key memories
 * (+ before −, the first key most significant), so each memory's term shows as a checkerboard of blocks whose
 * contrast is its gain. With {@code minus} the sample is W(α) − W(α_minus): what an input switch rewired.
 * O(size² · P).
 */
public final class SynapseSample {
    private final int size;
    private final int[] neurons;
    private final int[] groups;
    private final float[] weights;

    private SynapseSample(int size, int[] neurons, int[] groups, float[] weights) {
        this.size = size;
        this.neurons = neurons;
        this.groups = groups;
        this.weights = weights;
    }

    /**
     * @param gains α_μ in force (length P)
     * @param minus gains to subtract (another moment), or null
     * @param keys the memories that sort the neurons (0-based, at most 8)
     */
    public static SynapseSample of(MemorySet m, double[] gains, double[] minus, int size, int[] keys) {
        int n = m.n();
        int p = m.p();
        int s = Math.max(1, Math.min(size, n));
        int k = Math.min(keys.length, 8);
        // sort key: sign code of the row, then its position (stable and TeaVM-safe on a plain int[])
        int[] order = new int[s];
        for (int r = 0; r < s; r++) {
            int i = (int) ((long) r * n / s);
            int code = 0;
            for (int q = 0; q < k; q++) {
                code = 2 * code + (m.get(keys[q], i) > 0 ? 0 : 1);
            }
            order[r] = code * s + r;
        }
        Arrays.sort(order);
        int[] neurons = new int[s];
        int[] groups = new int[s];
        double[] xi = new double[p * s];
        for (int r = 0; r < s; r++) {
            int row = order[r] % s;
            groups[r] = order[r] / s;
            neurons[r] = (int) ((long) row * n / s);
            for (int mu = 0; mu < p; mu++) {
                xi[mu * s + r] = m.get(mu, neurons[r]) > 0 ? 1.0 : -1.0;
            }
        }
        double[] g = new double[p];
        for (int mu = 0; mu < p; mu++) {
            g[mu] = gains[mu] - (minus != null && mu < minus.length ? minus[mu] : 0.0);
        }
        float[] w = new float[s * s];
        for (int a = 0; a < s; a++) {
            for (int b = a + 1; b < s; b++) {
                double sum = 0;
                for (int mu = 0; mu < p; mu++) {
                    sum = (g[mu] * xi[mu * s + a]) * xi[mu * s + b] + sum;
                }
                float v = (float) (sum / n);
                w[a * s + b] = v;
                w[b * s + a] = v;
            }
        }
        return new SynapseSample(s, neurons, groups, w);
    }

    public int size() {
        return size;
    }

    /** The neuron index of sample row r. */
    public int neuron(int r) {
        return neurons[r];
    }

    /** Row r's sign pattern over the key memories as bits (1 = −, first key most significant). */
    public int group(int r) {
        return groups[r];
    }

    /** W at sample position (a, b), flat index a·size + b. */
    public double weight(int flat) {
        return weights[flat];
    }
}
