package org.hopfieldlab.sim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;
import org.hopfieldlab.sim.spec.UnstableSpecs;

class TrialRunnerTest {

    @Test
    void retrievedMeansStrictMaximumAboveThreshold() {
        assertTrue(TrialRunner.isRetrieved(new double[] {0.95, 0.2, 0.1}, 0, 0.9));
        assertFalse(TrialRunner.isRetrieved(new double[] {0.9, 0.2, 0.1}, 0, 0.9), "equal to the threshold");
        assertFalse(TrialRunner.isRetrieved(new double[] {0.89, 0.2}, 0, 0.9), "below the threshold");
        assertFalse(TrialRunner.isRetrieved(new double[] {0.95, 0.95}, 0, 0.9), "tie for the maximum");
        assertFalse(TrialRunner.isRetrieved(new double[] {0.95, 0.97}, 0, 0.9), "another memory is larger");
        assertTrue(TrialRunner.isRetrieved(new double[] {0.1, 0.2, 0.31}, 2, 0.3));
        assertFalse(TrialRunner.isRetrieved(new double[] {Double.NaN, 0.2}, 0, 0.1), "NaN is never retrieved");
        assertEquals(2, TrialRunner.argmax(new double[] {0.1, 0.3, 0.7, 0.7}), "first of equal maxima");
        assertEquals(0, TrialRunner.argmax(new double[] {0.5}));
    }

    /** Overlaps |ξ·tanh(βx)|/N, naively. */
    private static double[] overlaps(MemorySet m, double[] x, double beta) {
        double[] out = new double[m.p()];
        for (int mu = 0; mu < m.p(); mu++) {
            double s = 0;
            for (int i = 0; i < m.n(); i++) {
                s += m.get(mu, i) * Math.tanh(beta * x[i]);
            }
            out[mu] = Math.abs(s) / m.n();
        }
        return out;
    }

    @Test
    void windowOutcomesAndTimesToRetrievalMatchAnIndependentReplay() {
        ExperimentSpec spec = SpecCodec.parse("model=idp&n=256&p=4&noise=4&dt=0.01&t=6&seed=3&trials=3"
                + "&in=0:d1,2:d2,4:off&thr=0.8");
        for (int trial = 0; trial < 3; trial++) {
            TrialResult r = TrialRunner.run(spec, trial, true, 1);
            assertEquals(trial, r.trial());
            assertNull(r.error());
            assertEquals(3, r.windows().size());
            // replay step by step with a fresh simulation and naive overlaps
            Simulation sim = new Simulation(spec, trial);
            int retrievedWindows = 0;
            for (int w = 0; w < 3; w++) {
                int target = sim.inputs().target(w);
                double hit = -1;
                double[] m = overlaps(sim.memories(), sim.state(), spec.beta());
                while (sim.step() < spec.windowEndStep(w)) {
                    sim.advance(1);
                    m = overlaps(sim.memories(), sim.state(), spec.beta());
                    // overlaps agree to 1e-12 with PortableMath's tanh (≤ 2e-15 relative)
                    if (hit < 0 && target >= 0 && TrialRunner.isRetrieved(m, target, 0.8)) {
                        hit = sim.time() - spec.schedule().get(w).start();
                    }
                }
                WindowOutcome o = r.windows().get(w);
                assertEquals(target, o.target());
                int dominant = 0;
                for (int mu = 1; mu < 4; mu++) {
                    dominant = m[mu] > m[dominant] ? mu : dominant;
                }
                assertEquals(dominant, o.dominant(), "trial " + trial + " window " + w);
                assertEquals(m[dominant], o.maxOverlap(), 1e-12);
                assertEquals(target >= 0 ? m[target] : 0, o.targetOverlap(), 1e-12);
                boolean retrieved = target >= 0 && TrialRunner.isRetrieved(m, target, 0.8);
                assertEquals(retrieved, o.retrieved(), "trial " + trial + " window " + w);
                assertEquals(hit, o.timeToRetrieval(), 1e-9, "trial " + trial + " window " + w);
                retrievedWindows += retrieved ? 1 : 0;
            }
            assertEquals(-1, r.windows().get(2).target(), "an off window has no target");
            assertFalse(r.windows().get(2).retrieved());
            assertEquals(-1.0, r.windows().get(2).timeToRetrieval(), 0.0);
            assertArrayEquals(overlaps(sim.memories(), sim.state(), spec.beta()), r.finalOverlaps(), 1e-12);
            assertEquals(sim.checksum(), r.checksum());
            assertTrue(retrievedWindows >= 1, "with noise 4 IDP retrieves most windows (sanity of the setup)");
        }
    }

    @Test
    void recordedSeriesSamplesEveryIntervalWithEnergyAndWindow() {
        ExperimentSpec spec = SpecCodec.parse("model=classic&n=64&p=3&noise=1&dt=0.01&t=1&seed=2&in=0:d1,0.55:d2");
        TrialResult r = TrialRunner.run(spec, 0, true, 7);
        TimeSeries s = r.series();
        assertNotNull(s);
        // samples at steps 0, 7, 14, …, 98 and the last step 100
        int expected = 100 / 7 + 2;
        assertEquals(expected, s.times().length);
        Simulation sim = new Simulation(spec, 0);
        for (int k = 0; k < expected; k++) {
            int step = k < expected - 1 ? 7 * k : 100;
            sim.advanceTo(step);
            assertEquals(sim.time(), s.times()[k], 1e-12);
            assertEquals(step < 55 ? 0 : 1, s.window()[k], "step " + step);
            assertEquals(sim.energy(), s.energy()[k], 1e-9 * Math.max(1, Math.abs(sim.energy())));
            assertArrayEquals(overlaps(sim.memories(), sim.state(), 10), s.overlaps()[k], 1e-12);
        }
        assertNull(TrialRunner.run(spec, 0, false).series());
        assertEquals(r.checksum(), TrialRunner.run(spec, 0, false).checksum(), "recording does not change the run");
    }

    @Test
    void defaultIntervalGivesAboutThreeHundredSamples() {
        assertEquals(10, TrialRunner.defaultInterval(SpecCodec.parse("")));
        assertEquals(1, TrialRunner.defaultInterval(SpecCodec.parse("t=2&in=0:d1")));
        assertEquals(3, TrialRunner.defaultInterval(SpecCodec.parse("t=9&in=0:d1")));
    }

    @Test
    void divergenceIsReportedNotThrown() {
        ExperimentSpec spec = UnstableSpecs.parse("model=idp&n=64&p=3&noise=0&dt=5&t=100&in=0:d1,50:d2");
        TrialResult r = TrialRunner.run(spec, 0, false);
        assertNotNull(r.error());
        assertTrue(r.error().contains("dt = 5.0"), r.error());
        assertTrue(r.windows().size() < 2, "only completed windows are reported");
        TrialResult withSeries = TrialRunner.run(spec, 0, true);
        assertNotNull(withSeries.error());
        assertNotNull(withSeries.series());
    }
}
