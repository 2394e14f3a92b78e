package org.hopfieldlab.server.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepJob;
import org.hopfieldlab.batch.sweep.TrialBlock;

/**
 * One sweep handed to Spark: its progress as the child's journal reports it (whole cells, and the finished trial
 * blocks of cells not yet whole), and its cancel flag. The child process itself is driven by {@link SparkSweeps}.
 */
public final class SparkRun implements LiveSweep {
    final long id;
    final SweepDefinition definition;
    final String engine;
    final SparkSweeps.Events events;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<SweepJob.State> done = new CompletableFuture<>();
    private volatile SweepJob.State state = SweepJob.State.QUEUED;
    private volatile int cellsDone;
    /** Finished blocks of cells not yet whole (the runner's thread only), and their trials (read by the page). */
    private final Map<Integer, List<TrialBlock>> blocks = new TreeMap<>();
    private volatile long blockTrials;
    private volatile long runsAtStart;
    private volatile long startNanos;
    volatile boolean cancelled;
    /** The server is stopping: the child is stopped and nothing is recorded, so the sweep resumes at next start. */
    volatile boolean aborted;
    volatile String error;

    SparkRun(long id, SweepDefinition definition, String engine, int cellsDone, SparkSweeps.Events events) {
        this.id = id;
        this.events = events;
        this.definition = definition;
        this.engine = engine;
        this.cellsDone = cellsDone;
    }

    public long id() {
        return id;
    }

    @Override
    public SweepJob.State state() {
        return state;
    }

    @Override
    public int cellsDone() {
        return cellsDone;
    }

    @Override
    public int cellsTotal() {
        return definition.cellCount();
    }

    @Override
    public long runsDone() {
        return (long) cellsDone * definition.trialsPerCell() + blockTrials;
    }

    @Override
    public long runsTotal() {
        return definition.totalRuns();
    }

    @Override
    public double runsPerSecond() {
        long start = startNanos;
        if (start == 0) {
            return 0;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return secs <= 0 ? 0 : (runsDone() - runsAtStart) / secs;
    }

    @Override
    public double etaSeconds() {
        double rate = runsPerSecond();
        return rate <= 0 ? -1 : (runsTotal() - runsDone()) / rate;
    }

    @Override
    public CompletableFuture<SweepJob.State> completion() {
        return done;
    }

    /** The runner's thread stops the child within a moment (destroy, then destroyForcibly). */
    @Override
    public void cancel() {
        cancelled = true;
        if (claimed.compareAndSet(false, true)) {
            // still waiting for a free slot: nothing runs, end it now
            end(SweepJob.State.CANCELLED);
        }
    }

    @Override
    public String engine() {
        return engine;
    }

    public String error() {
        return error;
    }

    /** The runner takes the run; false when a cancel ended it while it waited. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    void started(int cellsBefore) {
        cellsDone = cellsBefore;
        runsAtStart = runsDone();
        startNanos = System.nanoTime();
        state = SweepJob.State.RUNNING;
    }

    /** Cell {@code cell} is whole ({@code n} whole cells now): its blocks are part of it. */
    void cellDone(int cell, int n) {
        List<TrialBlock> were = blocks.remove(cell);
        if (were != null) {
            blockTrials -= were.stream().mapToLong(TrialBlock::trials).sum();
        }
        cellsDone = n;
    }

    /** A finished block of a cell not yet whole. */
    void blockDone(TrialBlock b) {
        blocks.computeIfAbsent(b.cell(), k -> new ArrayList<>()).add(b);
        blockTrials += b.trials();
    }

    /** Finished blocks of cells not yet whole, per cell (the runner's thread only). */
    Map<Integer, List<TrialBlock>> openBlocks() {
        return blocks;
    }

    /** Records the end (unless the server is stopping: then the sweep stays RUNNING and resumes) and completes. */
    void end(SweepJob.State s) {
        state = s;
        try {
            if (!aborted) {
                events.finished(this);
            }
        } finally {
            done.complete(s);
        }
    }
}
