package org.hopfieldlab.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * Runs the trials of experiments in parallel on the JVM (never compiled by TeaVM). Each trial is deterministic in
 * (spec, trial index), so the results do not depend on the number of threads or their order.
 */
public final class TrialPool implements AutoCloseable {
    /** Told after every finished trial. */
    public interface Progress {
        void trialDone(int done, int total);
    }

    private final ExecutorService executor;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public TrialPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "hopfield-trial-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Stops handing out new trials; run(...) then throws {@link CancelledException}. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs every job (spec, trial) and returns the results in job order. */
    public List<TrialResult> run(List<Job> jobs, Progress progress) {
        List<Future<TrialResult>> futures = new ArrayList<>(jobs.size());
        AtomicInteger done = new AtomicInteger();
        int total = jobs.size();
        for (Job job : jobs) {
            futures.add(executor.submit(() -> {
                if (cancelled.get()) {
                    return null;
                }
                TrialResult r = TrialRunner.run(job.spec(), job.trial(), false);
                if (progress != null) {
                    progress.trialDone(done.incrementAndGet(), total);
                }
                return r;
            }));
        }
        List<TrialResult> results = new ArrayList<>(jobs.size());
        for (Future<TrialResult> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new CancelledException();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a trial failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        if (cancelled.get()) {
            throw new CancelledException();
        }
        return results;
    }

    /** All trials 0..trials−1 of one spec. */
    public List<TrialResult> runTrials(ExperimentSpec spec, Progress progress) {
        List<Job> jobs = new ArrayList<>();
        for (int t = 0; t < spec.trials(); t++) {
            jobs.add(new Job(spec, t));
        }
        return run(jobs, progress);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** One trial to run. */
    public record Job(ExperimentSpec spec, int trial) {
    }

    /** Thrown when a run was cancelled (Ctrl-C, a user's cancel). */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled");
        }
    }
}
