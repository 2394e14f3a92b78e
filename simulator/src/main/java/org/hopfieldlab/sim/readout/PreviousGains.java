package org.hopfieldlab.sim.readout;

import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ModelKind;

/**
 * The gains α_μ of the input window before the current one, for the synapse view's "what the last switch rewired"
 * (W(α now) − W(α before)). Each model has its own answer: IDP's gains are the input's overlaps α_μ(u) = ξ^μ·u/N, so
 * the previous window's are exact; classic synapses never change (the difference is 0); the modern model's gains
 * move with the state, so the answer is the last gains {@link #observe() seen} in the previous window; the discrete
 * model has the fixed Hebbian W and no gains to compare.
 */
public final class PreviousGains {
    private final Simulation sim;
    private int seenWindow = -1;
    private double[] seen;
    private int lastWindow = -1;
    private double[] last;

    public PreviousGains(Simulation sim) {
        this.sim = sim;
    }

    /** Remembers the gains in force now as the latest of the current window (modern model; cheap otherwise). */
    public void observe() {
        if (sim.spec().model() != ModelKind.MODERN) {
            return;
        }
        int w = sim.window();
        if (w != seenWindow) {
            last = seen;
            lastWindow = seenWindow;
            seen = new double[sim.spec().p()];
            seenWindow = w;
        }
        System.arraycopy(sim.model().gains(), 0, seen, 0, seen.length);
    }

    /** The previous window's gains, or null (see {@link #whyNone()}). */
    public double[] previous() {
        int w = sim.window();
        if (w <= 0) {
            return null;
        }
        switch (sim.spec().model()) {
            case IDP: {
                double[] a = new double[sim.spec().p()];
                for (int mu = 0; mu < a.length; mu++) {
                    a[mu] = inputOverlap(sim, w - 1, mu);
                }
                return a;
            }
            case CLASSIC:
                return sim.model().gains().clone();
            case MODERN:
                return lastWindow == w - 1 && last != null ? last.clone() : null;
            default:
                return null;
        }
    }

    /** Why {@link #previous()} has no answer now ("" when it has one). */
    public String whyNone() {
        if (sim.window() <= 0) {
            return "no earlier input window yet";
        }
        if (sim.spec().model() == ModelKind.DISCRETE) {
            return "the discrete model uses the fixed Hebbian W";
        }
        return previous() == null ? "the gains of the previous window were not seen (the run jumped past it)" : "";
    }

    /** ξ^μ · u_w / N: the overlap of window w's input with memory μ (0 when the input is off). IDP's gain α_μ(u_w). */
    public static double inputOverlap(Simulation sim, int w, int mu) {
        double[] u = sim.inputs().u(w);
        if (u == null) {
            return 0;
        }
        MemorySet m = sim.memories();
        double s = 0;
        for (int i = 0; i < m.n(); i++) {
            s = m.get(mu, i) * u[i] + s;
        }
        return s / m.n();
    }
}
