package org.hopfieldlab.batch.sweep;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.hopfieldlab.sim.run.TrialResult;

/**
 * Runs one sweep to the end on its own scheduler (the CLI's {@code sweep} and {@code experiment}, and tests); the
 * server shares one scheduler instead.
 */
public final class SweepRunner {
    private SweepRunner() {
    }

    /** Told after every trial. */
    public interface Progress {
        void update(SweepJob job);
    }

    /** Runs every cell on {@code threads} workers and returns the result; throws when cancelled or failed. */
    public static SweepResult run(SweepDefinition def, int threads, Progress progress) {
        return run(def, threads, List.of(), null, progress);
    }

    /**
     * Runs the cells not in {@code skip} (finished before, or another shard's) and returns them; {@code done}, when
     * given, is told each cell as it finishes (a journal writes it there).
     */
    public static SweepResult run(SweepDefinition def, int threads, Collection<Integer> skip,
            Consumer<CellResult> done, Progress progress) {
        return run(def, threads, skip, new SweepListener() {
            @Override
            public void cellDone(SweepJob j, CellResult result) {
                if (done != null) {
                    done.accept(result);
                }
            }

            @Override
            public void trialDone(SweepJob j) {
                if (progress != null) {
                    progress.update(j);
                }
            }
        });
    }

    /**
     * Runs the cells not in {@code skip}, telling {@code listener} everything (its {@code finished} is not called:
     * this method's return or exception says how the run ended). An interrupt of the calling thread cancels the
     * sweep (the CLI's Ctrl-C).
     *
     * @throws IllegalStateException "sweep cancelled" or "sweep failed: …"
     */
    public static SweepResult run(SweepDefinition def, int threads, Collection<Integer> skip,
            SweepListener listener) {
        ConcurrentLinkedQueue<CellResult> cells = new ConcurrentLinkedQueue<>();
        long toRun = (long) (def.cellCount() - (int) skip.stream().distinct().count()) * def.trialsPerCell();
        // workers share a cell's trials (WorkUnit slices), so a one-cell run still uses every thread
        try (SweepScheduler scheduler = new SweepScheduler((int) Math.max(1, Math.min(threads, toRun)))) {
            SweepJob job = scheduler.submit("local", "cli", def, skip, new SweepListener() {
                @Override
                public void cellDone(SweepJob j, CellResult result) {
                    listener.cellDone(j, result);
                    cells.add(result);
                }

                @Override
                public void cellPartial(SweepJob j, CellResult result) {
                    listener.cellPartial(j, result);
                }

                @Override
                public void trialResult(SweepJob j, int cell, TrialResult result) {
                    listener.trialResult(j, cell, result);
                }

                @Override
                public void trialDone(SweepJob j) {
                    listener.trialDone(j);
                }
            });
            SweepJob.State state;
            try {
                state = job.completion().get();
            } catch (InterruptedException e) {
                job.cancel();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep cancelled");
            } catch (ExecutionException e) {
                throw new IllegalStateException("sweep failed: " + e.getCause().getMessage(), e.getCause());
            }
            if (state == SweepJob.State.FAILED) {
                throw new IllegalStateException("sweep failed: " + job.error());
            }
            if (state == SweepJob.State.CANCELLED) {
                throw new IllegalStateException("sweep cancelled");
            }
        }
        return SweepResult.of(def, cells);
    }
}
