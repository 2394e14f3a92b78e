package org.hopfieldlab.sim.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The numerical AGS boundary against values known independently of this solver: α_c = 0.138 at T = 0 with the
 * retrieval overlap m = 0.967 there (Amit, Gutfreund, Sompolinsky 1985/87; the T = 0 equations reduce to the
 * one-variable equation solved in closed form below), T_M → 1 as α → 0 along AGS's asymptote T_M ≈ 1 − 1.95 √α, and
 * the Curie–Weiss limit m = tanh(m / T) at α → 0.
 */
class AgsCapacityTest {

    @Test
    void criticalLoadAtZeroTemperatureIsAgs0138() {
        assertEquals(0.138, AgsCapacity.criticalLoad(0), 0.0005);
    }

    /**
     * The textbook T = 0 reduction, solved here by plain bisection and scanning, independent of the solver's σ walk:
     * with y = m / √(2αr), retrieval needs y (√(2α) + (2/√π) e^(−y²)) = erf(y) to have a solution y &gt; 0, i.e.
     * α ≤ max_y [ (erf(y) − (2/√π) y e^(−y²)) / y ]² / 2.
     */
    @Test
    void zeroTemperatureAgreesWithTheOneVariableReduction() {
        double best = 0;
        double bestY = 0;
        for (int k = 1; k <= 200_000; k++) {
            double y = k * 1e-5;
            double v = (AgsCapacity.erf(y) - 2 / Math.sqrt(Math.PI) * y * Math.exp(-y * y)) / y;
            double alpha = v * v / 2;
            if (alpha > best) {
                best = alpha;
                bestY = y;
            }
        }
        assertEquals(best, AgsCapacity.criticalLoad(0), 2e-5);
        // the overlap at the boundary, m = erf(y*): the known 0.967
        assertEquals(0.967, AgsCapacity.erf(bestY), 0.001);
    }

    @Test
    void criticalTemperatureTendsToOneAlongTheSmallLoadAsymptote() {
        assertEquals(1.0, AgsCapacity.criticalTemperature(1e-6), 0.003);
        for (double alpha : new double[] {1e-5, 1e-4, 1e-3}) {
            assertEquals(1 - 1.95 * Math.sqrt(alpha), AgsCapacity.criticalTemperature(alpha), 0.002,
                    "α = " + alpha);
        }
        assertEquals(1.0, AgsCapacity.criticalTemperature(0), 0);
        assertEquals(0.0, AgsCapacity.criticalTemperature(0.2), 0);
        assertEquals(0.0, AgsCapacity.criticalLoad(1.0), 0);
        assertEquals(0.0, AgsCapacity.criticalLoad(1.5), 0);
    }

    @Test
    void boundaryFallsWithTemperatureAndIsContinuousAtZero() {
        double previous = AgsCapacity.criticalLoad(0.05);
        for (double t = 0.1; t < 1; t += 0.1) {
            double a = AgsCapacity.criticalLoad(t);
            assertTrue(a < previous, "α_M(" + t + ") = " + a + " should be below α_M at T − 0.1 = " + previous);
            previous = a;
        }
        // the finite-T quadrature meets the T = 0 closed form (the RS re-entrance is below 0.001)
        assertEquals(AgsCapacity.criticalLoad(0), AgsCapacity.criticalLoad(0.005), 0.001);
    }

    @Test
    void vanishingLoadGivesTheCurieWeissOverlap() {
        for (double t : new double[] {0.3, 0.5, 0.8}) {
            double m = 1;
            for (int k = 0; k < 10_000; k++) {
                m = Math.tanh(m / t);
            }
            double[] b = AgsCapacity.branch(t, 1e-6);
            assertEquals(m, b[0], 1e-6, "T = " + t);
        }
    }

    @Test
    void refusesNegativeArguments() {
        assertThrows(IllegalArgumentException.class, () -> AgsCapacity.criticalLoad(-0.1));
        assertThrows(IllegalArgumentException.class, () -> AgsCapacity.criticalTemperature(-0.1));
        assertThrows(IllegalArgumentException.class, () -> AgsCapacity.criticalLoad(Double.NaN));
    }
}
