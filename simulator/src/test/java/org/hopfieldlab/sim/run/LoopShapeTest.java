package org.hopfieldlab.sim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.math.LoopShape;
import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.math.SeededRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The browser's scalar loop shape kernel by kernel against the JVM's: the same bits for every element, the edge
 * cases (NaN, ±0, ±∞, the clamp at ±20, divergence at ±BOUND, the ziggurat's rare paths, loop tails) included.
 * The whole runs are checked against the golden checksums in both shapes by {@link GoldenChecksumsTest}.
 */
class LoopShapeTest {
    @AfterEach
    void backToTheDefault() {
        LoopShape.vectorLoops();
    }

    private static long[] bits(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }

    @Test
    void interleavedTanhIsTanhElementByElement() {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 20.0, -20.0,
            Math.nextUp(20.0), Math.nextDown(-20.0), 19.999999999999996, -19.999999999999996, 1e-300, -1e-300,
            Double.MIN_VALUE, 4.9e-310, 1e300, -1e300, 0.5, -0.5, 1.0, 3.0, -7.25};
        SeededRandom rng = new SeededRandom(11);
        int big = 4099;
        double[] x = new double[big];
        for (int i = 0; i < big; i++) {
            x[i] = i < special.length ? special[i] : rng.uniform(-30, 30) * (i % 3 == 0 ? 1e-3 : 1.0);
        }
        for (double beta : new double[] {1.0, 4.0, -2.5, 1e-3}) {
            // every tail length of the four-at-a-time loop, and the whole array
            for (int n : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, big}) {
                double[] expected = new double[n];
                for (int i = 0; i < n; i++) {
                    expected[i] = PortableMath.tanh(beta * x[i]);
                }
                double[] got = new double[n];
                PortableMath.tanhInterleaved(beta, x, got, n);
                assertArrayEquals(bits(expected), bits(got), "beta " + beta + ", n " + n);
            }
        }
    }

    @Test
    void rareOutsideFillDrawsTheSameGaussiansAndLeavesTheSameState() {
        int[] lengths = {1, 2, 3, 7, 64, 1024, 300_000};
        for (int len : lengths) {
            SeededRandom a = new SeededRandom(5, 2, len);
            SeededRandom b = new SeededRandom(5, 2, len);
            double[] outA = new double[len];
            double[] outB = new double[len];
            // twice: the second fill starts from the state the first one left
            for (int pass = 0; pass < 2; pass++) {
                a.fillGaussian(outA, len, 0.3);
                b.fillGaussianRareOutside(outB, len, 0.3);
                assertArrayEquals(bits(outA), bits(outB), "len " + len + ", pass " + pass);
                assertArrayEquals(a.state(), b.state(), "state after len " + len);
            }
        }
        // the 300 000 draws did go through the rare paths: wedges and the tail beyond R
        SeededRandom r = new SeededRandom(5, 2, 300_000);
        double[] out = new double[300_000];
        r.fillGaussianRareOutside(out, out.length, 1.0);
        int tail = 0;
        for (double v : out) {
            if (Math.abs(v) > 3.442619855899) {
                tail++;
            }
        }
        assertTrue(tail > 50, "tail draws: " + tail);   // P(|g| > R) ≈ 5.8e-4: about 170 expected
    }

    /** One update in the given shape from the same x, drift and generator; returns {x after, verdict}. */
    private static Object[] update(boolean scalar, double[] x0, double[] drift, double dt, double noise, int seed) {
        if (scalar) {
            LoopShape.scalarLoops();
        } else {
            LoopShape.vectorLoops();
        }
        EulerMaruyama em = new EulerMaruyama(x0.length);
        System.arraycopy(drift, 0, em.drift(), 0, drift.length);
        double[] x = x0.clone();
        SeededRandom rng = new SeededRandom(seed);
        boolean ok = em.update(x, dt, noise, rng);
        // a second step with other (noise, dt): the scalar shape's cached noise scale must follow
        boolean ok2 = em.update(x, dt * 0.5, noise * 2.0, rng);
        return new Object[] {x, ok, ok2, rng.state()};
    }

    @Test
    void scalarUpdateMovesXTheSameWayAndJudgesDivergenceTheSame() {
        SeededRandom rng = new SeededRandom(3);
        int n = 1031;
        double[] drift = new double[n];
        double[] calm = new double[n];
        for (int i = 0; i < n; i++) {
            drift[i] = rng.uniform(-5, 5);
            calm[i] = rng.uniform(-2, 2);
        }
        double bound = EulerMaruyama.BOUND;
        double[][] cases = new double[7][];
        cases[0] = calm;
        for (int c = 1; c < cases.length; c++) {
            cases[c] = calm.clone();
        }
        cases[1][500] = Double.NaN;
        cases[2][n - 1] = 2 * bound;
        cases[3][0] = -2 * bound;
        cases[4][7] = bound;            // exactly on the bound is inside (the drift moves it, so test both sides)
        cases[5][9] = Double.POSITIVE_INFINITY;
        cases[6][3] = -0.0;
        for (double noise : new double[] {0.0, 8.0}) {
            for (int c = 0; c < cases.length; c++) {
                Object[] vector = update(false, cases[c], drift, 0.01, noise, c);
                Object[] scalar = update(true, cases[c], drift, 0.01, noise, c);
                String what = "case " + c + ", noise " + noise;
                assertArrayEquals(bits((double[]) vector[0]), bits((double[]) scalar[0]), what);
                assertEquals(vector[1], scalar[1], what);
                assertEquals(vector[2], scalar[2], what);
                assertArrayEquals((int[]) vector[3], (int[]) scalar[3], what);
            }
        }
        // the verdicts are not all alike: the comparison above saw both outcomes
        assertTrue((Boolean) update(true, cases[0], drift, 0.01, 8.0, 0)[1]);
        assertFalse((Boolean) update(true, cases[1], drift, 0.01, 8.0, 0)[1]);
        assertFalse((Boolean) update(true, cases[2], drift, 0.01, 0.0, 0)[1]);
    }
}
