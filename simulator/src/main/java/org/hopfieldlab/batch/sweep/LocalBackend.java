package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The local engine: the cells on this JVM's threads ({@link SweepRunner} over a {@link SweepScheduler}). With a
 * journal ({@link Blocks}), a cell of more than one {@link TrialBlock} (thousands of trials at a large N) runs as
 * blocks instead, each journaled as it ends, so a kill loses only the blocks running, as on Spark.
 */
public final class LocalBackend implements SweepBackend {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public void run(SweepDefinition def, List<Integer> cells, Settings settings, Consumer<CellResult> done,
            Progress progress) {
        Set<Integer> wanted = new HashSet<>(cells);
        Set<Integer> skip = new HashSet<>();
        for (int k = 0; k < def.cellCount(); k++) {
            if (!wanted.contains(k)) {
                skip.add(k);
            }
        }
        long before = (long) skip.size() * def.trialsPerCell();
        long total = (long) cells.size() * def.trialsPerCell();
        SweepRunner.run(def, settings.threads(), skip, done,
                progress == null ? null : job -> progress.runs(job.runsDone() - before, total));
    }

    /**
     * Cells of one block (and no blocks kept) run whole on the scheduler, as without a journal; the others run as
     * blocks on a pool of {@code threads}, in cell and trial order, the ones kept from before not run again. The
     * cells are the same bytes either way ({@link TrialBlock#cell}, tested against the scheduler's).
     */
    @Override
    public void run(SweepDefinition def, List<Integer> cells, Settings settings, Consumer<CellResult> done,
            Progress progress, Blocks blocks) {
        if (blocks == null) {
            run(def, cells, settings, done, progress);
            return;
        }
        List<Integer> whole = new ArrayList<>();
        List<Integer> inBlocks = new ArrayList<>();
        long total = 0;
        for (int k : cells) {
            List<TrialBlock> kept = blocks.finished().getOrDefault(k, List.of());
            boolean split = !kept.isEmpty() || TrialBlock.trialsPerBlock(def.cellSpec(k)) < def.trialsPerCell();
            (split ? inBlocks : whole).add(k);
            total += def.trialsPerCell() - kept.stream().mapToLong(TrialBlock::trials).sum();
        }
        long all = total;
        long[] wholeDone = {0};
        if (!whole.isEmpty()) {
            run(def, whole, settings, done, progress == null ? null : (d, t) -> {
                wholeDone[0] = d;
                progress.runs(d, all);
            });
            wholeDone[0] = (long) whole.size() * def.trialsPerCell();
        }
        if (!inBlocks.isEmpty()) {
            runBlocks(def, inBlocks, settings.threads(), done, blocks,
                    progress == null ? null : d -> progress.runs(wholeDone[0] + d, all));
        }
    }

    private interface Trials {
        void done(long trials);
    }

    private static void runBlocks(SweepDefinition def, List<Integer> cells, int threads, Consumer<CellResult> done,
            Blocks blocks, Trials progress) {
        Map<Integer, List<TrialBlock>> have = new HashMap<>();
        List<int[]> todo = new ArrayList<>();
        for (int k : cells) {
            List<TrialBlock> kept = blocks.finished().getOrDefault(k, List.of());
            have.put(k, new ArrayList<>(kept));
            List<int[]> missing = TrialBlock.missing(def, k, kept);
            if (missing.isEmpty()) {
                done.accept(TrialBlock.cell(def, k, kept)); // every block was journaled, the cell line was not
            }
            for (int[] r : missing) {
                todo.add(new int[] {k, r[0], r[1]});
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "hopfield-block");
            t.setDaemon(true);
            return t;
        });
        try {
            // a fixed pool takes tasks in submission order: cell by cell, trials in order
            ExecutorCompletionService<TrialBlock> ended = new ExecutorCompletionService<>(pool);
            for (int[] t : todo) {
                ended.submit(() -> TrialBlock.run(def, t[0], t[1], t[2]));
            }
            long finished = 0;
            for (int i = 0; i < todo.size(); i++) {
                TrialBlock b = ended.take().get();
                List<TrialBlock> mine = have.get(b.cell());
                mine.add(b);
                mine.sort((x, y) -> Integer.compare(x.from(), y.from()));
                if (TrialBlock.missing(def, b.cell(), mine).isEmpty()) {
                    done.accept(TrialBlock.cell(def, b.cell(), mine));
                } else {
                    blocks.blockDone(b);
                }
                finished += b.trials();
                if (progress != null) {
                    progress.done(finished);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep cancelled");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("sweep failed: " + c.getMessage(), c);
        } finally {
            pool.shutdownNow();
        }
    }
}
