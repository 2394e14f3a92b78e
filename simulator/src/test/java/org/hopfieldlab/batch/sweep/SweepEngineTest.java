package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.Test;

class SweepEngineTest {
    /** Small but real: the paper's sequence at N = 128, P = 6, T = 9, so a trial takes a few ms. */
    static SweepDefinition small(int trials) {
        ExperimentSpec base = Presets.get("sequence").spec().toBuilder().n(128).p(6).duration(9)
                .schedule(List.of(org.hopfieldlab.sim.input.Window.recipe(0, 0),
                        org.hopfieldlab.sim.input.Window.recipe(3, 1), org.hopfieldlab.sim.input.Window.recipe(6, 2)))
                .build();
        return new SweepDefinition(base, List.of(SweepAxis.parse("noise=0,2,4,8"),
                SweepAxis.parse("model=idp,classic")), trials, SeedPolicy.PER_CELL);
    }

    /** Collects finished cells, like the server's database. */
    static final class Store implements SweepListener {
        final Map<Integer, CellResult> cells = new ConcurrentHashMap<>();
        final AtomicInteger trials = new AtomicInteger();
        volatile int failAfter = Integer.MAX_VALUE;

        @Override
        public void cellDone(SweepJob job, CellResult r) {
            if (cells.size() >= failAfter) {
                throw new IllegalStateException("disk full (simulated)");
            }
            cells.put(r.cell(), r.withoutTiming());
        }

        @Override
        public void trialDone(SweepJob job) {
            trials.incrementAndGet();
        }

        Map<Integer, CellResult> sorted() {
            return new TreeMap<>(cells);
        }
    }

    static Map<Integer, CellResult> run(SweepDefinition d, int threads) throws Exception {
        Store store = new Store();
        try (SweepScheduler s = new SweepScheduler(threads)) {
            SweepJob job = s.submit("owner", d, store);
            assertEquals(SweepJob.State.COMPLETED, job.completion().get(60, TimeUnit.SECONDS));
            assertEquals(d.totalRuns(), job.runsDone());
            assertEquals(d.totalRuns(), store.trials.get());
        }
        return store.sorted();
    }

    @Test
    void parallelEqualsSequentialForTheSameSeed() throws Exception {
        SweepDefinition d = small(3);
        Map<Integer, CellResult> one = run(d, 1);
        Map<Integer, CellResult> two = run(d, 2);
        Map<Integer, CellResult> four = run(d, 4);
        assertEquals(d.cellCount(), one.size());
        assertEquals(one, two);
        assertEquals(one, four);
        // and the runner (CLI path) gives the same CSV
        String csv = SweepExport.csv(SweepRunner.run(d, 2, null));
        assertEquals(SweepExport.csv(SweepResult.of(d, one.values())), csv);
        // the numbers are not trivial: IDP with noise 2 retrieves more than without noise and than classic
        assertTrue(one.get(1).retrieved() > one.get(0).retrieved(), one.toString());
        assertTrue(one.get(1).retrieved() > one.get(5).retrieved(), one.toString());
    }

    @Test
    void cancelStopsEarlyAndRecordsOnlyWholeCells() throws Exception {
        SweepDefinition d = small(40);
        Store store = new Store();
        try (SweepScheduler s = new SweepScheduler(2)) {
            SweepJob job = s.submit("owner", d, new SweepListener() {
                @Override
                public void cellDone(SweepJob j, CellResult r) {
                    store.cellDone(j, r);
                }

                @Override
                public void trialDone(SweepJob j) {
                    if (store.trials.incrementAndGet() == 5) {
                        j.cancel();
                    }
                }
            });
            assertEquals(SweepJob.State.CANCELLED, job.completion().get(60, TimeUnit.SECONDS));
            assertTrue(store.cells.size() < d.cellCount());
            for (CellResult r : store.cells.values()) {
                assertEquals(40, r.trials());
            }
            assertTrue(job.runsDone() < d.totalRuns());
        }
    }

    @Test
    void resumeAfterFailedWriteLosesNothing() throws Exception {
        SweepDefinition d = small(2);
        Map<Integer, CellResult> reference = run(d, 2);
        Store store = new Store();
        store.failAfter = 3;
        try (SweepScheduler s = new SweepScheduler(2)) {
            SweepJob job = s.submit("owner", d, store);
            assertEquals(SweepJob.State.FAILED, job.completion().get(60, TimeUnit.SECONDS));
            assertTrue(job.error().contains("disk full"));
        }
        assertEquals(3, store.cells.size());
        Map<Integer, CellResult> before = new TreeMap<>(store.cells);
        store.failAfter = Integer.MAX_VALUE;
        resume(d, store);
        assertEquals(reference, store.sorted());
        for (Map.Entry<Integer, CellResult> e : before.entrySet()) {
            assertEquals(e.getValue(), store.cells.get(e.getKey()));
        }
    }

    @Test
    void resumeAfterSimulatedCrashLosesNothing() throws Exception {
        SweepDefinition d = small(20); // cells long enough that the crash lands mid-sweep
        Map<Integer, CellResult> reference = run(d, 2);
        Store store = new Store();
        CountDownLatch twoCells = new CountDownLatch(2);
        SweepScheduler crashing = new SweepScheduler(2);
        SweepJob job = crashing.submit("owner", d, new SweepListener() {
            @Override
            public void cellDone(SweepJob j, CellResult r) {
                store.cellDone(j, r);
                twoCells.countDown();
            }

            @Override
            public void finished(SweepJob j) {
                throw new AssertionError("a crashed sweep must not be reported as finished");
            }
        });
        assertTrue(twoCells.await(60, TimeUnit.SECONDS));
        crashing.close(); // workers stop mid-cell, like a killed server
        assertEquals(SweepJob.State.FAILED, job.completion().get(10, TimeUnit.SECONDS));
        int saved = store.cells.size();
        assertTrue(saved >= 2 && saved < d.cellCount(), "saved " + saved);
        Set<Integer> done = new HashSet<>(store.cells.keySet());
        SweepJob resumed = resume(d, store);
        assertEquals(saved, resumed.cellsBeforeResume());
        assertFalse(resumed.pendingCells().stream().anyMatch(done::contains));
        assertEquals(reference, store.sorted());
    }

    private static SweepJob resume(SweepDefinition d, Store store) throws Exception {
        try (SweepScheduler s = new SweepScheduler(2)) {
            SweepJob job = s.submit("id", "owner", d, new HashSet<>(store.cells.keySet()), store);
            assertEquals(SweepJob.State.COMPLETED, job.completion().get(60, TimeUnit.SECONDS));
            assertEquals(d.cellCount(), job.cellsDone());
            return job;
        }
    }

    @Test
    void ownersTakeTurns() throws Exception {
        SweepDefinition d = small(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch allQueued = new CountDownLatch(1);
        try (SweepScheduler s = new SweepScheduler(1)) {
            SweepListener log = new SweepListener() {
                @Override
                public void cellDone(SweepJob j, CellResult r) {
                    order.add(j.owner());
                    try {
                        // the single worker holds its first cell until every sweep is queued
                        allQueued.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            // alice queues two sweeps before bob queues one; bob must not wait for both of alice's
            SweepJob a1 = s.submit("a1", "alice", d, List.of(), log);
            SweepJob a2 = s.submit("a2", "alice", d, List.of(), log);
            SweepJob b = s.submit("b", "bob", d, List.of(), log);
            allQueued.countDown();
            b.completion().get(60, TimeUnit.SECONDS);
            a2.completion().get(60, TimeUnit.SECONDS);
            a1.completion().get(60, TimeUnit.SECONDS);
        }
        int lastBob = order.lastIndexOf("bob");
        // bob's 8 cells finish within the first 2 × 8 + 1 cells handed out
        assertTrue(lastBob <= 2 * 8 + 1, "order " + order);
        List<String> firstSixteen = new ArrayList<>(order.subList(1, 17));
        assertEquals(8, firstSixteen.stream().filter("bob"::equals).count(), "order " + order);
    }

    /** A sweep cancelled while it waits in the queue (no cell running) must end at once, not hang forever. */
    @Test
    void cancellingAQueuedSweepEndsItAtOnce() throws Exception {
        SweepDefinition d = small(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SweepScheduler s = new SweepScheduler(1)) {
            SweepListener holdWorker = new SweepListener() {
                @Override
                public void cellDone(SweepJob j, CellResult r) {
                    try {
                        release.await(30, TimeUnit.SECONDS); // keeps the only worker busy
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            SweepJob busy = s.submit("busy", "alice", d, List.of(), holdWorker);
            SweepJob queued = s.submit("queued", "bob", d, List.of(), (j, r) -> { });
            queued.cancel();
            assertEquals(SweepJob.State.CANCELLED, queued.completion().get(5, TimeUnit.SECONDS));
            assertEquals(0, queued.cellsDone());
            release.countDown();
            busy.cancel();
            assertEquals(SweepJob.State.CANCELLED, busy.completion().get(30, TimeUnit.SECONDS));
        }
    }
}
