package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hopfieldlab.batch.Stats;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.Test;

/** Cancel reaches the step loop, slices and pre-emption keep the queue fair, and no number changes. */
class SweepPreemptionTest {
    /** A long single trial: n = 16384, p = 64, 20,000 steps (≈ half a minute of one core, issue 9's case). */
    static ExperimentSpec huge() {
        ExperimentSpec s = Presets.get("sequence").spec();
        return s.toBuilder().n(16384).p(64).duration(20_000 * s.dt())
                .schedule(List.of(Window.recipe(0, 0))).build();
    }

    static ExperimentSpec tiny() {
        return Presets.get("sequence").spec().toBuilder().n(128).p(6).duration(9)
                .schedule(List.of(Window.recipe(0, 0), Window.recipe(3, 1), Window.recipe(6, 2))).build();
    }

    static void awaitRunning(SweepJob job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (job.state() != SweepJob.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(SweepJob.State.RUNNING, job.state());
    }

    @Test
    void cancelOfAOneTrialCellAtLargeNReturnsWithinOneSecond() throws Exception {
        ExperimentSpec spec = huge();
        assertEquals(20_000, spec.steps());
        SweepDefinition d = new SweepDefinition(spec, List.of(SweepAxis.parse("noise=0")), 1, SeedPolicy.SAME);
        List<CellResult> recorded = new ArrayList<>();
        try (SweepScheduler s = new SweepScheduler(1)) {
            SweepJob job = s.submit("a", d, new SweepListener() {
                @Override
                public void cellDone(SweepJob j, CellResult r) {
                    recorded.add(r);
                }

                @Override
                public void cellPartial(SweepJob j, CellResult r) {
                    recorded.add(r);
                }
            });
            awaitRunning(job);
            Thread.sleep(1500); // well inside the step loop (the trial takes tens of seconds)
            long t0 = System.nanoTime();
            job.cancel();
            SweepJob.State end = job.completion().get(10, TimeUnit.SECONDS);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("cancel of a running n=16384 p=64 20000-step trial took %.3f s%n", secs);
            assertEquals(SweepJob.State.CANCELLED, end);
            assertTrue(secs < 1.0, "cancel took " + secs + " s");
            assertTrue(recorded.isEmpty(), "no trial finished, so nothing is recorded: " + recorded);
            assertEquals(0, job.runsDone());
        }
    }

    @Test
    void aSecondOwnersSmallSweepStartsWithinSecondsWhileLongCellsHoldEveryWorker() throws Exception {
        // user A: two cells of one long trial each (≈ 10+ s per trial), on both workers
        ExperimentSpec longSpec = huge().toBuilder().n(4096).build();
        SweepDefinition a = new SweepDefinition(longSpec, List.of(SweepAxis.parse("noise=0,1")), 1, SeedPolicy.SAME);
        SweepDefinition b = new SweepDefinition(tiny(), List.of(SweepAxis.parse("noise=0")), 1, SeedPolicy.SAME);
        try (SweepScheduler s = new SweepScheduler(2)) {
            SweepJob jobA = s.submit("alice", a, (j, r) -> { });
            awaitRunning(jobA);
            Thread.sleep(1000);
            assertEquals(0, jobA.cellsDone(), "A's cells must still be running for this test to mean anything");
            long t0 = System.nanoTime();
            SweepJob jobB = s.submit("bob", b, (j, r) -> { });
            assertEquals(SweepJob.State.COMPLETED, jobB.completion().get(30, TimeUnit.SECONDS));
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("B's 1-run sweep finished %.3f s after submission while A held both workers%n", secs);
            assertTrue(secs < 3.0, "B waited " + secs + " s");
            assertTrue(jobA.completion().isDone() == false, "A is still running");
            jobA.cancel();
            assertEquals(SweepJob.State.CANCELLED, jobA.completion().get(10, TimeUnit.SECONDS));
        }
    }

    /** The aggregate of trials run one by one with no stop signal, as the engine did before slicing. */
    static CellResult direct(int cell, ExperimentSpec spec) {
        int[] per = new int[spec.schedule().size()];
        int diverged = 0;
        for (int t = 0; t < spec.trials(); t++) {
            TrialResult r = TrialRunner.run(spec, t, false);
            diverged += r.error() != null ? 1 : 0;
            for (int w = 0; w < r.windows().size(); w++) {
                per[w] += r.windows().get(w).retrieved() ? 1 : 0;
            }
        }
        int targets = 0;
        int hits = 0;
        List<Integer> counts = new ArrayList<>();
        for (int w = 0; w < per.length; w++) {
            if (spec.schedule().get(w).target() >= 0) {
                targets += spec.trials();
                hits += per[w];
            }
            counts.add(per[w]);
        }
        double[] ci = Stats.wilson(hits, targets);
        return new CellResult(cell, spec.trials(), targets, hits, targets == 0 ? 0 : (double) hits / targets, ci[0],
                ci[1], counts, diverged, 0);
    }

    @Test
    void slicedAndPreemptedRunsGiveTheSameNumbersAsTrialsRunAlone() throws Exception {
        SweepDefinition d = SweepEngineTest.small(7);
        Map<Integer, CellResult> got = new ConcurrentHashMap<>();
        // a 1 ms quantum cuts almost every trial several times
        try (SweepScheduler s = new SweepScheduler(2, 0, 1)) {
            SweepJob job = s.submit("x", d, (j, r) -> got.put(r.cell(), r.withoutTiming()));
            assertEquals(SweepJob.State.COMPLETED, job.completion().get(120, TimeUnit.SECONDS));
            assertTrue(s.preemptions() > d.cellCount(), "pre-empted " + s.preemptions() + " times");
        }
        assertEquals(d.cellCount(), got.size());
        for (int k = 0; k < d.cellCount(); k++) {
            assertEquals(direct(k, d.cellSpec(k)), got.get(k), "cell " + k);
        }
    }

    /** With the default quantum, short rate-model trials run in batches of the lane kernel: the same numbers. */
    @Test
    void batchedSlicesGiveTheSameNumbersAsTrialsRunAlone() throws Exception {
        // per cell: a unit of 8 trials (one batch of the lane kernel), then a unit of 5 (a narrow batch: the kernel's
        // lanes one by one, scored for free)
        SweepDefinition d = SweepEngineTest.small(13);
        Map<Integer, CellResult> got = new ConcurrentHashMap<>();
        try (SweepScheduler s = new SweepScheduler(2)) {
            SweepJob job = s.submit("x", d, (j, r) -> got.put(r.cell(), r.withoutTiming()));
            assertEquals(SweepJob.State.COMPLETED, job.completion().get(120, TimeUnit.SECONDS));
            assertEquals(13L * d.cellCount(), job.batchedTrials.get(), "trials run in batches");
        }
        assertEquals(d.cellCount(), got.size());
        for (int k = 0; k < d.cellCount(); k++) {
            assertEquals(direct(k, d.cellSpec(k)), got.get(k), "cell " + k);
        }
    }

    @Test
    void cancelKeepsEveryFinishedTrial() throws Exception {
        SweepDefinition d = SweepEngineTest.small(40);
        Map<Integer, CellResult> whole = new ConcurrentHashMap<>();
        Map<Integer, CellResult> partial = new ConcurrentHashMap<>();
        try (SweepScheduler s = new SweepScheduler(2)) {
            SweepJob job = s.submit("owner", d, new SweepListener() {
                @Override
                public void cellDone(SweepJob j, CellResult r) {
                    whole.put(r.cell(), r);
                }

                @Override
                public void cellPartial(SweepJob j, CellResult r) {
                    partial.put(r.cell(), r);
                }

                @Override
                public void trialDone(SweepJob j) {
                    if (j.runsDone() == 50) {
                        j.cancel();
                    }
                }
            });
            assertEquals(SweepJob.State.CANCELLED, job.completion().get(60, TimeUnit.SECONDS));
            long kept = 0;
            for (CellResult r : whole.values()) {
                assertEquals(40, r.trials());
                kept += r.trials();
            }
            for (CellResult r : partial.values()) {
                assertTrue(r.trials() > 0 && r.trials() < 40, r.toString());
                assertTrue(!whole.containsKey(r.cell()));
                kept += r.trials();
            }
            assertTrue(!partial.isEmpty(), "some cell was cut half-way");
            assertEquals(job.runsDone(), kept, "every finished trial is handed on");
            assertTrue(kept < d.totalRuns());
        }
    }
}
