package org.hopfieldlab.sim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.junit.jupiter.api.Test;

/**
 * Sign units against the naive rule s_i ← sign(Σ_j W_ij s_j + u_i) with an explicit W (zero diagonal), a unit with
 * field exactly 0 keeping its sign. With N a power of two and integer inputs every field is a multiple of 1/N that
 * both computations produce exactly, so the comparisons are exact (ties at 0 included).
 */
class DiscreteModelTest {

    private static double[] randomSigns(int n, SeededRandom r) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextSign();
        }
        return s;
    }

    private static double field(double[][] w, double[] s, double[] u, int i) {
        double f = 0;
        for (int j = 0; j < s.length; j++) {
            f += w[i][j] * s[j];
        }
        return u == null ? f : f + u[i];
    }

    private static double sign(double f, double old) {
        return f > 0 ? 1.0 : (f < 0 ? -1.0 : old);
    }

    /** E = −½ sᵀWs − uᵀs, naively. */
    private static double energy(double[][] w, double[] s, double[] u) {
        double e = 0;
        for (int i = 0; i < s.length; i++) {
            double ws = 0;
            for (int j = 0; j < s.length; j++) {
                ws += w[i][j] * s[j];
            }
            e += -0.5 * s[i] * ws - (u == null ? 0 : u[i] * s[i]);
        }
        return e;
    }

    @Test
    void synchronousSweepEqualsNaiveSynchronousUpdateExactly() {
        int ties = 0;
        for (int seed = 0; seed < 20; seed++) {
            SeededRandom r = new SeededRandom(seed, 40, 0);
            int n = 1 << (4 + r.nextInt(3));
            int p = 1 + r.nextInt(7);
            MemorySet m = MemorySet.random(n, p, r);
            DiscreteModel model = new DiscreteModel(m, true);
            double[][] w = Dense.weights(m, Dense.ones(p));
            double[] u = null;
            if (seed % 2 == 1) {
                u = new double[n];
                for (int i = 0; i < n; i++) {
                    u[i] = r.nextInt(3) - 1;
                }
            }
            model.setInput(u);
            double[] s = randomSigns(n, r);
            for (int sweep = 0; sweep < 6; sweep++) {
                double[] expected = new double[n];
                int changed = 0;
                for (int i = 0; i < n; i++) {
                    double f = field(w, s, u, i);
                    ties += f == 0 ? 1 : 0;
                    expected[i] = sign(f, s[i]);
                    changed += expected[i] != s[i] ? 1 : 0;
                }
                int reported = model.sweep(s, r);
                assertArrayEquals(expected, s, 0.0, "seed " + seed + " sweep " + sweep);
                assertEquals(changed, reported);
            }
        }
        assertTrue(ties > 0, "the cases should include fields exactly 0 (ties keep their sign)");
    }

    @Test
    void asynchronousSweepEqualsNaiveSequentialUpdateInTheSameOrder() {
        for (int seed = 0; seed < 10; seed++) {
            SeededRandom r = new SeededRandom(seed, 41, 0);
            int n = 1 << (4 + r.nextInt(3));
            int p = 1 + r.nextInt(6);
            MemorySet m = MemorySet.random(n, p, r);
            DiscreteModel model = new DiscreteModel(m, false);
            double[][] w = Dense.weights(m, Dense.ones(p));
            double[] s = randomSigns(n, r);
            double[] naive = s.clone();
            SeededRandom modelRng = new SeededRandom(seed, 42, 0);
            SeededRandom naiveRng = new SeededRandom(seed, 42, 0);
            for (int sweep = 0; sweep < 5; sweep++) {
                // the documented order: a fresh Fisher–Yates permutation per sweep
                int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                for (int k = n - 1; k > 0; k--) {
                    int j = naiveRng.nextInt(k + 1);
                    int t = order[k];
                    order[k] = order[j];
                    order[j] = t;
                }
                int changed = 0;
                for (int k = 0; k < n; k++) {
                    int i = order[k];
                    double ns = sign(field(w, naive, null, i), naive[i]);
                    changed += ns != naive[i] ? 1 : 0;
                    naive[i] = ns;
                }
                assertEquals(changed, model.sweep(s, modelRng));
                assertArrayEquals(naive, s, 0.0, "seed " + seed + " sweep " + sweep);
            }
        }
    }

    @Test
    void asynchronousEnergyNeverIncreases() {
        // symmetric W with zero diagonal: each single flip changes E by −2|field| ≤ 0; only rounding (≤ 1e-9) allowed
        for (int seed = 0; seed < 15; seed++) {
            SeededRandom r = new SeededRandom(seed, 43, 0);
            int n = 20 + r.nextInt(150);
            int p = 1 + r.nextInt(12);
            MemorySet m = MemorySet.random(n, p, r);
            DiscreteModel model = new DiscreteModel(m, false);
            double[] u = seed % 3 == 0 ? null : Dense.gaussian(n, 0.3, r);
            model.setInput(u);
            double[][] w = Dense.weights(m, Dense.ones(p));
            double[] s = randomSigns(n, r);
            double e = model.energy(s);
            assertEquals(energy(w, s, u), e, 1e-9);
            double first = e;
            int sweeps = 0;
            while (sweeps < 50) {
                int changed = model.sweep(s, r);
                double next = model.energy(s);
                assertTrue(next <= e + 1e-9, "seed " + seed + ": energy rose from " + e + " to " + next);
                assertEquals(energy(w, s, u), next, 1e-9);
                e = next;
                sweeps++;
                if (changed == 0) {
                    break;
                }
            }
            assertTrue(sweeps < 50, "asynchronous dynamics must reach a fixed point");
            // at the fixed point every unit agrees with the sign of its field
            for (int i = 0; i < n; i++) {
                double f = field(w, s, u, i);
                assertTrue(f == 0 || Math.signum(f) == s[i], "unit " + i + " disagrees with its field");
            }
            assertTrue(e <= first);
        }
    }

    @Test
    void storedOrthogonalMemoriesAreFixedPointsAndOverlapsAreNaive() {
        MemorySet m = MemorySet.orthogonal(64, 5);
        for (boolean sync : new boolean[] {false, true}) {
            DiscreteModel model = new DiscreteModel(m, sync);
            for (int mu = 0; mu < 5; mu++) {
                double[] s = m.memory(mu);
                assertEquals(0, model.sweep(s, new SeededRandom(1)));
                assertArrayEquals(m.memory(mu), s, 0.0);
                double[] ov = new double[5];
                model.overlaps(s, ov);
                assertArrayEquals(Dense.overlaps(m, s), ov, 0.0);
                assertEquals(1.0, ov[mu], 0.0);
            }
        }
        DiscreteModel model = new DiscreteModel(m, false);
        assertEquals(0.7, model.activation(0.7), 0.0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, model.gains(), 0.0);
    }
}
