package org.hopfieldlab.sim.theory;

import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * Watches one simulation for the theory panel: {@link #sample()} reads the overlaps and amplitudes and feeds the
 * equilibrium detector (call it as the run advances, e.g. at every recorded sample); {@link #report()} judges the
 * current state against the theory. The lab and the tests use it the same way.
 */
public final class TheoryProbe {
    private final Simulation sim;
    private final SteadyState steady;
    private final double[] overlaps;
    private final double[] amplitudes;

    public TheoryProbe(Simulation sim) {
        ExperimentSpec spec = sim.spec();
        this.sim = sim;
        this.steady = new SteadyState(spec.p(), spec.beta(), spec.noise(), spec.n());
        this.overlaps = new double[spec.p()];
        this.amplitudes = new double[spec.p()];
    }

    /** Reads the state now and records it (the input segment is the window and whether its input is on). */
    public void sample() {
        if (steady.wants(sim.time(), segment())) {
            sim.overlaps(overlaps);
            record();
        }
    }

    /** As {@link #sample()} with the overlaps m_μ of the state now already computed by the caller. */
    public void sample(double[] overlapsNow) {
        if (steady.wants(sim.time(), segment())) {
            System.arraycopy(overlapsNow, 0, overlaps, 0, overlaps.length);
            record();
        }
    }

    private int segment() {
        return sim.window() * 2 + (sim.inputOn() ? 1 : 0);
    }

    private void record() {
        amplitudes();
        steady.observe(sim.time(), segment(), overlaps, amplitudes);
    }

    /** The verdict for the state now (which the detector sees first). */
    public TheoryVerdict.Report report() {
        sample();
        read();
        ExperimentSpec spec = sim.spec();
        return TheoryVerdict.judge(spec.model(), sim.memories(), sim.model().gains(), spec.beta(), spec.noise(),
                overlaps, amplitudes, steady.status(), sim.time());
    }

    private void read() {
        sim.overlaps(overlaps);
        amplitudes();
    }

    private void amplitudes() {
        int n = sim.memories().n();
        double[] raw = sim.memories().raw();
        double[] x = sim.state();
        for (int mu = 0; mu < amplitudes.length; mu++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s = raw[mu * n + i] * x[i] + s;
            }
            amplitudes[mu] = s / n;
        }
    }
}
