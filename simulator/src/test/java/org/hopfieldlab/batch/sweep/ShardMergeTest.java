package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.cli.HopfieldCli;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** K shards of a sweep, run separately and merged, give the bytes of one run (CSV and JSON). */
class ShardMergeTest {
    @TempDir
    Path dir;

    static final String[] SWEEP = {"sweep", "--from", "sequence", "--x", "noise=0,2,4,8", "--y", "model=idp,classic",
        "--trials", "3", "--seeds", "per-cell", "n=128", "p=6", "t=9", "in=0:d1,3:d2,6:d3", "--no-progress"};

    static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of(SWEEP));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void kShardsMergedEqualOneRunByteForByte() throws Exception {
        Path oneCsv = dir.resolve("one.csv");
        Path oneJson = dir.resolve("one.json");
        assertEquals(0, HopfieldCli.execute(args("--threads", "2", "--out", oneCsv.toString())));
        assertEquals(0, HopfieldCli.execute(args("--threads", "2", "--json", "--out", oneJson.toString())));
        // an independent reference: the engine's own CSV for the same definition
        assertEquals(SweepExport.csv(SweepRunner.run(SweepEngineTest.small(3), 1, null)), Files.readString(oneCsv));

        for (int k : new int[] {1, 3, 8, 11}) {
            List<String> merge = new ArrayList<>(List.of("sweep", "merge"));
            Set<Integer> seen = new HashSet<>();
            // merge in reverse order: the order of the files must not matter
            for (int i = k - 1; i >= 0; i--) {
                Path part = dir.resolve("part-" + k + "-" + i);
                assertEquals(0, HopfieldCli.execute(args("--shard", i + "/" + k, "--threads", "1", "--out",
                        part.toString())));
                SweepPart p = SweepPart.read(part);
                for (int c : p.cells().keySet()) {
                    assertEquals(i, c % k);
                    assertTrue(seen.add(c), "cell " + c + " in two shards");
                }
                merge.add(part.toString());
            }
            assertEquals(8, seen.size(), "K=" + k + ": the shards cover every cell");
            Path csv = dir.resolve("merged-" + k + ".csv");
            Path json = dir.resolve("merged-" + k + ".json");
            List<String> m1 = new ArrayList<>(merge);
            m1.addAll(List.of("--out", csv.toString()));
            assertEquals(0, HopfieldCli.execute(m1.toArray(new String[0])));
            List<String> m2 = new ArrayList<>(merge);
            m2.addAll(List.of("--json", "--out", json.toString()));
            assertEquals(0, HopfieldCli.execute(m2.toArray(new String[0])));
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(oneCsv), Files.readAllBytes(csv)), "CSV, K=" + k);
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(oneJson), Files.readAllBytes(json)),
                    "JSON, K=" + k);
        }
    }

    @Test
    void missingShardAndForeignPartAreClearErrors() throws Exception {
        Path p0 = dir.resolve("p0");
        Path p1 = dir.resolve("p1");
        assertEquals(0, HopfieldCli.execute(args("--shard", "0/3", "--threads", "1", "--out", p0.toString())));
        assertEquals(0, HopfieldCli.execute(args("--shard", "1/3", "--threads", "1", "--out", p1.toString())));
        String err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", p0.toString(),
                p1.toString())));
        assertTrue(err.contains("2 of 8 cells are missing: [2, 5]"), err);
        assertTrue(err.contains("no file given holds cells [2, 5]; missing shard 2/3: merge every shard's file"),
                err);
        assertFalse(err.contains("at org."), err);

        Path other = dir.resolve("other");
        assertEquals(0, HopfieldCli.execute("sweep", "--from", "sequence", "--x", "noise=0,2,4,8", "--y",
                "model=idp,classic", "--trials", "2", "--seeds", "per-cell", "n=128", "p=6", "t=9",
                "in=0:d1,3:d2,6:d3", "--no-progress", "--shard", "2/3", "--threads", "1", "--out", other.toString()));
        err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", p0.toString(), p1.toString(),
                other.toString())));
        assertTrue(err.contains(other + " belongs to another sweep than " + p0 + " (the definitions differ: "
                + "trials=3 in " + p0 + ", trials=2 in " + other + ")"), err);
        // a different base: only the keys that differ are named
        Path beta = dir.resolve("beta");
        List<String> otherBase = new ArrayList<>(List.of(args("--shard", "2/3", "--threads", "1", "--out",
                beta.toString(), "beta=12")));
        assertEquals(0, HopfieldCli.execute(otherBase.toArray(new String[0])));
        err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", p0.toString(), beta.toString())));
        assertTrue(err.matches("(?s).*the definitions differ: base beta=[0-9.]+ in " + java.util.regex.Pattern.quote(
                p0.toString()) + ", beta=12 in " + java.util.regex.Pattern.quote(beta.toString()) + "\\).*"), err);

        err = stderr(() -> assertEquals(2, HopfieldCli.execute(args("--shard", "3/3", "--estimate"))));
        assertTrue(err.contains("shard index i = 3; allowed: 0 to 2"), err);
        err = stderr(() -> assertEquals(2, HopfieldCli.execute(args("--shard", "1-3", "--estimate"))));
        assertTrue(err.contains("--shard takes i/K"), err);
        Path junk = dir.resolve("junk.csv");
        Files.writeString(junk, "cell,noise\n0,1\n");
        err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", junk.toString())));
        assertTrue(err.contains("is not a sweep part file"), err);
    }

    /** The same shard twice (the file twice, or a copy) is refused naming the shard and both files. */
    @Test
    void aShardGivenTwiceIsRefusedNamingItAndBothFiles() throws Exception {
        Path[] p = new Path[3];
        for (int i = 0; i < 3; i++) {
            p[i] = dir.resolve("p" + i + ".part");
            assertEquals(0, HopfieldCli.execute(args("--shard", i + "/3", "--threads", "1", "--out",
                    p[i].toString())));
        }
        Path copy = dir.resolve("copy-of-p1.part");
        Files.copy(p[1], copy);
        Path out = dir.resolve("merged.csv");
        String err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", p[0].toString(),
                p[1].toString(), p[2].toString(), copy.toString(), "--out", out.toString())));
        assertTrue(err.contains("shard 1/3 is given twice: " + p[1] + " and " + copy + " are both shard 1/3"), err);
        assertFalse(Files.exists(out), "nothing is written");
        err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", p[0].toString(), p[1].toString(),
                p[2].toString(), p[0].toString())));
        assertTrue(err.contains(p[0] + " is given twice (shard 0/3)"), err);
        assertFalse(err.contains("at org."), err);
    }

    /** Parts of two splits (K = 2 and K = 4) are refused; missing shards are named by index. */
    @Test
    void otherSplitsAreRefusedAndMissingShardsNamed() throws Exception {
        Path half = dir.resolve("half0.part");
        Path quarter = dir.resolve("quarter1.part");
        Path quarter3 = dir.resolve("quarter3.part");
        assertEquals(0, HopfieldCli.execute(args("--shard", "0/2", "--threads", "1", "--out", half.toString())));
        assertEquals(0, HopfieldCli.execute(args("--shard", "1/4", "--threads", "1", "--out", quarter.toString())));
        assertEquals(0, HopfieldCli.execute(args("--shard", "3/4", "--threads", "1", "--out", quarter3.toString())));
        // 0/2 and 1/4 and 3/4 hold every cell, but they are not one split: refused, not merged
        String err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", half.toString(),
                quarter.toString(), quarter3.toString())));
        assertTrue(err.contains(half + " is shard 0/2 but " + quarter + " is shard 1/4"), err);
        err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", quarter.toString())));
        assertTrue(err.contains("6 of 8 cells are missing: [0, 2, 3, 4, 6, 7]"), err);
        assertTrue(err.contains("missing shards 0/4, 2/4, 3/4"), err);
        err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", quarter.toString(),
                quarter3.toString())));
        assertTrue(err.contains("missing shards 0/4, 2/4:"), err);
    }

    @Test
    void anUnfinishedCellStopsTheMergeNamingItsBlocksAndTheResumeCommand() throws Exception {
        Path one = dir.resolve("one.csv");
        assertEquals(0, HopfieldCli.execute(args("--threads", "2", "--out", one.toString())));
        Path p1 = dir.resolve("p1");
        assertEquals(0, HopfieldCli.execute(args("--shard", "1/2", "--threads", "1", "--out", p1.toString())));
        SweepDefinition def = SweepPart.read(p1).definition();
        // shard 0/2 (cells 0, 2, 4, 6) killed mid-cell: cells 0 and 2 done, 2 of cell 4's 3 trials in a block
        Path j0 = dir.resolve("p0.journal");
        try (SweepJournal j = SweepJournal.open(j0, def, new SweepShard(0, 2))) {
            for (int k : new int[] {0, 2}) {
                j.append(TrialBlock.cell(def, k, List.of(TrialBlock.run(def, k, 0, 3))));
            }
            j.appendBlock(TrialBlock.run(def, 4, 0, 2));
        }
        assertEquals(1, SweepPart.read(j0).blocks().size());
        Path merged = dir.resolve("merged.csv");
        String err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", j0.toString(),
                p1.toString(), "--out", merged.toString())));
        assertFalse(Files.exists(merged), "nothing written");
        assertTrue(err.contains("2 of 8 cells are missing: [4, 6]; nothing was written"), err);
        assertTrue(err.contains(j0 + " (shard 0/2) has 2 cells not finished:"), err);
        assertTrue(err.contains("cell 4 (noise=0, model=classic): 2 of 3 trials done in 1 block\n"), err);
        assertTrue(err.contains("cell 6 (noise=4, model=classic): 0 of 3 trials done\n"), err);
        String command = "java -jar hopfield-cli.jar sweep --journal " + j0 + " --shard 0/2 --out " + j0 + ".part";
        assertTrue(err.contains(command), err);
        assertFalse(err.contains("at org."), err);

        // the command it names finishes the shard; the merge then gives one run's bytes
        String[] resume = command.substring("java -jar hopfield-cli.jar ".length()).split(" ");
        assertEquals(0, HopfieldCli.execute(resume));
        assertEquals(0, HopfieldCli.execute("sweep", "merge", j0.toString(), p1.toString(), "--out",
                merged.toString()));
        assertEquals(Files.readString(one), Files.readString(merged));
        assertEquals(0, HopfieldCli.execute("sweep", "merge", j0 + ".part", p1.toString(), "--out",
                merged.toString()));
        assertEquals(Files.readString(one), Files.readString(merged));

        assertEquals("java -jar hopfield-cli.jar sweep --journal 'my parts/it'\\''s' --shard 1/3 --out "
                + "'my parts/it'\\''s.part'", SweepPart.resumeCommand(Path.of("my parts/it's"), new SweepShard(1, 3)));
    }

    /**
     * A part file whose cell or block lines were edited or damaged (numbers that parse but cannot come from a run) is
     * refused with the file, line and cell, never merged or resumed as a result. Found by hand-editing a shard's
     * retrieved count: the merge printed 99 of 12 windows retrieved, exit 0.
     */
    @Test
    void aDamagedCellOrBlockLineIsRefusedNeverMerged() throws Exception {
        Path[] parts = new Path[2];
        for (int i = 0; i < 2; i++) {
            parts[i] = dir.resolve("p" + i);
            assertEquals(0, HopfieldCli.execute(args("--shard", i + "/2", "--threads", "1", "--out",
                    parts[i].toString())));
        }
        String text = Files.readString(parts[0]);
        String line = text.lines().filter(l -> l.startsWith("2,")).findFirst().orElseThrow();
        String[] f = line.split(",", -1);
        // cell,trials,windows,retrieved,fraction,ciLow,ciHigh,diverged,w1;w2;w3,seconds
        List<String[]> edits = new ArrayList<>();
        edits.add(with(f, 3, "99"));                        // retrieved > windows
        edits.add(with(f, 4, "0.5"));                       // a fraction that is not retrieved / windows
        edits.add(with(f, 5, "0.01"));                      // a Wilson bound that is not the count's
        edits.add(with(f, 1, "4"));                         // trials other than the sweep's
        edits.add(with(f, 2, "10"));                        // windows other than trials × windows with a target
        edits.add(with(f, 7, "9"));                         // more diverged trials than trials
        edits.add(with(f, 8, "3;0"));                       // one count short
        edits.add(with(f, 8, "4;0;0"));                     // a window retrieved by more trials than ran
        for (String[] e : edits) {
            String bad = text.replace(line + "\n", String.join(",", e) + "\n");
            assertNotEquals(text, bad);
            Path broken = dir.resolve("broken");
            Files.writeString(broken, bad);
            String[] err = new String[1];
            err[0] = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", broken.toString(),
                    parts[1].toString()), String.join(",", e)));
            assertTrue(err[0].startsWith("error: " + broken + " line ") && err[0].contains("cell 2 ")
                    && err[0].contains("changed or damaged") && err[0].strip().lines().count() == 1, err[0]);
            // a journal with such a line is refused too (a resume would keep it as a finished cell)
            err[0] = stderr(() -> assertEquals(2, HopfieldCli.execute(args("--shard", "0/2", "--journal",
                    broken.toString(), "--out", dir.resolve("again").toString()))));
            assertTrue(err[0].contains("changed or damaged"), err[0]);
        }
        // a block line with more retrievals than trials, or with a window count missing
        for (String block : new String[] {"block,2,0,2,0,3;0;0,0.1", "block,2,0,2,0,1;1,0.1",
            "block,2,0,2,5,0;0;0,0.1"}) {
            String bad = text.replace(line + "\n", "") + block + "\n";
            Path broken = dir.resolve("broken-block");
            Files.writeString(broken, bad);
            String err = stderr(() -> assertEquals(2, HopfieldCli.execute("sweep", "merge", broken.toString(),
                    parts[1].toString()), block));
            assertTrue(err.contains("trials 0..2 of cell 2 ") && err.contains("changed or damaged"), err);
        }
        // the untouched files still merge
        assertEquals(0, HopfieldCli.execute("sweep", "merge", parts[0].toString(), parts[1].toString(), "--out",
                dir.resolve("ok.csv").toString()));
    }

    private static String[] with(String[] fields, int at, String value) {
        String[] c = fields.clone();
        c[at] = value;
        return c;
    }

    @Test
    void partLinesKeepEveryBit() {
        CellResult c = new CellResult(5, 7, 21, 13, 13.0 / 21, 0.1 + 0.2, Math.nextUp(0.9), List.of(1, 0, 12), 2,
                1.25);
        assertEquals(c, CellEngine.decode(CellEngine.encode(c)));
        assertThrows(SpecException.class, () -> CellEngine.decode("1,2,3"));
        assertNotEquals(CellEngine.encode(c), CellEngine.encode(c.withoutTiming()));
    }

    static String stderr(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return err.toString();
    }
}
