package org.hopfieldlab.batch.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One submitted sweep: its pending cells, progress counters and state. Cells already finished before (a resumed
 * sweep) are skipped. Thread-safe; the {@link SweepScheduler} hands its cells to workers.
 */
public final class SweepJob {
    public enum State { QUEUED, RUNNING, COMPLETED, CANCELLED, FAILED }

    private final String id;
    private final String owner;
    private final SweepDefinition definition;
    private final SweepListener listener;
    private final Deque<Integer> pending = new ArrayDeque<>();
    private final int cellsBefore;
    private final AtomicLong runsDone = new AtomicLong();
    private final AtomicLong runsThisSession = new AtomicLong();
    private final CompletableFuture<State> done = new CompletableFuture<>();
    private volatile State state = State.QUEUED;
    private volatile boolean cancelled;
    /** Set (under the lock) by whoever decides the job ends, so exactly one caller completes it. */
    private boolean ending;
    private volatile boolean aborted;
    private volatile String error;
    private volatile long startNanos;
    private final Map<Integer, AtomicLong> partial = new ConcurrentHashMap<>();
    private int running;
    private int cellsDone;

    SweepJob(String id, String owner, SweepDefinition definition, Collection<Integer> finishedCells,
            SweepListener listener) {
        this.id = id;
        this.owner = owner;
        this.definition = definition;
        this.listener = listener;
        for (int k = 0; k < definition.cellCount(); k++) {
            if (!finishedCells.contains(k)) {
                pending.add(k);
            }
        }
        this.cellsBefore = definition.cellCount() - pending.size();
        this.cellsDone = cellsBefore;
        this.runsDone.set((long) cellsBefore * definition.trialsPerCell());
    }

    public String id() { return id; }
    public String owner() { return owner; }
    public SweepDefinition definition() { return definition; }
    public State state() { return state; }
    /** The failure message, or null. */
    public String error() { return error; }
    public boolean isCancelled() { return cancelled; }

    /** Stops the job: no new cell starts and running cells stop at their next trial (and are not recorded). */
    public void cancel() {
        boolean finish;
        synchronized (this) {
            cancelled = true;
            pending.clear();
            // no worker holds a cell, so no cellEnded will come to end the job: end it here
            finish = running == 0 && !ending;
            if (finish) {
                ending = true;
                if (state != State.FAILED) {
                    state = State.CANCELLED;
                }
            }
        }
        if (finish) {
            complete();
        }
    }

    /** Completes with the final state. */
    public CompletableFuture<State> completion() {
        return done;
    }

    public synchronized int cellsDone() { return cellsDone; }
    public int cellsTotal() { return definition.cellCount(); }
    public long runsDone() { return runsDone.get(); }
    public long runsTotal() { return definition.totalRuns(); }

    /** Runs per second since this job started running (this session only, so a resume does not inflate it). */
    public double runsPerSecond() {
        long start = startNanos;
        if (start == 0) {
            return 0;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return secs <= 0 ? 0 : runsThisSession.get() / secs;
    }

    /** Estimated seconds left at the current rate, or −1 while unknown. */
    public double etaSeconds() {
        double rate = runsPerSecond();
        return rate <= 0 ? -1 : (runsTotal() - runsDone()) / rate;
    }

    // ---- used by the scheduler ----

    synchronized Integer takeCell() {
        if (cancelled || state == State.FAILED) {
            return null;
        }
        Integer k = pending.poll();
        if (k != null) {
            if (state == State.QUEUED) {
                state = State.RUNNING;
                startNanos = System.nanoTime();
            }
            running++;
        }
        return k;
    }

    synchronized boolean hasPending() {
        return !cancelled && state != State.FAILED && !pending.isEmpty();
    }

    private void trialDone() {
        runsDone.incrementAndGet();
        runsThisSession.incrementAndGet();
        listener.trialDone(this);
    }

    /** A worker finished (result != null), abandoned (null) or failed (error != null) cell k. */
    void cellEnded(int k, CellResult result, Throwable failure) {
        if (result != null && failure == null) {
            try {
                listener.cellDone(this, result);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        boolean finish;
        synchronized (this) {
            running--;
            if (failure != null) {
                if (state != State.FAILED) {
                    error = failure.getMessage() == null ? failure.toString() : failure.getMessage();
                }
                state = State.FAILED;
                pending.clear();
            } else if (result != null) {
                cellsDone++;
                partial.remove(k);
            } else {
                // abandoned: give back the trials it had counted
                runsDone.addAndGet(-partialRuns(k));
            }
            finish = running == 0 && (pending.isEmpty() || cancelled) && !ending;
            ending |= finish;
            if (finish && aborted) {
                state = State.FAILED;
            } else if (finish && state != State.FAILED) {
                state = cancelled ? State.CANCELLED : State.COMPLETED;
            }
        }
        if (finish) {
            complete();
        }
    }

    private void complete() {
        try {
            if (!aborted) {
                // an aborted job (shutdown, crash) is not reported: its store still says running, so it resumes
                listener.finished(this);
            }
        } catch (RuntimeException e) {
            // the store could not record the end (database down): it still says running, so it resumes later
            error = error == null ? "could not record the end: " + e.getMessage() : error;
        } finally {
            done.complete(state);
        }
    }

    /** Ends a job that has nothing to run (all cells were finished before it was submitted). */
    void finishIfEmpty() {
        boolean finish;
        synchronized (this) {
            finish = pending.isEmpty() && running == 0 && !ending;
            if (finish) {
                ending = true;
                state = cancelled ? State.CANCELLED : State.COMPLETED;
            }
        }
        if (finish) {
            complete();
        }
    }

    /** Marks the job failed from outside a worker (scheduler shutting down). */
    void abort(String message) {
        synchronized (this) {
            if (ending) {
                return;
            }
            aborted = true;
            cancelled = true;
            error = message;
            pending.clear();
            if (running > 0) {
                return;
            }
            ending = true;
            state = State.FAILED;
        }
        complete();
    }

    void countTrial(int k) {
        partial.computeIfAbsent(k, c -> new AtomicLong()).incrementAndGet();
        trialDone();
    }

    private long partialRuns(int k) {
        AtomicLong n = partial.remove(k);
        return n == null ? 0 : n.get();
    }

    /** Cells still to run, in order (for tests and display). */
    public synchronized List<Integer> pendingCells() {
        return Collections.unmodifiableList(new ArrayList<>(pending));
    }

    public int cellsBeforeResume() {
        return cellsBefore;
    }
}
