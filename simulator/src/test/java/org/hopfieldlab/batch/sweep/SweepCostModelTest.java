package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/**
 * The cost model against the models it prices. Work units are the rate models' neuron-memory-steps; a discrete
 * sweep does its n·p work one unit at a time, so it must be priced at what it costs relative to a rate model, or
 * {@code sweep --estimate}, the server's form and the limits under-price discrete sweeps several times over.
 */
class SweepCostModelTest {
    /** The unit: the noise preset's IDP cell (what {@link SweepCost#WORK_PER_SECOND_PER_THREAD} was measured with). */
    static final String REFERENCE = "model=idp&n=1024&p=10&beta=10&noise=8&t=6&in=0:d1,2:d2,4:d3&trials=16";
    /** Discrete cells across p and temperature (the capacity-discrete preset's range: n = 1000, p = 10…200, T = 0…1). */
    static final String[] DISCRETE = {
        "model=discrete&n=1000&p=10&noise=0&dt=1&t=300&trials=10&x0=cue&cue=1&flip=0.1&in=0:off",
        "model=discrete&n=1000&p=10&noise=0.5&dt=1&t=150&trials=10&x0=cue&cue=1&flip=0.1&in=0:off",
        "model=discrete&n=1000&p=100&noise=0&dt=1&t=40&trials=10&x0=cue&cue=1&flip=0.1&in=0:off",
        "model=discrete&n=1000&p=200&noise=1&dt=1&t=20&trials=10&x0=cue&cue=1&flip=0.1&in=0:off"};
    /** How far the estimated cost ratio of two cells may be from their measured CPU-time ratio, either way. */
    static final double FACTOR = 2.5;

    @Test
    void discreteCellsArePricedAtWhatTheyCostAgainstARateModelCell() {
        // ratios of CPU times on one thread (not wall time: the machine is shared), best of five: the per-unit cost
        // of a discrete cell against the reference IDP cell, measured, against the same ratio in the cost model
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<String> cells = new ArrayList<>(List.of(REFERENCE));
        cells.addAll(List.of(DISCRETE));
        double[] best = new double[cells.size()];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int rep = 0; rep < 5; rep++) {
            for (int c = 0; c < cells.size(); c++) {
                SweepDefinition def = single(cells.get(c));
                long t0 = mx.getCurrentThreadCpuTime();
                CellEngine.run(def, 0);
                best[c] = Math.min(best[c], (mx.getCurrentThreadCpuTime() - t0) / 1e9);
            }
        }
        double refWork = SweepCost.of(single(REFERENCE)).work();
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        for (int c = 1; c < cells.size(); c++) {
            double estimated = SweepCost.of(single(cells.get(c))).work() / refWork;
            double measured = best[c] / best[0];
            boolean within = estimated <= FACTOR * measured && measured <= FACTOR * estimated;
            ok &= within;
            report.append(String.format(Locale.ROOT, "%n  %s: cost ratio to the IDP cell estimated %.2f, measured %.2f"
                    + " (%.3f s / %.3f s)%s", cells.get(c), estimated, measured, best[c], best[0],
                    within ? "" : "  <-- off"));
        }
        System.out.println("discrete against IDP:" + report);
        assertTrue(ok, "estimated and measured cost ratios differ by more than " + FACTOR + "×:" + report);
    }

    @Test
    void theAxisEstimateOfADiscreteGridIsCloseToItsExactCost() {
        // p × T on the discrete model (the capacity-discrete preset): p and the Glauber term do not separate, so the
        // O(|x| + |y|) estimate is close rather than exact; it must price the grid as the built cells do
        SweepDefinition def = SweepPresets.get("capacity-discrete").definition();
        SweepCost exact = SweepCost.of(def);
        SweepCost est = SweepCost.estimate(def.base(), def.axes(), def.trialsPerCell());
        assertEquals(exact.work(), est.work(), 0.01 * exact.work());
        // the whole sweep, priced as 2200 runs of discrete sweeps, not as their steps × n × p
        double plain = 0;
        for (int k = 0; k < def.cellCount(); k++) {
            ExperimentSpec s = def.cellSpec(k);
            plain += (double) s.trials() * s.steps() * s.n() * s.p();
        }
        assertTrue(exact.work() > 3 * plain, exact.work() + " vs " + plain);
    }

    private static SweepDefinition single(String query) {
        ExperimentSpec s = SpecCodec.parse(query);
        return new SweepDefinition(s, List.of(SweepAxis.parse("t=" + SpecCodec.formatNumber(s.duration()))),
                s.trials(), SeedPolicy.SAME);
    }
}
