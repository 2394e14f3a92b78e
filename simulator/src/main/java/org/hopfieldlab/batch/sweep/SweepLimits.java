package org.hopfieldlab.batch.sweep;

import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;

/**
 * The largest sweep accepted. Each refusal names the limit and where it is configured.
 *
 * @param maxCells most cells per sweep
 * @param maxRuns most runs (cells × trials) per sweep
 * @param maxWork most work units per sweep ({@link SweepCost}: Σ over runs of steps × n × p, a discrete model's
 *     steps weighted by their cost)
 * @param configuredBy prefix of the settings, quoted in refusals: "hopfield.sweep." gives "hopfield.sweep.max-runs",
 *     "--" gives "--max-runs"
 */
public record SweepLimits(int maxCells, long maxRuns, double maxWork, String configuredBy) {
    public static final SweepLimits DEFAULT = new SweepLimits(2_000, 200_000, 2.0e12, "--");

    /**
     * Throws {@link SweepTooLargeException} when the sweep exceeds a limit: first from the axes alone (counts), then
     * from the built cells' exact cost.
     */
    public SweepCost check(SweepDefinition def) {
        within(counts(def.axes(), def.trialsPerCell()));
        return within(SweepCost.of(def));
    }

    /**
     * The check a form runs on every (debounced) edit, before any cell is built: cells and runs are counted from the
     * axis sizes (refused before a single spec is built), then work is estimated from one spec per axis value
     * ({@link SweepCost#estimate}). 40,000 cells cost about as much to check as 400.
     *
     * @throws SweepTooLargeException over a limit
     * @throws org.hopfieldlab.sim.spec.SpecException naming an axis value that is not a valid spec
     */
    public SweepCost check(ExperimentSpec base, List<SweepAxis> axes, int trialsPerCell) {
        within(counts(axes, trialsPerCell));
        return within(SweepCost.estimate(base, axes, trialsPerCell));
    }

    /** Cells and runs from the axis sizes alone (no work). */
    private static SweepCost counts(List<SweepAxis> axes, int trialsPerCell) {
        long cells = 1;
        for (SweepAxis a : axes) {
            cells *= a.size();
        }
        return new SweepCost((int) Math.min(cells, Integer.MAX_VALUE), cells * trialsPerCell, 0);
    }

    private SweepCost within(SweepCost cost) {
        if (cost.cells() > maxCells) {
            throw new SweepTooLargeException("cells", "the sweep has " + cost.cells() + " cells; the limit is "
                    + maxCells + " cells per sweep (" + configuredBy + "max-cells)");
        }
        if (cost.runs() > maxRuns) {
            throw new SweepTooLargeException("trials", "the sweep needs " + cost.runs()
                    + " runs (cells × trials); the limit is " + maxRuns + " runs per sweep (" + configuredBy + "max-runs)");
        }
        if (cost.work() > maxWork) {
            throw new SweepTooLargeException("trials", "the sweep needs " + sci(cost.work())
                    + " work units (Σ steps × n × p; discrete steps cost more); the limit is " + sci(maxWork) + " per sweep (" + configuredBy
                    + "max-work); lower trials, values, n or t");
        }
        return cost;
    }

    static String sci(double v) {
        if (v < 1e6) {
            return SpecCodec.formatNumber(Math.round(v));
        }
        int exp = (int) Math.floor(Math.log10(v));
        double mant = Math.round(v / Math.pow(10, exp) * 10) / 10.0;
        return SpecCodec.formatNumber(mant) + "e" + exp;
    }
}
