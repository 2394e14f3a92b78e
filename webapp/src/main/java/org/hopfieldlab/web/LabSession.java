package org.hopfieldlab.web;

import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.readout.PreviousGains;
import org.hopfieldlab.sim.run.Recorder;
import org.hopfieldlab.sim.run.RunLoop;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.run.StepHandler;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.theory.SynapseSample;
import org.hopfieldlab.sim.theory.TheoryProbe;

/**
 * One live simulation in the page: the core's run loop and recorder (the same ones the CLI and the server use, at the
 * same sample points), a projection track for the energy-landscape trajectory, and the read-out buffers of the
 * current state the page polls once per frame.
 */
final class LabSession {
    /** At most about this many series samples per run are kept for the plots. */
    static final int MAX_SAMPLES = 1500;

    final ExperimentSpec spec;
    final Simulation sim;
    final Recorder recorder;
    final RunLoop loop;
    final ProjectionTrack track;
    final int seriesEvery;
    final double[] overlaps;
    final double[] activations;
    /** σ(x) as 8-bit grey levels (0: σ = −1, 255: σ = +1), as of the last refresh: the network picture's pixels. */
    final byte[] levels;
    /** Watches the run for the theory panel's equilibrium test (fed at every refresh, i.e. every sample). */
    final TheoryProbe probe;
    /** The last synapse sample the page asked for (schema helper's exports). */
    SynapseSample synapses;
    /** The previous input window's gains for the synapse view's difference (created on first use). */
    private PreviousGains previousGains;

    PreviousGains previousGains() {
        if (previousGains == null) {
            previousGains = new PreviousGains(sim);
        }
        return previousGains;
    }

    LabSession(ExperimentSpec spec, int trial) {
        this.spec = spec;
        this.sim = new Simulation(spec, trial);
        int interval = Recorder.defaultInterval(spec);
        // the plotted series is a multiple of the scoring interval, so every plotted sample is also a scored one
        int every = interval * Math.max(1, (spec.steps() + interval * MAX_SAMPLES - 1) / (interval * MAX_SAMPLES));
        this.seriesEvery = every;
        this.recorder = new Recorder(sim, every);
        this.track = new ProjectionTrack(recorder, spec.steps() / every + 2);
        this.probe = new TheoryProbe(sim);
        // the theory panel's equilibrium detector watches every scored sample point, as the recorder does, reading
        // the overlaps the recorder has just computed (it runs first) rather than computing them again
        StepHandler theory = s -> probe.sample(recorder.overlapsNow());
        this.loop = new RunLoop(sim, interval, null, recorder, track, theory);
        this.overlaps = new double[spec.p()];
        this.activations = new double[spec.n()];
        this.levels = new byte[spec.n()];
    }

    /**
     * Recomputes overlaps, σ(x) and its grey levels from the current state, once per frame. O(N·P). The energy is not
     * among them: no view draws it per frame (the plotted energies are the recorder's samples).
     */
    void refresh() {
        sim.overlaps(overlaps);
        probe.sample(overlaps);
        double[] x = sim.state();
        double[] act = activations;
        byte[] lv = levels;
        for (int i = 0; i < x.length; i++) {
            double a = sim.model().activation(x[i]);
            act[i] = a;
            int g = (int) Math.round((a + 1) * 127.5);
            lv[i] = (byte) (g < 0 ? 0 : (g > 255 ? 255 : g));
        }
        previousGains().observe();
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
        return PreviousGains.inputOverlap(sim, w, mu);
    }

    /**
     * Beside every series sample of the recorder, the state's projections ξ^μ·x/N on two chosen memories (the
     * trajectory drawn over the energy landscape); NaN while no pair is chosen.
     */
    static final class ProjectionTrack implements StepHandler {
        private final Recorder recorder;
        private final double[] first;
        private final double[] second;
        private int mu1 = -1;
        private int mu2 = -1;

        ProjectionTrack(Recorder recorder, int capacity) {
            this.recorder = recorder;
            this.first = new double[capacity];
            this.second = new double[capacity];
        }

        void choose(int a, int b) {
            mu1 = a;
            mu2 = b;
        }

        @Override
        public void handleStep(Simulation sim) {
            int k = recorder.samples() - 1;
            if (k >= 0 && recorder.sampleStep(k) == sim.step()) {
                first[k] = mu1 < 0 ? Double.NaN : sim.projection(mu1);
                second[k] = mu2 < 0 ? Double.NaN : sim.projection(mu2);
            }
        }

        /** Projection j (0 or 1) at series sample k. */
        double at(int k, int j) {
            return j == 0 ? first[k] : second[k];
        }
    }
}
