package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.batch.sweep.SweepResult;
import org.hopfieldlab.batch.sweep.SweepRunner;
import org.hopfieldlab.batch.sweep.SweepTooLargeException;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepService;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.Test;
import org.hopfieldlab.batch.sweep.SweepJob;
import org.hopfieldlab.server.sweep.LiveSweep;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import java.util.concurrent.TimeUnit;

/** Sweeps through the service: cells land in the database, a restart resumes, oversize is refused. */
@ServerTest
class SweepServiceTest extends SweepServiceFixture {
    SweepServiceTest() {
        super("sweeper-");
    }

    SweepRecord await(long id) throws InterruptedException {
        return awaitEnd(sweeps, id, 60);
    }

    @Test
    void cellsAreStoredAndMatchTheCli() throws Exception {
        SweepDefinition d = small();
        long id = sweeps.start(user, "small", d);
        SweepRecord r = await(id);
        assertEquals("COMPLETED", r.status());
        assertEquals(d.cellCount(), r.cellsDone());
        SweepResult stored = sweeps.result(user, id);
        assertEquals(SweepExport.csv(SweepRunner.run(d, 1, null)), SweepExport.csv(stored));
        // the JSON the sweep page downloads (and keeps with a saved session) is the CLI's, with typed axis values
        String json = SweepExport.json(stored);
        assertEquals(SweepExport.json(SweepRunner.run(d, 1, null)), json);
        JsonNode cell = new ObjectMapper().readTree(json).get("cells").get(3);
        assertTrue(cell.get("noise").isNumber() && cell.get("noise").asDouble() == 0, cell.toString());
        assertEquals("classic", cell.get("model").asText());
        assertEquals("[0,2,4]", new ObjectMapper().readTree(json).get("axes").get(0).get("values").toString());
    }

    @Test
    void restartResumesFromUnfinishedCellsAndKeepsFinishedOnes() throws Exception {
        SweepDefinition d = small();
        SweepResult reference = SweepRunner.run(d, 2, null);
        // the state a crash leaves: a RUNNING sweep with some cells stored (one with a marker value)
        long id = repo.insert(user, "crashed", d.format(), d.cellCount(), d.totalRuns());
        repo.setStatus(id, "RUNNING", null, false);
        CellResult kept0 = reference.cell(0);
        CellResult kept4 = reference.cell(4);
        repo.insertCell(id, kept0);
        repo.insertCell(id, kept4);
        sweeps.resumeUnfinished();
        SweepRecord r = await(id);
        assertEquals("COMPLETED", r.status());
        Map<Integer, CellResult> got = new TreeMap<>();
        for (CellResult c : repo.cells(id)) {
            got.put(c.cell(), c);
        }
        assertEquals(d.cellCount(), got.size());
        assertEquals(kept0, got.get(0), "a finished cell is kept as it was, not recomputed");
        assertEquals(kept4, got.get(4));
        assertEquals(SweepExport.csv(reference), SweepExport.csv(sweeps.result(user, id)));
    }

    @Test
    void oversizedSweepIsRefusedWithTheLimitNamed() {
        SweepDefinition big = new SweepDefinition(Presets.get("sequence").spec(),
                List.of(SweepAxis.parse("noise=0:16:20")), 500, SeedPolicy.SAME);
        SweepTooLargeException e = assertThrows(SweepTooLargeException.class, () -> sweeps.start(user, "big", big));
        assertTrue(e.getMessage().contains("the limit is 5000 runs per sweep (hopfield.sweep.max-runs)"),
                e.getMessage());
        assertTrue(sweeps.list(user).isEmpty(), "nothing stored for a refused sweep");
    }

    @Test
    void cancelEndsTheSweep() throws Exception {
        SweepDefinition noise = SweepPresets.get("noise").definition();
        long id = sweeps.start(user, "to cancel", new SweepDefinition(noise.base(), noise.axes(), 2, SeedPolicy.SAME));
        sweeps.cancel(user, id);
        SweepRecord r = await(id);
        assertEquals("CANCELLED", r.status());
        assertTrue(r.cellsDone() < r.cellsTotal());
    }

    /** One cell, one trial of many seconds: n = 4096, p = 64, 20,000 steps. */
    static SweepDefinition longOne(String noise) {
        ExperimentSpec s = Presets.get("sequence").spec();
        ExperimentSpec spec = s.toBuilder().n(4096).p(64).duration(20_000 * s.dt())
                .schedule(List.of(org.hopfieldlab.sim.input.Window.recipe(0, 0))).build();
        return new SweepDefinition(spec, List.of(SweepAxis.parse("noise=" + noise)), 1, SeedPolicy.SAME);
    }

    static LiveSweep awaitRunning(SweepService service, long user, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var j = service.live(user, id);
            if (j.isPresent() && j.get().state() == SweepJob.State.RUNNING) {
                return j.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("sweep " + id + " did not start");
    }

    @Test
    void cancelIsStoredAtOnceStopsTheRunningTrialAndWinsOverResumeAfterACrash() throws Exception {
        // a server of its own, so it can "crash" (workers stop, nothing more is written) without touching the shared one
        SweepService first = new SweepService(repo, props);
        long id = first.start(user, "long", longOne("0"));
        LiveSweep job = awaitRunning(first, user, id);
        Thread.sleep(500); // inside the step loop
        long t0 = System.nanoTime();
        first.cancel(user, id);
        assertEquals("CANCELLED", repo.findOwned(user, id).orElseThrow().status(),
                "the cancel is in the database when cancel() returns");
        job.completion().get(10, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("server cancel of a running n=4096 p=64 trial: stopped in %.3f s%n", secs);
        assertTrue(secs < 1.0, "cancel took " + secs + " s");
        first.shutdown(); // the crash: whatever the engine still had is gone

        SweepService restarted = new SweepService(repo, props);
        try {
            restarted.resumeUnfinished();
            assertTrue(restarted.live(user, id).isEmpty(), "a cancelled sweep is not resumed");
            Thread.sleep(300);
            SweepRecord r = restarted.get(user, id);
            assertEquals("CANCELLED", r.status());
            assertEquals(0, r.cellsDone());
        } finally {
            restarted.shutdown();
        }
    }

    @Test
    void cancelThenCrashBeforeTheEngineStopsDoesNotResume() throws Exception {
        SweepService first = new SweepService(repo, props);
        long id = first.start(user, "long", longOne("0"));
        awaitRunning(first, user, id);
        // the user clicks cancel; the process dies before the workers see it: simulate by writing the cancel the
        // way cancel() does first, then killing the engine without telling the job
        repo.setStatus(id, "CANCELLED", null, true);
        first.shutdown();
        SweepService restarted = new SweepService(repo, props);
        try {
            restarted.resumeUnfinished();
            assertTrue(restarted.live(user, id).isEmpty(), "a cancelled sweep is not resumed");
            assertEquals("CANCELLED", restarted.get(user, id).status());
        } finally {
            restarted.shutdown();
        }
    }

    @Test
    void perUserCapsRunOneQueueThreeAndRefuseMoreWithTheSettingsNamed() throws Exception {
        assertEquals(1, props.maxRunningPerUser());
        assertEquals(3, props.maxQueuedPerUser());
        assertTrue(sweeps.capsText().startsWith("Each user runs 1 sweep at a time and may queue 3 more;"),
                sweeps.capsText());
        SweepService own = new SweepService(repo, props);
        try {
            long[] ids = new long[4];
            for (int k = 0; k < 4; k++) {
                ids[k] = own.start(user, "long " + k, longOne(Integer.toString(k)));
            }
            awaitRunning(own, user, ids[0]);
            Thread.sleep(600); // several quanta: the other three must still be waiting
            for (int k = 1; k < 4; k++) {
                assertEquals(SweepJob.State.QUEUED, own.live(user, ids[k]).orElseThrow().state(), "sweep " + k);
            }
            SweepService.QuotaException e = assertThrows(SweepService.QuotaException.class,
                    () -> own.start(user, "fifth", longOne("9")));
            assertTrue(e.getMessage().contains("hopfield.sweep.max-running-per-user"), e.getMessage());
            assertTrue(e.getMessage().contains("hopfield.sweep.max-queued-per-user"), e.getMessage());
            assertEquals(4, own.list(user).size(), "nothing stored for the refused sweep");
            assertEquals("RUNNING", own.list(user).get(3).status(), "the list shows the started one as running");
            // another user is not affected by this user's caps
            long other = accounts.signUp("other-" + Long.toString(System.nanoTime(), 36), "long password");
            long theirs = own.start(other, "theirs", small());
            own.cancel(other, theirs);
            // cancelling frees a place at once
            own.cancel(user, ids[3]);
            long again = own.start(user, "again", longOne("7"));
            for (long id : new long[] {ids[0], ids[1], ids[2], again}) {
                own.cancel(user, id);
            }
        } finally {
            own.shutdown();
        }
    }
}
