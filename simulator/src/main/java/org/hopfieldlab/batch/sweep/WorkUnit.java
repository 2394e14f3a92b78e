package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.run.BatchRunner;
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
 * <p>Short trials of a rate model run up to {@link BatchRunner#DEFAULT_LANES} at a time through the batched kernel
 * (same bits, faster per trial) when the whole batch is at most {@link #BATCH_STRETCH} slices of work: such a batch
 * runs to its end unless the sweep is cancelled (a pre-empted batch would lose its work), so a quantum overruns by at
 * most that much. A cell's last few trials (fewer than {@link BatchRunner#MIN_LANES}) run as a narrow batch too:
 * its lanes step one by one, but each sample point is scored from the projections the next step computes anyway,
 * which alone saves a single run's scoring (measured: the README's Performance).
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
    /** The quantum of the current {@link #run} (0: none). */
    private long quantumNanos;
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
        double perTrial = SweepCost.runWork(spec);
        double budget = SLICE_SECONDS * SweepCost.WORK_PER_SECOND_PER_THREAD;
        int n = (int) Math.max(1, Math.min(spec.trials(), Math.floor(budget / Math.max(1, perTrial))));
        int lanes = BatchRunner.DEFAULT_LANES;
        if (BatchRunner.supports(spec)) {
            // whole batches of the lane kernel, which gains most at full width: a slice of a few trials grows to
            // one batch when that is at most BATCH_STRETCH slices of work, a larger one is cut to whole batches
            if (n < lanes && lanes * perTrial <= BATCH_STRETCH * budget) {
                n = Math.min(spec.trials(), lanes);
            } else if (n > lanes) {
                n -= n % lanes;
            }
        }
        return n;
    }

    /** The fewest trials run as a batch: below {@link BatchRunner#MIN_LANES} it still saves the scoring. */
    static final int MIN_BATCH = 2;

    /** How far one batch may stretch a slice (and a quantum): fairness stays within a fraction of a second. */
    static final double BATCH_STRETCH = 1.5;

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
        this.quantumNanos = Math.max(0, quantumNanos);
        while (next < to) {
            if (job.isCancelled() || Thread.currentThread().isInterrupted()) {
                return Outcome.STOPPED;
            }
            int batch = parked == null ? batchSize() : 0;
            if (batch > 0) {
                if (!runBatch(batch)) {
                    return Outcome.STOPPED;
                }
                if (next < to && System.nanoTime() > deadline) {
                    return Outcome.PREEMPTED;
                }
                continue;
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

    /**
     * How many of the next trials to run as one batch, or 0 to run the next one alone: a batch must be within the
     * unit's slice and, by the cost model's estimate, fit in a stretched quantum (a short quantum keeps trials
     * pre-emptible).
     */
    private int batchSize() {
        int k = Math.min(BatchRunner.DEFAULT_LANES, to - next);
        if (!BatchRunner.supports(spec) || k < MIN_BATCH || k > trialsPerSlice(spec)) {
            return 0;
        }
        double batchNanos = 1e9 * k * SweepCost.runWork(spec) / SweepCost.WORK_PER_SECOND_PER_THREAD;
        return quantumNanos == 0 || batchNanos <= BATCH_STRETCH * quantumNanos ? k : 0;
    }

    /** Runs trials [next, next + k) as one batch; false when the sweep was cancelled or the worker interrupted. */
    private boolean runBatch(int k) {
        long t0 = System.nanoTime();
        List<TrialResult> results = new ArrayList<>(k);
        int done = BatchRunner.run(spec, next, next + k, k,
                () -> job.isCancelled() || Thread.currentThread().isInterrupted(), results::add);
        if (done < k) {
            return false;
        }
        double seconds = (System.nanoTime() - t0) / 1e9 / k;
        job.batchedTrials.addAndGet(k);
        for (TrialResult r : results) {
            next++;
            job.trialFinished(this, r, seconds);
        }
        return true;
    }
}
