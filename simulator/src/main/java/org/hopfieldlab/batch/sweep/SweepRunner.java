package org.hopfieldlab.batch.sweep;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

/** Runs one sweep to the end on its own scheduler (the CLI and tests); the server shares one scheduler instead. */
public final class SweepRunner {
    private SweepRunner() {
    }

    /** Told after every trial. */
    public interface Progress {
        void update(SweepJob job);
    }

    /** Runs every cell on {@code threads} workers and returns the result; throws when cancelled or failed. */
    public static SweepResult run(SweepDefinition def, int threads, Progress progress) {
        ConcurrentLinkedQueue<CellResult> cells = new ConcurrentLinkedQueue<>();
        try (SweepScheduler scheduler = new SweepScheduler(Math.min(threads, def.cellCount()))) {
            SweepJob job = scheduler.submit("local", "cli", def, List.of(), new SweepListener() {
                @Override
                public void cellDone(SweepJob j, CellResult result) {
                    cells.add(result);
                }

                @Override
                public void trialDone(SweepJob j) {
                    if (progress != null) {
                        progress.update(j);
                    }
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
