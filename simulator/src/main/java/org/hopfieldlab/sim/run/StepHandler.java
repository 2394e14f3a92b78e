package org.hopfieldlab.sim.run;

/**
 * Observes a run (Hipparchus: a step handler). The {@link RunLoop} calls {@link #handleStep} at every sample point —
 * step 0, every multiple of its interval, every input-window boundary and the last step — with the simulation at
 * that step, and {@link #finish} once when the run ends. Handlers only read; they never change the run.
 */
public interface StepHandler {
    /** The simulation is at a sample point ({@code sim.step()}). */
    void handleStep(Simulation sim);

    /**
     * The run ended: at its last step ({@code divergence == null}) or because the state blew up (the message names
     * dt; the state is then unusable). Not called when the run is stopped from outside.
     */
    default void finish(Simulation sim, String divergence) {
    }
}
