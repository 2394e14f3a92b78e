package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

class SweepDefinitionTest {
    private final ExperimentSpec sequence = Presets.get("sequence").spec();

    @Test
    void axisParsesListsAndRanges() {
        assertEquals(List.of("0", "2", "4.5"), SweepAxis.parse("noise=0, 2,4.5").values());
        assertEquals(List.of("0.1", "0.2", "0.3"), SweepAxis.parse("a1=0.1:0.3:3").values());
        assertEquals("beta", SweepAxis.parse("beta=2:20:10").key());
        assertEquals(10, SweepAxis.parse("beta=2:20:10").size());
        assertTrue(assertThrows(SpecException.class, () -> SweepAxis.parse("noise")).getMessage()
                .contains("key=v1,v2"));
        assertTrue(assertThrows(SpecException.class, () -> SweepAxis.parse("beta=1:x:3")).getMessage()
                .contains("not a number"));
        assertTrue(assertThrows(SpecException.class, () -> SweepAxis.parse("beta=1:2:0")).getMessage()
                .contains("allowed: 1 to 200"));
    }

    /** `sweep --x noise=1,1` ran the same cell twice without a word: a repeated value is refused by name. */
    @Test
    void aRepeatedAxisValueIsRefusedNamingTheAxisAndTheValue() {
        SpecException twice = assertThrows(SpecException.class, () -> SweepAxis.parse("noise=1,1"));
        assertEquals("noise", twice.key());
        assertEquals("axis noise has the value 1 twice; each value makes one cell, give it once", twice.getMessage());
        // the same number spelled two ways is the same cell
        assertTrue(assertThrows(SpecException.class, () -> SweepAxis.parse("beta=2, 4, 2.0")).getMessage()
                .startsWith("axis beta has the value 2 twice (as 2 and 2.0)"));
        // a choice key, and a range whose values coincide
        assertTrue(assertThrows(SpecException.class, () -> SweepAxis.parse("model=idp,classic,idp")).getMessage()
                .startsWith("axis model has the value idp twice"));
        assertTrue(assertThrows(SpecException.class, () -> SweepAxis.parse("noise=2:2:3")).getMessage()
                .startsWith("axis noise has the value 2 twice from the range 2:2:3"));
        // distinct values still parse; so do one-value ranges
        assertEquals(List.of("1", "1.5"), SweepAxis.parse("noise=1,1.5").values());
        assertEquals(List.of("2"), SweepAxis.parse("noise=2:2:1").values());
        // the experiments' axes are sweep axes: --noise-values says so under its own name
        SpecException list = assertThrows(SpecException.class,
                () -> org.hopfieldlab.batch.ExperimentSweeps.noise(sequence, "0,8,8", "idp"));
        assertEquals("--noise-values", list.key());
        assertTrue(list.getMessage().contains("the value 8 twice"), list.getMessage());
        // journals, part files and the server's database may hold sweeps defined before the check: they resume and
        // merge as they ran
        SweepDefinition d = SweepDefinition.parse("base=" + org.hopfieldlab.sim.spec.SpecCodec.format(sequence)
                + "\nx=noise=1,1\ntrials=1\nseeds=same\n");
        assertEquals(2, d.cellCount());
    }

    @Test
    void cellsAreRowByRowWithTheirOwnSpecs() {
        SweepDefinition d = new SweepDefinition(sequence, List.of(SweepAxis.parse("noise=0,4,8"),
                SweepAxis.parse("model=idp,classic")), 7, SeedPolicy.SAME);
        assertEquals(6, d.cellCount());
        assertEquals(42, d.totalRuns());
        ExperimentSpec c4 = d.cellSpec(4);
        assertEquals(4.0, c4.noise());
        assertEquals(ModelKind.CLASSIC, c4.model());
        assertEquals(7, c4.trials());
        assertEquals(sequence.seed(), c4.seed());
        assertEquals("noise=4, model=classic", d.describe(4));
    }

    @Test
    void perCellSeedsDiffer() {
        SweepDefinition d = new SweepDefinition(sequence, List.of(SweepAxis.parse("noise=0,4")), 1,
                SeedPolicy.PER_CELL);
        assertEquals(sequence.seed() + 1, d.cellSpec(1).seed());
    }

    @Test
    void weightAxisChangesTheInput() {
        ExperimentSpec th = Presets.get("thresholds").spec();
        SweepDefinition d = new SweepDefinition(th, List.of(SweepAxis.parse("a1=0.07,0.2")), 1, SeedPolicy.SAME);
        assertEquals(0.2, d.cellSpec(1).schedule().get(0).weights().get(0));
        assertEquals(0.05, d.cellSpec(1).schedule().get(0).weights().get(1));
        SpecException e = assertThrows(SpecException.class, () -> new SweepDefinition(sequence,
                List.of(SweepAxis.parse("a1=0.1")), 1, SeedPolicy.SAME));
        assertTrue(e.getMessage().contains("explicit-weights"), e.getMessage());
    }

    @Test
    void badCellIsNamedBeforeAnythingRuns() {
        SpecException e = assertThrows(SpecException.class, () -> new SweepDefinition(sequence,
                List.of(SweepAxis.parse("p=5,2000")), 1, SeedPolicy.SAME));
        assertEquals("p", e.key());
        assertTrue(e.getMessage().startsWith("cell p=2000:"), e.getMessage());
        assertThrows(SpecException.class, () -> new SweepDefinition(sequence,
                List.of(SweepAxis.parse("trials=1,2")), 1, SeedPolicy.SAME));
        assertThrows(SpecException.class, () -> new SweepDefinition(sequence,
                List.of(SweepAxis.parse("noise=1"), SweepAxis.parse("noise=2")), 1, SeedPolicy.SAME));
    }

    @Test
    void textFormRoundTrips() {
        for (SweepPresets.SweepPreset p : SweepPresets.all()) {
            SweepDefinition d = p.definition();
            assertEquals(d, SweepDefinition.parse(d.format()), p.name());
        }
        SweepDefinition one = new SweepDefinition(sequence, List.of(SweepAxis.parse("beta=5,10")), 3,
                SeedPolicy.PER_CELL);
        SweepDefinition back = SweepDefinition.parse(one.format());
        assertNull(back.y());
        assertEquals(SeedPolicy.PER_CELL, back.seeds());
    }

    @Test
    void limitsRefuseWithTheLimitNamed() {
        SweepDefinition d = SweepPresets.get("noise").definition();
        SweepCost cost = SweepCost.of(d);
        assertEquals(320, cost.runs());
        SweepTooLargeException e = assertThrows(SweepTooLargeException.class,
                () -> new SweepLimits(1000, 100, 1e15, "hopfield.sweep.").check(d));
        assertTrue(e.getMessage().contains("limit is 100 runs per sweep (hopfield.sweep.max-runs)"), e.getMessage());
        e = assertThrows(SweepTooLargeException.class, () -> new SweepLimits(1000, 100000, 1e9, "--").check(d));
        assertTrue(e.getMessage().contains("the limit is 1e9 per sweep (--max-work)"), e.getMessage());
        e = assertThrows(SweepTooLargeException.class, () -> new SweepLimits(10, 100000, 1e15, "cfg").check(d));
        assertTrue(e.getMessage().contains("16 cells"), e.getMessage());
        assertEquals(cost, SweepLimits.DEFAULT.check(d));
    }

    @Test
    void theoryThresholdWhereItApplies() {
        SweepDefinition th = SweepPresets.get("thresholds").definition();
        SweepTheory.Threshold t = SweepTheory.threshold(th);
        assertEquals(th.x().size(), t.points().size());
        // β = 10: a1 (1 − 1/256) = 0.1 + 0.1/256
        double[] at10 = t.points().stream().filter(p -> p[0] == 10).findFirst().orElseThrow();
        assertEquals((0.1 + 0.1 / 256) / (1 - 1.0 / 256), at10[1], 1e-12);
        SweepTheory.Threshold beta = SweepTheory.threshold(SweepPresets.get("beta").definition());
        double alphaShifted = 0.15 - 0.25 / 256;
        assertEquals(1 / alphaShifted, beta.points().get(0)[0], 1e-12);
        assertNull(SweepTheory.threshold(SweepPresets.get("noise").definition()));
    }
}
