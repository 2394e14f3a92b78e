package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;

/**
 * Runs a block of trials of one spec through the batched kernel ({@link TrialBatch}, lanes = trials): the same
 * sample points ({@link SamplePoints}), input events and {@link Recorder} as a single run, and every trial's result
 * bit-identical to {@code TrialRunner.run(spec, trial, false)}. Sign-unit models have no batched kernel and run trial
 * by trial. No threads: callers parallelise over blocks.
 */
public final class BatchRunner {
    /** Lanes per batch unless told otherwise: the lane kernel's width (see the README's Performance). */
    public static final int DEFAULT_LANES = LaneKernel.WIDTH;
    /** The smallest batch that gains from the lane kernel; smaller batches step lane by lane. */
    public static final int MIN_LANES = LaneKernel.MIN_LANES;

    private BatchRunner() {
    }

    /** Whether the spec runs on the batched kernel (rate models) rather than trial by trial. */
    public static boolean supports(ExperimentSpec spec) {
        return spec.model() != ModelKind.DISCRETE;
    }

    /** {@link #run(ExperimentSpec, int, int, int, StopSignal, TrialSink)} with {@link #DEFAULT_LANES} lanes. */
    public static int run(ExperimentSpec spec, int fromTrial, int toTrial, StopSignal stop, TrialSink sink) {
        return run(spec, fromTrial, toTrial, DEFAULT_LANES, stop, sink);
    }

    /**
     * Runs trials [fromTrial, toTrial) in batches of up to {@code lanes} (at most {@link #DEFAULT_LANES}), handing each result to {@code sink} in trial
     * order; the stop signal is asked every {@link RunLoop#STOP_CHECK_STEPS} steps. Returns how many trials finished
     * (all of them, or the prefix delivered before a stop).
     */
    public static int run(ExperimentSpec spec, int fromTrial, int toTrial, int lanes, StopSignal stop,
            TrialSink sink) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1: " + lanes);
        }
        lanes = Math.min(lanes, LaneKernel.WIDTH);
        int done = 0;
        int interval = Recorder.defaultInterval(spec);
        for (int first = fromTrial; first < toTrial; first += lanes) {
            int count = Math.min(lanes, toTrial - first);
            try {
                if (supports(spec) && count > 1) {
                    TrialBatch batch = new TrialBatch(spec, first, count);
                    runBatch(batch, spec, interval, stop);
                    for (int b = 0; b < count; b++) {
                        sink.trialDone(batch.result(b));
                    }
                } else {
                    for (int t = first; t < first + count; t++) {
                        sink.trialDone(TrialRunner.run(spec, t, false, interval, stop));
                        done++;
                    }
                    continue;
                }
            } catch (RunStoppedException e) {
                return done;
            }
            done += count;
        }
        return done;
    }

    /**
     * The run loop of a batch: steps to the next sample point or input event, asking the stop signal as it goes. A
     * sample point is scored during the following step (its right-hand side projects that state anyway).
     */
    private static void runBatch(TrialBatch batch, ExperimentSpec spec, int interval, StopSignal stop) {
        SamplePoints points = new SamplePoints(spec, interval);
        Simulation lead = batch.simulation(0);
        int total = spec.steps();
        int step = 0;
        boolean observe = true;
        while (step < total && batch.anyLive()) {
            int sample = points.nextAfter(step);
            int event = lead.nextEvent();
            int end = Math.min(sample, event);
            if (stop != null) {
                if (stop.stopRequested()) {
                    throw new RunStoppedException(step);
                }
                end = Math.min(end, step + RunLoop.STOP_CHECK_STEPS);
            }
            for (; step < end; step++) {
                batch.step(step, observe);
                observe = false;
            }
            if (step == event) {
                batch.applyEvents(step);
            }
            if (step == sample) {
                observe = true;
            }
        }
        batch.finish(total);
    }
}
