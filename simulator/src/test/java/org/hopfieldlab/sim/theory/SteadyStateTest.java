package org.hopfieldlab.sim.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The equilibrium detector on synthetic read-outs whose answer is known: relaxations, growth, noise, resets. */
class SteadyStateTest {
    private static final double DT = 0.01;

    /** Feeds m(t), c(t) = f(t) for t in [from, to) of one segment; returns the status at the end. */
    private static SteadyState.Status feed(SteadyState s, int segment, double from, double to,
            java.util.function.DoubleUnaryOperator m, java.util.function.DoubleUnaryOperator c) {
        for (double t = from; t < to - 1e-9; t += DT) {
            if (s.wants(t, segment)) {
                s.observe(t, segment, new double[] {m.applyAsDouble(t)}, new double[] {c.applyAsDouble(t)});
            }
        }
        return s.status();
    }

    @Test
    void aRelaxationIsATransientUntilItHasSettled() {
        // c(t) = 20 − 12 e^{−t} (an IDP amplitude after a switch, leak rate 1); m saturated at 1
        SteadyState s = new SteadyState(1, 10, 0, 1024);
        SteadyState.Status early = feed(s, 1, 0, 2.5, t -> 1, t -> 20 - 12 * Math.exp(-t));
        assertFalse(early.steady(), "2.5 time units of samples: not enough to judge");
        // half-window means over [t−4, t−2] and [t−2, t] differ by 6 (1 − e^{−2})² e^{−(t−4)} ≈ 4.49 e^{−(t−4)};
        // the tolerance is 0.002 + 0.02·20 ≈ 0.40 → steady once t > 4 + ln(4.49/0.40) ≈ 6.4
        SteadyState.Status t6 = feed(s, 1, 2.5, 6.2, t -> 1, t -> 20 - 12 * Math.exp(-t));
        assertFalse(t6.steady(), "t = 6.2: " + t6);
        assertTrue(t6.amplitude() && t6.drift() > 0.4, "the amplitude is what moves: " + t6);
        SteadyState.Status t7 = feed(s, 1, 6.2, 7.0, t -> 1, t -> 20 - 12 * Math.exp(-t));
        assertTrue(t7.steady(), "t = 7: " + t7);
    }

    @Test
    void slowGrowthNearZeroIsNotMistakenForRest() {
        // growth from an unstable zero state at rate 0.49 (β α' = 1.49): tiny but a relaxation, not a rest
        SteadyState s = new SteadyState(1, 10, 0, 256);
        SteadyState.Status st = feed(s, 0, 0, 4, t -> 0.01 * Math.exp(0.49 * t), t -> 0.001 * Math.exp(0.49 * t));
        assertFalse(st.steady(), st.toString());
        assertEquals(0, st.memory());
    }

    @Test
    void noiseAroundAFixedPointIsSteadyButATrendUnderTheSameNoiseIsNot() {
        // an amplitude fluctuating like the projection of N = 1024 neurons under noise s = 8: an OU process with
        // rate 1 and stationary deviation s/√(2N) ≈ 0.177 around c = 20
        double s8 = 8;
        int n = 1024;
        double sd = s8 / Math.sqrt(2.0 * n);
        int steadyCount = 0;
        int trendCount = 0;
        int trials = 200;
        for (int trial = 0; trial < trials; trial++) {
            Random rng = new Random(trial);
            double[] ou = {0};
            SteadyState a = new SteadyState(1, 10, s8, n);
            SteadyState b = new SteadyState(1, 10, s8, n);
            for (double t = 0; t < 8 - 1e-9; t += DT) {
                ou[0] += -ou[0] * DT + Math.sqrt(2 * DT) * sd * rng.nextGaussian();
                a.observe(t, 0, new double[] {0.999}, new double[] {20 + ou[0]});
                // the same noise on a relaxation 20 − 12 e^{−t}, looked at while it still moves (until t = 5)
                if (t < 5.0) {
                    b.observe(t, 0, new double[] {0.999}, new double[] {20 - 12 * Math.exp(-t) + ou[0]});
                }
            }
            steadyCount += a.status().steady() ? 1 : 0;
            trendCount += b.status().steady() ? 1 : 0;
        }
        // the tolerance is ≥ 3 standard deviations (0.87 σ each) of the half-means' difference: nearly always steady
        assertTrue(steadyCount >= trials * 0.97, "steady in " + steadyCount + " of " + trials);
        // at t = 5 the trend moves the half-means by 4.49 e^{−1} ≈ 1.65, above the tolerance
        // 0.002 + 0.02·19.6 + 1.85·8/√1024 ≈ 0.86 by ≈ 5 deviations (0.87 σ = 0.154) of the noise: rarely steady
        assertTrue(trendCount <= trials * 0.2, "a trend passed as steady in " + trendCount + " of " + trials);
    }

    @Test
    void anInputChangeStartsAFreshSegment() {
        SteadyState s = new SteadyState(1, 10, 0, 64);
        assertTrue(feed(s, 0, 0, 5, t -> 1, t -> 1.46).steady());
        SteadyState.Status after = feed(s, 2, 5, 7, t -> 1, t -> 1.46);
        assertFalse(after.steady(), "2 time units into a new window: too soon to tell, even if nothing moves");
        assertEquals(5.0, after.segmentStart(), 1e-9);
        assertTrue(feed(s, 2, 7, 9.1, t -> 1, t -> 1.46).steady());
        s.clear();
        assertFalse(s.status().steady());
    }
}
