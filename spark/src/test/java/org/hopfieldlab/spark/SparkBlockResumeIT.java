package org.hopfieldlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.TrialBlock;
import org.hopfieldlab.cli.HopfieldCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark tasks are trial blocks: a Spark sweep (the packaged jar, local[2], a child JVM) is cancelled (SIGTERM, as the
 * server cancels) while a cell is half done, resumed and killed (SIGKILL) mid-cell again, then resumed to the end.
 * The finished blocks of the unfinished cell survive the cancel in the journal; every trial block is run exactly once
 * over the three runs; the CSV equals the local engine's, byte for byte.
 */
class SparkBlockResumeIT {
    static final Path JAR = SparkMainProcess.JAR;
    static final int CELLS = 2;
    static final int TRIALS = 40;

    // 2 cells of 40 trials at N = 1024, P = 10, t = 30 (the noise preset's trials, ~0.04 s each idle): blocks of 8,
    // 5 per cell, about a third of a second each on local[2]
    static final String[] SWEEP = {"sweep", "--from", "sequence", "--x", "noise=4,12", "--trials", "40", "--seeds",
        "per-cell", "--no-progress"};

    @TempDir
    Path dir;

    static List<String> sweep(String... more) {
        return SparkMainProcess.args(SWEEP, more);
    }

    Process spark(String log, List<String> sweepArgs) throws IOException {
        return SparkMainProcess.start(dir.resolve(log + ".log"), sweepArgs);
    }

    /** The journal's complete lines after the header, in file order, duplicates kept. */
    static List<String> journalLines(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return List.of();
        }
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int at = text.indexOf("\ncells:\n");
        List<String> lines = new ArrayList<>();
        if (at < 0) {
            return lines;
        }
        for (String line : text.substring(at + 8, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    static List<TrialBlock> blocks(List<String> lines) {
        return lines.stream().filter(TrialBlock::isBlockLine).map(TrialBlock::decode).toList();
    }

    static List<Integer> cellLines(List<String> lines) {
        return lines.stream().filter(l -> !TrialBlock.isBlockLine(l)).map(l -> CellEngine.decode(l).cell()).toList();
    }

    /** Blocks journaled for cells that have no cell line yet: the finished trials of unfinished cells. */
    static List<TrialBlock> openBlocks(List<String> lines) {
        List<Integer> whole = cellLines(lines);
        return blocks(lines).stream().filter(b -> !whole.contains(b.cell())).toList();
    }

    String log(String name) throws IOException {
        Path f = dir.resolve(name + ".log");
        return Files.exists(f) ? "\n--- " + name + ".log ---\n" + Files.readString(f) : "";
    }

    /** Waits until the journal shows {@code when}, then stops the child (SIGTERM or SIGKILL). */
    void stopWhen(Process p, String name, Path journal, Predicate<List<String>> when, boolean kill)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && p.isAlive() && !when.test(journalLines(journal))) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the child ended before it could be stopped" + log(name));
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not stop" + log(name));
    }

    @Test
    void cancelledAndKilledBlockSweepKeepsEveryFinishedBlockAndRunsEachOnce() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run in `verify`: " + JAR + " is built in `package`");
        assertEquals(8, TrialBlock.trialsPerBlock(
                org.hopfieldlab.sim.spec.Presets.get("sequence").spec().toBuilder().trials(TRIALS).build()));
        Path reference = dir.resolve("reference.csv");
        assertEquals(0, HopfieldCli.execute(sweep("--threads", "2", "--out", reference.toString())
                .toArray(new String[0])));

        Path journal = dir.resolve("spark.journal");
        Path out = dir.resolve("out.csv");
        // 1. cancel (SIGTERM) once two blocks of cell 0 are in and the cell is not
        Process first = spark("first", sweep("--master", "local[2]", "--journal", journal.toString(), "--out",
                out.toString()));
        stopWhen(first, "first", journal, l -> openBlocks(l).size() >= 2, false);
        List<String> afterCancel = journalLines(journal);
        List<TrialBlock> kept = openBlocks(afterCancel);
        assertTrue(kept.size() >= 2 && cellLines(afterCancel).size() < CELLS,
                "finished blocks of an unfinished cell survive the cancel: " + afterCancel + log("first"));
        assertFalse(Files.exists(out), "no result file from a cancelled sweep");
        long keptTrials = kept.stream().mapToLong(TrialBlock::trials).sum();

        // 2. resume, and kill -9 once it has journaled more blocks
        int linesBefore = afterCancel.size();
        Process second = spark("second", List.of("sweep", "--journal", journal.toString(), "--master", "local[2]",
                "--no-progress", "--out", out.toString()));
        stopWhen(second, "second", journal, l -> l.size() >= linesBefore + 2, true);
        assertTrue(log("second").contains("resuming from " + journal + ": " + cellLines(afterCancel).size()
                + " cells done, " + (CELLS - cellLines(afterCancel).size()) + " to run (" + keptTrials
                + " of their trials done in " + kept.size() + " blocks)"), log("second"));
        List<String> afterKill = journalLines(journal);
        assertTrue(cellLines(afterKill).size() < CELLS,
                "killed mid-sweep: " + afterKill + log("second"));

        // 3. resume to the end
        long toRun = (long) CELLS * TRIALS;
        for (int c : cellLines(afterKill)) {
            toRun -= TRIALS;
        }
        toRun -= openBlocks(afterKill).stream().mapToLong(TrialBlock::trials).sum();
        Process third = spark("third", List.of("sweep", "--journal", journal.toString(), "--master", "local[2]",
                "--no-progress", "--out", out.toString()));
        assertTrue(third.waitFor(300, TimeUnit.SECONDS), "resume timed out" + log("third"));
        assertEquals(0, third.exitValue(), log("third"));
        assertTrue(log("third").contains("sweep: " + toRun + " runs in"), "only the missing trials run" + log("third"));

        // every block once: no two block lines share a trial, and a cell's line comes once, with its last block
        List<String> all = journalLines(journal);
        Map<Integer, List<TrialBlock>> perCell = new TreeMap<>();
        for (TrialBlock b : blocks(all)) {
            perCell.computeIfAbsent(b.cell(), k -> new ArrayList<>()).add(b);
        }
        perCell.forEach((cell, bs) -> {
            boolean[] seen = new boolean[TRIALS];
            for (TrialBlock b : bs) {
                for (int t = b.from(); t < b.to(); t++) {
                    assertFalse(seen[t], "trial " + t + " of cell " + cell + " journaled twice: " + all);
                    seen[t] = true;
                }
            }
            // the last block of each cell comes as the cell line; every other block is journaled
            assertEquals(TRIALS / 8 - 1, bs.size(), "cell " + cell + " blocks: " + bs);
        });
        assertEquals(List.of(0, 1), cellLines(all).stream().sorted().toList(), "each cell's line once: " + all);
        assertEquals(Files.readString(reference), Files.readString(out));
        System.out.printf("spark block resume: %d blocks (%d trials) kept by the cancel, %d journal lines after the "
                + "kill, %d runs on the last resume%n", kept.size(), keptTrials, afterKill.size(), toRun);
    }
}
