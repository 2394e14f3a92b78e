package org.hopfieldlab.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;
import org.hopfieldlab.sim.spec.UnstableSpecs;

class TrialPoolTest {
    private static final ExperimentSpec SPEC = SpecCodec.parse(
            "model=idp&n=128&p=4&noise=6&dt=0.01&t=3&seed=12&trials=8&in=0:d1,1:d2,2:d3");

    static void assertSameResult(TrialResult a, TrialResult b) {
        assertEquals(a.trial(), b.trial());
        assertEquals(a.checksum(), b.checksum(), "trial " + a.trial());
        assertEquals(a.windows(), b.windows(), "trial " + a.trial());
        assertArrayEquals(a.finalOverlaps(), b.finalOverlaps(), 0.0);
        assertEquals(a.error(), b.error());
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        List<TrialResult> one;
        List<TrialResult> two;
        try (TrialPool pool = new TrialPool(1)) {
            one = pool.runTrials(SPEC, null);
        }
        try (TrialPool pool = new TrialPool(2)) {
            two = pool.runTrials(SPEC, null);
        }
        assertEquals(8, one.size());
        assertEquals(8, two.size());
        Set<String> distinct = new TreeSet<>();
        for (int t = 0; t < 8; t++) {
            assertEquals(t, one.get(t).trial(), "results come back in trial order");
            assertSameResult(one.get(t), two.get(t));
            // and equal a plain sequential run of the same trial
            assertSameResult(TrialRunner.run(SPEC, t, false), one.get(t));
            distinct.add(one.get(t).checksum());
        }
        assertEquals(8, distinct.size(), "every trial is its own run");
    }

    @Test
    void jobsOfDifferentSpecsComeBackInJobOrderAndProgressCountsToTheTotal() {
        List<TrialPool.Job> jobs = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            jobs.add(new TrialPool.Job(SPEC.toBuilder().noise(k).build(), 5 - k));
        }
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<TrialResult> results;
        try (TrialPool pool = new TrialPool(2)) {
            results = pool.run(jobs, (done, total) -> {
                assertEquals(6, total);
                seen.add(done);
            });
        }
        for (int k = 0; k < 6; k++) {
            assertSameResult(TrialRunner.run(jobs.get(k).spec(), jobs.get(k).trial(), false), results.get(k));
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6), new ArrayList<>(new TreeSet<>(seen)));
        assertEquals(6, seen.size());
    }

    @Test
    void cancelledPoolThrows() {
        try (TrialPool pool = new TrialPool(2)) {
            pool.cancel();
            assertTrue(pool.isCancelled());
            assertThrows(TrialPool.CancelledException.class, () -> pool.runTrials(SPEC, null));
        }
        assertTrue(TrialPool.defaultThreads() >= 1);
    }

    @Test
    void divergedTrialsAreResultsNotFailures() {
        ExperimentSpec bad = UnstableSpecs.parse("model=idp&n=64&p=3&noise=0&dt=5&t=100&trials=3&in=0:d1");
        try (TrialPool pool = new TrialPool(2)) {
            for (TrialResult r : pool.runTrials(bad, null)) {
                assertTrue(r.error() != null && r.error().contains("dt"), String.valueOf(r.error()));
            }
        }
    }
}
