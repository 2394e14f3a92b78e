package org.hopfieldlab.sim.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One time window of an input schedule: from {@code start} until the next window's start (or the end of the run)
 * the network receives the input this window describes.
 *
 * <p>Text form (used inside the spec's {@code in} key): {@code start:dK} a random mixture by the paper's recipe with
 * memory K dominant; {@code start:wA_B_C} explicit weights a_μ of u = Σ a_μ ξ^μ; {@code start:cK} a partial/noisy
 * cue of memory K; {@code start:p} the drawn cue picture (spec key cuepat); {@code start:off} no input. Memory numbers are 1-based, as in the paper.
 */
public final class Window {
    public enum Kind { RECIPE, WEIGHTS, CUE, DRAWN, OFF }

    private final double start;
    private final Kind kind;
    /** dominant memory (0-based) for RECIPE and CUE, −1 otherwise. */
    private final int target;
    private final List<Double> weights;

    private Window(double start, Kind kind, int target, List<Double> weights) {
        this.start = start;
        this.kind = kind;
        this.target = target;
        this.weights = weights;
    }

    public static Window recipe(double start, int dominant) {
        return new Window(start, Kind.RECIPE, dominant, Collections.<Double>emptyList());
    }

    public static Window cue(double start, int memory) {
        return new Window(start, Kind.CUE, memory, Collections.<Double>emptyList());
    }

    /** The drawn cue picture as input (it asks for no particular memory). */
    public static Window drawn(double start) {
        return new Window(start, Kind.DRAWN, -1, Collections.<Double>emptyList());
    }

    public static Window off(double start) {
        return new Window(start, Kind.OFF, -1, Collections.<Double>emptyList());
    }

    public static Window weights(double start, double[] a) {
        List<Double> w = new ArrayList<>(a.length);
        for (double v : a) {
            w.add(v);
        }
        return new Window(start, Kind.WEIGHTS, -1, Collections.unmodifiableList(w));
    }

    public double start() {
        return start;
    }

    public Kind kind() {
        return kind;
    }

    /** The memory this window asks for (0-based): the recipe's dominant, the cued memory, or the largest weight. */
    public int target() {
        if (kind == Kind.WEIGHTS) {
            int best = 0;
            for (int mu = 1; mu < weights.size(); mu++) {
                if (weights.get(mu) > weights.get(best)) {
                    best = mu;
                }
            }
            return best;
        }
        return target;
    }

    public List<Double> weights() {
        return weights;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Window)) {
            return false;
        }
        Window w = (Window) o;
        return Double.compare(start, w.start) == 0 && kind == w.kind && target == w.target && weights.equals(w.weights);
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(start) * 31 + kind.ordinal()) * 31 + target + weights.hashCode();
    }

    @Override
    public String toString() {
        return "Window[" + start + ", " + kind + ", " + target + ", " + weights + "]";
    }
}
