package org.hopfieldlab.sim.readout;

import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.theory.Theory;

/**
 * What the lab's views show for a spec: which analysis view suits it when the page opens it (a link without view=,
 * or a preset just chosen), what the gain bars show and where their existence line lies, and how far the energy
 * landscape's plane reaches.
 */
public final class Views {
    private Views() {
    }

    /** The largest N the page computes the energy landscape for (one energy per pixel, O(N·P) each). */
    public static final int LANDSCAPE_MAX_N = 1024;

    /**
     * "landscape" when the spec has exactly two memories of a continuous model small enough to map: the plane of
     * the two memories is then the whole picture (the energy preset); "theory" otherwise.
     */
    public static String natural(ExperimentSpec spec) {
        return spec.p() == 2 && landscapeUnavailable(spec).isEmpty() ? "landscape" : "theory";
    }

    /** Why the energy landscape cannot be drawn for this spec, or "" when it can. */
    public static String landscapeUnavailable(ExperimentSpec spec) {
        if (spec.model() == ModelKind.DISCRETE) {
            return "The discrete model has sign units and no continuous energy landscape to map.";
        }
        if (spec.p() < 2) {
            return "The landscape is drawn over the plane of two memories: it needs P ≥ 2.";
        }
        if (spec.n() > LANDSCAPE_MAX_N) {
            return "The landscape is computed for N ≤ " + LANDSCAPE_MAX_N + " (here N = " + spec.n()
                    + "); the “Energy landscape” preset has N = 64.";
        }
        return "";
    }

    /**
     * What the bar chart under the network shows: "gains" — the gains α_μ the synapses use now (IDP and modern, where
     * the input shapes the synapses) — or "input" — the input's overlaps ξ^μ·u/N (classic and discrete, whose
     * synapses are fixed).
     */
    public static String bars(ExperimentSpec spec) {
        return spec.model() == ModelKind.IDP || spec.model() == ModelKind.MODERN ? "gains" : "input";
    }

    /**
     * The existence line over the gain bars (a memory's well exists when its bar is above it: β α'_μ > 1, i.e.
     * α_μ > 1/β + Σα/N), or NaN when the bars are not gains.
     */
    public static double barLine(ExperimentSpec spec, double[] gains) {
        return bars(spec).equals("gains") ? Theory.existenceLine(gains, spec.beta(), spec.n()) : Double.NaN;
    }

    /**
     * Half-width of the energy landscape's plane x = a ξ^μ1 + b ξ^μ2: a bit beyond the largest well. IDP and modern
     * wells sit near ±α_μ (the bar values), classic ones near ±1 shifted by the input's overlaps.
     *
     * @param bars the values the bar chart shows now (see {@link #bars})
     */
    public static double landscapeRange(ExperimentSpec spec, double[] bars) {
        double max = 0.5;
        for (double v : bars) {
            max = Math.max(max, Math.abs(v));
        }
        if (spec.model() == ModelKind.CLASSIC) {
            max = Math.max(1.5, max + 1);
        }
        return Math.min(80, max * 1.3);
    }
}
