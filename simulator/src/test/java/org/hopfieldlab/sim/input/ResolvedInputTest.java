package org.hopfieldlab.sim.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.junit.jupiter.api.Test;

class ResolvedInputTest {

    private static double[] naiveMixture(MemorySet m, double[] a) {
        double[] u = new double[m.n()];
        for (int i = 0; i < m.n(); i++) {
            for (int mu = 0; mu < m.p(); mu++) {
                u[i] += a[mu] * m.get(mu, i);
            }
        }
        return u;
    }

    @Test
    void recipeFollowsTheAuthorsCode() {
        int n = 1024;
        int p = 10;
        for (int seed = 0; seed < 50; seed++) {
            MemorySet m = MemorySet.random(n, p, new SeededRandom(seed, 1, 0));
            List<Window> schedule = List.of(Window.recipe(0, 0), Window.recipe(10, 1), Window.recipe(20, 2),
                    Window.recipe(30, 2), Window.recipe(40, 7));
            ResolvedInput in = ResolvedInput.resolve(schedule, m, 0, 0, 1, null, new SeededRandom(seed, 2, 0));
            assertEquals(5, in.windows());
            int previous = -1;
            for (int w = 0; w < 5; w++) {
                double[] a = in.weights(w);
                int target = schedule.get(w).target();
                assertEquals(target, in.target(w));
                double sum = 0;
                for (double v : a) {
                    sum += v;
                }
                // rescaled so Σ a = √(P N) (sum of 10 numbers ≈ 10: rounding ≈ 1e-14 relative)
                assertEquals(Math.sqrt((double) p * n), sum, 1e-12 * sum);
                // the dominant is the strict maximum
                for (int mu = 0; mu < p; mu++) {
                    if (mu != target) {
                        assertTrue(a[mu] < a[target], "window " + w + ": dominant must be the largest");
                    }
                }
                // ratios are scale-free: raw ranges [0.8,1.5), dominant [2,3.5), suppressed [0.2,0.6)
                for (int mu = 0; mu < p; mu++) {
                    double ratio = a[mu] / a[target];
                    if (mu == target) {
                        continue;
                    }
                    if (mu == previous && previous != target) {
                        // suppressed previous dominant: raw ≤ 0.6 vs dominant ≥ 2 → ratio < 0.3, and the smallest
                        assertTrue(ratio < 0.3, "suppressed ratio " + ratio);
                        for (int nu = 0; nu < p; nu++) {
                            if (nu != mu) {
                                assertTrue(a[mu] < a[nu]);
                            }
                        }
                    } else {
                        // ordinary memory: raw in [0.8, 1.5) vs dominant in [2, 3.5) → ratio in (0.8/3.5, 0.75)
                        assertTrue(ratio > 0.8 / 3.5 && ratio < 0.75, "ratio " + ratio);
                    }
                }
                assertArrayEquals(naiveMixture(m, a), in.u(w), 1e-12);
                previous = target;
            }
        }
    }

    @Test
    void recipeDrawsAreUniformInTheirRanges() {
        // Σ a is fixed, so check the raw draws through the ratio to the ordinary memories' mean: over many
        // resolutions, the dominant / mean(ordinary) ratio averages E[U(2,3.5)]·E[1/mean(U(.8,1.5))] ≈ 2.75/1.15
        double sumRatio = 0;
        int count = 2000;
        MemorySet m = MemorySet.orthogonal(64, 8);
        SeededRandom r = new SeededRandom(4);
        for (int k = 0; k < count; k++) {
            ResolvedInput in = ResolvedInput.resolve(List.of(Window.recipe(0, 3)), m, 0, 0, 1, null, r);
            double[] a = in.weights(0);
            double others = 0;
            for (int mu = 0; mu < 8; mu++) {
                others += mu == 3 ? 0 : a[mu];
            }
            sumRatio += a[3] / (others / 7);
        }
        // mean of the ratio ≈ 2.75/1.15 = 2.39 (Jensen correction < 1 %); sd of one ratio ≈ 0.4, se ≈ 0.01
        assertEquals(2.75 / 1.15, sumRatio / count, 0.05);
    }

    @Test
    void weightsCueAndOffWindows() {
        MemorySet m = MemorySet.orthogonal(64, 3);
        double[] a = {0.5, 2.0, -1.0};
        List<Window> schedule = List.of(Window.weights(0, a), Window.cue(1, 2), Window.off(2));
        ResolvedInput in = ResolvedInput.resolve(schedule, m, 0.25, 0, 3.0, null, new SeededRandom(1));
        assertArrayEquals(a, in.weights(0), 0.0);
        assertArrayEquals(naiveMixture(m, a), in.u(0), 0.0);
        assertEquals(1, in.target(0), "the target of a weights window is its largest weight");
        // cue: camp × (memory 3 with the last quarter hidden)
        assertNull(in.weights(1));
        assertEquals(2, in.target(1));
        for (int i = 0; i < 64; i++) {
            assertEquals(i >= 48 ? 0.0 : 3.0 * m.get(2, i), in.u(1)[i], 0.0);
        }
        assertNull(in.u(2));
        assertNull(in.weights(2));
        assertEquals(-1, in.target(2));
        assertArrayEquals(naiveMixture(m, a), ResolvedInput.mixture(m, a), 0.0);
    }

    @Test
    void previousDominantIsNotSuppressedWhenItRepeats() {
        MemorySet m = MemorySet.orthogonal(32, 4);
        ResolvedInput in = ResolvedInput.resolve(List.of(Window.recipe(0, 1), Window.recipe(5, 1)), m, 0, 0, 1, null,
                new SeededRandom(9));
        double[] a = in.weights(1);
        for (int mu = 0; mu < 4; mu++) {
            if (mu != 1) {
                double ratio = a[mu] / a[1];
                assertTrue(ratio > 0.8 / 3.5 && ratio < 0.75, "no memory may be suppressed: " + ratio);
            }
        }
    }
}
