package org.hopfieldlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a researcher ran into trying the CLI: an option that would be silently ignored, an output file that would
 * replace the very file being read, and a shard with no cells reported as "all 0 cells were in null". Each is one
 * line on stderr naming the option, exit code 2, and nothing changed on disk.
 */
class ResearcherCliTest {
    private static final String[] SMALL = {"--from", "sequence", "--trials", "2", "t=1", "n=32", "p=2", "in=0:d1",
        "--x", "noise=0,2,4", "--threads", "1", "--no-progress"};

    private static String[] sweep(String... more) {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    private static void refused(HopfieldCliTest.Result r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: "), err);
        assertFalse(err.contains("\n") || err.contains("Exception"), "one line, no stack trace: " + err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "missing '" + f + "' in: " + err);
        }
    }

    @Test
    void mergeRefusesToWriteOverOneOfItsParts(@TempDir Path dir) throws Exception {
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path p = dir.resolve("p" + i + ".part");
            assertEquals(0, HopfieldCliTest.cli(sweep("--shard", i + "/2", "--out", p.toString())).code());
            parts.add(p);
        }
        String before = Files.readString(parts.get(0), StandardCharsets.UTF_8);
        // the same file, named directly and through another path
        for (String out : new String[] {parts.get(0).toString(), dir.resolve("sub/../p0.part").toString()}) {
            Files.createDirectories(dir.resolve("sub"));
            HopfieldCliTest.Result r = HopfieldCliTest.cli("sweep", "merge", parts.get(0).toString(),
                    parts.get(1).toString(), "--out", out);
            refused(r, "--out", "one of the part files being merged", "give another file name");
            assertEquals(before, Files.readString(parts.get(0), StandardCharsets.UTF_8), "the part is untouched");
        }
        // another name still works, and gives the unsharded sweep's bytes
        Path csv = dir.resolve("all.csv");
        assertEquals(0, HopfieldCliTest.cli("sweep", "merge", parts.get(0).toString(), parts.get(1).toString(),
                "--out", csv.toString()).code());
        assertEquals(HopfieldCliTest.cli(sweep()).out(), Files.readString(csv, StandardCharsets.UTF_8));
    }

    @Test
    void aSweepRefusesToWriteItsResultOverItsJournal(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("s.journal");
        HopfieldCliTest.Result r = HopfieldCliTest.cli(sweep("--journal", journal.toString(), "--out",
                journal.toString()));
        refused(r, "--out", "the sweep's --journal");
        assertFalse(Files.exists(journal), "nothing ran, no journal was started");
        // with a journal that holds the sweep: refused, and the journal still resumes
        assertEquals(0, HopfieldCliTest.cli(sweep("--journal", journal.toString())).code());
        String kept = Files.readString(journal, StandardCharsets.UTF_8);
        refused(HopfieldCliTest.cli(sweep("--journal", journal.toString(), "--out", journal.toString())),
                "the sweep's --journal");
        assertEquals(kept, Files.readString(journal, StandardCharsets.UTF_8));
    }

    @Test
    void aShardWithNoCellsSaysSoAndItsEmptyPartMerges(@TempDir Path dir) throws Exception {
        // 3 cells in 4 shards (a job array sized for a bigger sweep): shard 3/4 has none
        List<String> files = new ArrayList<>(List.of("sweep", "merge"));
        for (int i = 0; i < 4; i++) {
            Path p = dir.resolve("p" + i + ".part");
            HopfieldCliTest.Result r = HopfieldCliTest.cli(sweep("--shard", i + "/4", "--out", p.toString()));
            assertEquals(0, r.code(), r.err());
            if (i == 3) {
                assertFalse(r.err().contains("null"), r.err());
                assertTrue(r.err().contains("shard 3/4 has none of the sweep's 3 cells"), r.err());
            }
            files.add(p.toString());
        }
        HopfieldCliTest.Result merged = HopfieldCliTest.cli(files.toArray(new String[0]));
        assertEquals(0, merged.code(), merged.err());
        assertEquals(HopfieldCliTest.cli(sweep()).out(), merged.out());
    }

    @Test
    void fromWithAPresetOrAJournalToResumeIsRefusedNotIgnored(@TempDir Path dir) {
        HopfieldCliTest.Result r = HopfieldCliTest.cli("sweep", "--preset", "noise", "--from", "discrete",
                "--estimate");
        refused(r, "--from discrete would be ignored", "--preset noise");
        // the same with a journal to resume: its base spec is the journal's
        Path journal = dir.resolve("s.journal");
        assertEquals(0, HopfieldCliTest.cli(sweep("--journal", journal.toString())).code());
        refused(HopfieldCliTest.cli("sweep", "--journal", journal.toString(), "--from", "discrete"),
                "--from discrete would be ignored", "resumes the sweep it holds");
        assertEquals(0, HopfieldCliTest.cli("sweep", "--journal", journal.toString()).code());
        // without --from the preset still runs its estimate
        assertEquals(0, HopfieldCliTest.cli("sweep", "--preset", "noise", "--estimate").code());
    }

    @Test
    void anotherExperimentsOptionIsRefusedNotIgnored() {
        refused(HopfieldCliTest.cli("experiment", "sequence", "--noise-values", "0,1", "trials=1", "t=1",
                "n=32", "p=2", "in=0:d1"),
                "--noise-values applies to experiment noise-sweep only, not to sequence");
        refused(HopfieldCliTest.cli("experiment", "glitch", "--models", "idp", "trials=1", "n=32"),
                "--models applies to experiment noise-sweep only");
        refused(HopfieldCliTest.cli("experiment", "noise-sweep", "--gammas", "0,1", "trials=1", "t=1", "n=32",
                "p=2", "in=0:d1", "--noise-values", "0"),
                "--gammas applies to experiment modern only, not to noise-sweep");
        refused(HopfieldCliTest.cli("experiment", "thresholds", "--gammas", "0,1"), "--gammas");
        // where they belong they still work
        HopfieldCliTest.Result ok = HopfieldCliTest.cli("experiment", "modern", "--gammas", "0,1", "trials=1",
                "t=1", "n=32", "p=2", "in=0:d1", "--json");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("\"gamma\""), ok.out());
    }

    @Test
    void runGivesOneOutputAndEveryOnlyWithTheCsv() {
        String q = "model=idp&n=32&p=2&t=1&in=0:d1";
        // both: the JSON used to follow the CSV's last row, leaving a CSV with a line of JSON at its end
        refused(HopfieldCliTest.cli("run", q, "--csv", "--json"), "--csv and --json", "give one");
        // --every samples the CSV; without it nothing changes, so asking for it is a mistake to name
        refused(HopfieldCliTest.cli("run", q, "--every", "5"), "--every", "with --csv");
        refused(HopfieldCliTest.cli("run", q, "--json", "--every", "5"), "--every", "with --csv");
        HopfieldCliTest.Result csv = HopfieldCliTest.cli("run", q, "--csv", "--every", "5");
        assertEquals(0, csv.code(), csv.err());
        assertEquals(22, csv.out().lines().count(), "header + 21 rows (every 5th of 100 steps), nothing else");
        assertTrue(csv.out().lines().skip(1).allMatch(l -> l.matches("[0-9.eE,+-]+")), csv.out());
    }

    @Test
    void schemaGivesOneForm() {
        refused(HopfieldCliTest.cli("schema", "--json", "--markdown"), "--json and --markdown", "give one");
        assertEquals(0, HopfieldCliTest.cli("schema", "--markdown").code());
    }

    @Test
    void aWholeLabLinkIsASpec() {
        // what the lab's "Copy link" gives: a URL whose query holds the spec and view keys
        String canonical = HopfieldCliTest.cli("spec", "model=idp&n=64&p=3&in=0:d1").out();
        HopfieldCliTest.Result link = HopfieldCliTest.cli("spec",
                "https://lab.example.org/lab/index.html?v=1&model=idp&n=64&p=3&in=0:d1&speed=5&view=theory#top");
        assertEquals(0, link.code(), link.err());
        assertEquals(canonical, link.out());
        // preset=NAME applies the link's keys as edits, as the lab reads it
        assertEquals(HopfieldCliTest.cli("spec", "glitch", "n=64").out(),
                HopfieldCliTest.cli("spec", "index.html?preset=glitch&n=64").out());
        HopfieldCliTest.Result run = HopfieldCliTest.cli("run", "http://localhost:8080/lab/?n=64&p=3&t=1&in=0:d1");
        assertEquals(0, run.code(), run.err());
        assertEquals(HopfieldCliTest.cli("run", "n=64&p=3&t=1&in=0:d1").out(), run.out());
        // a bad key in a link is still named
        refused(HopfieldCliTest.cli("spec", "https://x/lab/?n=0"), "n = 0 is out of range");
    }

    @Test
    void sweepingTheVersionSaysWhatVIs() {
        // it used to say "set trials per cell and the seed policy instead", the hint for trials and seed
        HopfieldCliTest.Result r = HopfieldCliTest.cli(sweep("--y", "v=1"));
        refused(r, "'v' cannot be swept", "version of the link format");
        assertFalse(r.err().contains("seed policy"), r.err());
        refused(HopfieldCliTest.cli(sweep("--y", "seed=1,2")), "'seed' cannot be swept", "seed policy");
    }

    @Test
    void everyCommandsSummaryIsACompleteSentence() {
        // `hopfield-cli --help` lists each command with the first line of its description: it used to stop at
        // "… overrides the preset, e.g.:", "… unit, label," or "… one run of the sweep gives,"
        List<String> bad = new ArrayList<>();
        summaries(new picocli.CommandLine(new HopfieldCli()), "", bad);
        assertTrue(bad.isEmpty(), "summaries that are not a sentence: " + bad);
        String help = HopfieldCliTest.cli("--help").out();
        assertTrue(help.contains("experiment  Reproduce one of the paper's experiments over many trials, in"),
                help);
    }

    private static void summaries(picocli.CommandLine c, String path, List<String> bad) {
        for (var e : c.getSubcommands().entrySet()) {
            picocli.CommandLine.Model.UsageMessageSpec u = e.getValue().getCommandSpec().usageMessage();
            String first = u.header().length > 0 ? u.header()[0] : u.description().length > 0 ? u.description()[0] : "";
            if (!first.strip().endsWith(".")) {
                bad.add(path + e.getKey() + ": " + first);
            }
            summaries(e.getValue(), path + e.getKey() + " ", bad);
        }
    }

    @Test
    void thresholdsRefusesKeysItWouldIgnore() {
        // it reads n and beta only: model=classic used to print the IDP rows as if they were the classic model's
        refused(HopfieldCliTest.cli("experiment", "thresholds", "n=64", "model=classic"),
                "experiment thresholds reads only n and beta", "model would be ignored");
        refused(HopfieldCliTest.cli("experiment", "thresholds", "trials=5", "n=64"), "trials would be ignored");
        HopfieldCliTest.Result ok = HopfieldCliTest.cli("experiment", "thresholds", "n=64", "beta=5");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("thresholds: N = 64 orthogonal memories, β = 5;"), ok.out());
    }

    @Test
    void anOverrideOfASweptKeyIsRefusedNotIgnored() {
        // every cell sets the swept key from its axis: noise=3 next to --x noise=0,2 used to vanish without a word
        refused(HopfieldCliTest.cli(sweep("noise=3")), "noise=… would be ignored", "noise is swept (noise=0,2,4)",
                "--x");
        refused(HopfieldCliTest.cli("sweep", "--preset", "noise", "model=classic", "--estimate"),
                "model=… would be ignored", "model is swept (model=idp,classic)");
        refused(HopfieldCliTest.cli("experiment", "noise-sweep", "noise=3", "n=32", "p=2", "t=1", "in=0:d1",
                "trials=1", "--noise-values", "0"), "noise=… would be ignored", "--noise-values");
        refused(HopfieldCliTest.cli("experiment", "modern", "map=poly", "n=32", "p=2", "t=1", "in=0:d1", "trials=1",
                "--gammas", "0"), "map=… would be ignored", "map is swept (map=linear,softmax,poly)");
        refused(HopfieldCliTest.cli("experiment", "modern", "gamma=0.3", "n=32", "p=2", "t=1", "in=0:d1",
                "trials=1", "--gammas", "0"), "gamma=… would be ignored", "--gammas");
        // keys that are not swept still change every cell
        assertEquals(0, HopfieldCliTest.cli(sweep("beta=5")).code());
    }

    @Test
    void listTakesNoOtherOption() {
        // --list printed the same text whatever came with it: --json, a --preset to run, overrides
        refused(HopfieldCliTest.cli("sweep", "--list", "--json"), "--list prints the built-in sweeps", "--json");
        refused(HopfieldCliTest.cli("sweep", "--list", "--preset", "noise"), "--preset");
        refused(HopfieldCliTest.cli("sweep", "--list", "n=64"), "n=64");
        // the Spark job jar runs `sweep --engine spark --list`
        assertEquals(0, HopfieldCliTest.cli("sweep", "--engine", "spark", "--list").code());
        HopfieldCliTest.Result ok = HopfieldCliTest.cli("sweep", "--list");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("noise "), ok.out());
    }

    @Test
    void runOutWritesTheSameBytesAsStdout(@TempDir Path dir) throws Exception {
        String q = "model=idp&n=64&p=3&t=2&seed=4&in=0:d1,1:d2";
        for (String[] mode : new String[][] {{"--csv", "--every", "3"}, {"--json"}, {}}) {
            List<String> args = new ArrayList<>(List.of("run", q));
            args.addAll(List.of(mode));
            HopfieldCliTest.Result std = HopfieldCliTest.cli(args.toArray(new String[0]));
            Path f = dir.resolve("run" + mode.length + ".out");
            args.addAll(List.of("--out", f.toString()));
            HopfieldCliTest.Result toFile = HopfieldCliTest.cli(args.toArray(new String[0]));
            assertEquals(0, toFile.code(), toFile.err());
            assertEquals("", toFile.out());
            assertEquals(std.out(), Files.readString(f, StandardCharsets.UTF_8), String.join(" ", mode));
        }
        refused(HopfieldCliTest.cli("run", q, "--out", dir.resolve("no/such/dir/x.csv").toString()), "--out",
                "does not exist");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /** SIGTERM mid-run: --out leaves no file at all; stdout keeps its rows, and stderr says the CSV is cut. */
    @Test
    void aStoppedRunLeavesNoFileThatLooksWhole(@TempDir Path dir) throws Exception {
        String q = "model=idp&n=4096&p=10&t=3000&in=0:d1";
        Path csv = dir.resolve("long.csv");
        Process p = java(dir.resolve("a.log"), null, "run", q, "--csv", "--every", "1", "--yes", "--out",
                csv.toString());
        awaitTmp(dir, p, dir.resolve("a.log"));
        p.destroy(); // SIGTERM, as Ctrl-C or a batch system's time limit
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertFalse(Files.exists(csv), "a stopped run wrote no " + csv);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /** SIGTERM mid-run on stdout: the rows stay (they were streamed), and stderr says where they stop. */
    @Test
    void aStoppedRunSaysItsStreamedCsvIsCut(@TempDir Path dir) throws Exception {
        String q = "model=idp&n=4096&p=10&t=3000&in=0:d1";
        Path std = dir.resolve("std.csv");
        Path log = dir.resolve("b.log");
        Process p = java(log, std, "run", q, "--csv", "--every", "1", "--yes");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && (!Files.exists(std) || Files.size(std) < 100_000)) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), Files.readString(log));
        p.destroy();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        String err = Files.readString(log);
        assertTrue(err.matches("(?s).*run: stopped at t = [0-9.]+ of 3000; the CSV on stdout is cut after [1-9][0-9]* "
                + "rows.*"), err);
    }

    private static Process java(Path log, Path stdout, String... args) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HopfieldCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        return pb.start();
    }

    private static void awaitTmp(Path dir, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (var files = Files.list(dir)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp") && f.toFile().length() > 100_000)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not start writing: " + Files.readString(log));
    }

    @Test
    void aRangeOfAWholeNumberKeyNamesTheRangeNotACellNeverTyped() {
        refused(HopfieldCliTest.cli("sweep", "--x", "p=1:2000:5", "--estimate"), "axis p: the range 1:2000:5 gives "
                + "500.75, but p takes whole numbers");
        // whole steps are fine, and a list of whole numbers too
        assertEquals(0, HopfieldCliTest.cli("sweep", "--x", "p=3:11:5", "--estimate").code());
        assertEquals(0, HopfieldCliTest.cli("sweep", "--x", "noise=0:1:3", "--estimate").code());
    }

    @Test
    void aLimitBelowOneIsNamedAsTheTypoItIs() {
        // it used to say "the sweep has 16 cells; the limit is -1 cells per sweep", as if the sweep were too big
        refused(HopfieldCliTest.cli("sweep", "--preset", "noise", "--max-cells", "-1", "--estimate"),
                "--max-cells = -1; allowed: at least 1 (the default is 2000)");
        refused(HopfieldCliTest.cli("sweep", "--preset", "noise", "--max-runs", "0", "--estimate"),
                "--max-runs = 0; allowed: at least 1");
        refused(HopfieldCliTest.cli("sweep", "--preset", "noise", "--max-work", "NaN", "--estimate"),
                "--max-work = NaN; allowed: a number above 0");
        assertEquals(0, HopfieldCliTest.cli("sweep", "--preset", "noise", "--max-cells", "16", "--estimate").code());
    }

    @Test
    void theEstimateCountsCoresNotThreads() {
        // --threads 1000 on a 2-core machine said "~1 s on 1000 threads" for ~6 s of work on its 2 cores
        int cores = Runtime.getRuntime().availableProcessors();
        String onCores = HopfieldCliTest.cli("sweep", "--preset", "noise", "--threads", String.valueOf(cores),
                "--estimate").out();
        HopfieldCliTest.Result many = HopfieldCliTest.cli("sweep", "--preset", "noise", "--threads", "1000",
                "--estimate");
        assertEquals(0, many.code(), many.err());
        String seconds = onCores.substring(onCores.indexOf('~'), onCores.indexOf(" s ") + 2);
        assertTrue(many.out().contains(seconds + " on 1000 threads (this machine has " + cores
                + (cores == 1 ? " core:" : " cores:")),
                onCores + " / " + many.out());
    }
}
