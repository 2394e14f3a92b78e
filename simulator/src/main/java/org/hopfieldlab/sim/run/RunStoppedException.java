package org.hopfieldlab.sim.run;

/** A run was stopped from outside (its {@link StopSignal} said so) before it ended: it has no result. */
public final class RunStoppedException extends RuntimeException {
    private final int step;

    public RunStoppedException(int step) {
        super("the run was stopped at step " + step);
        this.step = step;
    }

    /** The step the run had reached. */
    public int step() {
        return step;
    }
}
