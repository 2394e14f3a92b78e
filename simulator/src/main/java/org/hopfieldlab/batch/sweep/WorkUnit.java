package org.hopfieldlab.batch.sweep;

import org.hopfieldlab.sim.run.Recorder;
import org.hopfieldlab.sim.run.RunLoop;
import org.hopfieldlab.sim.run.RunStoppedException;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.run.StopSignal;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * The unit of scheduling: trials {@code [from, to)} of one cell, sized to about {@link #SLICE_SECONDS} of work. A
 * worker runs it for one time quantum; when the quantum is over (or the sweep is cancelled) the {@link RunLoop} stops
 * at its next stop check (every {@link RunLoop#STOP_CHECK_STEPS} steps), and a trial stopped half-way is kept here,
 * parked, to continue later on any worker from the step it reached. Each trial runs from its own seed
 * ({@code Simulation(spec, trial)}), and splitting a run into step chunks does not change its numbers, so slicing and
 * pre-emption leave every result bit-identical to running the cell's trials one after another.
 *
 * <p>The stop check is allocation-free: two volatile reads, an interrupt-flag read and {@code System.nanoTime()}.
 */
final class WorkUnit implements StopSignal {
    /** Target work of one slice: a quarter of a second on a typical core. */
    static final double SLICE_SECONDS = 0.25;

    enum Outcome { DONE, PREEMPTED, STOPPED }

    final SweepJob job;
    final int cell;
    final ExperimentSpec spec;
    final int to;
    int next;
    private final int interval;
    private RunLoop parked;
    private Recorder parkedRecorder;
    private volatile long deadline = Long.MAX_VALUE;
    /** Time spent on the current trial so far (across pre-emptions). */
    private long trialNanos;

    WorkUnit(SweepJob job, int cell, ExperimentSpec spec, int from, int to) {
        this.job = job;
        this.cell = cell;
        this.spec = spec;
        this.next = from;
        this.to = to;
        this.interval = Recorder.defaultInterval(spec);
    }

    /** Trials per slice for this spec: about {@link #SLICE_SECONDS} of work, at least one. */
    static int trialsPerSlice(ExperimentSpec spec) {
        double perTrial = (double) spec.steps() * spec.n() * Math.max(1, spec.p());
        double budget = SLICE_SECONDS * SweepCost.WORK_PER_SECOND_PER_THREAD;
        return (int) Math.max(1, Math.min(spec.trials(), Math.floor(budget / Math.max(1, perTrial))));
    }

    /** Whether a trial is parked half-way. */
    boolean hasParkedTrial() {
        return parked != null;
    }

    @Override
    public boolean stopRequested() {
        return job.isCancelled() || Thread.currentThread().isInterrupted() || System.nanoTime() > deadline;
    }

    /**
     * Runs trials until the slice is done, the quantum is over ({@code quantumNanos}; PREEMPTED, resumable) or the
     * sweep is cancelled / the worker interrupted (STOPPED). Each finished trial is handed to the job at once.
     */
    Outcome run(long quantumNanos) {
        deadline = quantumNanos <= 0 ? Long.MAX_VALUE : System.nanoTime() + quantumNanos;
        while (next < to) {
            if (job.isCancelled() || Thread.currentThread().isInterrupted()) {
                return Outcome.STOPPED;
            }
            long t0 = System.nanoTime();
            if (parked == null) {
                Simulation sim = new Simulation(spec, next);
                parkedRecorder = new Recorder(sim, 0);
                parked = new RunLoop(sim, interval, this, parkedRecorder);
            }
            try {
                parked.runToEnd();
            } catch (RunStoppedException e) {
                trialNanos += System.nanoTime() - t0;
                return job.isCancelled() || Thread.currentThread().isInterrupted() ? Outcome.STOPPED
                        : Outcome.PREEMPTED;
            }
            TrialResult r = parkedRecorder.result();
            double seconds = (trialNanos + System.nanoTime() - t0) / 1e9;
            parked = null;
            parkedRecorder = null;
            trialNanos = 0;
            next++;
            job.trialFinished(this, r, seconds);
            if (next < to && System.nanoTime() > deadline) {
                return Outcome.PREEMPTED;
            }
        }
        return Outcome.DONE;
    }
}
