package org.hopfieldlab.sim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;
import org.hopfieldlab.sim.spec.UnstableSpecs;

/**
 * The batched kernel keeps the bits: every trial it runs equals the same trial run alone — the golden checksums for
 * the golden runs, and the whole {@link TrialResult} (windows, times to retrieval, final overlaps, checksum, error)
 * for every trial, at several batch sizes, with partial last batches, lanes that diverge at different steps and a
 * stop from outside.
 */
class BatchRunnerTest {

    private static List<TrialResult> batched(ExperimentSpec spec, int from, int to, int lanes) {
        List<TrialResult> out = new ArrayList<>();
        int done = BatchRunner.run(spec, from, to, lanes, null, out::add);
        assertEquals(to - from, done);
        assertEquals(to - from, out.size());
        return out;
    }

    private static void assertSame(TrialResult alone, TrialResult lane, String what) {
        assertEquals(alone.trial(), lane.trial(), what);
        assertEquals(alone.checksum(), lane.checksum(), what + ": checksum");
        assertEquals(alone.error(), lane.error(), what + ": error");
        assertEquals(alone.windows(), lane.windows(), what + ": window outcomes");
        // bit for bit, NaN included
        assertEquals(alone.finalOverlaps().length, lane.finalOverlaps().length);
        for (int mu = 0; mu < alone.finalOverlaps().length; mu++) {
            assertEquals(Double.doubleToRawLongBits(alone.finalOverlaps()[mu]),
                    Double.doubleToRawLongBits(lane.finalOverlaps()[mu]), what + ": overlap " + mu);
        }
    }

    @Test
    void goldenRunsKeepTheirChecksumsInEveryBatchSize() throws IOException {
        int checked = 0;
        Set<String> models = new HashSet<>();
        for (GoldenChecksumsTest.Golden g : GoldenChecksumsTest.load()) {
            ExperimentSpec spec = SpecCodec.parse(g.spec());
            if (!BatchRunner.supports(spec)) {
                continue;
            }
            models.add(spec.model() + "/" + spec.gainMap());
            for (int lanes : new int[] {2, 3, 6, 8}) {
                // the golden trial sits in lanes 0, 1 or 2 of a batch of other trials
                for (int from = Math.max(0, g.trial() - 2); from <= g.trial(); from++) {
                    List<TrialResult> rs = batched(spec, from, from + lanes, lanes);
                    assertEquals(g.checksum(), rs.get(g.trial() - from).checksum(),
                            g.spec() + " trial " + g.trial() + " in lane " + (g.trial() - from) + " of " + lanes);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 50, "golden runs checked: " + checked);
        assertTrue(models.size() >= 4, "classic, IDP and modern (softmax, poly) covered: " + models);
    }

    @Test
    void everyTrialEqualsItsSingleRunAtSeveralBatchSizes() {
        String[] specs = {
            // n not a multiple of 4 (tail rows), odd p, three windows with an off window, pulsed classic
            "model=idp&n=203&p=5&noise=4&dt=0.01&t=3&seed=3&in=0:d1,1:d2,2:off&thr=0.8",
            "model=classic&n=130&p=3&noise=2&dt=0.01&t=2&seed=8&in=0:d1,0.7:d3&pulse=0.35",
            "model=modern&n=96&p=4&noise=0.3&dt=0.01&t=2&seed=4&in=0:c2,1:off&mask=0.3&flip=0.1&map=softmax&lambda=10"
                    + "&gamma=0.5",
            "model=idp&n=64&p=2&noise=0&dt=0.02&t=2&seed=1&mem=orthogonal&in=0:w1_0.5",
            "model=idp&n=100&p=3&mem=glyphs&chars=ABC&noise=1&dt=0.01&t=2&seed=2&in=0:d1,1:d3",
        };
        for (String q : specs) {
            ExperimentSpec spec = SpecCodec.parse(q);
            List<TrialResult> alone = new ArrayList<>();
            for (int t = 0; t < 11; t++) {
                alone.add(TrialRunner.run(spec, t, false));
            }
            for (int lanes : new int[] {1, 2, 4, 5, 7, 16}) {
                List<TrialResult> rs = batched(spec, 0, 11, lanes);
                for (int t = 0; t < 11; t++) {
                    assertSame(alone.get(t), rs.get(t), q + " trial " + t + " lanes " + lanes);
                }
            }
            // a block that starts mid-way
            List<TrialResult> rs = batched(spec, 4, 9, 3);
            for (int t = 4; t < 9; t++) {
                assertSame(alone.get(t), rs.get(t - 4), q + " trial " + t + " from 4");
            }
        }
    }

    @Test
    void lanesThatDivergeAtDifferentStepsEndAloneAndTheOthersGoOn() {
        // dt just above 2 is unstable for the leak (factor 1 − dt per step): each trial blows up at its own step,
        // and the run ends before some of them do (measured alone: t ≈ 2915–3087 and 666–693)
        for (String q : new String[] {"model=idp&n=64&p=3&noise=0.01&dt=2.01&t=3000&seed=5&in=0:d1",
            "model=idp&n=66&p=3&noise=0&dt=2.05&t=685&seed=5&in=0:d1,300:d2"}) {
            ExperimentSpec spec = UnstableSpecs.parse(q);
            List<TrialResult> rs = batched(spec, 0, 8, 8);
            Set<String> errors = new HashSet<>();
            int diverged = 0;
            for (int t = 0; t < 8; t++) {
                TrialResult alone = TrialRunner.run(spec, t, false);
                assertSame(alone, rs.get(t), q + " trial " + t);
                if (alone.error() != null) {
                    diverged++;
                    errors.add(alone.error());
                }
            }
            assertTrue(diverged >= 3 && diverged < 8, q + ": some but not all trials diverge: " + diverged);
            assertTrue(errors.size() >= 3, q + ": the lanes diverge at different times: " + errors);
        }
    }

    @Test
    void aStopFromOutsideKeepsTheFinishedTrialsAndEndsAtOnce() {
        ExperimentSpec spec = SpecCodec.parse("model=idp&n=128&p=4&noise=8&dt=0.01&t=5&seed=2&in=0:d1");
        List<TrialResult> got = new ArrayList<>();
        int[] askedAfterStop = new int[1];
        // stop is requested once two batches are in; the third batch must end at its next check
        StopSignal stop = () -> {
            if (got.size() >= 8) {
                askedAfterStop[0]++;
                return true;
            }
            return false;
        };
        int done = BatchRunner.run(spec, 0, 12, 4, stop, got::add);
        assertEquals(8, done, "two whole batches finished before the stop");
        assertEquals(8, got.size(), "nothing is delivered after the stop");
        assertEquals(1, askedAfterStop[0], "the batch ended at the first check that said stop");
        for (int t = 0; t < 8; t++) {
            assertSame(TrialRunner.run(spec, t, false), got.get(t), "trial " + t);
        }
        // the checks come at least every STOP_CHECK_STEPS steps, also with a coarse sample interval
        ExperimentSpec slow = SpecCodec.parse("model=idp&n=64&p=3&noise=8&dt=0.01&t=40&seed=2&in=0:d1");
        int[] calls = new int[1];
        RunStoppedException e = org.junit.jupiter.api.Assertions.assertThrows(RunStoppedException.class,
                () -> TrialRunner.run(slow, 0, false, 10, () -> ++calls[0] > 5));
        assertTrue(e.step() > 0 && e.step() <= 5 * RunLoop.STOP_CHECK_STEPS, "stopped at step " + e.step());
        int[] batchCalls = new int[1];
        List<TrialResult> none = new ArrayList<>();
        assertEquals(0, BatchRunner.run(slow, 0, 4, 4, () -> ++batchCalls[0] > 5, none::add));
        assertTrue(none.isEmpty());
    }

    @Test
    void rateModelsWithEveryKindOfMemoryTakeTheLaneKernel() {
        // the tests above compare bits through BatchRunner; this pins that they exercised the lane kernel, not the
        // lane-by-lane fallback, for every rate model and memory kind
        String[] specs = {
            "model=idp&n=1024&p=10&mem=random&beta=10&noise=8&dt=0.01&t=1&seed=1&in=0:d1",
            "model=classic&n=130&p=3&noise=2&dt=0.01&t=1&seed=8&in=0:d1&pulse=0.35",
            "model=modern&n=96&p=4&noise=0.3&dt=0.01&t=1&seed=4&in=0:c2&map=softmax&lambda=10&gamma=0.5",
            "model=idp&n=64&p=2&noise=0&dt=0.02&t=1&seed=1&mem=orthogonal&in=0:w1_0.5",
            "model=idp&n=100&p=3&mem=glyphs&chars=ABC&noise=1&dt=0.01&t=1&seed=2&in=0:d1",
        };
        for (String q : specs) {
            ExperimentSpec spec = SpecCodec.parse(q);
            for (int count : new int[] {LaneKernel.MIN_LANES, LaneKernel.WIDTH}) {
                assertTrue(new TrialBatch(spec, 0, count).usesLaneKernel(), q + " with " + count + " lanes");
            }
            assertFalse(new TrialBatch(spec, 0, LaneKernel.MIN_LANES - 1).usesLaneKernel(), q + ": a narrow batch");
        }
        // more lanes than the kernel's width: BatchRunner splits them, every trial still equal to its single run
        ExperimentSpec spec = SpecCodec.parse(specs[1]);
        List<TrialResult> rs = batched(spec, 0, LaneKernel.WIDTH * 2 + 3, LaneKernel.WIDTH * 4);
        for (TrialResult r : rs) {
            assertSame(TrialRunner.run(spec, r.trial(), false), r, "trial " + r.trial());
        }
    }

    @Test
    void signUnitsRunTrialByTrialWithTheSameResults() {
        ExperimentSpec spec = SpecCodec.parse("model=discrete&n=100&p=3&noise=0&dt=1&t=5&seed=4&in=0:off,2:c2"
                + "&mask=0.4&update=async");
        assertFalse(BatchRunner.supports(spec));
        List<TrialResult> rs = batched(spec, 0, 5, 4);
        for (int t = 0; t < 5; t++) {
            assertSame(TrialRunner.run(spec, t, false), rs.get(t), "trial " + t);
        }
    }

    @Test
    void theBatchedRecordingMatchesTheSeriesOfASingleRun() {
        // the scored sample points are the single run's: times to retrieval agree at interval resolution
        ExperimentSpec spec = SpecCodec.parse("model=idp&n=256&p=4&noise=4&dt=0.01&t=6&seed=3&in=0:d1,2:d2,4:off"
                + "&thr=0.8");
        List<TrialResult> rs = batched(spec, 0, 6, 6);
        int timed = 0;
        for (TrialResult r : rs) {
            for (WindowOutcome o : r.windows()) {
                timed += o.timeToRetrieval() > 0 ? 1 : 0;
            }
            assertArrayEquals(TrialRunner.run(spec, r.trial(), false).finalOverlaps(), r.finalOverlaps(), 0.0);
        }
        assertTrue(timed >= 6, "most windows are retrieved, with a time: " + timed);
    }
}
