package org.hopfieldlab.batch;

/** Binomial statistics of retrieval counts. */
public final class Stats {
    private Stats() {
    }

    private static final double Z = 1.959963984540054;

    /**
     * Wilson score interval at 95 % for k successes in n trials: the roots of (p̂ − p)² = z² p(1 − p)/n. The upper
     * root is the sum of two positive terms; the lower one is taken from the product of the roots (p̂²/(1 + z²/n)),
     * so it has no cancellation and is exactly 0 for k = 0; the interval is symmetric in (k, n − k), so the upper
     * bound is exactly 1 for k = n.
     */
    public static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        return new double[] {wilsonLow(k, n), 1 - wilsonLow(n - k, n)};
    }

    private static double wilsonLow(int k, int n) {
        if (k <= 0) {
            return 0;
        }
        double phat = (double) k / n;
        double a = 1 + Z * Z / n;
        double centre = (phat + Z * Z / (2.0 * n)) / a;
        double half = Z * Math.sqrt(phat * (1 - phat) / n + Z * Z / (4.0 * n * n)) / a;
        double high = centre + half;
        return Math.max(0, phat * phat / (a * high));
    }
}
