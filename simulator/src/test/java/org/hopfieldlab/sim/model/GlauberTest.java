package org.hopfieldlab.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.junit.jupiter.api.Test;

/**
 * Glauber updates at temperature T against mean-field theory: with one memory (α → 0) the network is a Curie–Weiss
 * magnet in the gauge of ξ, whose equilibrium overlap solves m = tanh(m / T) (0 above T = 1). At N = 4000 the overlap
 * fluctuates by about √(χ / N) ≈ 0.02 around it (χ ≈ 1.3 at T = 0.8), with a correlation time of a few sweeps;
 * averaged over 200 sweeps the error is about 0.002 and the tolerance 0.01 five of those.
 */
class GlauberTest {

    private static double meanOverlap(double temperature, int n, int sweeps, int burnIn) {
        MemorySet mem = MemorySet.random(n, 1, new SeededRandom(3, 1, 0));
        DiscreteModel model = new DiscreteModel(mem, false, temperature);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = mem.get(0, i);
        }
        SeededRandom rng = new SeededRandom(3, 3, 0);
        double[] m = new double[1];
        double sum = 0;
        for (int k = 0; k < burnIn + sweeps; k++) {
            model.sweep(s, rng);
            if (k >= burnIn) {
                model.overlaps(s, m);
                sum += m[0];
            }
        }
        return sum / sweeps;
    }

    @Test
    void oneMemoryRelaxesToTheCurieWeissOverlap() {
        for (double t : new double[] {0.5, 0.8}) {
            double m = 1;
            for (int k = 0; k < 10_000; k++) {
                m = Math.tanh(m / t);
            }
            assertEquals(m, meanOverlap(t, 4000, 200, 50), 0.01, "T = " + t);
        }
    }

    @Test
    void aboveTheCriticalTemperatureTheOverlapIsLost() {
        // paramagnet: |m| ~ 1/√N = 0.016; 0.08 is five of those
        assertTrue(meanOverlap(2.0, 4000, 30, 20) < 0.08);
    }

    @Test
    void zeroTemperatureIsTheSignRule() {
        MemorySet mem = MemorySet.random(64, 3, new SeededRandom(5, 1, 0));
        double[] a = new double[64];
        for (int i = 0; i < 64; i++) {
            a[i] = i % 3 == 0 ? -mem.get(0, i) : mem.get(0, i);
        }
        double[] b = a.clone();
        new DiscreteModel(mem, false).sweep(a, new SeededRandom(1, 3, 0));
        new DiscreteModel(mem, false, 0).sweep(b, new SeededRandom(1, 3, 0));
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        assertThrows(IllegalArgumentException.class, () -> new DiscreteModel(mem, false, -1));
    }
}
