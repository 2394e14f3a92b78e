package org.hopfieldlab.sim.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.math.SeededRandom;
import org.junit.jupiter.api.Test;

class MemorySetTest {

    private static double dot(MemorySet m, int a, int b) {
        double s = 0;
        for (int i = 0; i < m.n(); i++) {
            s += m.get(a, i) * m.get(b, i);
        }
        return s;
    }

    @Test
    void orthogonalMemoriesAreMutuallyOrthogonalPlusMinusOneAndSkipTheAllOnesColumn() {
        for (int n = 2; n <= 1024; n *= 2) {
            int p = n - 1;
            MemorySet m = MemorySet.orthogonal(n, p);
            assertEquals(n, m.n());
            assertEquals(p, m.p());
            for (int mu = 0; mu < p; mu++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double v = m.get(mu, i);
                    assertTrue(v == 1.0 || v == -1.0);
                    sum += v;
                }
                // orthogonal to the skipped all-ones Hadamard column, i.e. balanced
                assertEquals(0.0, sum, 0.0, "memory " + mu + " at N=" + n);
                assertEquals(n, dot(m, mu, mu), 0.0);
                // exact integer arithmetic: check a band of pairs (all pairs for small N)
                for (int nu = mu + 1; nu < Math.min(p, n <= 64 ? p : mu + 9); nu++) {
                    assertEquals(0.0, dot(m, mu, nu), 0.0, "ξ" + mu + "·ξ" + nu + " at N=" + n);
                }
            }
        }
        // Sylvester–Hadamard entry (i, column μ+1) = (−1)^popcount(i AND (μ+1)), computed by the recursive construction
        int n = 16;
        double[][] h = {{1}};
        while (h.length < n) {
            int k = h.length;
            double[][] next = new double[2 * k][2 * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    next[i][j] = h[i][j];
                    next[i][j + k] = h[i][j];
                    next[i + k][j] = h[i][j];
                    next[i + k][j + k] = -h[i][j];
                }
            }
            h = next;
        }
        MemorySet m = MemorySet.orthogonal(n, 5);
        for (int mu = 0; mu < 5; mu++) {
            for (int i = 0; i < n; i++) {
                assertEquals(h[i][mu + 1], m.get(mu, i), 0.0);
            }
        }
    }

    @Test
    void orthogonalRejectsBadSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemorySet.orthogonal(100, 3));
        assertTrue(e.getMessage().contains("power of two") && e.getMessage().contains("100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemorySet.orthogonal(1, 1));
        assertThrows(IllegalArgumentException.class, () -> MemorySet.orthogonal(0, 1));
        e = assertThrows(IllegalArgumentException.class, () -> MemorySet.orthogonal(8, 8));
        assertTrue(e.getMessage().contains("P ≤ N − 1"), e.getMessage());
    }

    @Test
    void randomMemoriesArePlusMinusOneBalancedAndSeeded() {
        MemorySet a = MemorySet.random(1000, 20, new SeededRandom(3, 1, 0));
        MemorySet b = MemorySet.random(1000, 20, new SeededRandom(3, 1, 0));
        MemorySet c = MemorySet.random(1000, 20, new SeededRandom(3, 1, 1));
        assertArrayEquals(a.raw(), b.raw(), 0.0);
        assertNotEquals(java.util.Arrays.toString(a.raw()), java.util.Arrays.toString(c.raw()));
        double sum = 0;
        for (double v : a.raw()) {
            assertTrue(v == 1.0 || v == -1.0);
            sum += v;
        }
        // 20 000 fair signs: sd √20000 ≈ 141, 5 sd
        assertEquals(0, sum, 5 * Math.sqrt(20_000));
        // crosstalk between random memories is O(1/√N): |ξ·ξ'|/N < 5/√N
        for (int mu = 1; mu < 20; mu++) {
            assertTrue(Math.abs(dot(a, 0, mu)) / 1000 < 5 / Math.sqrt(1000));
        }
        assertEquals(0, a.width());
    }

    @Test
    void accessorsAreConsistent() {
        MemorySet m = MemorySet.orthogonal(8, 3);
        double[] copy = m.memory(1);
        for (int i = 0; i < 8; i++) {
            assertEquals(m.get(1, i), copy[i], 0.0);
            assertEquals(m.raw()[8 + i], copy[i], 0.0);
        }
        copy[0] = 99;
        assertEquals(m.get(1, 0), m.raw()[8], 0.0);
        assertNotEquals(99.0, m.get(1, 0));
    }

    @Test
    void glyphSetsArePicturesOfTheRightSize() {
        MemorySet g = MemorySet.glyphs("HOP", 2);
        assertEquals(400, g.n());
        assertEquals(3, g.p());
        assertEquals(20, g.width());
        assertArrayEquals(GlyphFont.glyph('O', 2), g.memory(1), 0.0);
    }

    @Test
    void customSetsValidateTheirEntries() {
        double[][] ok = {{1, -1, 1, -1}, {-1, -1, 1, 1}};
        MemorySet m = MemorySet.custom(ok, 2);
        assertEquals(4, m.n());
        assertEquals(2, m.p());
        assertEquals(2, m.width());
        assertArrayEquals(ok[1], m.memory(1), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemorySet.custom(new double[0][], 0));
        assertTrue(e.getMessage().contains("at least one memory"));
        e = assertThrows(IllegalArgumentException.class,
                () -> MemorySet.custom(new double[][] {{1, -1}, {1, -1, 1}}, 0));
        assertTrue(e.getMessage().contains("memory 2 has 3 entries, expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MemorySet.custom(new double[][] {{1, 0.5}}, 0));
        assertTrue(e.getMessage().contains("memory 1 entry 1 is 0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemorySet.custom(new double[][] {{1, Double.NaN}}, 0));
    }
}
