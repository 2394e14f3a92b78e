package org.hopfieldlab.web;

import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.theory.Theory;

/** One live simulation in the page plus the read-out buffers the page polls (refreshed on demand, not per step). */
final class LabSession {
    final ExperimentSpec spec;
    final Simulation sim;
    final double[] overlaps;
    final double[] activations;
    double energy;
    Theory.MemoryPrediction[] theory;

    LabSession(ExperimentSpec spec, int trial) {
        this.spec = spec;
        this.sim = new Simulation(spec, trial);
        this.overlaps = new double[spec.p()];
        this.activations = new double[spec.n()];
    }

    /** Recomputes overlaps, energy and σ(x) from the current state. O(N·P). */
    void refresh() {
        sim.overlaps(overlaps);
        energy = sim.energy();
        double[] x = sim.state();
        for (int i = 0; i < x.length; i++) {
            activations[i] = sim.model().activation(x[i]);
        }
    }

    /** E(x; u) at x = a ξ^μ1 + b ξ^μ2 (the plane of two memories), with the input in force now. */
    double energyAt(int mu1, int mu2, double a, double b, double[] scratch) {
        MemorySet m = sim.memories();
        for (int i = 0; i < m.n(); i++) {
            scratch[i] = m.get(mu1, i) * a + m.get(mu2, i) * b;
        }
        return sim.model().energy(scratch);
    }

    double inputGain(int w, int mu) {
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

    double projection(int mu) {
        MemorySet m = sim.memories();
        double[] x = sim.state();
        double s = 0;
        for (int i = 0; i < m.n(); i++) {
            s = m.get(mu, i) * x[i] + s;
        }
        return s / m.n();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    String activationsHex() {
        char[] out = new char[activations.length * 2];
        for (int i = 0; i < activations.length; i++) {
            int g = (int) Math.round((activations[i] + 1) * 127.5);
            g = g < 0 ? 0 : (g > 255 ? 255 : g);
            out[2 * i] = HEX[g >> 4];
            out[2 * i + 1] = HEX[g & 15];
        }
        return new String(out);
    }
}
