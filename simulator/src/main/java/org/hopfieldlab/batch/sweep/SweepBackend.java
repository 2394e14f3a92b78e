package org.hopfieldlab.batch.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Something that runs cells of a sweep: the local thread pool, or Apache Spark (module {@code spark}, found with
 * {@link java.util.ServiceLoader}). Every backend runs a cell with {@link CellEngine#run}, so results are the same.
 */
public interface SweepBackend {
    /** The name given to {@code sweep --engine}. */
    String name();

    /**
     * Runs the given cells and hands each finished cell to {@code done} (on any thread, one call at a time is not
     * guaranteed); returns when all are done, throws when the run failed.
     *
     * @param settings threads (local) or master (Spark), already checked by the caller
     * @param progress told the number of runs finished so far (may be coarse: whole cells)
     */
    void run(SweepDefinition def, List<Integer> cells, Settings settings, Consumer<CellResult> done,
            Progress progress);

    /**
     * As {@link #run(SweepDefinition, List, Settings, Consumer, Progress)}, for a backend that runs cells in
     * {@link TrialBlock}s (Spark; local for cells of more than one block): {@code blocks} gives the blocks finished
     * before (not run again; progress counts only the trials left) and takes each new block of a cell not yet
     * finished (a journal keeps it). A backend that runs whole cells (the default) ignores it and runs those cells
     * whole: the same numbers.
     */
    default void run(SweepDefinition def, List<Integer> cells, Settings settings, Consumer<CellResult> done,
            Progress progress, Blocks blocks) {
        run(def, cells, settings, done, progress);
    }

    /** Finished blocks of unfinished cells, in and out (see the 6-argument run). */
    interface Blocks {
        /** Blocks finished before this run, per cell, sorted by first trial. */
        java.util.Map<Integer, List<TrialBlock>> finished();

        /** A block of a cell not yet finished (a cell's last block comes as the whole cell to {@code done}). */
        void blockDone(TrialBlock block);
    }

    /** What the CLI passes on. */
    record Settings(int threads, String master) {
    }

    /** Runs finished so far, of the runs this call was given. */
    interface Progress {
        void runs(long done, long total);
    }
}
