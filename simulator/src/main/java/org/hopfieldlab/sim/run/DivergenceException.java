package org.hopfieldlab.sim.run;

/** The integration blew up (NaN, infinity or |x| beyond the bound): the message names dt and what to do. */
public final class DivergenceException extends RuntimeException {
    private final double time;

    public DivergenceException(double time, double dt, double bound) {
        super("the simulation diverged at t = " + round(time) + " (|x| went beyond " + (long) bound
                + " or became NaN): the step dt = " + dt + " is too large for these dynamics; lower dt (e.g. to "
                + (dt / 10) + ") and run again");
        this.time = time;
    }

    private static String round(double t) {
        return Double.toString(Math.round(t * 1000) / 1000.0);
    }

    public double time() {
        return time;
    }
}
