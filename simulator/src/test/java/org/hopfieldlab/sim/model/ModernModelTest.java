package org.hopfieldlab.sim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.junit.jupiter.api.Test;

/**
 * The modern family: α = F(q), q_μ = ξ^μ·d/N, d = γu + (1−γ)σ(x), against a dense computation that forms d, q, α
 * (softmax with Math.exp, polynomial with Math.pow) and the N×N matrix W(α) explicitly.
 */
class ModernModelTest {

    private static double[] denseGains(MemorySet m, double[] x, double[] u, double beta, GainMap map, double lambda,
            int degree, double gamma) {
        int n = m.n();
        double[] v = Dense.tanh(x, beta);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = gamma * (u == null ? 0 : u[i]) + (1 - gamma) * v[i];
        }
        double[] q = Dense.projections(m, d);
        double[] a = new double[q.length];
        if (map == GainMap.SOFTMAX) {
            double sum = 0;
            for (int mu = 0; mu < q.length; mu++) {
                a[mu] = Math.exp(lambda * q[mu]);
                sum += a[mu];
            }
            for (int mu = 0; mu < q.length; mu++) {
                a[mu] /= sum;
            }
        } else if (map == GainMap.POLY) {
            for (int mu = 0; mu < q.length; mu++) {
                a[mu] = Math.pow(q[mu], degree - 1);
            }
        } else {
            a = q;
        }
        return a;
    }

    @Test
    void rightHandSideEqualsDenseComputationForEveryMapAndGamma() {
        // gains are O(1)–O(10) here, so |f| ≲ 20 and sums of < 90 terms: rounding ≈ 1e-14, tolerance 1e-12
        int cases = 0;
        for (GainMap map : GainMap.values()) {
            for (double gamma : new double[] {0, 0.3, 0.5, 1}) {
                for (int seed = 0; seed < 4; seed++) {
                    SeededRandom r = new SeededRandom(seed, 30, map.ordinal() * 10 + (int) (gamma * 10));
                    int n = 6 + r.nextInt(80);
                    int p = 1 + r.nextInt(6);
                    double beta = r.uniform(0.5, 10);
                    double lambda = r.uniform(0, 20);
                    int degree = 2 + r.nextInt(4);
                    MemorySet m = MemorySet.random(n, p, r);
                    ModernModel model = new ModernModel(m, beta, map, lambda, degree, gamma);
                    double[] u = seed == 0 ? null : Dense.mixture(m, Dense.uniform(p, 0, 2, r));
                    model.setInput(u);
                    double[] x = Dense.gaussian(n, 0.5, r);
                    double[] out = new double[n];
                    model.rightHandSide(x, out);
                    double[] alpha = denseGains(m, x, u, beta, map, lambda, degree, gamma);
                    // the gains the model used for this evaluation
                    assertArrayEquals(alpha, model.gains(), 1e-13, map + " γ=" + gamma);
                    double[] expected = Dense.rhs(Dense.weights(m, alpha), x, beta, null);
                    double diff = Dense.maxAbsDiff(expected, out);
                    assertTrue(diff <= 1e-12, map + " γ=" + gamma + " seed " + seed + ": |Δf| = " + diff);
                    // energy: the IDP form with the gains of the current state
                    double e = Dense.energy(Dense.weights(m, alpha), x, beta, null);
                    assertEquals(e, model.energy(x), 1e-11);
                    cases++;
                }
            }
        }
        assertEquals(48, cases);
    }

    @Test
    void softmaxIsStableForLargeLambda() {
        // λ q up to 1000·3: a naive exp would overflow; the max-shifted softmax must give a valid distribution
        SeededRandom r = new SeededRandom(1, 31, 0);
        MemorySet m = MemorySet.random(50, 4, r);
        ModernModel model = new ModernModel(m, 5, GainMap.SOFTMAX, 1000, 3, 1);
        model.setInput(Dense.mixture(m, new double[] {3, 1, 0.5, 2.9}));
        double[] out = new double[50];
        model.rightHandSide(Dense.gaussian(50, 1, r), out);
        double sum = 0;
        for (double a : model.gains()) {
            assertTrue(a >= 0 && a <= 1 && !Double.isNaN(a));
            sum += a;
        }
        assertEquals(1.0, sum, 1e-15);
        for (double f : out) {
            assertTrue(Double.isFinite(f));
        }
    }

    @Test
    void linearMapWithGammaOneIsExactlyIdp() {
        // science file item 6: "γ = 1 with the linear map is IDP" — bit for bit
        SeededRandom r = new SeededRandom(2, 32, 0);
        MemorySet m = MemorySet.random(70, 5, r);
        ModernModel modern = new ModernModel(m, 10, GainMap.LINEAR, 1, 3, 1.0);
        IdpModel idp = new IdpModel(m, 10);
        double[] u = Dense.mixture(m, Dense.uniform(5, 0.5, 2, r));
        modern.setInput(u);
        idp.setInput(u);
        double[] a = new double[70];
        double[] b = new double[70];
        for (int k = 0; k < 5; k++) {
            double[] x = Dense.gaussian(70, 1, r);
            modern.rightHandSide(x, a);
            idp.rightHandSide(x, b);
            assertArrayEquals(b, a, 0.0);
            assertEquals(idp.energy(x), modern.energy(x), 0.0);
        }
    }
}
