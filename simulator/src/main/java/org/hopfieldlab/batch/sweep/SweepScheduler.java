package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bounded pool of worker threads shared by all sweeps. Work goes out in small {@link WorkUnit}s (slices of a cell's
 * trials, about 0.25 s each) and a worker runs a unit for at most one time quantum (default 250 ms) before it goes
 * back to the queue — a trial cut half-way is parked and continues later — so the queue is fair within a fraction of
 * a second: owners take turns (round robin), and each owner's sweeps run in submission order, at most
 * {@code maxRunningPerOwner} of them at a time. Units of one sweep run in parallel.
 */
public final class SweepScheduler implements AutoCloseable {
    private final Map<String, List<SweepJob>> byOwner = new LinkedHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final List<String> turn = new ArrayList<>();
    private final int maxRunningPerOwner;
    private final long quantumNanos;
    private final java.util.concurrent.atomic.AtomicLong preemptions = new java.util.concurrent.atomic.AtomicLong();
    private int nextOwner;
    private boolean closed;

    /** Default time quantum of a unit on a worker. */
    public static final long DEFAULT_QUANTUM_MILLIS = 250;

    /** Any number of sweeps per owner at once, default quantum. */
    public SweepScheduler(int threads) {
        this(threads, 0, DEFAULT_QUANTUM_MILLIS);
    }

    /**
     * @param maxRunningPerOwner how many of an owner's sweeps run at once (0 = no limit); the others wait their turn
     * @param quantumMillis longest time a worker spends on one unit before it lets others go first (0 = no limit)
     */
    public SweepScheduler(int threads, int maxRunningPerOwner, long quantumMillis) {
        this.maxRunningPerOwner = maxRunningPerOwner;
        this.quantumNanos = quantumMillis * 1_000_000L;
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

    /** How many times a unit went back to the queue at the end of its quantum (for tests). */
    public long preemptions() {
        return preemptions.get();
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
            WorkUnit unit;
            synchronized (this) {
                while ((unit = nextUnit()) == null) {
                    if (closed) {
                        return;
                    }
                    try {
                        wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            runUnit(unit);
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private void runUnit(WorkUnit unit) {
        WorkUnit.Outcome outcome = null;
        Throwable failure = null;
        try {
            outcome = unit.run(quantumNanos);
            if (outcome == WorkUnit.Outcome.PREEMPTED) {
                preemptions.incrementAndGet();
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        unit.job.unitEnded(unit, outcome, failure);
    }

    /**
     * Round robin over owners; within an owner, the oldest of its first {@code maxRunningPerOwner} unfinished sweeps
     * with work left. Drops finished jobs.
     */
    private WorkUnit nextUnit() {
        if (closed) {
            return null;
        }
        for (int tries = 0; tries < turn.size(); tries++) {
            int idx = (nextOwner + tries) % turn.size();
            String owner = turn.get(idx);
            List<SweepJob> jobs = byOwner.get(owner);
            jobs.removeIf(j -> !j.unfinished());
            int considered = 0;
            for (SweepJob j : jobs) {
                if (maxRunningPerOwner > 0 && considered++ >= maxRunningPerOwner) {
                    break;
                }
                WorkUnit u = j.takeUnit();
                if (u != null) {
                    nextOwner = (idx + 1) % turn.size();
                    return u;
                }
            }
        }
        // forget owners with nothing left
        turn.removeIf(o -> {
            List<SweepJob> jobs = byOwner.get(o);
            jobs.removeIf(j -> !j.unfinished());
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
     * How long {@link #close} waits for the workers to stop on their own before it interrupts them. A running trial
     * sees the abort at its next stop check (milliseconds), so only a worker stuck in a listener (a database write
     * that hangs) is still running by then.
     */
    static final long STOP_GRACE_MILLIS = 5_000;

    /**
     * Stops the workers (as a shutdown would): every job is aborted, which sets its cancel flag, so running trials
     * stop at their next stop check (milliseconds) and a worker inside a listener (writing a finished cell) finishes
     * that write first; finished cells stay recorded, queued jobs end as failed. Workers are not interrupted: an
     * interrupt inside a JDBC write closes H2's file channel (H2's maintainers recommend stop flags). Only a worker
     * still running after {@link #STOP_GRACE_MILLIS} is interrupted, as a last resort. Returns as soon as every
     * worker has stopped.
     */
    @Override
    public void close() {
        close(STOP_GRACE_MILLIS);
    }

    void close(long graceMillis) {
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
        for (SweepJob j : all) {
            j.abort("the server stopped; the sweep resumes from its unfinished cells on restart");
        }
        try {
            long deadline = System.nanoTime() + graceMillis * 1_000_000L;
            for (Thread t : workers) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Math.max(1, left / 1_000_000L));
                }
            }
            for (Thread t : workers) {
                if (t.isAlive()) {
                    t.interrupt(); // the last resort: stuck past the grace period
                }
            }
            for (Thread t : workers) {
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
