package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;

/**
 * The theory line of a sweep. Over load and noise axes (p, n, noise) it is the capacity line of
 * {@link CapacityTheory}; otherwise the theory's existence threshold β α'_μ = 1 (science file) in a sweep's coordinates, where it applies: an IDP
 * network with one constant explicit-weights input window, swept over β and/or a weight aK. Here
 * α'_μ = a_μ − (1/N) Σ_ρ a_ρ, and μ is the memory the input favours.
 */
public final class SweepTheory {
    private SweepTheory() {
    }

    /**
     * A threshold curve: for a 2-D sweep, points (x, y) in axis values; for a 1-D sweep, a single x (y = NaN).
     * {@code label} says what it is.
     */
    public record Threshold(String label, List<double[]> points) {
    }

    /** The threshold over this sweep, or null when the theory does not apply. */
    public static Threshold threshold(SweepDefinition def) {
        Threshold capacity = CapacityTheory.line(def);
        if (capacity != null) {
            return capacity;
        }
        ExperimentSpec base = def.base();
        if (base.model() != ModelKind.IDP || base.schedule().size() != 1
                || base.schedule().get(0).kind() != Window.Kind.WEIGHTS) {
            return null;
        }
        Window w = base.schedule().get(0);
        int target = w.target();
        int n = base.n();
        SweepAxis x = def.x();
        SweepAxis y = def.y();
        String label = "theory: β α'" + (target + 1) + " = 1";
        List<double[]> pts = new ArrayList<>();
        if (y == null) {
            if (x.key().equals("beta")) {
                pts.add(new double[] {1 / shiftedGain(w, n, target, Double.NaN, -1), Double.NaN});
            } else if (weightIndex(x.key()) >= 0) {
                int k = weightIndex(x.key());
                pts.add(new double[] {weightAtThreshold(w, n, k, base.beta()), Double.NaN});
                label = "theory: β α'" + (k + 1) + " = 1";
            }
            return pts.isEmpty() ? null : new Threshold(label, pts);
        }
        boolean xBeta = x.key().equals("beta");
        boolean yBeta = y.key().equals("beta");
        int xw = weightIndex(x.key());
        int yw = weightIndex(y.key());
        if (xBeta && yw >= 0 && x.isNumeric()) {
            for (int i = 0; i < x.size(); i++) {
                pts.add(new double[] {x.numeric(i), weightAtThreshold(w, n, yw, x.numeric(i))});
            }
            label = "theory: β α'" + (yw + 1) + " = 1";
        } else if (yBeta && xw >= 0 && y.isNumeric()) {
            for (int i = 0; i < y.size(); i++) {
                pts.add(new double[] {weightAtThreshold(w, n, xw, y.numeric(i)), y.numeric(i)});
            }
            label = "theory: β α'" + (xw + 1) + " = 1";
        } else if ((xBeta || yBeta) && xw < 0 && yw < 0) {
            // β against a key that does not move the threshold: a straight line at β*
            double betaStar = 1 / shiftedGain(w, n, target, Double.NaN, -1);
            SweepAxis other = xBeta ? y : x;
            double lo = other.isNumeric() ? other.numeric(0) : 0;
            double hi = other.isNumeric() ? other.numeric(other.size() - 1) : other.size() - 1;
            pts.add(xBeta ? new double[] {betaStar, lo} : new double[] {lo, betaStar});
            pts.add(xBeta ? new double[] {betaStar, hi} : new double[] {hi, betaStar});
        } else {
            return null;
        }
        return new Threshold(label, pts);
    }

    static int weightIndex(String key) {
        return SweepDefinition.isWeightKey(key) ? Integer.parseInt(key.substring(1)) - 1 : -1;
    }

    /** α'_mu with weight k replaced by value (k < 0: no replacement). */
    static double shiftedGain(Window w, int n, int mu, double value, int k) {
        double sum = 0;
        double self = 0;
        for (int r = 0; r < w.weights().size(); r++) {
            double a = r == k ? value : w.weights().get(r);
            sum += a;
            if (r == mu) {
                self = a;
            }
        }
        return self - sum / n;
    }

    /** The weight a_k at which β α'_k = 1, the other weights fixed: a_k (1 − 1/N) = 1/β + R/N. */
    static double weightAtThreshold(Window w, int n, int k, double beta) {
        double rest = 0;
        for (int r = 0; r < w.weights().size(); r++) {
            if (r != k) {
                rest += w.weights().get(r);
            }
        }
        return (1 / beta + rest / n) / (1 - 1.0 / n);
    }
}
