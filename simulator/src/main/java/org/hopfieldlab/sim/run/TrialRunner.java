package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.spec.ExperimentSpec;

/** Runs one trial to the end through the {@link RunLoop} and the {@link Recorder}: the headless front ends' entry. */
public final class TrialRunner {
    private TrialRunner() {
    }

    /** Default sampling (see {@link Recorder#defaultInterval}). */
    public static int defaultInterval(ExperimentSpec spec) {
        return Recorder.defaultInterval(spec);
    }

    public static TrialResult run(ExperimentSpec spec, int trial, boolean recordSeries) {
        return run(spec, trial, recordSeries, defaultInterval(spec), null);
    }

    public static TrialResult run(ExperimentSpec spec, int trial, boolean recordSeries, int interval) {
        return run(spec, trial, recordSeries, interval, null);
    }

    /**
     * Runs trial {@code trial}; overlaps are checked every {@code interval} steps (and at window boundaries) for the
     * time to retrieval and recorded when {@code recordSeries}. A divergence is reported in the result's error.
     *
     * @param stop asked every {@link RunLoop#STOP_CHECK_STEPS} steps, or null
     * @throws RunStoppedException when {@code stop} asked to stop before the end
     */
    public static TrialResult run(ExperimentSpec spec, int trial, boolean recordSeries, int interval,
            StopSignal stop) {
        Simulation sim = new Simulation(spec, trial);
        Recorder recorder = new Recorder(sim, recordSeries ? interval : 0);
        new RunLoop(sim, interval, stop, recorder).runToEnd();
        return recorder.result();
    }

    /** See {@link Recorder#isRetrieved}. */
    public static boolean isRetrieved(double[] m, int target, double threshold) {
        return Recorder.isRetrieved(m, target, threshold);
    }

    /** See {@link Recorder#argmax}. */
    public static int argmax(double[] m) {
        return Recorder.argmax(m);
    }
}
