package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

/**
 * The form's cost check works from the axes in O(|x| + |y|), before any cell is built. The time bounds below are a
 * generous sanity check that no per-cell work happens (40,000 cells built one by one take seconds), not a benchmark.
 */
class SweepCostCheckTest {
    static final ExperimentSpec BASE = Presets.get("sequence").spec();
    static final List<SweepAxis> GRID_40K = List.of(SweepAxis.parse("noise=0:16:200"), SweepAxis.parse("beta=1:10:200"));

    @Test
    void fortyThousandCellsAreRefusedInMilliseconds() {
        SweepLimits.DEFAULT.check(BASE, List.of(SweepAxis.parse("noise=0,1")), 1); // warm up the classes
        SweepTooLargeException e = null;
        double ms = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            e = assertThrows(SweepTooLargeException.class, () -> SweepLimits.DEFAULT.check(BASE, GRID_40K, 10));
            ms = Math.min(ms, (System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("40,000-cell sweep refused in %.2f ms%n", ms);
        assertTrue(e.getMessage().contains("the sweep has 40000 cells; the limit is 2000 cells per sweep (--max-cells)"),
                e.getMessage());
        assertTrue(ms < 200, "took " + ms + " ms");
    }

    @Test
    void fortyThousandCellsAreCostedInMillisecondsWhenTheLimitsAllowThem() {
        SweepLimits wide = new SweepLimits(100_000, 10_000_000, 1e18, "--");
        SweepCost c = wide.check(BASE, GRID_40K, 10); // warm-up (class loading, JIT)
        // best of three: the machine is shared with other builds, and the bound is about per-cell work, not noise
        double ms = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            c = wide.check(BASE, GRID_40K, 10);
            ms = Math.min(ms, (System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("40,000-cell sweep costed from its axes in %.2f ms%n", ms);
        assertTrue(ms < 200, "took " + ms + " ms");
        assertEquals(40_000, c.cells());
        assertEquals(400_000, c.runs());
        // noise and beta do not change steps, n or p: every run costs the base's work
        double perRun = (double) BASE.steps() * BASE.n() * BASE.p();
        assertEquals(400_000 * perRun, c.work(), 1e-9 * c.work());
    }

    @Test
    void theAxisEstimateEqualsTheExactCostWhenTheAxesChangeDifferentFactors() {
        ExperimentSpec base = BASE.toBuilder().n(256).p(6).build();
        List<SweepAxis> axes = List.of(SweepAxis.parse("n=64,128,512"), SweepAxis.parse("p=3,5,8"));
        SweepDefinition def = new SweepDefinition(base, axes, 3, SeedPolicy.SAME);
        SweepCost exact = SweepCost.of(def);
        SweepCost est = SweepCost.estimate(base, axes, 3);
        assertEquals(exact.cells(), est.cells());
        assertEquals(exact.runs(), est.runs());
        assertEquals(exact.work(), est.work(), 1e-9 * exact.work());
        // one axis: always exact
        List<SweepAxis> t = List.of(SweepAxis.parse("t=30,40,45"));
        assertEquals(SweepCost.of(new SweepDefinition(base, t, 2, SeedPolicy.SAME)).work(),
                SweepCost.estimate(base, t, 2).work(), 1e-6);
    }

    @Test
    void aBadAxisValueIsNamedByTheCheck() {
        SpecException e = assertThrows(SpecException.class,
                () -> SweepLimits.DEFAULT.check(BASE, List.of(SweepAxis.parse("n=64,999999")), 1));
        assertTrue(e.getMessage().contains("n=999999"), e.getMessage());
    }
}
