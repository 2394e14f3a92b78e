package org.hopfieldlab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecEdit;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.UnstableSpecs;
import org.hopfieldlab.sim.theory.Theory;
import org.junit.jupiter.api.Test;

/**
 * The CLI's trial experiments on the sweep engine (issue 10, "One batch engine"): each experiment cell equals the
 * sweep engine's cell for the same spec, seed and trials, and both equal the trials run one at a time with
 * {@link TrialRunner} (what the experiments' own thread pool ran before).
 */
class ExperimentSweepsTest {

    /** The cell's counts from its trials run alone, in order: the reference both engines must meet. */
    static CellResult alone(int cell, ExperimentSpec spec) {
        int[] perWindow = new int[spec.schedule().size()];
        int diverged = 0;
        for (int t = 0; t < spec.trials(); t++) {
            TrialResult r = TrialRunner.run(spec, t, false);
            diverged += r.error() != null ? 1 : 0;
            for (int w = 0; w < r.windows().size(); w++) {
                perWindow[w] += r.windows().get(w).retrieved() ? 1 : 0;
            }
        }
        return CellResult.of(cell, spec, spec.trials(), perWindow, diverged, 0);
    }

    static void assertSameCells(ExperimentReport r) {
        SweepDefinition d = r.result().definition();
        assertEquals(d.cellCount(), r.result().cells().size());
        assertTrue(r.result().complete());
        for (CellResult c : r.result().cells()) {
            assertEquals(CellEngine.run(d, c.cell()).withoutTiming(), c.withoutTiming(), d.describe(c.cell()));
            assertEquals(alone(c.cell(), d.cellSpec(c.cell())), c.withoutTiming(), d.describe(c.cell()));
        }
    }

    @Test
    void theNoiseSweepExperimentEqualsTheNoiseSweepPresetCellForCell() {
        // the CLI's `experiment noise-sweep trials=3 --noise-values 0,8` and `sweep --preset noise` on the same
        // spec, seed and trials: the same cells, every number equal
        ExperimentSpec base = Presets.get("sequence").spec().toBuilder().n(128).duration(6)
                .schedule(SpecCodec.parseSchedule("0:d1,2:d2,4:d3")).trials(3).build();
        ExperimentReport experiment = ExperimentSweeps.run("noise-sweep", ExperimentSweeps.noise(base, "0,8",
                "idp,classic"), 2, null);
        SweepDefinition preset = SweepPresets.get("noise").definition();
        SweepDefinition same = new SweepDefinition(base, List.of(org.hopfieldlab.batch.sweep.SweepAxis.parse(
                "noise=0,8"), preset.y()), 3, preset.seeds());
        assertEquals(same.format(), experiment.result().definition().format());
        for (CellResult c : experiment.result().cells()) {
            assertEquals(CellEngine.run(same, c.cell()).withoutTiming(), c.withoutTiming());
        }
        assertSameCells(experiment);
        // idp × {0, 8} then classic × {0, 8}, the experiment's order
        assertEquals("noise=8, model=classic", experiment.result().definition().describe(3));
        assertEquals(0, experiment.divergedTrials());
        assertEquals(12, experiment.totalTrials());
    }

    @Test
    void aOneCellExperimentRunsItsSpecUnchanged() {
        ExperimentSpec spec = SpecCodec.parse("model=idp&n=128&p=4&noise=6&dt=0.01&t=6&seed=4&trials=6"
                + "&in=0:d1,2:d2,4:d3");
        SweepDefinition d = ExperimentSweeps.single(spec);
        assertEquals(spec, d.cellSpec(0));
        for (int threads : new int[] {1, 2}) {
            ExperimentReport r = ExperimentSweeps.run("sequence", d, threads, null);
            assertEquals("sequence", r.experiment());
            assertSameCells(r);
            List<ExperimentReport.WindowView> ws = r.windows(0);
            assertEquals(3, ws.size());
            CellResult c = r.result().cells().get(0);
            for (int w = 0; w < 3; w++) {
                assertEquals(w + 1, ws.get(w).memory());
                assertEquals(2.0 * w, ws.get(w).start(), 0.0);
                assertEquals(c.windowRetrieved().get(w), ws.get(w).retrieved());
                assertEquals(c.windowRetrieved().get(w) / 6.0, ws.get(w).fraction(), 0.0);
                assertEquals(Stats.wilson(ws.get(w).retrieved(), 6)[0], ws.get(w).ciLow(), 0.0);
                assertEquals(6, ws.get(w).completed());
            }
        }
    }

    @Test
    void progressCountsEveryTrialOnce() {
        ExperimentSpec spec = SpecCodec.parse("model=idp&n=64&p=3&noise=6&dt=0.01&t=3&seed=2&trials=5&in=0:d1");
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        ExperimentSweeps.run("sequence", ExperimentSweeps.noise(spec, "0,2", "idp"), 2, (done, total) -> {
            assertEquals(10, total);
            seen.add(done);
        });
        assertEquals(10, seen.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), new ArrayList<>(new java.util.TreeSet<>(seen)));
    }

    @Test
    void divergedTrialsAreCountedPerWindowWithTheFirstMessage() {
        // the noise-sweep's cells are built from its base, and keep the base's unstable step (tests only)
        ExperimentSpec bad = UnstableSpecs.parse("model=idp&n=64&p=3&noise=0&dt=5&t=150&trials=3"
                + "&in=0:d1,100:d2,125:d3");
        ExperimentReport r = ExperimentSweeps.run("noise-sweep", ExperimentSweeps.noise(bad, "0,1", "idp,classic"),
                2, null);
        assertEquals(12, r.divergedTrials());
        assertTrue(!r.trustworthy());
        assertTrue(r.divergence().startsWith("noise=0, model=idp, trial 0: the simulation diverged at t = "),
                r.divergence());
        for (int k = 0; k < 4; k++) {
            assertEquals(List.of(3, 3, 3), r.windowDiverged().get(k));
            assertEquals(3, r.result().cells().get(k).diverged());
        }
        assertSameCells(r);
        // only a spec that already holds an unstable step keeps the permission: a link's spec still refuses dt ≥ 2
        SpecException stable = assertThrows(SpecException.class,
                () -> Presets.get("sequence").spec().toBuilder().dt(5).build());
        assertEquals("dt", stable.key());
    }

    @Test
    void modernCoversEveryMapAndGammaWithTheSoftmaxLambda() {
        ExperimentSpec base = Presets.get("sequence").spec().toBuilder().n(64).p(3).duration(3)
                .schedule(SpecCodec.parseSchedule("0:d1,1:d2,2:d3")).trials(2).build();
        SweepDefinition d = ExperimentSweeps.modern(base, "0,1");
        ExperimentReport r = ExperimentSweeps.run("modern", d, 2, null);
        assertEquals(6, r.result().cells().size());
        List<String> seen = new ArrayList<>();
        for (CellResult c : r.result().cells()) {
            ExperimentSpec cell = d.cellSpec(c.cell());
            assertEquals(ModelKind.MODERN, cell.model());
            seen.add(cell.gainMap().key + ":" + cell.gamma());
            if (cell.gainMap() == GainMap.SOFTMAX) {
                assertEquals(10, cell.lambda(), 0.0, "softmax gets λ = 10 when the base has no λ");
            }
        }
        assertEquals(List.of("linear:0.0", "linear:1.0", "softmax:0.0", "softmax:1.0", "poly:0.0", "poly:1.0"), seen);
        assertSameCells(r);
        // γ = 1 with the linear map is IDP: same retrievals as the IDP cell
        assertEquals(alone(0, base.toBuilder().model(ModelKind.IDP).build()).retrieved(),
                r.result().cells().get(1).retrieved());
        // the modern preset keeps its own λ; a polynomial base with its own degree cannot be one base
        ExperimentSpec preset = Presets.get("modern").spec().toBuilder().lambda(4).build();
        assertEquals(4, ExperimentSweeps.modern(preset, "0.5").cellSpec(1).lambda(), 0.0);
        ExperimentSpec poly5 = SpecEdit.change(Presets.get("modern").spec(), "map=poly&deg=5");
        SpecException e = assertThrows(SpecException.class, () -> ExperimentSweeps.modern(poly5, "0.5"));
        assertEquals("deg", e.key());
    }

    @Test
    void thresholdRowsAllAgreeWithTheory() {
        // the rows the CLI's `experiment thresholds` runs (N = 256, β = 10), both sides of both thresholds
        double beta = 10;
        double[] existence = {0.5 / beta, 0.8 / beta, 0.95 / beta, 1.05 / beta, 1.2 / beta, 1.5 / beta, 3 / beta,
            10 / beta};
        double[] stability = {0.02, 0.5 / beta, 1.0 / beta, 1.4 / beta, 2.0 / beta, 3.0 / beta, 3.5 / beta,
            4.0 / beta, 5.0 / beta};
        ThresholdCheck.ThresholdReport r = ThresholdCheck.run(256, beta, existence, 1.5 / beta, stability);
        assertEquals(17, r.rows().size());
        int exists = 0;
        int stable = 0;
        for (ThresholdCheck.ThresholdRow row : r.rows()) {
            assertTrue(row.agrees(), row.toString());
            double[] alpha = {row.a1(), row.a2(), 0.02};
            Theory.MemoryPrediction p = Theory.predict(alpha, beta, 256, 0);
            assertEquals(p.exists(), row.theoryExists());
            assertEquals(p.amplitude(), row.theoryAmplitude(), 0.0);
            assertEquals(p.stable(), row.theoryStable());
            assertEquals(p.eigenvalues()[1], row.theoryEigenvalue2(), 0.0);
            if (row.kind().equals("existence")) {
                exists += row.theoryExists() ? 1 : 0;
            } else {
                stable += row.theoryStable() ? 1 : 0;
            }
        }
        // the rows straddle both thresholds
        assertEquals(5, exists);
        assertEquals(7, stable);
        assertEquals(17, r.agreements());
    }
}
