package org.hopfieldlab.sim.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * PortableMath against the JDK on dense grids. The reference is {@code StrictMath} (fdlibm, error &lt; 1 ulp, the
 * same on every JVM); every value is also compared with {@code Math} with one extra ulp of slack, because HotSpot's
 * intrinsics may differ from StrictMath by 1 ulp. The tolerances are the figures documented in the class javadoc
 * (measured maxima rounded up a little); each test prints the measured maximum.
 */
class PortableMathTest {

    /** Largest relative (or absolute) error seen, and where. */
    private static final class Worst {
        final String name;
        double error;
        double at;

        Worst(String name) {
            this.name = name;
        }

        void see(double x, double err) {
            if (err > error || err != err) {
                error = err;
                at = x;
            }
        }

        void assertAtMost(double tolerance) {
            System.out.printf("PortableMath %-40s max error %.3e at %s (tolerance %.1e)%n", name, error, at, tolerance);
            assertTrue(error <= tolerance, name + ": error " + error + " at x = " + at + " exceeds " + tolerance);
        }
    }

    private static double rel(double got, double ref) {
        if (got == ref) {
            return 0;
        }
        return Math.abs(got - ref) / Math.abs(ref);
    }

    /** Relative error against StrictMath and (1 ulp looser) against Math. */
    private static void compareRelative(Worst strict, Worst fast, double x, double got, double strictRef,
            double mathRef) {
        strict.see(x, rel(got, strictRef));
        // Math may be 1 ulp away from StrictMath: subtract that slack before comparing
        double slack = Math.ulp(mathRef) / Math.abs(mathRef);
        fast.see(x, Math.max(0, rel(got, mathRef) - slack));
    }

    // ---------------------------------------------------------------- tanh

    @Test
    void tanhRelativeErrorOnDenseLinearGrid() {
        Worst strict = new Worst("tanh rel vs StrictMath, [-30,30] step 1e-5");
        Worst fast = new Worst("tanh rel vs Math, [-30,30] step 1e-5");
        Worst abs = new Worst("tanh abs vs StrictMath, [-30,30]");
        for (int k = -3_000_000; k <= 3_000_000; k++) {
            double y = k * 1e-5;
            double got = PortableMath.tanh(y);
            double ref = StrictMath.tanh(y);
            if (ref != 0) {
                compareRelative(strict, fast, y, got, ref, Math.tanh(y));
            } else {
                assertEquals(0.0, got, 0.0);
            }
            abs.see(y, Math.abs(got - ref));
        }
        // documented: relative error ≤ 2e-15, absolute ≤ 1e-15 (measured 1.45e-15 and 6.7e-16)
        strict.assertAtMost(2e-15);
        fast.assertAtMost(2e-15);
        abs.assertAtMost(1e-15);
    }

    @Test
    void tanhRelativeErrorOverAllMagnitudes() {
        Worst strict = new Worst("tanh rel, |y| in [1e-300, 1e300]");
        Worst fast = new Worst("tanh rel vs Math, |y| in [1e-300, 1e300]");
        // log-uniform grid over 600 decades, both signs: tiny arguments (tanh y = y), the knee, saturation
        for (int k = 0; k <= 600_000; k++) {
            double y = Math.pow(10, -300 + k * 1e-3);
            for (double s : new double[] {y, -y}) {
                compareRelative(strict, fast, s, PortableMath.tanh(s), StrictMath.tanh(s), Math.tanh(s));
            }
        }
        strict.assertAtMost(2e-15);
        fast.assertAtMost(2e-15);
    }

    @Test
    void tanhSubnormalArgumentsKeepSmallAbsoluteError() {
        // below |y| ≈ 5e-307 the prescaling y/512 is subnormal; the documented guarantee there is absolute only
        Worst abs = new Worst("tanh abs, |y| in [4.9e-324, 1e-300]");
        for (int e = -1074; e <= -997; e++) {
            for (int m = 0; m < 64; m++) {
                double y = Math.scalb(1.0 + m / 64.0, e);
                abs.see(y, Math.abs(PortableMath.tanh(y) - StrictMath.tanh(y)));
                abs.see(-y, Math.abs(PortableMath.tanh(-y) - StrictMath.tanh(-y)));
            }
        }
        abs.assertAtMost(1e-15);
        // and it never returns something of the wrong sign or larger than y
        for (int e = -1074; e <= -997; e++) {
            double y = Math.scalb(1.0, e);
            double t = PortableMath.tanh(y);
            assertTrue(t >= 0 && t <= y * 1.2, "tanh(" + y + ") = " + t);
        }
    }

    @Test
    void tanhSaturatesExactlyAtTwentyAndBeyond() {
        // documented: exactly ±1 for |y| ≥ 20 (the correctly rounded value is ±1 there as well)
        double[] big = {20.0, Math.nextUp(20.0), 20.5, 25, 100, 1e3, 1e10, 1e100, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY};
        for (double y : big) {
            assertEquals(1.0, PortableMath.tanh(y), 0.0, "tanh(" + y + ")");
            assertEquals(-1.0, PortableMath.tanh(-y), 0.0, "tanh(" + -y + ")");
            assertEquals(StrictMath.tanh(y), PortableMath.tanh(y), 0.0);
        }
        // just below the cap the value is within 1 ulp of the reference and never above 1
        for (double y = 19.0; y < 20.0; y += 1e-4) {
            double got = PortableMath.tanh(y);
            assertTrue(got <= 1.0);
            assertTrue(Math.abs(got - StrictMath.tanh(y)) <= Math.ulp(0.99), "tanh(" + y + ")");
            assertTrue(Math.abs(PortableMath.tanh(-y) - StrictMath.tanh(-y)) <= Math.ulp(0.99), "tanh(" + -y + ")");
        }
        double below = Math.nextDown(20.0);
        assertTrue(Math.abs(PortableMath.tanh(below) - StrictMath.tanh(below)) <= Math.ulp(0.99));
    }

    @Test
    void tanhSpecialValues() {
        assertTrue(Double.isNaN(PortableMath.tanh(Double.NaN)), "NaN must propagate: divergence detection relies on it");
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(PortableMath.tanh(0.0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(PortableMath.tanh(-0.0)));
        // note: tanh is odd only up to rounding (E/(E+2) rounds differently for E = e^{±2y} − 1), which the accuracy
        // tests above cover; it is not bitwise odd.
    }

    // ---------------------------------------------------------------- exp

    @Test
    void expRelativeErrorOverTheWholeNormalRange() {
        Worst strict = new Worst("exp rel vs StrictMath, [-708, 709.78] step 1e-4");
        Worst fast = new Worst("exp rel vs Math, [-708, 709.78]");
        for (int k = -7_080_000; k <= 7_097_827; k++) {
            double x = k * 1e-4;
            compareRelative(strict, fast, x, PortableMath.exp(x), StrictMath.exp(x), Math.exp(x));
        }
        // tiny arguments: e^x = 1 + x
        for (int e = -300; e <= -1; e++) {
            for (double x : new double[] {Math.pow(10, e), -Math.pow(10, e), 3.7 * Math.pow(10, e)}) {
                compareRelative(strict, fast, x, PortableMath.exp(x), StrictMath.exp(x), Math.exp(x));
            }
        }
        // documented: ≤ 3e-16 (1 ulp); measured 2.2e-16
        strict.assertAtMost(3e-16);
        fast.assertAtMost(3e-16);
    }

    @Test
    void expSubnormalResultsAndOverflowBoundaries() {
        // subnormal results: within 1 ulp (absolute 4.9e-324) of the reference
        for (int k = -7_451_332; k <= -7_080_000; k++) {
            double x = k * 1e-4;
            double ref = StrictMath.exp(x);
            double got = PortableMath.exp(x);
            assertTrue(Math.abs(got - ref) <= Math.ulp(ref), "exp(" + x + ") = " + got + ", StrictMath " + ref);
        }
        double overflow = 709.782712893384;
        assertEquals(StrictMath.exp(overflow), PortableMath.exp(overflow), Math.ulp(Double.MAX_VALUE));
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(Math.nextUp(overflow)), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(710), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, PortableMath.exp(-746), 0.0);
        assertEquals(0.0, PortableMath.exp(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(StrictMath.exp(-745.13), PortableMath.exp(-745.13), Double.MIN_VALUE);
        assertEquals(1.0, PortableMath.exp(0.0), 0.0);
        assertEquals(1.0, PortableMath.exp(-0.0), 0.0);
        assertTrue(Double.isNaN(PortableMath.exp(Double.NaN)));
    }

    // ---------------------------------------------------------------- log

    @Test
    void logRelativeErrorOnEveryBinade() {
        Worst strict = new Worst("log rel vs StrictMath, all binades");
        Worst fast = new Worst("log rel vs Math, all binades");
        int maxUlps = 0;
        for (int e = -1074; e <= 1023; e++) {
            for (int m = 0; m < 500; m++) {
                double x = Math.scalb(1.0 + m / 500.0, e);
                if (x == 0 || Double.isInfinite(x)) {
                    continue;
                }
                double ref = StrictMath.log(x);
                double got = PortableMath.log(x);
                if (ref == 0) {
                    assertEquals(0.0, got, 0.0);
                    continue;
                }
                compareRelative(strict, fast, x, got, ref, Math.log(x));
                maxUlps = (int) Math.max(maxUlps, Math.abs(got - ref) / Math.ulp(ref));
            }
        }
        // near 1, where ln x → 0 and only a careful mantissa reduction keeps relative accuracy
        for (int k = -200_000; k <= 200_000; k++) {
            double x = 1.0 + k * 1e-9;
            if (x != 1.0) {
                compareRelative(strict, fast, x, PortableMath.log(x), StrictMath.log(x), Math.log(x));
            }
        }
        // documented: ≤ 4.5e-16 relative, ≤ 2 ulp (measured 4.1e-16 just above 1, 2 ulp)
        strict.assertAtMost(4.5e-16);
        fast.assertAtMost(4.5e-16);
        assertTrue(maxUlps <= 2, "log: " + maxUlps + " ulp");
    }

    @Test
    void logSpecialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, PortableMath.log(0.0), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, PortableMath.log(-0.0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.log(Double.POSITIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(PortableMath.log(-1.0)));
        assertTrue(Double.isNaN(PortableMath.log(Double.NEGATIVE_INFINITY)));
        assertTrue(Double.isNaN(PortableMath.log(Double.NaN)));
        assertEquals(0.0, PortableMath.log(1.0), 0.0);
        assertEquals(StrictMath.log(Double.MIN_VALUE), PortableMath.log(Double.MIN_VALUE),
                2 * Math.ulp(StrictMath.log(Double.MIN_VALUE)));
        assertEquals(StrictMath.log(Double.MAX_VALUE), PortableMath.log(Double.MAX_VALUE),
                2 * Math.ulp(StrictMath.log(Double.MAX_VALUE)));
    }

    // ---------------------------------------------------------------- log1p

    @Test
    void log1pRelativeError() {
        Worst strict = new Worst("log1p rel vs StrictMath, (-1, 1e300]");
        Worst fast = new Worst("log1p rel vs Math, (-1, 1e300]");
        // linear grid across both branches (series on [√½−1, √2−1], log(1+t) outside)
        for (int k = -999_999; k <= 3_000_000; k++) {
            double t = k * 1e-6;
            if (t != 0) {
                compareRelative(strict, fast, t, PortableMath.log1p(t), StrictMath.log1p(t), Math.log1p(t));
            }
        }
        // all magnitudes down to 1e-300 (log1p t = t for tiny t), both signs, and large t
        for (int k = 0; k <= 600_000; k++) {
            double t = Math.pow(10, -300 + k * 1e-3);
            compareRelative(strict, fast, t, PortableMath.log1p(t), StrictMath.log1p(t), Math.log1p(t));
            if (t < 1) {
                compareRelative(strict, fast, -t, PortableMath.log1p(-t), StrictMath.log1p(-t), Math.log1p(-t));
            }
        }
        // documented: ≤ 5e-16 (measured 4.1e-16)
        strict.assertAtMost(5e-16);
        fast.assertAtMost(5e-16);
    }

    @Test
    void log1pSpecialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, PortableMath.log1p(-1.0), 0.0);
        assertTrue(Double.isNaN(PortableMath.log1p(-1.5)));
        assertTrue(Double.isNaN(PortableMath.log1p(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.log1p(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, PortableMath.log1p(0.0), 0.0);
    }

    // ---------------------------------------------------------------- logCosh

    /**
     * Independent ln cosh: log1p(2 sinh²(y/2)) (= ln cosh y exactly, no cancellation near 0) for |y| &lt; 20, and
     * |y| − ln 2 + log1p(e^{−2|y|}) beyond, all with StrictMath.
     */
    private static double logCoshRef(double y) {
        double a = Math.abs(y);
        if (a < 20) {
            double s = StrictMath.sinh(a / 2);
            return StrictMath.log1p(2 * s * s);
        }
        return (a - StrictMath.log(2)) + StrictMath.log1p(StrictMath.exp(-2 * a));
    }

    @Test
    void logCoshAbsoluteAndRelativeError() {
        Worst abs = new Worst("logCosh abs, [-800, 800] step 1e-4");
        Worst relBig = new Worst("logCosh rel, 1 ≤ |y| ≤ 800");
        Worst naive = new Worst("logCosh abs vs log(cosh) StrictMath, |y| ≤ 20");
        for (int k = -8_000_000; k <= 8_000_000; k++) {
            double y = k * 1e-4;
            double ref = logCoshRef(y);
            double got = PortableMath.logCosh(y);
            abs.see(y, Math.abs(got - ref));
            if (Math.abs(y) >= 1) {
                relBig.see(y, rel(got, ref));
            }
            if (Math.abs(y) <= 20 && (k & 7) == 0) {
                // the plain formula, as a second reference (its own error is a few 1e-16)
                naive.see(y, Math.abs(got - StrictMath.log(StrictMath.cosh(y))));
            }
        }
        // documented: absolute ≤ 4e-15 on |y| ≤ 800, relative ≤ 7e-16 for |y| ≥ 1 (measured 3.6e-15, 6.4e-16)
        abs.assertAtMost(4e-15);
        relBig.assertAtMost(7e-16);
        naive.assertAtMost(4e-15);
        // huge arguments: overflow-free, relative ≤ 7e-16
        Worst huge = new Worst("logCosh rel, |y| in [1, 1e300]");
        for (int k = 0; k <= 300_000; k++) {
            double y = Math.pow(10, k * 1e-3);
            huge.see(y, rel(PortableMath.logCosh(-y), logCoshRef(y)));
        }
        huge.assertAtMost(7e-16);
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.logCosh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.logCosh(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(PortableMath.logCosh(Double.NaN)));
        assertEquals(0.0, PortableMath.logCosh(0.0), 0.0);
    }

    // ---------------------------------------------------------------- sech2

    /** 1/cosh² for |y| &lt; 20, and 4e^{−2|y|}/(1+e^{−2|y|})² beyond (where cosh² would overflow). */
    private static double sech2Ref(double y) {
        double a = Math.abs(y);
        if (a < 20) {
            double c = StrictMath.cosh(a);
            return 1.0 / (c * c);
        }
        double e = StrictMath.exp(-2 * a);
        return 4 * e / ((1 + e) * (1 + e));
    }

    @Test
    void sech2RelativeError() {
        Worst strict = new Worst("sech2 rel, [-354, 354] step 1e-4");
        Worst fast = new Worst("sech2 rel vs Math 1/cosh², |y| ≤ 20");
        for (int k = -3_540_000; k <= 3_540_000; k++) {
            double y = k * 1e-4;
            double got = PortableMath.sech2(y);
            strict.see(y, rel(got, sech2Ref(y)));
            if (Math.abs(y) < 20) {
                double c = Math.cosh(y);
                // 1/(c·c) with Math.cosh: up to 3 roundings beyond the reference
                fast.see(y, Math.max(0, rel(got, 1.0 / (c * c)) - 4.5e-16));
            }
        }
        // documented: ≤ 1e-15 where the result is normal (measured 8.8e-16)
        strict.assertAtMost(1e-15);
        fast.assertAtMost(1e-15);
        // consistency with tanh: sech² = 1 − tanh² (absolute, where tanh² is not saturated)
        for (int k = -20_000; k <= 20_000; k++) {
            double y = k * 1e-3;
            double t = PortableMath.tanh(y);
            assertEquals(1.0 - t * t, PortableMath.sech2(y), 4e-15, "sech2 vs 1 − tanh² at " + y);
        }
        assertEquals(0.0, PortableMath.sech2(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, PortableMath.sech2(800), 0.0);
        assertEquals(1.0, PortableMath.sech2(0.0), 0.0);
        assertTrue(Double.isNaN(PortableMath.sech2(Double.NaN)));
    }

    // ---------------------------------------------------------------- pow2

    @Test
    void pow2IsExactAndClamped() {
        for (int k = -1074; k <= 1023; k++) {
            assertEquals(Math.scalb(1.0, k), PortableMath.pow2(k), 0.0, "2^" + k);
        }
        assertEquals(0.0, PortableMath.pow2(-1075), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.pow2(1024), 0.0);
    }

    @Test
    void nanPropagatesThroughEveryFunction() {
        DoubleUnaryOperator[] all = {PortableMath::tanh, PortableMath::exp, PortableMath::log, PortableMath::log1p,
            PortableMath::logCosh, PortableMath::sech2};
        for (DoubleUnaryOperator f : all) {
            assertTrue(Double.isNaN(f.applyAsDouble(Double.NaN)));
        }
    }

    /** exp's own floor equals Math.floor wherever exp uses it (|z| ≤ 1100), at integers, just beside them and halves. */
    @Test
    void floorToIntIsFloor() {
        SeededRandom rng = new SeededRandom(7, 1, 0);
        int checked = 0;
        for (int k = -1100; k <= 1100; k++) {
            for (double z : new double[] {k, Math.nextDown((double) k), Math.nextUp((double) k), k + 0.5, k - 0.5,
                    k + rng.nextDouble()}) {
                assertEquals((int) Math.floor(z), PortableMath.floorToInt(z), "floor of " + z);
                checked++;
            }
        }
        assertEquals(0, PortableMath.floorToInt(-0.0));
        assertTrue(checked > 13000);
    }
}
