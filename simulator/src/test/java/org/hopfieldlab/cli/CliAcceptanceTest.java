package org.hopfieldlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopfieldlab.cli.HopfieldCliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an acceptance walk-through of issue 10 from a shell found: every command's --help, one-line usage errors,
 * output that cannot be written (a full disk, a closed pipe, a missing folder) and journals that are not there.
 */
class CliAcceptanceTest {
    @TempDir
    Path dir;

    static final String[] SMALL = {"sweep", "--from", "sequence", "--x", "noise=0,4", "--trials", "2", "n=64", "p=3",
        "t=3", "in=0:d1,1:d2,2:d3", "--no-progress", "--threads", "1"};

    static String[] small(String... more) {
        String[] a = new String[SMALL.length + more.length];
        System.arraycopy(SMALL, 0, a, 0, SMALL.length);
        System.arraycopy(more, 0, a, SMALL.length, more.length);
        return a;
    }

    @Test
    void everyCommandHasHelpOnStdoutWithExitZero() {
        String[][] commands = {{"run"}, {"experiment"}, {"theory"}, {"spec"}, {"presets"}, {"sweep"},
            {"sweep", "merge"}, {"schema"}, {"exercise"}};
        for (String[] c : commands) {
            for (String flag : new String[] {"--help", "-h"}) {
                String[] args = new String[c.length + 1];
                System.arraycopy(c, 0, args, 0, c.length);
                args[c.length] = flag;
                Result r = HopfieldCliTest.cli(args);
                String name = "hopfield-cli " + String.join(" ", c);
                assertEquals(0, r.code(), name + " " + flag + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: " + name + " "), r.out());
                assertEquals("", r.err(), name);
            }
        }
        Result help = HopfieldCliTest.cli("help", "sweep");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: hopfield-cli sweep "), help.out());
        // sweep's KEY=VALUE overrides are explained by the key table, as run's and experiment's
        Result sweep = HopfieldCliTest.cli("sweep", "--help");
        assertTrue(sweep.out().contains("Keys (from `schema`):") && sweep.out().contains("noise   Noise s"),
                sweep.out());
        // --preset lists the built-in sweeps from their table
        String presets = String.join(", ", org.hopfieldlab.batch.sweep.SweepPresets.all().stream()
                .map(org.hopfieldlab.batch.sweep.SweepPresets.SweepPreset::name).toList());
        assertTrue(sweep.out().replaceAll("\\s+", " ").contains("built-in sweep: " + presets), sweep.out());
    }

    @Test
    void aUsageErrorIsOneLineNamingTheHelp() {
        for (String[] args : new String[][] {{"run", "sequence", "--trial", "x"}, {"sweep", "--bogus"},
            {"presets", "extra"}, {"sweep", "merge"}, {"experiment", "sequence", "--threads", "two"}}) {
            Result r = HopfieldCliTest.cli(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(" --help`)"), r.err());
            assertFalse(r.err().contains("Usage:"), r.err());
        }
    }

    /**
     * `exercise` with no subcommand printed its usage and exited 0, as did `hopfield-cli` alone: a command that only
     * groups subcommands needs one. Usage on stderr, stdout empty, exit 2; `--help` still prints it on stdout, exit 0.
     */
    @Test
    void aCommandOfSubcommandsRunWithoutOneIsAUsageError() {
        for (String[] c : new String[][] {{"exercise"}, {}}) {
            String name = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("hopfield-cli"),
                    java.util.Arrays.stream(c)).toList());
            Result r = HopfieldCliTest.cli(c);
            assertEquals(2, r.code(), name + ": " + r.err());
            assertEquals("", r.out(), name);
            assertTrue(r.err().startsWith("error: `" + name + "` needs a command: "), r.err());
            assertTrue(r.err().contains("Usage: " + name + " "), r.err());
        }
        assertTrue(HopfieldCliTest.cli("exercise").err().contains("needs a command: list, grade, show, link\n"));
        // `sweep` runs itself (merge is its one subcommand): without a definition it says what is missing
        Result sweep = HopfieldCliTest.cli("sweep");
        assertEquals(2, sweep.code(), sweep.err());
        assertTrue(sweep.err().startsWith("error: give --preset NAME or at least --x"), sweep.err());
    }

    /** `sweep --x noise=1,1` ran the same cell twice: a repeated axis value is a usage error naming both. */
    @Test
    void aRepeatedAxisValueIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"sweep", "--x", "noise=1,1", "--estimate"},
            {"sweep", "--preset", "noise", "--y", "model=idp,classic,idp", "--estimate"},
            {"experiment", "noise-sweep", "--noise-values", "0,8,8"}}) {
            Result r = HopfieldCliTest.cli(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(" twice"), r.err());
            assertEquals("", r.out());
        }
        assertEquals("error: axis noise has the value 1 twice; each value makes one cell, give it once\n",
                HopfieldCliTest.cli("sweep", "--x", "noise=1,1", "--estimate").err());
    }

    /** `sweep --estimate --threads 1` said "on 1 threads": the estimate and the guard count threads in English. */
    @Test
    void oneThreadIsSingular() {
        Result one = HopfieldCliTest.cli("sweep", "--preset", "noise", "--estimate", "--threads", "1");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().strip().endsWith(" s on 1 thread"), one.out());
        Result two = HopfieldCliTest.cli("sweep", "--preset", "noise", "--estimate", "--threads", "2");
        // (on a 1-core machine a note on the cores follows)
        assertTrue(two.out().strip().endsWith(" s on 2 threads") || two.out().contains(" s on 2 threads (this "
                + "machine has 1 core:"), two.out());
        Result guard = HopfieldCliTest.cli("experiment", "sequence", "n=16384", "p=64", "t=20000", "trials=10000",
                "--threads", "1");
        assertEquals(2, guard.code(), guard.err());
        assertTrue(guard.err().startsWith("error: experiment sequence (10000 trials on 1 thread) would take "),
                guard.err());
    }

    /**
     * `sweep --engine spark --estimate` printed the local engine's wall time on this machine's threads ("~6 s on Spark
     * local[2]" for a sweep that took 23–26 s there): on Spark it states one thread's work instead.
     */
    @Test
    void aSparkEstimateStatesTheWorkNotTheLocalThreadsTime() {
        Result local = HopfieldCliTest.cli("sweep", "--preset", "noise", "--estimate", "--threads", "1");
        String oneThread = local.out().replaceAll("(?s).*, (~\\d+ s) on 1 thread.*", "$1");
        assertTrue(oneThread.matches("~\\d+ s"), local.out());
        Result spark = HopfieldCliTest.cli("sweep", "--preset", "noise", "--estimate", "--engine", "spark", "--master",
                "local[2]", "--threads", "2");
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.out().contains(", " + oneThread + " of work for one thread, on Spark local[2] ("),
                spark.out());
    }

    /** `run sequence noise=` (an unset shell variable) ran with noise 8, exit 0: an override needs a value. */
    @Test
    void anOverrideWithoutAValueIsRefusedNotDefaulted() {
        for (String[] args : new String[][] {{"run", "sequence", "noise="}, {"spec", "sequence", "model="},
            {"experiment", "sequence", "trials="}, {"sweep", "--x", "noise=0,1", "n=", "--estimate"}}) {
            Result r = HopfieldCliTest.cli(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out());
            assertTrue(r.err().startsWith("error: '") && r.err().contains("' has no value; give "), r.err());
            assertEquals("", r.out());
        }
        Result r = HopfieldCliTest.cli("spec", "sequence", "noise=1&n=64");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("give each override as its own KEY=VALUE argument"), r.err());
    }

    @Test
    void anUnwritableStdoutIsAnErrorNotExitZero() {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        try {
            for (String[][] cmd : new String[][][] {{{"spec", "sequence"}}, {{"schema"}},
                {{"run", "sequence", "n=64", "t=200", "in=0:d1", "--csv"}}}) {
                err.reset();
                System.setOut(new PrintStream(full, true));
                System.setErr(new PrintStream(err, true));
                int code = HopfieldCli.execute(cmd[0]);
                assertEquals(1, code, String.join(" ", cmd[0]));
                String e = err.toString();
                assertTrue(e.startsWith("error: could not write to standard output (a full disk?)"), e);
                assertEquals(1, e.strip().lines().count(), e);
            }
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeTheSweepRuns() throws Exception {
        Path missing = dir.resolve("no-such-folder").resolve("x.csv");
        Result r = HopfieldCliTest.cli(small("--out", missing.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --out " + missing + ": the folder " + missing.getParent() + " does not exist",
                r.err().strip());
        r = HopfieldCliTest.cli(small("--out", dir.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --out " + dir + " is a folder; give a file name", r.err().strip());
        r = HopfieldCliTest.cli("sweep", "merge", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + dir + " is a folder"), r.err());

        // an existing result is replaced whole, and no temporary file is left beside it
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "old\n");
        r = HopfieldCliTest.cli(small("--out", csv.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(csv).startsWith("cell,noise,"), Files.readString(csv));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only r.csv");
        }
    }

    /**
     * Two sweeps on one journal (a resume started while the first still runs, or beside a Spark child left by a
     * killed CLI) would both append the same cells: the second is refused while the first holds the journal, across
     * processes (found: both ran, each doing the work again).
     */
    @Test
    void aJournalInUseByAnotherProcessIsRefused() throws Exception {
        Path journal = dir.resolve("busy.journal");
        org.hopfieldlab.batch.sweep.SweepDefinition def;
        Path first = dir.resolve("first.csv");
        assertEquals(0, HopfieldCliTest.cli(small("--journal", journal.toString(), "--out", first.toString()))
                .code());
        def = org.hopfieldlab.batch.sweep.SweepPart.read(journal).definition();
        try (var held = org.hopfieldlab.batch.sweep.SweepJournal.open(journal, def,
                org.hopfieldlab.batch.sweep.SweepShard.ALL)) {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), HopfieldCli.class.getName()));
            cmd.addAll(java.util.List.of(small("--journal", journal.toString(), "--out",
                    dir.resolve("second.csv").toString())));
            Path log = dir.resolve("second.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            String out = Files.readString(log).strip();
            assertEquals(2, p.exitValue(), out);
            assertEquals("error: journal " + journal + " is in use by another running sweep; wait for it to end or "
                    + "stop it, then run this again", out);
            assertFalse(Files.exists(dir.resolve("second.csv")));
        }
        // released: the same command resumes (nothing left to run, said so rather than as a rate) and gives the same
        // bytes
        Path again = dir.resolve("again.csv");
        Result r = HopfieldCliTest.cli(small("--journal", journal.toString(), "--out", again.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(first), Files.readString(again));
        assertTrue(r.err().contains("sweep: nothing left to run; all " + def.cellCount() + " cells were in " + journal
                + "\n"), r.err());
        assertFalse(r.err().contains("runs/s"), r.err());
    }

    /** SIGTERM (or Ctrl-C) of a sweep says what its journal kept and how to resume (found: it stopped silently). */
    @Test
    void aStoppedSweepSaysWhatItsJournalKept() throws Exception {
        Path journal = dir.resolve("stop.journal");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HopfieldCli.class.getName(), "sweep", "--from", "sequence",
                "--x", "noise=0,8", "--trials", "400", "--no-progress", "--threads", "1", "--journal",
                journal.toString(), "--out", dir.resolve("stop.csv").toString()));
        Path log = dir.resolve("stop.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && (!Files.exists(journal)
                || !Files.readString(journal).contains("\nblock,"))) {
            Thread.sleep(100);
        }
        assertTrue(p.isAlive(), Files.readString(log));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(143, p.exitValue(), out);
        assertTrue(out.matches("(?s).*sweep: stopped; " + java.util.regex.Pattern.quote(journal.toString())
                + " keeps 0 finished cells and [1-9][0-9]* finished trial blocks: run the same command to "
                + "resume.*"), out);
    }

    @Test
    void aJournalThatIsNotThereOrIsAFolderIsNamed() throws Exception {
        Path missing = dir.resolve("typo.journal");
        Result r = HopfieldCliTest.cli("sweep", "--journal", missing.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: journal " + missing + " does not exist, so there is nothing to "
                + "resume"), r.err());
        assertFalse(Files.exists(missing));
        r = HopfieldCliTest.cli(small("--journal", dir.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: journal " + dir + " is a folder; give a file name", r.err().strip());
        Path noFolder = dir.resolve("nope").resolve("j.journal");
        r = HopfieldCliTest.cli(small("--journal", noFolder.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("the folder " + noFolder.getParent() + " does not exist"), r.err());
    }
}
