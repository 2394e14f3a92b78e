package org.hopfieldlab.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.model.IdpModel;
import org.junit.jupiter.api.Test;

class EulerMaruyamaTest {

    @Test
    void oneStepIsDriftTimesDtPlusScaledGaussianKick() {
        MemorySet m = MemorySet.random(50, 3, new SeededRandom(1));
        IdpModel model = new IdpModel(m, 10);
        double[] u = new double[50];
        for (int i = 0; i < 50; i++) {
            u[i] = m.get(0, i) * 2 + m.get(1, i);
        }
        model.setInput(u);
        SeededRandom init = new SeededRandom(2);
        double[] x = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = init.nextGaussian();
        }
        EulerMaruyama em = new EulerMaruyama(50);
        for (double noise : new double[] {0, 8}) {
            double dt = 0.01;
            double[] f = new double[50];
            model.rightHandSide(x, f);
            double[] expected = new double[50];
            SeededRandom twin = new SeededRandom(3, 3, 0);
            for (int i = 0; i < 50; i++) {
                double kick = noise == 0 ? 0 : twin.nextGaussian() * (noise * Math.sqrt(dt));
                // the documented operation order, so the comparison is exact
                expected[i] = noise == 0 ? f[i] * dt + x[i] : (f[i] * dt + kick) + x[i];
            }
            assertTrue(em.step(model, x, dt, noise, new SeededRandom(3, 3, 0)));
            for (int i = 0; i < 50; i++) {
                assertEquals(expected[i], x[i], 0.0, "noise " + noise + " entry " + i);
            }
        }
    }

    @Test
    void noiseHasTheRightVariance() {
        // with W = 0 (no memories active: zero input gains) one step from x = 0 is pure noise s√dt g
        MemorySet m = MemorySet.orthogonal(4096, 1);
        IdpModel model = new IdpModel(m, 10);
        model.setInput(null);
        double[] x = new double[4096];
        new EulerMaruyama(4096).step(model, x, 0.04, 3, new SeededRandom(7));
        double sq = 0;
        for (double v : x) {
            sq += v * v;
        }
        // variance s² dt = 0.36, relative standard error √(2/4096) = 2.2 %: 5 standard errors
        assertEquals(0.36, sq / 4096, 0.36 * 5 * Math.sqrt(2.0 / 4096));
    }

    @Test
    void reportsNanInfinityAndStatesBeyondTheBound() {
        MemorySet m = MemorySet.orthogonal(8, 1);
        IdpModel model = new IdpModel(m, 1);
        EulerMaruyama em = new EulerMaruyama(8);
        double[] x = new double[8];
        x[3] = Double.NaN;
        assertFalse(em.step(model, x, 0.1, 0, null));
        x = new double[8];
        x[0] = Double.POSITIVE_INFINITY;
        assertFalse(em.step(model, x, 0.1, 0, null));
        x = new double[8];
        x[5] = -EulerMaruyama.BOUND * 2;
        assertFalse(em.step(model, x, 0.01, 0, null));
        x = new double[8];
        x[5] = EulerMaruyama.BOUND * 0.5;
        assertTrue(em.step(model, x, 0.01, 0, null));
        assertTrue(em.step(model, new double[8], 0.01, 1, new SeededRandom(1)));
    }
}
