package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepRepository;
import org.hopfieldlab.server.sweep.SweepService;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sweeps through the service: cells land in the database, a restart resumes, oversize is refused. */
@ServerTest
class SweepServiceTest {
    @Autowired
    AccountService accounts;
    @Autowired
    SweepService sweeps;
    @Autowired
    SweepRepository repo;

    long user;

    @BeforeEach
    void user() {
        user = accounts.signUp("sweeper-" + Long.toString(System.nanoTime(), 36), "long password");
    }

    static SweepDefinition small() {
        var base = Presets.get("sequence").spec().toBuilder().n(128).p(6).duration(9)
                .schedule(List.of(org.hopfieldlab.sim.input.Window.recipe(0, 0),
                        org.hopfieldlab.sim.input.Window.recipe(3, 1), org.hopfieldlab.sim.input.Window.recipe(6, 2)))
                .build();
        return new SweepDefinition(base, List.of(SweepAxis.parse("noise=0,2,4"), SweepAxis.parse("model=idp,classic")),
                3, SeedPolicy.PER_CELL);
    }

    SweepRecord await(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            SweepRecord r = sweeps.get(user, id);
            if (r.finished()) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("sweep " + id + " did not finish");
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
}
