package org.hopfieldlab.sim.math;

/**
 * The core's one random generator: xoshiro128** (Blackman &amp; Vigna), 32-bit state words only, because TeaVM's
 * JavaScript output turns every {@code long} into a slow BigInt. Gaussians come from a 128-layer ziggurat
 * (Marsaglia &amp; Tsang 2000) whose tables are built with {@link PortableMath}, with the layer index and the
 * uniform taken from separate bits (Doornik 2005) to avoid their correlation. Same seed, same numbers on every
 * runtime.
 */
public final class SeededRandom {
    private int s0;
    private int s1;
    private int s2;
    private int s3;

    /** A generator for the stream (seed, stream, index): independent streams for memories, inputs, dynamics, trials. */
    public SeededRandom(int seed, int stream, int index) {
        int h = mix(seed ^ 0x9E3779B9);
        h = mix(h + stream * 0x85EBCA6B);
        h = mix(h + index * 0xC2B2AE35);
        // splitmix-style expansion of the 32-bit key into 128 bits of state
        s0 = mix(h + 0x6A09E667);
        s1 = mix(h + 0xBB67AE85);
        s2 = mix(h + 0x3C6EF372);
        s3 = mix(h + 0xA54FF53A);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1;
        }
    }

    public SeededRandom(int seed) {
        this(seed, 0, 0);
    }

    /** murmur3 finaliser: a bijective 32-bit mix. */
    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        x *= 0xC2B2AE35;
        x ^= x >>> 16;
        return x;
    }

    public int nextInt() {
        // rotations written out: TeaVM's Wasm output calls Integer.rotateLeft with a class-initialisation check
        int m = s1 * 5;
        int result = ((m << 7) | (m >>> 25)) * 9;
        int t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        return result;
    }

    /**
     * Uniform integer in [0, bound), bound ≥ 1 (rejection sampling of the low bits under the smallest covering mask;
     * exact, no bias).
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int mask = bound - 1;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        while (true) {
            int r = nextInt() & mask;
            if (r < bound) {
                return r;
            }
        }
    }

    /** Uniform double in [0, 1) with 53 random bits. */
    public double nextDouble() {
        int hi = nextInt() >>> 11;          // 21 bits
        int lo = nextInt();                 // 32 bits
        double low = lo < 0 ? lo + 4294967296.0 : lo;
        return (hi * 4294967296.0 + low) * TWO_POW_M53;
    }

    /** Uniform double in [a, b). */
    public double uniform(double a, double b) {
        return (b - a) * nextDouble() + a;
    }

    /** Random sign: +1 or −1 with probability ½ each. */
    public double nextSign() {
        return nextInt() < 0 ? -1.0 : 1.0;
    }

    private static final double TWO_POW_M53 = 1.0 / 9007199254740992.0;
    private static final double TWO_POW_M24 = 1.0 / 16777216.0;

    // ---- ziggurat tables (128 layers) ----
    private static final int LAYERS = 128;
    private static final double R = 3.442619855899;
    private static final double AREA = 9.91256303526217e-3;
    /** X[i]: right edge of layer i (X[0] = AREA / f(R), the base strip's pseudo-width; X[LAYERS] = 0). */
    private static final double[] X = new double[LAYERS + 1];
    /** F[i] = exp(−X[i]²/2). */
    private static final double[] F = new double[LAYERS + 1];

    static {
        double fR = PortableMath.exp(-0.5 * R * R);
        X[0] = AREA / fR;
        X[1] = R;
        F[0] = fR;
        F[1] = fR;
        for (int i = 2; i < LAYERS; i++) {
            double xPrev = X[i - 1];
            double f = AREA / xPrev + PortableMath.exp(-0.5 * xPrev * xPrev);
            X[i] = Math.sqrt(-2.0 * PortableMath.log(f));
            F[i] = f;
        }
        X[LAYERS] = 0.0;
        F[LAYERS] = 1.0;
    }

    /**
     * Standard normal N(0,1). Fast path (≈ 98.8 %): one 32-bit draw, 7 bits for the layer and 25 for the signed
     * uniform, one multiply and one compare.
     */
    public double nextGaussian() {
        int bits = nextInt();
        int i = bits & (LAYERS - 1);
        // signed uniform in (−1, 1) from the upper 25 bits (independent of the layer bits)
        double x = ((bits >> 7) + 0.5) * TWO_POW_M24 * X[i];
        if (Math.abs(x) < X[i + 1]) {
            return x;
        }
        return slowGaussian(i, x);
    }

    /**
     * Fills out[0..len) with scale · N(0,1) draws: the same numbers as {@code len} calls of {@link #nextGaussian},
     * but the generator state stays in locals (the hot loop of the noisy integrator).
     */
    public void fillGaussian(double[] out, int len, double scale) {
        int a = s0;
        int b = s1;
        int c = s2;
        int d = s3;
        // local copies: TeaVM's Wasm output re-checks class initialisation on every static field read in a loop
        double[] xs = X;
        for (int k = 0; k < len; k++) {
            int m = b * 5;
            int bits = ((m << 7) | (m >>> 25)) * 9;
            int t = b << 9;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = (d << 11) | (d >>> 21);
            int i = bits & (LAYERS - 1);
            double x = ((bits >> 7) + 0.5) * TWO_POW_M24 * xs[i];
            double edge = xs[i + 1];
            if (x >= edge || x <= -edge) {   // |x| ≥ edge, without Math.abs (a function call in TeaVM's Wasm)
                s0 = a;
                s1 = b;
                s2 = c;
                s3 = d;
                x = slowGaussian(i, x);
                a = s0;
                b = s1;
                c = s2;
                d = s3;
            }
            out[k] = x * scale;
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }

    /**
     * The same draws as {@link #fillGaussian}, in the {@link LoopShape#scalar} shape: the fast path alone in the
     * inner loop, and a rejected candidate leaves it with its layer and value, so the rare path is called outside.
     * V8 inlines {@code slowGaussian} into the loop of {@code fillGaussian} and, short of registers, keeps the
     * generator state on the stack for every draw (30 % slower noise in TeaVM's Wasm); C2, on the other hand, loses
     * the counted loop here (JVM noise +7–15 %), so the JVM keeps {@code fillGaussian}.
     */
    public void fillGaussianRareOutside(double[] out, int len, double scale) {
        int a = s0;
        int b = s1;
        int c = s2;
        int d = s3;
        double[] xs = X;
        int k = 0;
        while (k < len) {
            int i = 0;
            double x = 0.0;
            for (; k < len; k++) {
                int m = b * 5;
                int bits = ((m << 7) | (m >>> 25)) * 9;
                int t = b << 9;
                c ^= a;
                d ^= b;
                b ^= c;
                a ^= d;
                c ^= t;
                d = (d << 11) | (d >>> 21);
                i = bits & (LAYERS - 1);
                x = ((bits >> 7) + 0.5) * TWO_POW_M24 * xs[i];
                double edge = xs[i + 1];
                if (x >= edge || x <= -edge) {
                    break;
                }
                out[k] = x * scale;
            }
            if (k < len) {
                s0 = a;
                s1 = b;
                s2 = c;
                s3 = d;
                out[k] = slowGaussian(i, x) * scale;
                a = s0;
                b = s1;
                c = s2;
                d = s3;
                k++;
            }
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }

    /** The rare part of the ziggurat: base strip (tail) or wedge test, then fresh draws until accepted. */
    private double slowGaussian(int layer, double candidate) {
        int i = layer;
        double x = candidate;
        while (true) {
            if (i == 0) {
                return tail(x < 0.0);
            }
            double fx = PortableMath.exp(-0.5 * x * x);
            if ((F[i] - F[i + 1]) * nextDouble() + F[i + 1] < fx) {
                return x;
            }
            int bits = nextInt();
            i = bits & (LAYERS - 1);
            x = ((bits >> 7) + 0.5) * TWO_POW_M24 * X[i];
            if (Math.abs(x) < X[i + 1]) {
                return x;
            }
        }
    }

    /** Marsaglia's tail algorithm for |x| > R. */
    private double tail(boolean negative) {
        while (true) {
            double a = PortableMath.log(1.0 - nextDouble()) / R;
            double b = PortableMath.log(1.0 - nextDouble());
            if (-2.0 * b >= a * a) {
                double t = R - a;
                return negative ? -t : t;
            }
        }
    }

    /** Copies this generator's state (for reproducible replays in the lab). */
    public int[] state() {
        return new int[] {s0, s1, s2, s3};
    }
}
