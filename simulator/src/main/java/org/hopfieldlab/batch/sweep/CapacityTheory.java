package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.theory.AgsCapacity;

/**
 * The capacity line of a sweep over the load (keys p and n, α = p/n) and the noise, in the sweep's axis values.
 * For the discrete network with random memories and asynchronous updates (its noise is the Glauber temperature T)
 * it is the Amit–Gutfreund–Sompolinsky boundary α_M(T) ({@link AgsCapacity}). The continuous models have no such
 * theory here: they get the discrete network's α_c = 0.138 as a marked reference, labelled as such.
 */
final class CapacityTheory {
    private CapacityTheory() {
    }

    /** Points along a swept temperature range (the curve is smooth; 41 keeps its bend round). */
    static final int CURVE_POINTS = 41;
    private static final Set<String> KEYS = Set.of("p", "n", "noise");
    /** α_M(T) costs ~40 ms; a chart is redrawn on every finished cell, so the values are kept (a few hundred). */
    private static final Map<Double, Double> LOADS = new ConcurrentHashMap<>();

    /** The line over this sweep, or null when its axes are not load/noise axes or the memories are not random. */
    static SweepTheory.Threshold line(SweepDefinition def) {
        ExperimentSpec base = def.base();
        SweepAxis x = def.x();
        SweepAxis y = def.y();
        if (!KEYS.contains(x.key()) || !x.isNumeric() || (y != null && (!KEYS.contains(y.key()) || !y.isNumeric()))
                || base.memories() != MemoryKind.RANDOM) {
            return null;
        }
        boolean ags = base.model() == ModelKind.DISCRETE;
        if (ags && base.update() != Update.ASYNC) {
            return null; // synchronous (Little) dynamics have a different boundary
        }
        boolean loadAxis = !x.key().equals("noise") || y != null && !y.key().equals("noise");
        if (!ags && !loadAxis) {
            return null; // the reference is a load: nothing to mark on a noise axis alone
        }
        String label = ags ? "AGS theory: retrieval up to T_M(α), α = p/N"
                : "reference: discrete Hebbian network α_c = p/N = 0.138 (AGS, T = 0)";
        List<double[]> pts = new ArrayList<>();
        if (y == null) {
            double v = boundary1d(base, x.key(), ags);
            if (!(v > 0)) {
                return null;
            }
            pts.add(new double[] {v, Double.NaN});
            return new SweepTheory.Threshold(label, pts);
        }
        String other = x.key().equals("p") || x.key().equals("n") ? y.key() : x.key();
        String load = other.equals(y.key()) ? x.key() : y.key();
        SweepAxis otherAxis = other.equals(y.key()) ? y : x;
        if (load.equals("n") && other.equals("p") || load.equals("p") && other.equals("n")) {
            // p = α n: a straight line, given at the n axis values (the chart interpolates between them)
            double alpha = ags ? criticalLoad(base.noise()) : criticalLoad(0);
            SweepAxis nAxis = x.key().equals("n") ? x : y;
            for (int i = 0; i < nAxis.size(); i++) {
                double n = nAxis.numeric(i);
                double p = alpha * n;
                pts.add(x.key().equals("p") ? new double[] {p, n} : new double[] {n, p});
            }
            return new SweepTheory.Threshold(label, pts);
        }
        // (p or n) against the noise at the base's n or p
        double lo = min(otherAxis);
        double hi = max(otherAxis);
        int count = ags ? CURVE_POINTS : 2;
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? lo : lo + (hi - lo) * k / (count - 1);
            double alpha = ags ? criticalLoad(t) : criticalLoad(0);
            if (!(alpha > 0)) {
                continue;
            }
            double l = load.equals("p") ? alpha * base.n() : base.p() / alpha;
            pts.add(load.equals(x.key()) ? new double[] {l, t} : new double[] {t, l});
        }
        return pts.isEmpty() ? null : new SweepTheory.Threshold(label, pts);
    }

    /** The boundary on a single load axis at the base's other values. */
    private static double boundary1d(ExperimentSpec base, String key, boolean ags) {
        double alpha = ags ? criticalLoad(base.noise()) : criticalLoad(0);
        return switch (key) {
            case "p" -> alpha * base.n();
            case "n" -> base.p() / alpha;
            default -> ags ? AgsCapacity.criticalTemperature((double) base.p() / base.n()) : Double.NaN;
        };
    }

    /** α_M(T), remembered. */
    static double criticalLoad(double temperature) {
        if (LOADS.size() > 10_000) {
            LOADS.clear();
        }
        return LOADS.computeIfAbsent(temperature, AgsCapacity::criticalLoad);
    }

    private static double min(SweepAxis a) {
        double v = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.size(); i++) {
            v = Math.min(v, a.numeric(i));
        }
        return v;
    }

    private static double max(SweepAxis a) {
        double v = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.size(); i++) {
            v = Math.max(v, a.numeric(i));
        }
        return v;
    }
}
