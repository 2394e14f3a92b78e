package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bounded pool of worker threads shared by all sweeps. Cells are handed out fairly: owners take turns (round
 * robin), and each owner's sweeps run in submission order, so one user's big sweep cannot starve another's. Each
 * cell runs its trials on one worker; cells of a sweep run in parallel.
 */
public final class SweepScheduler implements AutoCloseable {
    private final Map<String, List<SweepJob>> byOwner = new LinkedHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final List<String> turn = new ArrayList<>();
    private int nextOwner;
    private boolean closed;

    public SweepScheduler(int threads) {
        for (int k = 0; k < Math.max(1, threads); k++) {
            Thread t = new Thread(this::workLoop, "hopfield-sweep-" + (k + 1));
            t.setDaemon(true);
            // below the web threads: a sweep should never make the UI sluggish
            t.setPriority(Thread.NORM_PRIORITY - 1);
            workers.add(t);
            t.start();
        }
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return workers.size();
    }

    /** Queues a sweep with a fresh id. */
    public SweepJob submit(String owner, SweepDefinition definition, SweepListener listener) {
        return submit(UUID.randomUUID().toString(), owner, definition, List.of(), listener);
    }

    /** Queues a sweep; cells in {@code finishedCells} were done before (resume) and are skipped. */
    public SweepJob submit(String id, String owner, SweepDefinition definition, Collection<Integer> finishedCells,
            SweepListener listener) {
        SweepJob job = new SweepJob(id, owner, definition, finishedCells, listener);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the sweep scheduler is shut down");
            }
            byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(job);
            if (!turn.contains(owner)) {
                turn.add(owner);
            }
            notifyAll();
        }
        job.finishIfEmpty();
        return job;
    }

    /** Number of sweeps waiting or running. */
    public synchronized int activeJobs() {
        int n = 0;
        for (List<SweepJob> jobs : byOwner.values()) {
            n += jobs.size();
        }
        return n;
    }

    private void workLoop() {
        while (true) {
            SweepJob job;
            int cell;
            synchronized (this) {
                Object[] next;
                while ((next = nextCell()) == null) {
                    if (closed) {
                        return;
                    }
                    try {
                        wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                job = (SweepJob) next[0];
                cell = (Integer) next[1];
            }
            runCell(job, cell);
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private void runCell(SweepJob job, int cell) {
        CellResult result = null;
        Throwable failure = null;
        try {
            final SweepJob j = job;
            result = CellEngine.run(job.definition(), cell,
                    () -> j.isCancelled() || Thread.currentThread().isInterrupted(), () -> j.countTrial(cell));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        job.cellEnded(cell, result, failure);
    }

    /** Round robin over owners; within an owner, the oldest sweep with cells left. Drops finished jobs. */
    private Object[] nextCell() {
        if (closed) {
            return null;
        }
        for (int tries = 0; tries < turn.size(); tries++) {
            int idx = (nextOwner + tries) % turn.size();
            String owner = turn.get(idx);
            List<SweepJob> jobs = byOwner.get(owner);
            jobs.removeIf(j -> j.completion().isDone() || (!j.hasPending() && j.state() != SweepJob.State.RUNNING
                    && j.state() != SweepJob.State.QUEUED));
            for (SweepJob j : jobs) {
                Integer cell = j.takeCell();
                if (cell != null) {
                    nextOwner = (idx + 1) % turn.size();
                    return new Object[] {j, cell};
                }
            }
        }
        // forget owners with nothing left
        turn.removeIf(o -> {
            List<SweepJob> jobs = byOwner.get(o);
            jobs.removeIf(j -> j.completion().isDone());
            if (jobs.isEmpty()) {
                byOwner.remove(o);
                return true;
            }
            return false;
        });
        if (!turn.isEmpty()) {
            nextOwner %= turn.size();
        } else {
            nextOwner = 0;
        }
        return null;
    }

    /**
     * Stops the workers at once (as a crash or shutdown would): running cells are abandoned unrecorded, queued jobs
     * end as failed. Finished cells were already handed to their listeners.
     */
    @Override
    public void close() {
        List<SweepJob> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (List<SweepJob> jobs : byOwner.values()) {
                all.addAll(jobs);
            }
            byOwner.clear();
            turn.clear();
            notifyAll();
        }
        for (Thread t : workers) {
            t.interrupt();
        }
        for (SweepJob j : all) {
            j.abort("the server stopped; the sweep resumes from its unfinished cells on restart");
        }
        for (Thread t : workers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
