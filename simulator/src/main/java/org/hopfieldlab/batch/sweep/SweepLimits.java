package org.hopfieldlab.batch.sweep;

import org.hopfieldlab.sim.spec.SpecCodec;

/**
 * The largest sweep accepted. Each refusal names the limit and where it is configured.
 *
 * @param maxCells most cells per sweep
 * @param maxRuns most runs (cells × trials) per sweep
 * @param maxWork most work units (Σ steps × n × p over runs) per sweep
 * @param configuredBy prefix of the settings, quoted in refusals: "hopfield.sweep." gives "hopfield.sweep.max-runs",
 *     "--" gives "--max-runs"
 */
public record SweepLimits(int maxCells, long maxRuns, double maxWork, String configuredBy) {
    public static final SweepLimits DEFAULT = new SweepLimits(2_000, 200_000, 2.0e12, "--");

    /** Throws {@link SweepTooLargeException} when the sweep exceeds a limit. */
    public SweepCost check(SweepDefinition def) {
        SweepCost cost = SweepCost.of(def);
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
                    + " work units (Σ steps × n × p); the limit is " + sci(maxWork) + " per sweep (" + configuredBy
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
