package org.hopfieldlab.sim.math;

/**
 * Elementary functions built only from IEEE + − × ÷ and sqrt, so that every runtime (JVM, TeaVM JavaScript,
 * TeaVM Wasm) produces the same bits. {@code Math.tanh/exp/log} are not used anywhere in the core: their results
 * differ between the JVM and V8.
 *
 * <p>Accuracy (measured against {@code StrictMath}/{@code Math} by {@code PortableMathTest} on dense grids; the
 * reference itself is within 1 ulp):
 * <ul>
 *   <li>{@link #tanh}: relative error ≤ 2e-15 (≤ 10 ulp) for |y| ≥ 1e-300 and y = ±0; absolute error ≤ 1e-15
 *       everywhere (below |y| ≈ 5e-307 the internal y/512 is subnormal and the relative error grows); exactly ±1 for
 *       |y| ≥ 20; NaN → NaN.</li>
 *   <li>{@link #exp}: relative error ≤ 3e-16 (≤ 1 ulp) wherever the result is a normal double; 0 below
 *       −745.13, +∞ above 709.78.</li>
 *   <li>{@link #log}: relative error ≤ 4.5e-16 (≤ 2 ulp) on every positive double, subnormals included (so the
 *       absolute error grows with |ln x|, to 1.2e-13 near the ends of the double range).</li>
 *   <li>{@link #log1p}: relative error ≤ 5e-16 for t &gt; −1 with |t| ≥ 1e-300.</li>
 *   <li>{@link #logCosh}: absolute error ≤ 4e-15 for |y| ≤ 800, relative error ≤ 7e-16 for |y| ≥ 1 (near 0 only
 *       the absolute error is small: ln cosh y ≈ y²/2 is computed with cancellation).</li>
 *   <li>{@link #sech2}: relative error ≤ 1e-15 for |y| ≤ 354 (where the result is a normal double).</li>
 * </ul>
 *
 * <p>Expressions keep compound operands on the left of {@code +} and {@code *}: TeaVM's JavaScript backend drops
 * the parentheses of a compound right operand ({@code a + (b + c)} becomes {@code a+b+c}).
 */
public final class PortableMath {
    private PortableMath() {
    }

    public static final double LN2 = 0.6931471805599453;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double SQRT2 = 1.4142135623730951;

    /**
     * Powers of two 2^k for k in [-1074, 1023], built by exact doubling/halving (no bit tricks: longs are slow in JS).
     * A holder class of its own: PortableMath itself then has no static initializer, and TeaVM's Wasm and JS output
     * skip the class-initialisation check they would otherwise make on every call (tanh runs N times a step).
     */
    private static final class Pow2 {
        static final int OFFSET = 1074;
        static final double[] TABLE = new double[1074 + 1024];

        static {
            TABLE[OFFSET] = 1.0;
            for (int k = 1; k <= 1023; k++) {
                TABLE[OFFSET + k] = TABLE[OFFSET + k - 1] * 2.0;
            }
            for (int k = 1; k <= 1074; k++) {
                TABLE[OFFSET - k] = TABLE[OFFSET - k + 1] * 0.5;
            }
        }
    }

    /** Exact power of two 2^k, clamped to 0 / +Inf outside the double range. */
    public static double pow2(int k) {
        if (k > 1023) {
            return Double.POSITIVE_INFINITY;
        }
        if (k < -1074) {
            return 0.0;
        }
        return Pow2.TABLE[Pow2.OFFSET + k];
    }

    /**
     * Hyperbolic tangent for the activation σ(x) = tanh(βx) in the simulation hot loop: tanh(y) = E / (E + 2) with
     * E = e^{2y} − 1. E is computed without branches or tables, so the JIT can vectorise the loop: a degree-8 Taylor
     * polynomial gives expm1(w) for w = 2y/1024 (|w| ≤ 0.04), then ten doublings expm1(2w) = expm1(w)·(expm1(w) + 2)
     * bring it to expm1(2y) with a small relative error (no cancellation near 0). |y| is capped at 20, beyond
     * which the correctly rounded tanh is exactly ±1. NaN propagates (divergence detection relies on it).
     */
    public static double tanh(double y) {
        double c = Math.max(-20.0, Math.min(20.0, y));
        double w = c * (2.0 / 1024.0);
        double q = (((((((w * (1.0 / 40320.0) + (1.0 / 5040.0)) * w + (1.0 / 720.0)) * w + (1.0 / 120.0)) * w
                + (1.0 / 24.0)) * w + (1.0 / 6.0)) * w + 0.5) * w + 1.0) * w;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        q = (q + 2.0) * q;
        return q / (q + 2.0);
    }

    /**
     * out[i] = tanh(b · x[i]) for i &lt; n, four elements interleaved per iteration: the {@link LoopShape#scalar}
     * shape of the activation loop. Each element goes through exactly {@link #tanh}'s operations, so the bits are
     * the same. tanh is a chain of about 40 dependent operations; V8 runs TeaVM's scalar Wasm, and four independent
     * chains side by side keep its floating-point units busy where one element at a time waits on latency. C2 would
     * stop vectorising such a loop, so the JVM keeps the one-element loop.
     */
    public static void tanhInterleaved(double b, double[] x, double[] out, int n) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double y0 = b * x[i];
            double y1 = b * x[i + 1];
            double y2 = b * x[i + 2];
            double y3 = b * x[i + 3];
            // the clamp of tanh as comparisons: the same value as max(−20, min(20, y)) for every y, NaN and −0
            // included, while V8 compiles f64.min/max to three branches each
            double c0 = y0 > 20.0 ? 20.0 : y0 < -20.0 ? -20.0 : y0;
            double c1 = y1 > 20.0 ? 20.0 : y1 < -20.0 ? -20.0 : y1;
            double c2 = y2 > 20.0 ? 20.0 : y2 < -20.0 ? -20.0 : y2;
            double c3 = y3 > 20.0 ? 20.0 : y3 < -20.0 ? -20.0 : y3;
            double w0 = c0 * (2.0 / 1024.0);
            double w1 = c1 * (2.0 / 1024.0);
            double w2 = c2 * (2.0 / 1024.0);
            double w3 = c3 * (2.0 / 1024.0);
            double q0 = (((((((w0 * (1.0 / 40320.0) + (1.0 / 5040.0)) * w0 + (1.0 / 720.0)) * w0 + (1.0 / 120.0)) * w0
                    + (1.0 / 24.0)) * w0 + (1.0 / 6.0)) * w0 + 0.5) * w0 + 1.0) * w0;
            double q1 = (((((((w1 * (1.0 / 40320.0) + (1.0 / 5040.0)) * w1 + (1.0 / 720.0)) * w1 + (1.0 / 120.0)) * w1
                    + (1.0 / 24.0)) * w1 + (1.0 / 6.0)) * w1 + 0.5) * w1 + 1.0) * w1;
            double q2 = (((((((w2 * (1.0 / 40320.0) + (1.0 / 5040.0)) * w2 + (1.0 / 720.0)) * w2 + (1.0 / 120.0)) * w2
                    + (1.0 / 24.0)) * w2 + (1.0 / 6.0)) * w2 + 0.5) * w2 + 1.0) * w2;
            double q3 = (((((((w3 * (1.0 / 40320.0) + (1.0 / 5040.0)) * w3 + (1.0 / 720.0)) * w3 + (1.0 / 120.0)) * w3
                    + (1.0 / 24.0)) * w3 + (1.0 / 6.0)) * w3 + 0.5) * w3 + 1.0) * w3;
            // the ten doublings written out, as in tanh (TeaVM does not unroll a counted loop)
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            q0 = (q0 + 2.0) * q0;
            q1 = (q1 + 2.0) * q1;
            q2 = (q2 + 2.0) * q2;
            q3 = (q3 + 2.0) * q3;
            out[i] = q0 / (q0 + 2.0);
            out[i + 1] = q1 / (q1 + 2.0);
            out[i + 2] = q2 / (q2 + 2.0);
            out[i + 3] = q3 / (q3 + 2.0);
        }
        for (; i < n; i++) {
            out[i] = tanh(b * x[i]);
        }
    }

    /** e^x with range reduction x = k ln2 + r, |r| ≤ ln2/2, and a degree-13 Taylor polynomial for e^r. */
    public static double exp(double x) {
        if (x != x) {
            return x;
        }
        if (x > 709.782712893384) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < -745.1332191019412) {
            return 0.0;
        }
        int k = floorToInt(x * INV_LN2 + 0.5);
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double p = ((((((((((((r * (1.0 / 6227020800.0) + (1.0 / 479001600.0)) * r + (1.0 / 39916800.0)) * r
                + (1.0 / 3628800.0)) * r + (1.0 / 362880.0)) * r + (1.0 / 40320.0)) * r + (1.0 / 5040.0)) * r
                + (1.0 / 720.0)) * r + (1.0 / 120.0)) * r + (1.0 / 24.0)) * r + (1.0 / 6.0)) * r + 0.5) * r + 1.0) * r
                + 1.0;
        // split the scaling so that subnormal results and k = 1024 stay exact
        if (k < -1000) {
            return p * pow2(k + 200) * pow2(-200);
        }
        if (k > 1000) {
            return p * pow2(k - 100) * pow2(100);
        }
        return p * pow2(k);
    }

    /** Natural logarithm: exponent extraction by comparisons, then 2·atanh series on a mantissa near 1. */
    public static double log(double x) {
        if (x != x || x < 0.0) {
            return Double.NaN;
        }
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        int e = 0;
        double m = x;
        // scale into [1, 2) by exact powers of two (coarse steps first, then single ones)
        while (m < 1e-30) {
            m = m * pow2(100);
            e = e - 100;
        }
        while (m < 1.0) {
            m = m * 2.0;
            e = e - 1;
        }
        while (m >= 1e30) {
            m = m * pow2(-100);
            e = e + 100;
        }
        while (m >= 2.0) {
            m = m * 0.5;
            e = e + 1;
        }
        // centre the mantissa on 1: m in [sqrt(1/2), sqrt(2))
        if (m > SQRT2) {
            m = m * 0.5;
            e = e + 1;
        }
        return (log1pCentered(m - 1.0) + e * LN2_LO) + e * LN2_HI;
    }

    /**
     * ⌊z⌋ for finite z within the int range, without {@code Math.floor}: TeaVM's Wasm imports Math.floor from
     * JavaScript, a call out of Wasm per {@link #exp} (the lab's energy takes one per neuron per sample). Truncation
     * towards zero, less one where that rounded a negative non-integer up: exactly ⌊z⌋.
     */
    static int floorToInt(double z) {
        int t = (int) z;
        return t > z ? t - 1 : t;
    }

    /** ln(1 + t) for t ≥ −1 (logCosh uses t in (0, 1]; accurate also for tiny t). */
    public static double log1p(double t) {
        if (t != t || t < -1.0) {
            return Double.NaN;
        }
        if (t > 0.4142135623730951 || t < -0.2928932188134524) {
            return log(1.0 + t);
        }
        return log1pCentered(t);
    }

    /** ln(1+t) = 2 atanh(s), s = t / (2 + t), for t in [sqrt(1/2)−1, sqrt(2)−1] so |s| ≤ 0.1716. */
    private static double log1pCentered(double t) {
        double s = t / (t + 2.0);
        double s2 = s * s;
        // series 2(s + s^3/3 + ... + s^23/23): truncation < 0.1716^25/25 ≈ 2e-21
        double q = ((((((((((s2 * (1.0 / 23.0) + (1.0 / 21.0)) * s2 + (1.0 / 19.0)) * s2 + (1.0 / 17.0)) * s2
                + (1.0 / 15.0)) * s2 + (1.0 / 13.0)) * s2 + (1.0 / 11.0)) * s2 + (1.0 / 9.0)) * s2 + (1.0 / 7.0)) * s2
                + (1.0 / 5.0)) * s2 + (1.0 / 3.0)) * s2;
        return (q * s + s) * 2.0;
    }

    /** ln cosh(y) = |y| + ln(1 + e^{−2|y|}) − ln 2, overflow-free for any y. */
    public static double logCosh(double y) {
        double a = y < 0.0 ? -y : y;
        return (a + log1p(exp(-2.0 * a))) - LN2;
    }

    /** sech²(y) = 4 e^{−2|y|} / (1 + e^{−2|y|})², accurate in relative terms also where tanh saturates. */
    public static double sech2(double y) {
        double a = y < 0.0 ? -y : y;
        double e = exp(-2.0 * a);
        double d = e + 1.0;
        return (e * 4.0) / (d * d);
    }
}
