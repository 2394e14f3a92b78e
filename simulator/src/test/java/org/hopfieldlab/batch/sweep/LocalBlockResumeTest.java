package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hopfieldlab.cli.HopfieldCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine journals the finished trial blocks of a long cell: a CLI sweep in a child JVM is killed
 * (SIGKILL) mid-cell, the journal keeps the cell's finished blocks, the resume runs only the missing trials, and the
 * CSV equals an uninterrupted run's (which ran the cells whole on the scheduler), byte for byte.
 */
class LocalBlockResumeTest {
    @TempDir
    Path dir;

    // 2 cells of 40 trials at N = 1024, P = 10, t = 30 (~0.04 s a trial idle): blocks of 8 trials, 5 per cell
    static final String[] SWEEP = {"sweep", "--from", "sequence", "--x", "noise=4,12", "--trials", "40", "--seeds",
        "per-cell", "--no-progress", "--threads", "1"};

    static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of(SWEEP));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    /** The journal's complete lines after the header, duplicates kept. */
    static List<String> lines(Path journal) throws Exception {
        if (!Files.exists(journal)) {
            return List.of();
        }
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int at = text.indexOf("\ncells:\n");
        if (at < 0) {
            return List.of();
        }
        String body = text.substring(at + 8, text.lastIndexOf('\n') + 1);
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    @Test
    void aKilledLongCellResumesFromItsJournaledBlocks() throws Exception {
        Path reference = dir.resolve("reference.csv");
        assertEquals(0, HopfieldCli.execute(args("--out", reference.toString())));
        Path journal = dir.resolve("sweep.journal");
        Path out = dir.resolve("out.csv");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HopfieldCli.class.getName()));
        cmd.addAll(List.of(args("--journal", journal.toString(), "--out", out.toString())));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // kill once 2 blocks of cell 0 are in (of its 5), before the cell ends
        while (System.nanoTime() < deadline && child.isAlive() && lines(journal).size() < 2) {
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the child finished before it could be killed; log: "
                + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(out), "no result file from a killed sweep");
        SweepPart killed = SweepPart.read(journal);
        SweepDefinition def = killed.definition();
        assertEquals(8, TrialBlock.trialsPerBlock(def.cellSpec(0)), "the cost model's block for this cell");
        int keptBlocks = killed.blocks().values().stream().mapToInt(List::size).sum();
        int keptTrials = killed.blocks().values().stream().flatMap(List::stream).mapToInt(TrialBlock::trials).sum();
        assertTrue(keptBlocks >= 2, "blocks of an unfinished cell kept: " + lines(journal));
        // the kept blocks are the trials an uninterrupted run computes
        for (List<TrialBlock> bs : killed.blocks().values()) {
            for (TrialBlock b : bs) {
                assertEquals(TrialBlock.run(def, b.cell(), b.from(), b.to()).withoutTiming(), b.withoutTiming());
            }
        }
        int cellsDone = killed.cells().size();

        String err = ShardMergeTest.stderr(() -> assertEquals(0, HopfieldCli.execute(
                args("--journal", journal.toString(), "--out", out.toString()))));
        assertTrue(err.contains("resuming from " + journal + ": " + cellsDone + " cells done, " + (2 - cellsDone)
                + " to run (" + keptTrials + " of their trials done in " + keptBlocks + " blocks)"), err);
        assertTrue(err.contains("sweep: " + ((2 - cellsDone) * 40 - keptTrials) + " runs in"), err);
        assertEquals(Files.readString(reference), Files.readString(out));

        // every block journaled at most once, and each cell line once
        Set<String> seen = new HashSet<>();
        for (String line : lines(journal)) {
            String key = TrialBlock.isBlockLine(line) ? line.substring(0, nthComma(line, 4))
                    : "cell " + line.substring(0, line.indexOf(','));
            assertTrue(seen.add(key), "journaled twice: " + key + " in " + lines(journal));
        }
        assertTrue(seen.contains("cell 0") && seen.contains("cell 1"), seen.toString());
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(',', at + 1);
        }
        return at;
    }
}
