package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/** The capacity × noise presets: they parse, fit the limits, carry their theory line, and the line separates. */
class CapacityPresetTest {

    private static SweepDefinition preset(String name) {
        return SweepPresets.get(name).definition();
    }

    @Test
    void presetsRoundTripAndFitTheDefaultLimits() {
        double noiseCell = 0;
        SweepDefinition noise = preset("noise");
        for (int k = 0; k < noise.cellCount(); k++) {
            noiseCell = Math.max(noiseCell, SweepCost.work(noise.cellSpec(k)));
        }
        for (String name : List.of("capacity-discrete", "capacity-idp")) {
            SweepDefinition def = preset(name);
            assertEquals(def, SweepDefinition.parse(def.format()), name);
            SweepCost cost = SweepLimits.DEFAULT.check(def);
            assertTrue(cost.runs() <= 2_200, name + ": " + cost.runs() + " runs");
            // no cell costs more than the noise preset's costliest cell (the cost model prices the discrete model's
            // sweeps at what they cost: p = 200, T > 0 is 1.4e8 units, below the noise cell's 6e8)
            for (int k = 0; k < def.cellCount(); k++) {
                assertTrue(SweepCost.work(def.cellSpec(k)) <= noiseCell, name + " cell " + def.describe(k));
            }
        }
    }

    @Test
    void discretePresetCarriesTheAgsLineInAxisValues() {
        SweepDefinition def = preset("capacity-discrete");
        SweepTheory.Threshold t = SweepTheory.threshold(def);
        assertNotNull(t);
        assertTrue(t.label().contains("AGS"), t.label());
        assertEquals(CapacityTheory.CURVE_POINTS - 1, t.points().size(), "T = 1 has α = 0 and is left out");
        // (p, T): at T = 0, p = 0.138 × 1000
        assertEquals(137.9, t.points().get(0)[0], 0.3);
        assertEquals(0, t.points().get(0)[1], 0);
        for (int k = 1; k < t.points().size(); k++) {
            assertTrue(t.points().get(k)[1] > t.points().get(k - 1)[1]);
        }
        // at T = 0.5, α_M ≈ 0.059 (AGS's phase diagram)
        assertEquals(58.8, t.points().get(20)[0], 0.5);
        assertEquals(0.5, t.points().get(20)[1], 1e-12);
    }

    @Test
    void idpPresetMarksTheDiscreteReferenceOnly() {
        SweepTheory.Threshold t = SweepTheory.threshold(preset("capacity-idp"));
        assertNotNull(t);
        assertTrue(t.label().startsWith("reference"), t.label());
        assertEquals(2, t.points().size());
        assertEquals(0.1379 * 256, t.points().get(0)[0], 0.1);
        assertEquals(0.1379 * 256, t.points().get(1)[0], 0.1);
        assertEquals(0, t.points().get(0)[1], 0);
        assertEquals(14, t.points().get(1)[1], 0);
    }

    @Test
    void lineLeavesOtherSweepsAlone() {
        assertNull(SweepTheory.threshold(preset("noise")));
        // the old thresholds preset keeps its β α' = 1 line
        assertTrue(SweepTheory.threshold(preset("thresholds")).label().contains("β α'"));
        // synchronous updates are not AGS's dynamics
        ExperimentSpec sync = SpecCodec.parseOnto(preset("capacity-discrete").base().toBuilder(), "update=sync");
        assertNull(SweepTheory.threshold(new SweepDefinition(sync, preset("capacity-discrete").axes(), 1,
                SeedPolicy.SAME)));
    }

    /**
     * The simulation against the line, at N = 1000 and 40 trials per cell: well inside (α ≤ 0.12 at T = 0, α = 0.02 at
     * T = 0.5, where AGS's α_M is 0.059) every cue is completed, well outside (α = 0.25 at T = 0, α = 0.12 at T = 0.5)
     * none is. Measured: 40/40 inside and 0/40 outside; the tolerances (≥ 36/40, ≤ 4/40) keep Wilson intervals
     * [0.77, 0.96] and [0.04, 0.23] apart.
     */
    @Test
    void retrievalSucceedsWellBelowTheLineAndFailsWellAbove() {
        SweepDefinition base = preset("capacity-discrete");
        SweepDefinition def = new SweepDefinition(base.base(), List.of(SweepAxis.parse("p=20,120,250"),
                SweepAxis.parse("noise=0,0.5")), 40, SeedPolicy.PER_CELL);
        boolean[][] inside = {{true, true, false}, {true, false, false}};
        for (int k = 0; k < def.cellCount(); k++) {
            CellResult c = CellEngine.run(def, k);
            boolean below = inside[def.yIndex(k)][def.xIndex(k)];
            String where = def.describe(k) + ": " + c.retrieved() + "/" + c.windows();
            assertEquals(40, c.windows(), where);
            assertEquals(0, c.diverged(), where);
            if (below) {
                assertTrue(c.retrieved() >= 36, "below the line, " + where);
            } else {
                assertTrue(c.retrieved() <= 4, "above the line, " + where);
            }
        }
    }
}
