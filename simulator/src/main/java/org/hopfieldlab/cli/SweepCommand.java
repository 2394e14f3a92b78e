package org.hopfieldlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.LocalBackend;
import org.hopfieldlab.batch.sweep.SweepBackend;
import org.hopfieldlab.batch.sweep.SweepJournal;
import org.hopfieldlab.batch.sweep.SweepPart;
import org.hopfieldlab.batch.sweep.SweepShard;
import org.hopfieldlab.batch.sweep.TrialBlock;
import java.util.concurrent.Callable;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepCost;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepLimits;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.batch.sweep.SweepResult;
import org.hopfieldlab.batch.sweep.SweepScheduler;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", description = {
    "Run a parameter sweep headless with the server's sweep engine (same numbers for the same definition).",
    "Built-in: sweep --preset NAME (sweep --list shows them). Custom: sweep --from sequence --x noise=0,2,4,8 "
        + "--y model=idp,classic --trials 20 t=20",
    "Axes: key=v1,v2,... or key=from:to:count; a1..aK sweep one input weight. Output: CSV (default) or JSON.",
    "Beyond one machine: --shard i/K runs part i (0-based) of K and writes a part file; `sweep merge FILES...` joins "
        + "the parts into the CSV/JSON of one run. --journal FILE resumes a killed sweep without redoing cells; "
        + "--journal FILE with no --x/--preset resumes the sweep that FILE holds.",
    "--engine spark --master URL runs the cells as Apache Spark tasks (needs spark/target/hopfield-spark.jar and "
        + "spark/target/lib/).",
    "Exit codes: 0 done, 1 a file could not be read or written (or the sweep failed), 2 bad input."},
    subcommands = SweepMergeCommand.class)
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Option(names = "--preset", description = "built-in sweep: ${COMPLETION-CANDIDATES}", completionCandidates =
            PresetNames.class)
    String preset;

    @Option(names = "--from", description = "spec preset the sweep starts from (default: sequence)")
    String from = "sequence";

    @Option(names = "--x", description = "first axis, e.g. noise=0,2,4 or beta=2:20:10")
    String x;

    @Option(names = "--y", description = "optional second axis")
    String y;

    @Option(names = "--trials", description = "trials per cell (default: the preset's, or 10)")
    Integer trials;

    @Option(names = "--seeds", description = "seed policy: same (default) or per-cell")
    String seeds;

    @Parameters(paramLabel = "KEY=VALUE", description = "overrides of the base spec (see `spec --help`)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    int threads = SweepScheduler.defaultThreads();

    @Option(names = "--json", description = "print JSON instead of CSV")
    boolean json;

    @Option(names = "--out", description = "write the result to this file instead of stdout")
    Path out;

    @Option(names = "--estimate", description = "print the cost estimate and stop")
    boolean estimate;

    @Option(names = "--list", description = "list the built-in sweeps")
    boolean list;

    @Option(names = "--max-cells", description = "refuse sweeps with more cells (default 2000)")
    int maxCells = SweepLimits.DEFAULT.maxCells();

    @Option(names = "--max-runs", description = "refuse sweeps with more runs, cells × trials (default 200000)")
    long maxRuns = SweepLimits.DEFAULT.maxRuns();

    @Option(names = "--max-work", description = "refuse sweeps above this many work units (default 2e12)")
    double maxWork = SweepLimits.DEFAULT.maxWork();

    @Option(names = "--shard", paramLabel = "i/K", description = "run only part i of K (cells k with k mod K = i, "
            + "0 <= i < K) and write a part file for `sweep merge`")
    String shard;

    @Option(names = "--journal", paramLabel = "FILE", description = "record each finished cell (and each finished "
            + "trial block of a long cell) in FILE; run again with the same FILE to resume without redoing them")
    Path journal;

    @Option(names = "--engine", description = "local (default: this JVM's threads) or spark")
    String engine = "local";

    @Option(names = "--master", description = "Spark master URL with --engine spark, e.g. local[2] or "
            + "spark://host:7077 (default: spark.master from spark-submit)")
    String master;

    @Option(names = "--progress", negatable = true, description = "progress bar on stderr (default: on a terminal)")
    Boolean progress;

    /** The built-in sweeps' names, for --help (from the preset table, not a copy of it). */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SweepPresets.all().stream().map(SweepPresets.SweepPreset::name).iterator();
        }
    }

    /** Reports what a stopped sweep kept; removed when the sweep ends by itself. */
    private Thread stopHook;

    @Override
    public Integer call() throws IOException {
        SparkChild.exitWithParent();
        PrintWriter o = commandSpec.commandLine().getOut();
        if (list) {
            for (picocli.CommandLine.Model.OptionSpec opt : commandSpec.commandLine().getParseResult()
                    .matchedOptions()) {
                // --engine: the Spark job jar adds --engine spark to every sweep, --list included
                if (!List.of("--list", "--progress", "--engine").contains(opt.longestName())) {
                    throw new SpecException("--list", "--list prints the built-in sweeps and takes no other option "
                            + "(got " + opt.longestName() + "); run one with --preset NAME");
                }
            }
            if (!overrides.isEmpty()) {
                throw new SpecException("--list", "--list prints the built-in sweeps and takes no KEY=VALUE (got "
                        + overrides.get(0) + "); run one with --preset NAME");
            }
            int width = SweepPresets.all().stream().mapToInt(p -> p.name().length()).max().orElse(0);
            String indent = "\n" + " ".repeat(width + 1);
            for (SweepPresets.SweepPreset p : SweepPresets.all()) {
                o.printf("%-" + width + "s %s%s%s%n", p.name(), p.title(), indent, p.definition().format().trim()
                        .replace("\n", indent));
            }
            o.flush();
            return 0;
        }
        if (threads < 1) {
            throw new SpecException("threads", "--threads must be at least 1, got " + threads);
        }
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new SpecException("--engine", "--engine '" + engine + "'; allowed: local, spark");
        }
        if (master != null && !engine.equals("spark")) {
            throw new SpecException("--master", "--master needs --engine spark");
        }
        SweepShard part = shard == null ? SweepShard.ALL : SweepShard.parse(shard);
        if (shard != null && json) {
            throw new SpecException("--json", "a shard writes a part file; give --json to `sweep merge` instead");
        }
        SweepPart resumed = fromJournal();
        if (resumed != null && shard == null) {
            part = resumed.shard();
        }
        SweepDefinition def = resumed != null ? resumed.definition() : definition();
        // a limit below 1 (or NaN) refuses every sweep with a message about the sweep, not about the typo
        if (maxCells < 1 || maxRuns < 1 || !(maxWork > 0)) {
            String opt = maxCells < 1 ? "--max-cells" : maxRuns < 1 ? "--max-runs" : "--max-work";
            String got = maxCells < 1 ? String.valueOf(maxCells) : maxRuns < 1 ? String.valueOf(maxRuns)
                    : String.valueOf(maxWork);
            throw new SpecException(opt, opt + " = " + got + "; allowed: " + (opt.equals("--max-work")
                    ? "a number above 0" : "at least 1") + " (the default is " + (opt.equals("--max-cells")
                    ? String.valueOf(SweepLimits.DEFAULT.maxCells()) : opt.equals("--max-runs")
                    ? String.valueOf(SweepLimits.DEFAULT.maxRuns()) : String.valueOf(SweepLimits.DEFAULT.maxWork()))
                    + ")");
        }
        SweepLimits limits = new SweepLimits(maxCells, maxRuns, maxWork, "--");
        SweepCost cost = limits.check(def);
        boolean onSpark = engine.equals("spark");
        String where = onSpark ? "on Spark " + (master != null ? master : "(spark.master)") : Text.onThreads(threads);
        // on Spark the local thread count says nothing about the wall time: state the work, not a guess at the cluster
        String summary = onSpark
                ? String.format(Locale.ROOT, "%d cells × %d trials = %d runs, ~%.0f s of work for one thread, %s "
                        + "(spread over its executors' cores, plus Spark's start-up and a job per trial block)",
                        cost.cells(), def.trialsPerCell(), cost.runs(), cost.estimatedSeconds(1), where)
                : String.format(Locale.ROOT, "%d cells × %d trials = %d runs, ~%.0f s %s",
                        cost.cells(), def.trialsPerCell(), cost.runs(), cost.estimatedSeconds(Math.min(threads,
                                Runtime.getRuntime().availableProcessors())), where
                                + (threads > Runtime.getRuntime().availableProcessors() ? " (this machine has "
                                        + cores() + ": more threads than cores do not run faster)" : ""));
        if (out != null) {
            OutputFile.check("--out", out);
            OutputFile.checkNotInput("--out", out, java.util.Collections.singletonList(journal),
                    "the sweep's --journal");
        }
        if (estimate) {
            o.println(summary);
            o.flush();
            return 0;
        }
        SweepBackend backend = new LocalBackend();
        if (engine.equals("spark")) {
            backend = SparkChild.backend();
            if (backend == null) {
                // Spark is not on this classpath (the CLI jar never holds it): hand over to hopfield-spark.jar
                return SparkChild.run(commandSpec);
            }
        }
        Map<Integer, CellResult> cells = new TreeMap<>();
        List<Integer> todo = new ArrayList<>();
        SweepJournal log = journal == null ? null : SweepJournal.open(journal, def, part);
        try {
            if (log != null) {
                cells.putAll(log.finished());
            }
            for (int k : part.cells(def)) {
                if (!cells.containsKey(k)) {
                    todo.add(k);
                }
            }
            // finished blocks of unfinished cells: both engines run only the missing ones
            Map<Integer, List<TrialBlock>> kept = new TreeMap<>();
            if (log != null) {
                log.blocks().forEach((k, v) -> {
                    if (todo.contains(k)) {
                        kept.put(k, v);
                    }
                });
            }
            long keptTrials = kept.values().stream().flatMap(List::stream).mapToLong(TrialBlock::trials).sum();
            if (log != null && (!cells.isEmpty() || keptTrials > 0)) {
                System.err.printf(Locale.ROOT, "sweep: resuming from %s: %d cells done, %d to run%s%n", journal,
                        cells.size(), todo.size(), keptTrials == 0 ? "" : String.format(Locale.ROOT,
                                " (%d of their trials done in %d blocks)", keptTrials,
                                kept.values().stream().mapToInt(List::size).sum()));
            }
            // Ctrl-C / SIGTERM: say what was kept and how to go on (the journal lines are already on disk)
            final SweepJournal kept0 = log;
            Thread hook = new Thread(() -> {
                if (kept0 == null) {
                    System.err.println("\nsweep: stopped; without --journal FILE nothing was kept (give one to "
                            + "resume a stopped sweep)");
                } else {
                    int blocksKept = kept0.blocks().values().stream().mapToInt(List::size).sum();
                    System.err.printf(Locale.ROOT, "%nsweep: stopped; %s keeps %d finished cells and %d finished "
                            + "trial blocks: run the same command to resume%n", journal, kept0.finished().size(),
                            blocksKept);
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            stopHook = hook;
            boolean show = progress != null ? progress : System.console() != null;
            ProgressBar bar = new ProgressBar(System.err, show);
            long t0 = System.nanoTime();
            long runs = (long) todo.size() * def.trialsPerCell() - keptTrials;
            if (!todo.isEmpty()) {
                final SweepJournal j = log;
                SweepBackend.Blocks blocks = new SweepBackend.Blocks() {
                    @Override
                    public Map<Integer, List<TrialBlock>> finished() {
                        return kept;
                    }

                    @Override
                    public void blockDone(TrialBlock b) {
                        if (j != null) {
                            j.appendBlock(b);
                        }
                    }
                };
                backend.run(def, todo, new SweepBackend.Settings(threads, master), c -> {
                    if (j != null) {
                        j.append(c);
                    }
                    synchronized (cells) {
                        cells.put(c.cell(), c);
                    }
                }, (done, total) -> bar.trialDone((int) done, (int) total), j == null ? null : blocks);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            String text;
            if (shard != null) {
                text = SweepPart.format(def, part, cells.values());
            } else {
                SweepResult result = SweepResult.of(def, cells.values());
                text = json ? SweepExport.json(result) : SweepExport.csv(result);
            }
            if (out != null) {
                OutputFile.write("--out", out, text);
            } else {
                o.print(text);
                o.flush();
            }
            if (part.cells(def).isEmpty()) {
                // more shards than cells (a job array sized for a larger sweep): an empty part, not an error
                System.err.printf(Locale.ROOT, "sweep: shard %s has none of the sweep's %d cells (cells k with k mod "
                        + "%d = %d); its part holds no cells and merges with the others%n", part.format(),
                        def.cellCount(), part.count(), part.index());
            } else if (runs == 0) {
                // a journal that holds every cell: "0 runs in 0.0 s = 0.0 runs/s" would be a rate of nothing
                System.err.printf(Locale.ROOT, "sweep: nothing left to run; all %d cells were in %s%n", cells.size(),
                        journal);
            } else {
                System.err.printf(Locale.ROOT, "sweep: %d runs in %.1f s = %.1f runs/s %s%n", runs, secs,
                        runs / Math.max(secs, 1e-9), where);
            }
        } finally {
            if (stopHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it reports what was kept
                }
            }
            if (log != null) {
                log.close();
            }
        }
        return 0;
    }

    /** "1 core", "2 cores". */
    private static String cores() {
        int n = Runtime.getRuntime().availableProcessors();
        return n == 1 ? "1 core" : n + " cores";
    }

    /**
     * {@code sweep --journal FILE} with no definition: the journal's own definition and shard (how the server resumes
     * a Spark sweep's child). Null when a definition is given.
     */
    private SweepPart fromJournal() throws IOException {
        if (preset != null || x != null || journal == null) {
            return null;
        }
        if (!Files.exists(journal)) {
            if (y != null || trials != null || seeds != null || !overrides.isEmpty()) {
                return null; // a new sweep's definition without --x: definition() says what is missing
            }
            throw new SpecException("--journal", "journal " + journal + " does not exist, so there is nothing to "
                    + "resume; to start a sweep with this journal give its definition (--preset NAME or --x KEY=VALUES)");
        }
        if (commandSpec.commandLine().getParseResult().hasMatchedOption("--from")) {
            throw new SpecException("--from", "--from " + from + " would be ignored: --journal " + journal + " alone "
                    + "resumes the sweep it holds, with its own base spec; give --x to start a new sweep from " + from);
        }
        if (y != null || trials != null || seeds != null || !overrides.isEmpty()) {
            throw new SpecException("--x", "give --x (or --preset) with --y, --trials, --seeds or KEY=VALUE; without "
                    + "them, --journal FILE alone resumes the sweep the journal holds");
        }
        SweepPart p = SweepPart.read(journal);
        if (p == null) {
            throw new SpecException("--journal", "journal " + journal + " has no complete header; give the sweep's "
                    + "definition (--x or --preset) to start it again");
        }
        return p;
    }

    private SweepDefinition definition() {
        if (preset != null) {
            if (commandSpec.commandLine().getParseResult().hasMatchedOption("--from")) {
                throw new SpecException("--from", "--from " + from + " would be ignored: --preset " + preset
                        + " brings its own base spec; change it with KEY=VALUE overrides, or give --from with --x "
                        + "and no --preset");
            }
            SweepDefinition p = SweepPresets.get(preset).definition();
            if (x == null && y == null && trials == null && seeds == null && overrides.isEmpty()) {
                return p;
            }
            ExperimentSpec base = SpecArgs.apply(p.base(), overrides);
            List<SweepAxis> axes = new ArrayList<>();
            axes.add(x != null ? SweepAxis.parse(x) : p.x());
            if (y != null) {
                axes.add(SweepAxis.parse(y));
            } else if (p.y() != null) {
                axes.add(p.y());
            }
            SpecArgs.refuseSwept(overrides, axes, "change the axis (--x/--y) instead");
            return new SweepDefinition(base, axes, trials != null ? trials : p.trialsPerCell(),
                    seeds != null ? SeedPolicy.parse(seeds) : p.seeds());
        }
        if (x == null) {
            throw new SpecException("--x", "give --preset NAME or at least --x KEY=VALUES (e.g. --x noise=0,2,4)");
        }
        ExperimentSpec base = SpecArgs.apply(Presets.get(from).spec(), overrides);
        List<SweepAxis> axes = new ArrayList<>();
        axes.add(SweepAxis.parse(x));
        if (y != null) {
            axes.add(SweepAxis.parse(y));
        }
        SpecArgs.refuseSwept(overrides, axes, "change the axis (--x/--y) instead");
        return new SweepDefinition(base, axes, trials != null ? trials : 10,
                seeds != null ? SeedPolicy.parse(seeds) : SeedPolicy.SAME);
    }
}
