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
import org.hopfieldlab.cli.HopfieldCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged hopfield-spark.jar runs a sweep on Spark local[2] in a child JVM with a journal; the child is killed
 * with SIGKILL mid-sweep and started again on the same journal: every cell is journaled exactly once, the resumed run
 * skips the finished cells, and the CSV equals an uninterrupted run byte for byte.
 */
class SparkKillResumeIT {
    static final Path JAR = SparkMainProcess.JAR;
    static final int CELLS = 24;

    // 24 cells of 4 trials at n = 256 (about 0.15 s a cell on local[2]): long enough to kill between cells
    static final String[] SWEEP = {"sweep", "--from", "sequence", "--x", "noise=0:16:12", "--y", "model=idp,classic",
        "--trials", "4", "--seeds", "per-cell", "n=256", "p=6", "t=9", "in=0:d1,3:d2,6:d3", "--no-progress"};

    @TempDir
    Path dir;

    static List<String> sweep(String... more) {
        return SparkMainProcess.args(SWEEP, more);
    }

    Process spark(String log, List<String> sweepArgs) throws IOException {
        return SparkMainProcess.start(dir.resolve(log + ".log"), sweepArgs);
    }

    /** Cell numbers of the journal's complete lines, in file order, duplicates kept. */
    static List<Integer> journalLines(Path journal) throws IOException {
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int at = text.indexOf("\ncells:\n");
        List<Integer> cells = new ArrayList<>();
        if (at < 0) {
            return cells;
        }
        String body = text.substring(at + 8, text.lastIndexOf('\n') + 1);
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                cells.add(Integer.parseInt(line.substring(0, line.indexOf(','))));
            }
        }
        return cells;
    }

    String log(String name) throws IOException {
        Path f = dir.resolve(name + ".log");
        return Files.exists(f) ? "\n--- " + name + ".log ---\n" + Files.readString(f) : "";
    }

    @Test
    void killedSparkSweepResumesFromItsJournalWithEveryCellOnce() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run in `verify`: " + JAR + " is built in `package`");
        Path reference = dir.resolve("reference.csv");
        assertEquals(0, HopfieldCli.execute(sweep("--threads", "2", "--out", reference.toString())
                .toArray(new String[0])));

        Path journal = dir.resolve("spark.journal");
        Path out = dir.resolve("out.csv");
        long t0 = System.nanoTime();
        Process first = spark("first", sweep("--master", "local[2]", "--journal", journal.toString(), "--out",
                out.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int before = 0;
        while (System.nanoTime() < deadline && first.isAlive()) {
            if (Files.exists(journal) && (before = journalLines(journal).size()) >= 4) {
                break;
            }
            Thread.sleep(10);
        }
        assertTrue(first.isAlive(), "the child ended before it could be killed" + log("first"));
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        double killedAt = (System.nanoTime() - t0) / 1e9;
        List<Integer> done = journalLines(journal);
        assertTrue(done.size() >= 4 && done.size() < CELLS, "killed mid-sweep: " + done + log("first"));
        assertFalse(Files.exists(out), "no result file from a killed sweep");

        // resume: the same journal; the journal alone names the sweep (as the server's child is started)
        long t1 = System.nanoTime();
        Process second = spark("second", List.of("sweep", "--journal", journal.toString(), "--master", "local[2]",
                "--no-progress", "--out", out.toString()));
        assertTrue(second.waitFor(180, TimeUnit.SECONDS), "resume timed out" + log("second"));
        assertEquals(0, second.exitValue(), log("second"));
        double resumeSecs = (System.nanoTime() - t1) / 1e9;
        assertTrue(log("second").contains("resuming from " + journal + ": " + done.size() + " cells done, "
                + (CELLS - done.size()) + " to run"), log("second"));
        assertTrue(log("second").contains("sweep: " + (CELLS - done.size()) * 4 + " runs in"), log("second"));

        Map<Integer, Integer> times = new TreeMap<>();
        for (int c : journalLines(journal)) {
            times.merge(c, 1, Integer::sum);
        }
        assertEquals(CELLS, times.size(), "every cell journaled: " + times);
        times.forEach((c, n) -> assertEquals(1, n, "cell " + c + " journaled " + n + " times"));
        assertEquals(Files.readString(reference), Files.readString(out));
        System.out.printf("spark kill -9 resume: killed at %.1f s with %d of %d cells journaled; resume took %.1f s%n",
                killedAt, done.size(), CELLS, resumeSecs);
    }
}
