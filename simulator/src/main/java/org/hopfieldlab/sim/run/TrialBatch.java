package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.model.ContinuousModel;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * B trials of one rate-model spec stepped in lock-step. Each lane is a {@link Simulation} (built exactly as for a
 * single run); the arithmetic is the {@link LaneKernel} (projections and noise across lanes) when the memories are
 * exact bytes, else each lane's own model and integrator — either way every trial's bits are those of
 * {@link TrialRunner}. The batch also gives one loop control for all lanes (events, sample points, stop checks), and
 * free scoring — at a sample point the overlaps come from the projections the next step's right-hand side computes
 * anyway, instead of a second activation and projection pass.
 */
final class TrialBatch {
    private final int lanes;
    private final double dt;
    private final double noise;
    private final Simulation[] sims;
    private final ContinuousModel[] models;
    private final EulerMaruyama[] integrators;
    private final Recorder[] recorders;
    private final boolean[] live;
    private final double[] m;
    /** The lanes' arithmetic, or null (memories not exact bytes): then each lane steps through its own model. */
    private final LaneKernel kernel;
    private final double[][] states;
    private final boolean[] moved;

    TrialBatch(ExperimentSpec spec, int firstTrial, int count) {
        this.lanes = count;
        this.dt = spec.dt();
        this.noise = spec.noise();
        sims = new Simulation[count];
        models = new ContinuousModel[count];
        integrators = new EulerMaruyama[count];
        recorders = new Recorder[count];
        live = new boolean[count];
        m = new double[spec.p()];
        for (int b = 0; b < count; b++) {
            Simulation sim = new Simulation(spec, firstTrial + b);
            sims[b] = sim;
            models[b] = sim.continuousModel();
            integrators[b] = sim.integrator();
            recorders[b] = new Recorder(sim, 0);
            live[b] = true;
        }
        kernel = LaneKernel.supports(sims) ? new LaneKernel(sims, dt, noise) : null;
        states = new double[count][];
        for (int b = 0; b < count; b++) {
            states[b] = sims[b].state();
        }
        moved = new boolean[count];
    }

    /** Whether the lanes step through the {@link LaneKernel} (else each through its own model). */
    boolean usesLaneKernel() {
        return kernel != null;
    }

    Simulation simulation(int lane) {
        return sims[lane];
    }

    /** The lane's result once the batch ran to its end (or the lane diverged). */
    TrialResult result(int lane) {
        return recorders[lane].result();
    }

    boolean anyLive() {
        for (boolean l : live) {
            if (l) {
                return true;
            }
        }
        return false;
    }

    /**
     * One Euler–Maruyama step of every live lane from {@code step}. With {@code observe} the step is a sample point:
     * the recorder gets m_μ = |h_μ| / N from the projections the right-hand side just computed for x at that step.
     */
    void step(int step, boolean observe) {
        if (kernel != null) {
            kernelStep(step, observe);
            return;
        }
        for (int b = 0; b < lanes; b++) {
            if (!live[b]) {
                continue;
            }
            double[] x = sims[b].state();
            EulerMaruyama integrator = integrators[b];
            models[b].rightHandSide(x, integrator.drift());
            if (observe) {
                int n = x.length;
                double[] h = models[b].projections();
                for (int mu = 0; mu < m.length; mu++) {
                    double v = h[mu] / n;
                    m[mu] = v < 0 ? -v : v;
                }
                sims[b].syncTo(step);
                recorders[b].observe(sims[b], m);
            }
            if (!integrator.update(x, dt, noise, sims[b].dynamics())) {
                // as a single run: it throws before counting the step, naming the time of step + 1
                sims[b].syncTo(step);
                live[b] = false;
                recorders[b].finish(sims[b],
                        new DivergenceException((step + 1) * dt, dt, EulerMaruyama.BOUND).getMessage());
            }
        }
    }

    /** {@link #step} through the lane kernel: all right-hand sides, the sample point, then all updates. */
    private void kernelStep(int step, boolean observe) {
        kernel.rightHandSides(states, live);
        if (observe) {
            for (int b = 0; b < lanes; b++) {
                if (live[b]) {
                    double[] h = kernel.projections(b);
                    int n = states[b].length;
                    for (int mu = 0; mu < m.length; mu++) {
                        double v = h[mu] / n;
                        m[mu] = v < 0 ? -v : v;
                    }
                    sims[b].syncTo(step);
                    recorders[b].observe(sims[b], m);
                }
            }
        }
        kernel.move(states, live, moved);
        for (int b = 0; b < lanes; b++) {
            if (live[b] && !moved[b]) {
                sims[b].syncTo(step);
                live[b] = false;
                recorders[b].finish(sims[b],
                        new DivergenceException((step + 1) * dt, dt, EulerMaruyama.BOUND).getMessage());
            }
        }
    }

    /** Applies the input events at {@code step} to every lane (their models' gains or additive input change). */
    void applyEvents(int step) {
        for (Simulation sim : sims) {
            sim.syncTo(step);
        }
    }

    /** The last step: every live lane is scored from its state and its recorder finishes. */
    void finish(int step) {
        for (int b = 0; b < lanes; b++) {
            if (live[b]) {
                sims[b].syncTo(step);
                recorders[b].handleStep(sims[b]);
                recorders[b].finish(sims[b], null);
                live[b] = false;
            }
        }
    }
}
