package org.hopfieldlab.sim.run;

/** Asked by the {@link RunLoop} every few steps whether to stop (sweep cancel, shutdown). Must be cheap. */
public interface StopSignal {
    boolean stopRequested();
}
