package org.hopfieldlab.batch.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.hopfieldlab.batch.Stats;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * One submitted sweep: its pending cells, progress counters and state. Cells already finished before (a resumed
 * sweep) are skipped. Thread-safe; the {@link SweepScheduler} hands out its work in {@link WorkUnit}s — slices of a
 * cell's trials, about a quarter of a second each — so several workers can share a cell and a long cell never holds a
 * worker for more than one time quantum. Trial counts are summed per cell (integers, so the order does not matter)
 * and the cell is handed to {@link SweepListener#cellDone} when its last trial is in.
 *
 * <p>Cancel reaches running trials at their next stop check (every few steps); every finished trial is kept: cells
 * with some but not all trials finished are handed to {@link SweepListener#cellPartial} before the job ends.
 */
public final class SweepJob {
    public enum State { QUEUED, RUNNING, COMPLETED, CANCELLED, FAILED }

    private final String id;
    private final String owner;
    private final SweepDefinition definition;
    private final SweepListener listener;
    private final Deque<Integer> pending = new ArrayDeque<>();
    /** Pre-empted units, run before new slices so parked trials do not pile up. */
    private final Deque<WorkUnit> resumable = new ArrayDeque<>();
    private final int cellsBefore;
    private final AtomicLong runsDone = new AtomicLong();
    private final AtomicLong runsThisSession = new AtomicLong();
    /** Trials run through the batched kernel (see WorkUnit), for tests and measurements. */
    final AtomicLong batchedTrials = new AtomicLong();
    private final CompletableFuture<State> done = new CompletableFuture<>();
    private final Map<Integer, TrialTally> tallies = new TreeMap<>();
    private final Set<Integer> stoppedCells = new HashSet<>();
    private volatile State state = State.QUEUED;
    private volatile boolean cancelled;
    /** Set (under the lock) by whoever decides the job ends, so exactly one caller completes it. */
    private boolean ending;
    private volatile boolean aborted;
    private volatile String error;
    private volatile long startNanos;
    private int running;
    private int cellsDone;
    /** The cell being sliced, and its next unsliced trial. */
    private int slicing = -1;
    private int nextTrial;

    SweepJob(String id, String owner, SweepDefinition definition, Collection<Integer> finishedCells,
            SweepListener listener) {
        this.id = id;
        this.owner = owner;
        this.definition = definition;
        this.listener = listener;
        Set<Integer> finished = new HashSet<>(finishedCells);
        for (int k = 0; k < definition.cellCount(); k++) {
            if (!finished.contains(k)) {
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

    /**
     * Stops the job: no new work starts and running trials stop at their next stop check (a few steps). Finished
     * trials are kept (whole cells by {@code cellDone}, the rest by {@code cellPartial}).
     */
    public void cancel() {
        boolean finish;
        synchronized (this) {
            cancelled = true;
            pending.clear();
            resumable.clear();
            slicing = -1;
            // no worker holds a unit, so no unitEnded will come to end the job: end it here
            finish = running == 0 && !ending;
            if (finish) {
                ending = true;
            }
        }
        if (finish) {
            end();
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

    /** The next unit of work, or null when there is none now. */
    synchronized WorkUnit takeUnit() {
        if (cancelled || state == State.FAILED || ending) {
            return null;
        }
        WorkUnit u = resumable.poll();
        if (u == null) {
            if (slicing < 0 || nextTrial >= definition.trialsPerCell()) {
                Integer k = pending.poll();
                if (k == null) {
                    return null;
                }
                slicing = k;
                nextTrial = 0;
            }
            ExperimentSpec spec = definition.cellSpec(slicing);
            int to = Math.min(spec.trials(), nextTrial + WorkUnit.trialsPerSlice(spec));
            u = new WorkUnit(this, slicing, spec, nextTrial, to);
            nextTrial = to;
        }
        if (state == State.QUEUED) {
            state = State.RUNNING;
            startNanos = System.nanoTime();
        }
        running++;
        return u;
    }

    synchronized boolean hasWork() {
        return !cancelled && state != State.FAILED && !ending && (!resumable.isEmpty() || !pending.isEmpty()
                || (slicing >= 0 && nextTrial < definition.trialsPerCell()));
    }

    /** Whether the job has not ended yet (queued, running or stopping). */
    boolean unfinished() {
        return !done.isDone();
    }

    /** A trial of {@code u} finished: count it; hand the cell on when it was its last. Called on the worker. */
    void trialFinished(WorkUnit u, TrialResult r, double seconds) {
        CellResult whole = null;
        synchronized (this) {
            TrialTally t = tallies.computeIfAbsent(u.cell, c -> new TrialTally(u.spec));
            t.add(r);
            t.seconds += seconds;
            if (t.trials == u.spec.trials()) {
                whole = t.cell(u.cell, u.spec);
                tallies.remove(u.cell);
            }
        }
        runsDone.incrementAndGet();
        runsThisSession.incrementAndGet();
        listener.trialResult(this, u.cell, r);
        listener.trialDone(this);
        if (whole != null) {
            // may throw (the store is down): the unit fails and with it the job, so a stored cell is a whole one
            listener.cellDone(this, whole);
            synchronized (this) {
                cellsDone++;
            }
        }
    }

    /** A worker is done with unit u for now: finished, pre-empted (re-queued), stopped, or failed. */
    void unitEnded(WorkUnit u, WorkUnit.Outcome outcome, Throwable failure) {
        boolean finish;
        synchronized (this) {
            running--;
            if (failure != null) {
                if (state != State.FAILED) {
                    error = failure.getMessage() == null ? failure.toString() : failure.getMessage();
                }
                state = State.FAILED;
                pending.clear();
                resumable.clear();
                slicing = -1;
            } else if (outcome == WorkUnit.Outcome.PREEMPTED && !cancelled && !aborted) {
                resumable.add(u);
            } else if (outcome == WorkUnit.Outcome.STOPPED) {
                stoppedCells.add(u.cell);
            }
            finish = running == 0 && !ending && (cancelled || state == State.FAILED || (resumable.isEmpty()
                    && pending.isEmpty() && (slicing < 0 || nextTrial >= definition.trialsPerCell())));
            ending |= finish;
        }
        if (finish) {
            end();
        }
    }

    /** Decides the final state, hands on partial cells of a cancelled job, and completes. Called once. */
    private void end() {
        List<CellResult> partials = new ArrayList<>();
        synchronized (this) {
            if (aborted) {
                state = State.FAILED;
            } else if (state != State.FAILED) {
                state = cancelled ? State.CANCELLED : State.COMPLETED;
                if (cancelled) {
                    for (Map.Entry<Integer, TrialTally> e : tallies.entrySet()) {
                        if (e.getValue().trials > 0) {
                            partials.add(e.getValue().cell(e.getKey(), definition.cellSpec(e.getKey())));
                        }
                    }
                }
            }
            tallies.clear();
        }
        try {
            if (!aborted) {
                for (CellResult p : partials) {
                    listener.cellPartial(this, p);
                }
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
            }
        }
        if (finish) {
            end();
        }
    }

    /** Marks the job failed from outside a worker (scheduler shutting down); nothing more is reported. */
    void abort(String message) {
        synchronized (this) {
            if (ending) {
                return;
            }
            aborted = true;
            cancelled = true;
            error = message;
            pending.clear();
            resumable.clear();
            slicing = -1;
            if (running > 0) {
                return;
            }
            ending = true;
        }
        end();
    }

    /** Cells not yet started, in order (for tests and display). */
    public synchronized List<Integer> pendingCells() {
        List<Integer> out = new ArrayList<>();
        if (slicing >= 0 && nextTrial == 0) {
            out.add(slicing);
        }
        out.addAll(pending);
        return Collections.unmodifiableList(out);
    }

    public int cellsBeforeResume() {
        return cellsBefore;
    }
}
