package org.hopfieldlab.sim.run;

/** Receives finished trials, in trial order (a sweep tallies them; a cancelled block keeps what it got). */
public interface TrialSink {
    void trialDone(TrialResult result);
}
