package org.hopfieldlab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsTest {

    /** Wilson bounds as the roots of (p̂ − p)² = z² p(1 − p)/n, solved as a quadratic in p. */
    private static double[] wilsonRoots(int k, int n) {
        double z = 1.959963984540054;
        double ph = (double) k / n;
        double a = 1 + z * z / n;
        double b = -(2 * ph + z * z / n);
        double c = ph * ph;
        double disc = Math.sqrt(Math.max(0, b * b - 4 * a * c));
        return new double[] {(-b - disc) / (2 * a), (-b + disc) / (2 * a)};
    }

    @Test
    void wilsonIntervalSolvesItsDefiningEquation() {
        for (int n : new int[] {1, 4, 10, 40, 1000}) {
            for (int k = 0; k <= n; k += Math.max(1, n / 7)) {
                double[] ci = Stats.wilson(k, n);
                double[] roots = wilsonRoots(k, n);
                // two algebraically equivalent forms: agreement to rounding (1e-12)
                assertEquals(Math.max(0, roots[0]), ci[0], 1e-12, k + "/" + n);
                assertEquals(Math.min(1, roots[1]), ci[1], 1e-12, k + "/" + n);
            }
        }
        assertEquals(0.0, Stats.wilson(0, 0)[0], 0.0);
        assertEquals(1.0, Stats.wilson(0, 0)[1], 0.0);
    }
}
