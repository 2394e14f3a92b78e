package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.input.ResolvedInput;
import org.hopfieldlab.sim.model.NetworkModel;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * The input changes of one trial as events at known steps (in Hipparchus terms: event detectors whose switching
 * times are known in advance): window w starts at {@link ExperimentSpec#windowStartStep}, and with pulsed delivery
 * its input goes off {@code pulse / dt} steps later. Between events the input is constant, so the stepper runs
 * tight loops from one event to the next.
 */
public final class InputEvents {
    private final ResolvedInput inputs;
    private final int[] windowStart;
    private final int pulseSteps;
    private int window = -1;
    private boolean on;

    public InputEvents(ExperimentSpec spec, ResolvedInput inputs) {
        this.inputs = inputs;
        this.windowStart = new int[spec.schedule().size()];
        for (int w = 0; w < windowStart.length; w++) {
            windowStart[w] = spec.windowStartStep(w);
        }
        this.pulseSteps = (int) Math.round(spec.pulse() / spec.dt());
    }

    /**
     * Sets on the model the input in force at {@code step} (called at step 0 and at every event step, in order).
     * The model is told only when the input really changes.
     */
    public void apply(int step, NetworkModel model) {
        int w = window < 0 ? 0 : window;
        while (w + 1 < windowStart.length && step >= windowStart[w + 1]) {
            w++;
        }
        boolean nowOn = inputs.u(w) != null && (pulseSteps == 0 || step - windowStart[w] < pulseSteps);
        if (w != window || nowOn != on) {
            window = w;
            on = nowOn;
            model.setInput(nowOn ? inputs.u(w) : null);
        }
    }

    /** The first event step after {@code step} (a window start or a pulse end), or Integer.MAX_VALUE. */
    public int nextAfter(int step) {
        int next = Integer.MAX_VALUE;
        for (int w = 0; w < windowStart.length; w++) {
            int s = windowStart[w];
            if (s > step && s < next) {
                next = s;
            }
            if (pulseSteps > 0) {
                int end = s + pulseSteps;
                if (end > step && end < next) {
                    next = end;
                }
            }
        }
        return next;
    }

    /** The window in force (as of the last {@link #apply}). */
    public int window() {
        return window;
    }

    /** Whether the input is on (as of the last {@link #apply}). */
    public boolean on() {
        return on;
    }
}
