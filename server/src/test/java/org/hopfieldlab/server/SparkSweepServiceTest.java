package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepRunner;
import org.hopfieldlab.batch.sweep.TrialBlock;
import org.hopfieldlab.server.sweep.LiveSweep;
import org.hopfieldlab.server.sweep.SparkSweepProperties;
import org.hopfieldlab.server.sweep.SparkSweeps;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepService;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps handed to Spark local[2]: the real hopfield-spark.jar (built by the reactor before this module, see
 * server/pom.xml) runs as a child JVM. Same CSV as the local engine, live progress, cancel, resume after a restart.
 */
@ServerTest
class SparkSweepServiceTest extends SweepServiceFixture {
    static final Path JAR = Path.of("../spark/target/hopfield-spark.jar").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    SparkSweepServiceTest() {
        super("spark-");
    }

    @BeforeEach
    void sparkIsPackaged() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: the reactor packages spark/ before server/ "
                + "(./mvnw -pl simulator,spark -am package -DskipTests builds it)");
    }

    SweepService withSpark(long minRuns) {
        return new SweepService(repo, props, new SparkSweeps(new SparkSweepProperties("local[2]", JAR.toString(),
                null, null, null, minRuns, 1, dir.toString())));
    }

    /** noise × model, 4 trials of n = 256 a cell (about 0.1–0.3 s a cell on local[2]). */
    static SweepDefinition sweep(int noises) {
        return new SweepDefinition(threeWindows(256), List.of(SweepAxis.parse("noise=0:16:" + noises),
                SweepAxis.parse("model=idp,classic")), 4, SeedPolicy.PER_CELL);
    }

    /** Waits for the end, failing with the Spark child's log. */
    SweepRecord await(SweepService s, long id, int seconds) throws InterruptedException {
        return awaitEnd(s, id, seconds, () -> log(id));
    }

    String log(long id) {
        try {
            Path f = dir.resolve("sweep-" + id + ".log");
            return Files.exists(f) ? "\n--- child log ---\n" + Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    void awaitCells(SweepService s, long id, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (s.get(user, id).cellsDone() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "no cells from the Spark child" + log(id));
            assertTrue(!s.get(user, id).finished(), "ended early: " + s.get(user, id) + log(id));
            Thread.sleep(20);
        }
    }

    @Test
    void sparkSweepGivesTheLocalEnginesCsvWithLiveProgress() throws Exception {
        assertEquals("local", sweeps.engineFor(1_000_000_000L), "no master configured: every sweep stays local");
        assertEquals("", sweeps.sparkText());
        SweepService own = withSpark(20);
        try {
            long small = own.start(user, "small", small()); // 18 runs: under min-runs
            assertEquals("local", own.get(user, small).engine());

            SweepDefinition d = sweep(8); // 16 cells × 4 = 64 runs
            long t0 = System.nanoTime();
            long id = own.start(user, "on spark", d);
            assertEquals("spark local[2]", own.get(user, id).engine());
            List<Integer> seen = new CopyOnWriteArrayList<>();
            own.watch(user, id, j -> seen.add(j.cellsDone()));
            SweepRecord r = await(own, id, 300);
            double secs = (System.nanoTime() - t0) / 1e9;
            assertEquals("COMPLETED", r.status(), r.error() + log(id));
            assertEquals(16, r.cellsDone());
            assertTrue(seen.stream().anyMatch(n -> n > 0 && n < 16), "progress pushed while it ran: " + seen);
            assertEquals(16, seen.stream().mapToInt(Integer::intValue).max().orElse(0), seen.toString());

            long local = sweeps.start(user, "local", d);
            SweepRecord l = await(sweeps, local, 120);
            assertEquals("local", l.engine());
            String csv = SweepExport.csv(own.result(user, id));
            assertEquals(SweepExport.csv(sweeps.result(user, local)), csv, "Spark gives the local engine's CSV");
            assertEquals(SweepExport.csv(SweepRunner.run(d, 2, null)), csv);
            assertTrue(!Files.exists(dir.resolve("sweep-" + id + ".journal")), "journal removed once stored");
            assertEquals("COMPLETED", await(own, small, 60).status());
            System.out.printf("server sweep on Spark local[2]: 16 cells × 4 trials in %.1f s (child JVM start "
                    + "included); pushes seen: %s%n", secs, seen);
        } finally {
            own.shutdown();
        }
    }

    @Test
    void cancelStopsTheChildWithinSecondsAndKeepsFinishedCells() throws Exception {
        SweepService own = withSpark(1);
        try {
            SweepDefinition d = sweep(60); // 120 cells
            long id = own.start(user, "to cancel", d);
            awaitCells(own, id, 2);
            LiveSweep run = own.live(user, id).orElseThrow();
            long t0 = System.nanoTime();
            own.cancel(user, id);
            assertEquals("CANCELLED", own.get(user, id).status(), "stored when cancel() returns");
            run.completion().get(30, TimeUnit.SECONDS);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("server cancel of a Spark sweep: child stopped and recorded in %.2f s%n", secs);
            assertTrue(secs < 5, "cancel took " + secs + " s");
            Path journal = dir.resolve("sweep-" + id + ".journal");
            assertTrue(ProcessHandle.current().descendants().noneMatch(h -> h.info().commandLine()
                    .map(c -> c.contains(journal.toString())).orElse(false)), "the child is gone");
            SweepRecord r = own.get(user, id);
            assertEquals("CANCELLED", r.status());
            assertTrue(r.cellsDone() >= 2 && r.cellsDone() < 120, r.toString());
            for (CellResult c : repo.cells(id)) {
                assertEquals(CellEngine.run(d, c.cell()).withoutTiming(), c.withoutTiming(), "cell " + c.cell());
            }
        } finally {
            own.shutdown();
        }
    }

    @Test
    void cancelMidCellKeepsItsFinishedBlocksAsAPartialCellAndProgressMovesByBlock() throws Exception {
        // 2 cells × 40 trials of the paper's sequence (N = 1024, P = 10, 3000 steps): Spark tasks of 8 trials
        SweepDefinition d = new SweepDefinition(Presets.get("sequence").spec(), List.of(SweepAxis.parse(
                "noise=4,12")), 40, SeedPolicy.PER_CELL);
        assertEquals(8, TrialBlock.trialsPerBlock(d.cellSpec(0)));
        SweepService own = withSpark(1);
        try {
            long id = own.start(user, "cancel mid-cell", d);
            List<Long> runs = new CopyOnWriteArrayList<>();
            own.watch(user, id, j -> runs.add(j.runsDone()));
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            LiveSweep run = null;
            // cancel once a block of cell 0 is in and the cell is not
            while (run == null || run.runsDone() < 8 || run.cellsDone() > 0) {
                assertTrue(System.nanoTime() < deadline, "no block from the Spark child" + log(id));
                assertTrue(!own.get(user, id).finished(), "ended early: " + own.get(user, id) + log(id));
                assertEquals(0, own.get(user, id).cellsDone(), "cell 0 finished before a block was seen" + log(id));
                run = own.live(user, id).orElse(null);
                Thread.sleep(5);
            }
            own.cancel(user, id);
            run.completion().get(30, TimeUnit.SECONDS);
            assertTrue(runs.stream().anyMatch(n -> n > 0 && n % 40 != 0), "progress pushed per block: " + runs);

            SweepRecord r = own.get(user, id);
            assertEquals("CANCELLED", r.status());
            assertTrue(r.cellsPartial() >= 1, r.toString());
            List<CellResult> partials = repo.cells(id).stream().filter(c -> c.trials() < 40).toList();
            assertEquals(r.cellsPartial(), partials.size());
            for (CellResult partial : partials) {
                assertTrue(partial.trials() >= 8 && partial.trials() % 8 == 0, "whole blocks kept: " + partial);
                // its numbers are the sum of some of the cell's blocks with that many trials, run here independently
                List<TrialBlock> all = new java.util.ArrayList<>();
                for (int from = 0; from < 40; from += 8) {
                    all.add(TrialBlock.run(d, partial.cell(), from, from + 8));
                }
                boolean matches = false;
                for (int subset = 1; subset < 31 && !matches; subset++) {
                    List<TrialBlock> pick = new java.util.ArrayList<>();
                    for (int b = 0; b < 5; b++) {
                        if ((subset & (1 << b)) != 0) {
                            pick.add(all.get(b));
                        }
                    }
                    matches = TrialBlock.cell(d, partial.cell(), pick).withoutTiming()
                            .equals(partial.withoutTiming());
                }
                assertTrue(matches, "the partial cell is made of finished blocks: " + partial);
            }
            CellResult partial = partials.get(0);
            System.out.printf("server cancel of a Spark sweep mid-cell: %d trials of cell %d kept; pushes %s%n",
                    partial.trials(), partial.cell(), runs);
        } finally {
            own.shutdown();
        }
    }

    @Test
    void aRestartResumesTheSparkSweepFromItsJournalWithoutRedoingCells() throws Exception {
        SweepDefinition d = sweep(20); // 40 cells
        SweepService first = withSpark(1);
        long id = first.start(user, "restart", d);
        awaitCells(first, id, 3);
        first.shutdown(); // the server stops: its child is stopped, the sweep stays RUNNING
        SweepRecord stopped = repo.findOwned(user, id).orElseThrow();
        assertEquals("RUNNING", stopped.status());
        Map<Integer, CellResult> before = new TreeMap<>();
        for (CellResult c : repo.cells(id)) {
            before.put(c.cell(), c);
        }
        assertTrue(before.size() >= 3 && before.size() < 40, "stopped mid-sweep: " + before.keySet());

        // a child a killed server left running would write the same journal: the pid file names it, and only a
        // process whose command line names this journal is stopped (stood in for by a shell that sleeps)
        Path journal = dir.resolve("sweep-" + id + ".journal");
        Process orphan = new ProcessBuilder("bash", "-c", "sleep 600; : " + journal).start();
        Files.writeString(dir.resolve("sweep-" + id + ".pid"), Long.toString(orphan.pid()));
        SweepService restarted = withSpark(1);
        try {
            restarted.resumeUnfinished();
            assertTrue(orphan.waitFor(60, TimeUnit.SECONDS), "the left-over child is stopped before the new one");
            SweepRecord r = await(restarted, id, 300);
            assertEquals("COMPLETED", r.status(), r.error() + log(id));
            List<CellResult> cells = repo.cells(id);
            assertEquals(40, cells.size());
            for (CellResult c : cells) {
                if (before.containsKey(c.cell())) {
                    assertEquals(before.get(c.cell()), c, "a stored cell is kept as it was");
                }
            }
            // the re-launched child was given the stored cells in its journal and ran only the rest
            String log = log(id);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("resuming from \\S+: (\\d+) cells done, "
                    + "(\\d+) to run").matcher(log);
            assertTrue(m.find(), log);
            int resumedWith = Integer.parseInt(m.group(1));
            // the stored cells, plus any the child journaled after the last one the server stored
            assertTrue(resumedWith >= before.size(), log);
            assertEquals(40 - resumedWith, Integer.parseInt(m.group(2)), log);
            assertEquals(SweepExport.csv(SweepRunner.run(d, 2, null)), SweepExport.csv(restarted.result(user, id)));
        } finally {
            restarted.shutdown();
        }
    }

    /**
     * A standalone master that is down: the sweep fails within seconds and its message is the child's one line
     * naming the master and the reason, not Spark's retry log (found: about 77 s, then the last lines of a stack
     * trace).
     */
    @Test
    void aMasterThatIsDownFailsTheSweepWithTheChildsOneLine() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String master = "spark://127.0.0.1:" + port;
        SweepService own = new SweepService(repo, props, new SparkSweeps(new SparkSweepProperties(master,
                JAR.toString(), null, null, null, 1, 1, dir.toString())));
        try {
            long t0 = System.nanoTime();
            long id = own.start(user, "dead master", sweep(2));
            assertEquals("spark " + master, own.get(user, id).engine());
            SweepRecord r = await(own, id, 60);
            double secs = (System.nanoTime() - t0) / 1e9;
            assertEquals("FAILED", r.status(), r.error() + log(id));
            assertTrue(secs < 20, secs + " s" + log(id));
            assertEquals("the Spark child (spark " + master + ") exited with code 2 after 0 of 4 cells: the Spark "
                    + "master " + master + " is not reachable: 127.0.0.1:" + port + " connection refused; nothing ran "
                    + "(is the master running, and is the URL right?) (log: " + dir.resolve("sweep-" + id + ".log")
                    + ")", r.error());
        } finally {
            own.shutdown();
        }
    }
}
