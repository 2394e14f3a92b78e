package org.hopfieldlab.sim.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reproducibility and statistical quality of the xoshiro128** generator and its ziggurat Gaussians. All seeds are
 * fixed, so the statistical tests are deterministic; their tolerances are 5 standard errors (or p ≈ 1e-4 … 1e-6
 * critical values), so a correct generator passes with overwhelming probability for any seed, while a biased ziggurat
 * (wrong table, wrong wedge or tail) fails them.
 */
class SeededRandomTest {

    // ------------------------------------------------------------------ independent normal CDF

    /**
     * erf by the everywhere-convergent series erf(x) = 2/√π · e^{−x²} · Σ_{k≥0} 2^k x^{2k+1} / (1·3·…·(2k+1)) (all
     * terms positive, so no cancellation); relative error ≈ 1e-16 for |x| ≤ 6.
     */
    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax > 6) {
            return Math.signum(x);
        }
        double term = ax;
        double sum = ax;
        double x2 = ax * ax;
        for (int k = 1; k < 500; k++) {
            term = term * 2 * x2 / (2 * k + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        double r = 2 / Math.sqrt(Math.PI) * Math.exp(-x2) * sum;
        return x < 0 ? -r : r;
    }

    /** Abramowitz–Stegun 7.1.26, |error| ≤ 1.5e-7: only used to cross-check {@link #erf}. */
    static double erfAS(double x) {
        double ax = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * ax);
        double poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
        double r = 1 - poly * Math.exp(-ax * ax);
        return x < 0 ? -r : r;
    }

    /** Standard normal CDF Φ(x) = ½ (1 + erf(x/√2)). */
    static double phi(double x) {
        return 0.5 * (1 + erf(x / Math.sqrt(2)));
    }

    @Test
    void independentErfAgreesWithAbramowitzStegun() {
        // two unrelated formulas: agreement to A&S's 1.5e-7 validates the series used as the KS reference
        for (int k = -6000; k <= 6000; k++) {
            double x = k * 1e-3;
            assertEquals(erfAS(x), erf(x), 1.6e-7, "erf(" + x + ")");
        }
        assertEquals(0.0, erf(0), 0.0);
        assertEquals(0.5, phi(0), 1e-16);
    }

    // ------------------------------------------------------------------ reproducibility

    @Test
    void sameSeedGivesTheSameSequence() {
        SeededRandom a = new SeededRandom(42, 3, 7);
        SeededRandom b = new SeededRandom(42, 3, 7);
        for (int k = 0; k < 10_000; k++) {
            assertEquals(a.nextInt(), b.nextInt(), "int " + k);
            assertEquals(a.nextDouble(), b.nextDouble(), 0.0);
            assertEquals(a.nextGaussian(), b.nextGaussian(), 0.0);
            assertEquals(a.nextInt(1000), b.nextInt(1000));
        }
        assertArrayEquals(a.state(), b.state());
        // the one-argument constructor is stream 0, index 0
        SeededRandom c = new SeededRandom(9);
        SeededRandom d = new SeededRandom(9, 0, 0);
        for (int k = 0; k < 100; k++) {
            assertEquals(c.nextInt(), d.nextInt());
        }
    }

    @Test
    void differentKeysGiveDifferentSequences() {
        // every (seed, stream, index) in a neighbourhood gets its own 64-bit prefix (two draws)
        Set<Long> prefixes = new HashSet<>();
        int keys = 0;
        int[] seeds = {0, 1, 2, 3, 7, 42, 1000, Integer.MAX_VALUE};
        for (int seed : seeds) {
            for (int stream = 0; stream < 5; stream++) {
                for (int index = 0; index < 50; index++) {
                    SeededRandom r = new SeededRandom(seed, stream, index);
                    long prefix = ((long) r.nextInt() << 32) ^ (r.nextInt() & 0xFFFFFFFFL);
                    prefixes.add(prefix);
                    keys++;
                }
            }
        }
        assertEquals(keys, prefixes.size(), "two keys produced the same first 64 bits");
        // and the streams are not shifted copies of each other: stream s+1 does not appear inside stream s
        SeededRandom base = new SeededRandom(5, 1, 0);
        Set<Integer> baseInts = new HashSet<>();
        for (int k = 0; k < 100_000; k++) {
            baseInts.add(base.nextInt());
        }
        for (int[] key : new int[][] {{5, 2, 0}, {5, 1, 1}, {6, 1, 0}}) {
            SeededRandom other = new SeededRandom(key[0], key[1], key[2]);
            int hits = 0;
            for (int k = 0; k < 8; k++) {
                hits += baseInts.contains(other.nextInt()) ? 1 : 0;
            }
            // 8 draws, each with chance 1e5/2^32 ≈ 2.3e-5 of being in the set by accident
            assertTrue(hits <= 1, "stream " + Arrays.toString(key) + " overlaps stream (5,1,0)");
        }
    }

    @Test
    void fillGaussianGivesExactlyTheNumbersOfNextGaussian() {
        // crossing many ziggurat slow paths (wedge, tail): 200 000 draws in uneven chunks
        SeededRandom one = new SeededRandom(123, 3, 4);
        SeededRandom bulk = new SeededRandom(123, 3, 4);
        double scale = 0.7071;
        double[] buf = new double[997];
        int drawn = 0;
        int[] chunks = {1, 2, 997, 3, 500, 64};
        int c = 0;
        while (drawn < 200_000) {
            int len = chunks[c++ % chunks.length];
            bulk.fillGaussian(buf, len, scale);
            for (int k = 0; k < len; k++) {
                double expected = one.nextGaussian() * scale;
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(buf[k]),
                        "draw " + (drawn + k));
            }
            drawn += len;
            assertArrayEquals(one.state(), bulk.state(), "state after " + drawn + " draws");
        }
        // scale 1 gives the raw numbers, and interleaving with other calls keeps both in step
        bulk.fillGaussian(buf, 10, 1.0);
        for (int k = 0; k < 10; k++) {
            assertEquals(one.nextGaussian(), buf[k], 0.0);
        }
        assertEquals(one.nextInt(), bulk.nextInt());
    }

    // ------------------------------------------------------------------ Gaussian quality

    @Test
    void gaussianMomentsMatchTheStandardNormal() {
        int n = 4_000_000;
        SeededRandom r = new SeededRandom(2024, 3, 0);
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int k = 0; k < n; k++) {
            double x = r.nextGaussian();
            double x2 = x * x;
            s1 += x;
            s2 += x2;
            s3 += x2 * x;
            s4 += x2 * x2;
        }
        double mean = s1 / n;
        double var = s2 / n - mean * mean;
        double skew = (s3 / n - 3 * mean * var - mean * mean * mean) / Math.pow(var, 1.5);
        double m4 = s4 / n - 4 * mean * s3 / n + 6 * mean * mean * s2 / n - 3 * Math.pow(mean, 4);
        double exKurt = m4 / (var * var) - 3;
        System.out.printf("Gaussian moments over %d draws: mean %.2e, variance %.6f, skewness %.2e, excess kurtosis"
                + " %.2e%n", n, mean, var, skew, exKurt);
        // standard errors for N(0,1): mean 1/√n = 5e-4, variance √(2/n) = 7.1e-4, skewness √(6/n) = 1.2e-3,
        // excess kurtosis √(24/n) = 2.4e-3; tolerances are 5 standard errors
        assertEquals(0.0, mean, 5 * Math.sqrt(1.0 / n));
        assertEquals(1.0, var, 5 * Math.sqrt(2.0 / n));
        assertEquals(0.0, skew, 5 * Math.sqrt(6.0 / n));
        assertEquals(0.0, exKurt, 5 * Math.sqrt(24.0 / n));
    }

    @Test
    void gaussianPassesKolmogorovSmirnovAndChiSquare() {
        int n = 1_000_000;
        SeededRandom r = new SeededRandom(77, 3, 1);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = r.nextGaussian();
        }
        Arrays.sort(x);
        double d = 0;
        int bins = 200;
        long[] counts = new long[bins];
        for (int k = 0; k < n; k++) {
            double f = phi(x[k]);
            d = Math.max(d, Math.max((k + 1.0) / n - f, f - (double) k / n));
            counts[Math.min(bins - 1, (int) (f * bins))]++;
        }
        double chi2 = 0;
        double expected = (double) n / bins;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        double ks = d * Math.sqrt(n);
        System.out.printf("Gaussian KS over %d draws: D = %.3e, D·√n = %.3f (critical 1.95 at p = 0.001); chi-square"
                + " on %d equiprobable bins = %.1f (df %d)%n", n, d, ks, bins, chi2, bins - 1);
        // Kolmogorov distribution: P(D√n > 1.949) = 0.001
        assertTrue(ks < 1.949, "KS statistic D·√n = " + ks);
        // chi-square with 199 df: mean 199, sd √398 ≈ 20; 199 + 5·20 = 299 is p ≈ 1e-6
        assertTrue(chi2 < 299, "chi-square = " + chi2);
        // the extremes are plausible for 1e6 normal draws (P(max > 6) ≈ 1e-3, and the ziggurat covers the tail)
        assertTrue(x[n - 1] > 4 && x[n - 1] < 6.5, "max " + x[n - 1]);
        assertTrue(x[0] < -4 && x[0] > -6.5, "min " + x[0]);
    }

    @Test
    void gaussianTailFrequenciesMatchTheory() {
        // the ziggurat's base layer and Marsaglia's tail algorithm (|x| > R = 3.4426) produce these values
        int n = 8_000_000;
        SeededRandom r = new SeededRandom(31337, 3, 2);
        long beyond3 = 0;
        long beyond35 = 0;
        long beyond35Positive = 0;
        long beyond4 = 0;
        for (int k = 0; k < n; k++) {
            double x = r.nextGaussian();
            double a = Math.abs(x);
            if (a > 3) {
                beyond3++;
                if (a > 3.5) {
                    beyond35++;
                    beyond35Positive += x > 0 ? 1 : 0;
                    if (a > 4) {
                        beyond4++;
                    }
                }
            }
        }
        checkTail(n, beyond3, 2 * phi(-3), "|x| > 3");
        checkTail(n, beyond35, 2 * phi(-3.5), "|x| > 3.5");
        checkTail(n, beyond4, 2 * phi(-4), "|x| > 4");
        // sign symmetry of the tail: binomial(beyond35, ½), 5 standard deviations
        assertEquals(beyond35 / 2.0, beyond35Positive, 5 * Math.sqrt(beyond35 / 4.0), "tail sign balance");
    }

    private static void checkTail(int n, long count, double p, String what) {
        double expected = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        System.out.printf("Gaussian tail %s: %d observed, %.1f expected (sd %.1f)%n", what, count, expected, sd);
        assertEquals(expected, count, 5 * sd, what);
    }

    // ------------------------------------------------------------------ uniform integers and doubles

    @Test
    void nextIntBoundIsUniform() {
        SeededRandom r = new SeededRandom(8, 0, 0);
        for (int bound : new int[] {2, 3, 7, 10, 64, 100, 1000}) {
            int n = 200 * bound + 100_000;
            long[] counts = new long[bound];
            for (int k = 0; k < n; k++) {
                int v = r.nextInt(bound);
                assertTrue(v >= 0 && v < bound, "nextInt(" + bound + ") = " + v);
                counts[v]++;
            }
            assertChiSquare(counts, n, "nextInt(" + bound + ")");
        }
        // a bound just above a power of two (most rejections) and a huge one, bucketed into 16 equal ranges
        for (int bound : new int[] {(1 << 20) + 1, 3 << 29, Integer.MAX_VALUE}) {
            int n = 400_000;
            long[] counts = new long[16];
            for (int k = 0; k < n; k++) {
                int v = r.nextInt(bound);
                assertTrue(v >= 0 && v < bound);
                counts[(int) ((long) v * 16 / bound)]++;
            }
            // buckets of a non-multiple bound differ in size by at most 1 value: negligible
            assertChiSquare(counts, n, "nextInt(" + bound + ") in 16 buckets");
        }
        for (int k = 0; k < 1000; k++) {
            assertEquals(0, r.nextInt(1));
        }
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(-5));
    }

    /** Chi-square against the uniform distribution: fails beyond mean + 5 sd = (k−1) + 5√(2(k−1)). */
    private static void assertChiSquare(long[] counts, int n, String what) {
        double expected = (double) n / counts.length;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        int df = counts.length - 1;
        assertTrue(chi2 < df + 5 * Math.sqrt(2.0 * df), what + ": chi-square " + chi2 + " with " + df + " df");
    }

    @Test
    void nextDoubleIsUniformOnTheHalfOpenUnitInterval() {
        SeededRandom r = new SeededRandom(99, 2, 5);
        int n = 2_000_000;
        long[] counts = new long[100];
        double sum = 0;
        double min = 1;
        double max = 0;
        int oddLowBit = 0;
        for (int k = 0; k < n; k++) {
            double u = r.nextDouble();
            assertTrue(u >= 0.0 && u < 1.0, "nextDouble() = " + u);
            counts[(int) (u * 100)]++;
            sum += u;
            min = Math.min(min, u);
            max = Math.max(max, u);
            // 53 random bits: u·2^53 is an integer whose lowest bit is a fair coin
            double scaled = u * 9007199254740992.0;
            assertEquals(Math.rint(scaled), scaled, 0.0);
            oddLowBit += ((long) scaled & 1L) == 1L ? 1 : 0;
        }
        assertChiSquare(counts, n, "nextDouble in 100 bins");
        // mean ½ with standard error 1/√(12 n) = 2e-4
        assertEquals(0.5, sum / n, 5 / Math.sqrt(12.0 * n));
        assertTrue(min < 1e-5 && max > 1 - 1e-5);
        assertEquals(n / 2.0, oddLowBit, 5 * Math.sqrt(n / 4.0), "lowest of the 53 bits");
        // uniform(a, b) lies in [a, b)
        for (int k = 0; k < 100_000; k++) {
            double u = r.uniform(0.8, 1.5);
            assertTrue(u >= 0.8 && u < 1.5);
        }
    }

    @Test
    void nextSignIsAFairCoin() {
        SeededRandom r = new SeededRandom(1, 1, 1);
        int n = 1_000_000;
        int plus = 0;
        for (int k = 0; k < n; k++) {
            double s = r.nextSign();
            assertTrue(s == 1.0 || s == -1.0);
            plus += s > 0 ? 1 : 0;
        }
        assertEquals(n / 2.0, plus, 5 * Math.sqrt(n / 4.0));
    }

    @Test
    void stateIsACopy() {
        SeededRandom r = new SeededRandom(3);
        int[] s = r.state();
        s[0] ^= 1;
        assertFalse(Arrays.equals(s, r.state()));
    }
}
