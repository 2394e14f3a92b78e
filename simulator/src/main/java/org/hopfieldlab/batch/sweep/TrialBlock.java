package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.run.BatchRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * Trials {@code [from, to)} of one cell, finished: the unit a Spark task runs and a journal keeps, so a cancel or a
 * kill loses at most the blocks still running. A block holds the counts a cell is made of (per-window retrievals,
 * divergences); a cell is the sum of blocks tiling its trials, aggregated by {@link CellResult#of} like every other
 * backend's cell, so the result is the same bytes however the trials were cut (the counts are integers).
 *
 * <p>Journal line ({@link SweepPart}), beside the cell lines: {@code block,CELL,FROM,TO,DIVERGED,W1;W2;...,SECONDS}.
 */
public record TrialBlock(int cell, int from, int to, List<Integer> windowRetrieved, int diverged, double seconds) {
    static final String PREFIX = "block,";
    /** Target work of one block: half a second on a typical core, so a Spark task's overhead stays small. */
    static final double BLOCK_SECONDS = 0.5;

    public int trials() {
        return to - from;
    }

    /**
     * Trials per block for this cell's spec: about {@link #BLOCK_SECONDS} of work by the cost model, in whole batches
     * of the lane kernel (at least one) for rate models. Depends on the spec alone, so the cut is the same everywhere.
     */
    public static int trialsPerBlock(ExperimentSpec spec) {
        double perTrial = SweepCost.runWork(spec);
        double budget = BLOCK_SECONDS * SweepCost.WORK_PER_SECOND_PER_THREAD;
        int n = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(budget / Math.max(1, perTrial))));
        if (BatchRunner.supports(spec)) {
            int lanes = BatchRunner.DEFAULT_LANES;
            n = Math.max(lanes, n - n % lanes);
        }
        return Math.max(1, Math.min(n, spec.trials()));
    }

    /** Runs trials [from, to) of cell k (the batched kernel, the cell's own seeds: the local engine's bits). */
    public static TrialBlock run(SweepDefinition def, int cell, int from, int to) {
        ExperimentSpec spec = def.cellSpec(cell);
        if (from < 0 || to > spec.trials() || from >= to) {
            throw new IllegalArgumentException("trials " + from + ".." + to + " of a " + spec.trials() + "-trial cell");
        }
        long t0 = System.nanoTime();
        TrialTally tally = new TrialTally(spec);
        BatchRunner.run(spec, from, to, () -> false, tally::add);
        List<Integer> counts = new ArrayList<>();
        for (int c : tally.perWindow) {
            counts.add(c);
        }
        return new TrialBlock(cell, from, to, List.copyOf(counts), tally.diverged, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The trial ranges of cell k still to run, cut into blocks of {@link #trialsPerBlock}: the gaps between the
     * {@code finished} blocks (sorted by {@code from}, not overlapping, as {@link #tiling} leaves them).
     */
    public static List<int[]> missing(SweepDefinition def, int cell, List<TrialBlock> finished) {
        ExperimentSpec spec = def.cellSpec(cell);
        int size = trialsPerBlock(spec);
        List<int[]> out = new ArrayList<>();
        int at = 0;
        for (TrialBlock b : finished) {
            cut(at, b.from(), size, out);
            at = Math.max(at, b.to());
        }
        cut(at, spec.trials(), size, out);
        return out;
    }

    private static void cut(int from, int to, int size, List<int[]> out) {
        for (int a = from; a < to; a += size) {
            out.add(new int[] {a, Math.min(to, a + size)});
        }
    }

    /**
     * Blocks of one cell sorted by {@code from}, a block overlapping an earlier one left out (its trials would
     * count twice; they run again). The same block twice must have the same numbers.
     */
    static List<TrialBlock> tiling(List<TrialBlock> blocks, String where) {
        List<TrialBlock> sorted = new ArrayList<>(blocks);
        sorted.sort((a, b) -> a.from() != b.from() ? Integer.compare(a.from(), b.from())
                : Integer.compare(a.to(), b.to()));
        List<TrialBlock> out = new ArrayList<>();
        int end = 0;
        for (TrialBlock b : sorted) {
            if (!out.isEmpty()) {
                TrialBlock last = out.get(out.size() - 1);
                if (last.from() == b.from() && last.to() == b.to()) {
                    if (!last.withoutTiming().equals(b.withoutTiming())) {
                        throw new SpecException("part", where + ": trials " + b.from() + ".." + b.to() + " of cell "
                                + b.cell() + " appear twice with different numbers");
                    }
                    continue;
                }
            }
            if (b.from() >= end) {
                out.add(b);
                end = b.to();
            }
        }
        return out;
    }

    /** Whether the blocks (a {@link #tiling}) cover every trial of the cell. */
    public static boolean covers(SweepDefinition def, int cell, List<TrialBlock> tiling) {
        int at = 0;
        for (TrialBlock b : tiling) {
            if (b.from() != at) {
                return false;
            }
            at = b.to();
        }
        return at == def.trialsPerCell();
    }

    /**
     * The cell made of these blocks: whole when they cover its trials, else partial (fewer trials, as a cancelled
     * local sweep keeps a cut cell). Counts are summed in trial order and aggregated by {@link CellResult#of}.
     */
    public static CellResult cell(SweepDefinition def, int cell, List<TrialBlock> blocks) {
        ExperimentSpec spec = def.cellSpec(cell);
        int[] perWindow = new int[spec.schedule().size()];
        int trials = 0;
        int diverged = 0;
        double seconds = 0;
        for (TrialBlock b : tiling(blocks, "cell " + cell)) {
            if (b.cell() != cell || b.windowRetrieved().size() != perWindow.length) {
                throw new IllegalArgumentException("block " + b.encode() + " is not of cell " + cell);
            }
            for (int w = 0; w < perWindow.length; w++) {
                perWindow[w] += b.windowRetrieved().get(w);
            }
            trials += b.trials();
            diverged += b.diverged();
            seconds += b.seconds();
        }
        return CellResult.of(cell, spec, trials, perWindow, diverged, seconds);
    }

    /** The same numbers without the timing, for comparing runs. */
    public TrialBlock withoutTiming() {
        return new TrialBlock(cell, from, to, windowRetrieved, diverged, 0);
    }

    /** One line, no newline (see the class comment). */
    public String encode() {
        StringBuilder s = new StringBuilder(PREFIX);
        s.append(cell).append(',').append(from).append(',').append(to).append(',').append(diverged).append(',');
        for (int w = 0; w < windowRetrieved.size(); w++) {
            s.append(w == 0 ? "" : ";").append(windowRetrieved.get(w));
        }
        return s.append(',').append(Double.toString(seconds)).toString();
    }

    public static boolean isBlockLine(String line) {
        return line.startsWith(PREFIX);
    }

    /** Parses {@link #encode}'s line; a malformed line is a {@link SpecException} naming what is wrong. */
    public static TrialBlock decode(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 7 || !f[0].equals("block")) {
            throw new SpecException("block", "a block line is block,CELL,FROM,TO,DIVERGED,WINDOWS,SECONDS, got '"
                    + line + "'");
        }
        try {
            List<Integer> windows = new ArrayList<>();
            if (!f[5].isEmpty()) {
                for (String w : f[5].split(";")) {
                    windows.add(Integer.parseInt(w));
                }
            }
            int from = Integer.parseInt(f[2]);
            int to = Integer.parseInt(f[3]);
            if (from < 0 || to <= from) {
                throw new SpecException("block", "a block's trials must be FROM < TO, got '" + line + "'");
            }
            return new TrialBlock(Integer.parseInt(f[1]), from, to, List.copyOf(windows), Integer.parseInt(f[4]),
                    Double.parseDouble(f[6]));
        } catch (NumberFormatException e) {
            throw new SpecException("block", "bad number in block line '" + line + "'");
        }
    }
}
