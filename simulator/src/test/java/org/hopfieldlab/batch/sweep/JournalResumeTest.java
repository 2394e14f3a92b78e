package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hopfieldlab.cli.HopfieldCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep in a real child JVM is killed (destroyForcibly = SIGKILL) after some cells, then resumed from its journal:
 * no finished cell runs again, every cell is recorded exactly once, and the CSV equals an uninterrupted run.
 */
class JournalResumeTest {
    @TempDir
    Path dir;

    // 12 cells of 4 trials at n = 256: long enough (~0.3 s a cell on one thread) to kill between cells
    static final String[] SWEEP = {"sweep", "--from", "sequence", "--x", "noise=0,2,4,6,8,16", "--y",
        "model=idp,classic", "--trials", "4", "--seeds", "per-cell", "n=256", "p=6", "t=9", "in=0:d1,3:d2,6:d3",
        "--no-progress", "--threads", "1"};

    static List<String> args(String... more) {
        List<String> a = new ArrayList<>(List.of(SWEEP));
        a.addAll(List.of(more));
        return a;
    }

    static List<Integer> journalCells(Path journal) throws Exception {
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int at = text.indexOf("\ncells:\n");
        List<Integer> cells = new ArrayList<>();
        if (at < 0) {
            return cells;
        }
        for (String line : text.substring(at + 8).split("\n")) {
            if (!line.isEmpty() && text.contains(line + "\n")) {
                cells.add(Integer.parseInt(line.substring(0, line.indexOf(','))));
            }
        }
        return cells;
    }

    @Test
    void killedSweepResumesWithoutRedoingCells() throws Exception {
        Path reference = dir.resolve("reference.csv");
        assertEquals(0, HopfieldCli.execute(args("--out", reference.toString()).toArray(new String[0])));

        Path journal = dir.resolve("sweep.journal");
        Path out = dir.resolve("out.csv");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HopfieldCli.class.getName()));
        cmd.addAll(args("--journal", journal.toString(), "--out", out.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int before = 0;
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(journal) && (before = journalCells(journal).size()) >= 3) {
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the child finished before it could be killed; log: "
                + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        List<Integer> done = journalCells(journal);
        assertTrue(done.size() >= 3 && done.size() < 12, "killed mid-sweep: " + done);
        assertTrue(!Files.exists(out), "no result file from a killed sweep");
        // the journal's cells are the ones the uninterrupted run computed
        Map<Integer, CellResult> killed = SweepPart.read(journal).cells();
        SweepResult ref = SweepRunner.run(SweepDefinition.parse(SweepPart.read(journal).definition().format()), 1,
                null);
        for (CellResult c : killed.values()) {
            assertEquals(ref.cell(c.cell()).withoutTiming(), c.withoutTiming());
        }

        String err = ShardMergeTest.stderr(() -> assertEquals(0, HopfieldCli.execute(
                args("--journal", journal.toString(), "--out", out.toString()).toArray(new String[0]))));
        assertTrue(err.contains("resuming from " + journal + ": " + done.size() + " cells done, "
                + (12 - done.size()) + " to run"), err);
        assertTrue(err.contains("sweep: " + (12 - done.size()) * 4 + " runs in"), err);

        Map<Integer, Integer> times = new HashMap<>();
        for (int c : journalCells(journal)) {
            times.merge(c, 1, Integer::sum);
        }
        assertEquals(12, times.size(), "every cell recorded: " + times);
        times.forEach((c, n) -> assertEquals(1, n, "cell " + c + " recorded " + n + " times"));
        assertEquals(Files.readString(reference), Files.readString(out));

        // a finished journal resumes to the same CSV without running anything
        Path again = dir.resolve("again.csv");
        err = ShardMergeTest.stderr(() -> assertEquals(0, HopfieldCli.execute(
                args("--journal", journal.toString(), "--out", again.toString()).toArray(new String[0]))));
        assertTrue(err.contains("sweep: nothing left to run; all "), err);
        assertEquals(Files.readString(reference), Files.readString(again));
    }

    @Test
    void aLineCutByTheKillIsDroppedAndItsCellRunsAgain() throws Exception {
        SweepDefinition def = SweepEngineTest.small(2);
        Path journal = dir.resolve("cut.journal");
        try (SweepJournal j = SweepJournal.open(journal, def, SweepShard.ALL)) {
            j.append(CellEngine.run(def, 0));
            j.append(CellEngine.run(def, 1));
        }
        String line = CellEngine.encode(CellEngine.run(def, 2));
        Files.writeString(journal, line.substring(0, line.length() / 2), java.nio.file.StandardOpenOption.APPEND);
        try (SweepJournal j = SweepJournal.open(journal, def, SweepShard.ALL)) {
            assertEquals(List.of(0, 1), new ArrayList<>(j.finished().keySet()));
            j.append(CellEngine.run(def, 2));
        }
        assertEquals(List.of(0, 1, 2), journalCells(journal));
        assertEquals(CellEngine.run(def, 2).withoutTiming(), SweepPart.read(journal).cells().get(2).withoutTiming());

        // another sweep's journal is refused with a message, not overwritten
        SweepDefinition other = SweepEngineTest.small(3);
        String err = "";
        try {
            SweepJournal.open(journal, other, SweepShard.ALL).close();
        } catch (org.hopfieldlab.sim.spec.SpecException e) {
            err = e.getMessage();
        }
        assertTrue(err.contains("belongs to another sweep"), err);
        assertEquals(List.of(0, 1, 2), journalCells(journal));
    }

    @Test
    void theJournalAloneResumesTheSweepItHolds() throws Exception {
        SweepDefinition def = SweepEngineTest.small(2);
        Path journal = dir.resolve("alone.journal");
        try (SweepJournal j = SweepJournal.open(journal, def, SweepShard.ALL)) {
            j.append(CellEngine.run(def, 1));
        }
        Path out = dir.resolve("alone.csv");
        String err = ShardMergeTest.stderr(() -> assertEquals(0, HopfieldCli.execute("sweep", "--journal",
                journal.toString(), "--no-progress", "--threads", "1", "--out", out.toString())));
        assertTrue(err.contains(": 1 cells done, " + (def.cellCount() - 1) + " to run"), err);
        assertEquals(SweepExport.csv(SweepRunner.run(def, 1, null)), Files.readString(out));
        assertEquals(def.cellCount(), journalCells(journal).size());

        // a definition next to the journal-only form is refused, not silently ignored
        err = ShardMergeTest.stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "--journal",
                journal.toString(), "--trials", "5", "--out", out.toString())));
        assertTrue(err.contains("--journal FILE alone resumes"), err);
    }
}
