package org.hopfieldlab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.WindowOutcome;
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

    private static TrialResult result(int trial, WindowOutcome... w) {
        return new TrialResult(trial, List.of(w), new double[0], "00000000", null, null);
    }

    @Test
    void perWindowCountsHitsTimesAndDivergedTrials() {
        WindowOutcome hit = new WindowOutcome(1, 1, 0.95, 0.95, true, 2.0);
        WindowOutcome hitLate = new WindowOutcome(1, 1, 0.93, 0.93, true, 4.0);
        WindowOutcome miss = new WindowOutcome(1, 0, 0.2, 0.8, false, -1);
        WindowOutcome second = new WindowOutcome(2, 2, 0.99, 0.99, true, 1.0);
        List<TrialResult> results = List.of(result(0, hit, second), result(1, hitLate, second), result(2, miss),
                result(3, miss, second));
        List<Stats.WindowStats> ws = Stats.perWindow(results, List.of(0.0, 10.0));
        Stats.WindowStats w1 = ws.get(0);
        assertEquals(1, w1.window());
        assertEquals(0.0, w1.start(), 0.0);
        assertEquals(2, w1.dominant(), "1-based target");
        assertEquals(2, w1.retrieved());
        assertEquals(4, w1.trials());
        assertEquals(0.5, w1.retrievedFraction(), 0.0);
        assertEquals(3.0, w1.meanTimeToRetrieval(), 1e-15, "mean over the trials that retrieved");
        assertEquals(0, w1.diverged());
        Stats.WindowStats w2 = ws.get(1);
        assertEquals(3, w2.retrieved());
        assertEquals(1, w2.diverged(), "trial 2 stopped before window 2");
        assertEquals(0.75, w2.retrievedFraction(), 0.0);
        assertEquals(Stats.wilson(3, 4)[0], w2.ciLow(), 0.0);
        assertEquals(5.0 / 8, Stats.overallFraction(ws), 0.0);
        assertEquals(-1.0, Stats.perWindow(List.of(result(0, miss)), List.of(0.0)).get(0).meanTimeToRetrieval(), 0.0);
    }
}
