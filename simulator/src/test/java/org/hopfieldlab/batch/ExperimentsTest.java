package org.hopfieldlab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.theory.Theory;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

    @Test
    void thresholdRowsAllAgreeWithTheory() {
        // the rows the CLI's `experiment thresholds` runs (N = 256, β = 10), both sides of both thresholds
        double beta = 10;
        double[] existence = {0.5 / beta, 0.8 / beta, 0.95 / beta, 1.05 / beta, 1.2 / beta, 1.5 / beta, 3 / beta,
            10 / beta};
        double[] stability = {0.02, 0.5 / beta, 1.0 / beta, 1.4 / beta, 2.0 / beta, 3.0 / beta, 3.5 / beta,
            4.0 / beta, 5.0 / beta};
        Experiments.ThresholdReport r = Experiments.thresholds(256, beta, existence, 1.5 / beta, stability);
        assertEquals(17, r.rows().size());
        int exists = 0;
        int stable = 0;
        for (Experiments.ThresholdRow row : r.rows()) {
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

    @Test
    void windowsReportAggregatesTheTrials() {
        ExperimentSpec spec = SpecCodec.parse("model=idp&n=128&p=4&noise=6&dt=0.01&t=6&seed=4&trials=6"
                + "&in=0:d1,2:d2,4:d3");
        Experiments.WindowsReport r;
        try (TrialPool pool = new TrialPool(2)) {
            r = Experiments.windows("sequence", spec, pool, null);
        }
        assertEquals("sequence", r.experiment());
        assertEquals(SpecCodec.format(spec), r.spec());
        assertEquals(6, r.trials());
        assertEquals(3, r.windows().size());
        int total = 0;
        for (int w = 0; w < 3; w++) {
            int hits = 0;
            for (int t = 0; t < 6; t++) {
                hits += TrialRunner.run(spec, t, false).windows().get(w).retrieved() ? 1 : 0;
            }
            assertEquals(hits, r.windows().get(w).retrieved(), "window " + (w + 1));
            assertEquals(w + 1, r.windows().get(w).dominant());
            assertEquals(2.0 * w, r.windows().get(w).start(), 0.0);
            total += hits;
        }
        assertEquals(total / 18.0, r.retrievedFraction(), 1e-15);
    }

    @Test
    void noiseSweepHasOnePointPerModelAndNoise() {
        ExperimentSpec base = SpecCodec.parse("model=idp&n=64&p=3&dt=0.01&t=3&seed=2&trials=3&in=0:d1,1:d2,2:d3");
        Experiments.NoiseSweepReport r;
        try (TrialPool pool = new TrialPool(2)) {
            r = Experiments.noiseSweep(base, new double[] {0, 4}, new ModelKind[] {ModelKind.IDP, ModelKind.CLASSIC},
                    pool, null);
        }
        assertEquals(4, r.points().size());
        String[] models = {"idp", "idp", "classic", "classic"};
        double[] noises = {0, 4, 0, 4};
        for (int k = 0; k < 4; k++) {
            Experiments.NoisePoint p = r.points().get(k);
            assertEquals(models[k], p.model());
            assertEquals(noises[k], p.noise(), 0.0);
            ExperimentSpec cell = base.toBuilder().model(ModelKind.valueOf(models[k].toUpperCase()))
                    .noise(noises[k]).build();
            int hits = 0;
            for (int t = 0; t < 3; t++) {
                for (var o : TrialRunner.run(cell, t, false).windows()) {
                    hits += o.retrieved() ? 1 : 0;
                }
            }
            assertEquals(hits / 9.0, p.retrievedFraction(), 1e-15);
            assertTrue(p.ciLow() <= p.retrievedFraction() && p.retrievedFraction() <= p.ciHigh());
            assertEquals(3, p.windows().size());
        }
    }

    @Test
    void modernSweepCoversEveryMapAndGamma() {
        ExperimentSpec base = Presets.get("sequence").spec().toBuilder().n(64).p(3).duration(3)
                .schedule(SpecCodec.parseSchedule("0:d1,1:d2,2:d3")).trials(2).build();
        Experiments.ModernReport r;
        try (TrialPool pool = new TrialPool(2)) {
            r = Experiments.modern(base, new double[] {0, 1}, pool, null);
        }
        assertEquals(6, r.rows().size());
        List<String> seen = new ArrayList<>();
        for (Experiments.ModernRow row : r.rows()) {
            seen.add(row.map() + ":" + row.gamma());
            if (row.map().equals(GainMap.SOFTMAX.key)) {
                assertEquals(10, row.lambda(), 0.0, "softmax gets λ = 10 when the base has no λ");
            }
            assertTrue(row.retrievedFraction() >= 0 && row.retrievedFraction() <= 1);
        }
        assertEquals(List.of("linear:0.0", "linear:1.0", "softmax:0.0", "softmax:1.0", "poly:0.0", "poly:1.0"), seen);
        // γ = 1 with the linear map is IDP: same retrievals as the IDP cell
        ExperimentSpec idp = base.toBuilder().model(ModelKind.IDP).build();
        List<TrialResult> idpResults = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            idpResults.add(TrialRunner.run(idp, t, false));
        }
        double idpFraction = Stats.overallFraction(Stats.perWindow(idpResults, List.of(0.0, 1.0, 2.0)));
        assertEquals(idpFraction, r.rows().get(1).retrievedFraction(), 0.0);
    }
}
