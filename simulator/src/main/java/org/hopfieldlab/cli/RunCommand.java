package org.hopfieldlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopfieldlab.batch.RunCost;
import org.hopfieldlab.sim.run.Recorder;
import org.hopfieldlab.sim.run.RunLoop;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.run.StepHandler;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.run.WindowOutcome;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.LabLink;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = {
    "Run one trial of a spec and print its outcome, or its overlap and energy time series as CSV (streamed).",
    "SPEC is a preset name, a spec query string or a whole lab link (its view keys are ignored); KEY=VALUE pairs "
        + "override it.",
    "Memory and window numbers are 1-based everywhere (text, JSON, CSV); --trial is the 0-based trial index.",
    "Exit codes: 0 done, 1 the output could not be written (a full disk, a closed pipe), 2 bad input or a run "
        + "estimated over 10 min without --yes, 3 the run diverged.",
    "Example: run 'model=idp&n=1024&p=10&noise=8&t=30' --csv > run.csv"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "preset name, spec query string or lab link")
    String specText;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--csv", description = "write t, window, m_1..m_P, energy as CSV on stdout, row by row as the "
            + "run produces them")
    boolean csv;

    @Option(names = "--json", description = "print the outcome as one JSON object")
    boolean json;

    @Option(names = "--trial", description = "trial index (default 0)")
    int trial;

    @Option(names = "--every", description = "CSV: sample every K steps (default: about 300 samples)")
    Integer every;

    @Option(names = "--yes", description = "run even when the estimate is over 10 minutes")
    boolean yes;

    @Option(names = "--out", paramLabel = "FILE", description = "write the output to FILE, whole or not at all: a "
            + "stopped or failed run leaves no file (stdout keeps the rows written so far)")
    java.nio.file.Path outFile;

    /** One window's outcome with 1-based memory numbers (0 = the window asks for no memory). */
    record WindowReport(int window, int target, int dominant, double targetOverlap, double maxOverlap,
            boolean retrieved, double timeToRetrieval) {
        static WindowReport of(int w, WindowOutcome o) {
            return new WindowReport(w + 1, o.target() + 1, o.dominant() + 1, o.targetOverlap(), o.maxOverlap(),
                    o.retrieved(), o.timeToRetrieval());
        }
    }

    /**
     * The run's outcome. {@code diverged}: the integration blew up ({@code error} says where); {@code windows} then
     * holds only the windows that ended before, and the final overlaps and checksum are of a broken state.
     */
    record RunReport(String spec, int trial, List<WindowReport> windows, int windowsInSpec, double[] finalOverlaps,
            String checksum, boolean diverged, String error) {
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (csv && json) {
            // the JSON would follow the CSV's last row on stdout: a CSV file with a line of JSON at its end
            throw new SpecException("--json", "--csv and --json are two outputs of one run (the series, or the "
                    + "outcome): give one");
        }
        if (every != null && !csv) {
            throw new SpecException("--every", "--every sets the CSV's sampling; give it with --csv (the outcome is "
                    + "the same at any --every)");
        }
        ExperimentSpec spec = SpecArgs.apply(resolve(specText), overrides);
        if (trial < 0 || trial >= spec.trials()) {
            throw new SpecException("--trial", "--trial " + trial + " is out of range; allowed: 0 to "
                    + (spec.trials() - 1) + " (set trials= to run more)");
        }
        int interval = every != null ? every : TrialRunner.defaultInterval(spec);
        if (interval < 1) {
            throw new SpecException("--every", "--every must be at least 1, got " + interval);
        }
        if (outFile != null) {
            OutputFile.check("--out", outFile);
        }
        String size = "";
        if (csv) {
            long rows = spec.steps() / interval + 2;
            // about 20 characters per number: t, window, p overlaps, energy
            size = "; its CSV would be about " + megabytes(rows * (spec.p() + 3) * 20.0);
        }
        CostGuard.check("this run (" + spec.steps() + " steps of n = " + spec.n() + ", p = " + spec.p() + ")",
                RunCost.secondsPerTrial(spec), yes, size);
        return outFile == null ? run(spec, trial, interval) : runToFile(spec, trial, interval);
    }

    /**
     * {@code --out FILE}: the output goes to a temporary file beside FILE, moved into place when the run has ended,
     * so a run stopped (Ctrl-C, SIGTERM) or failed half-way leaves no file that looks like a whole one.
     */
    private int runToFile(ExperimentSpec spec, int trialIndex, int interval) throws java.io.IOException {
        java.nio.file.Path abs = outFile.toAbsolutePath();
        java.nio.file.Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid()
                + ".tmp");
        Thread hook = new Thread(() -> {
            try {
                java.nio.file.Files.deleteIfExists(tmp);
            } catch (java.io.IOException e) {
                // exiting anyway
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int code;
            try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
                PrintWriter pw = new PrintWriter(w);
                try {
                    code = run(spec, trialIndex, interval, pw, false);
                } catch (HopfieldCli.StdoutFailed e) {
                    code = -1;
                }
                pw.flush();
                if (code < 0 || pw.checkError()) {
                    throw new java.io.IOException("cannot write --out " + outFile + ": the write failed (a full disk?)");
                }
            } catch (java.io.IOException e) {
                throw e.getMessage() != null && e.getMessage().startsWith("cannot write --out") ? e
                        : new java.io.IOException("cannot write --out " + outFile + ": " + OutputFile.reason(e), e);
            }
            OutputFile.move(tmp, abs);
            return code;
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /** Runs a (valid) spec and prints it on the command's stdout; the exit code (3 when the run diverged). */
    int run(ExperimentSpec spec, int trialIndex, int interval) {
        return run(spec, trialIndex, interval, commandSpec.commandLine().getOut(), true);
    }

    /**
     * Runs a (valid) spec and prints it to {@code out}; the exit code (3 when the run diverged). {@code stdout}: a
     * stopped run says on stderr that the CSV it streamed is cut.
     */
    int run(ExperimentSpec spec, int trialIndex, int interval, PrintWriter out, boolean stdout) {
        TrialResult r;
        if (csv) {
            Simulation sim = new Simulation(spec, trialIndex);
            Recorder recorder = new Recorder(sim, 0);
            CsvRows rows = new CsvRows(out, spec, interval);
            // Ctrl-C or SIGTERM mid-run: the rows already streamed look like a whole CSV; say that they are not
            Thread hook = !stdout ? null : new Thread(() -> System.err.printf(java.util.Locale.ROOT, "%nrun: stopped "
                    + "at t = %s of %s; the CSV on stdout is cut after %d rows (--out FILE writes whole files only)%n",
                    SpecCodec.formatNumber(rows.lastTime), SpecCodec.formatNumber(spec.duration()), rows.rows));
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
            try {
                new RunLoop(sim, interval, null, recorder, rows).runToEnd();
            } finally {
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is running: it says where the CSV was cut
                    }
                }
            }
            r = recorder.result();
        } else {
            r = TrialRunner.run(spec, trialIndex, false, interval);
        }
        List<WindowReport> windows = new ArrayList<>();
        for (int w = 0; w < r.windows().size(); w++) {
            windows.add(WindowReport.of(w, r.windows().get(w)));
        }
        boolean diverged = r.error() != null;
        if (json) {
            out.println(Json.write(new RunReport(SpecCodec.format(spec), trialIndex, windows, spec.schedule().size(),
                    r.finalOverlaps(), r.checksum(), diverged, r.error())));
        } else if (!csv) {
            out.println("spec: " + SpecCodec.format(spec));
            for (WindowReport o : windows) {
                out.printf("  window %d: %s, dominant %d (m = %.3f) %s%n", o.window(),
                        o.target() > 0 ? "target memory " + o.target() : "no target memory", o.dominant(),
                        o.maxOverlap(), o.target() <= 0 ? "(not scored)" : o.retrieved() ? "retrieved"
                                : "not retrieved");
            }
            for (int w = windows.size(); w < spec.schedule().size(); w++) {
                out.printf("  window %d: no result: the run diverged before it ended%n", w + 1);
            }
            if (diverged) {
                out.println("  DIVERGED: the final state is not a result (no checksum is meaningful)");
            } else {
                out.println("  final-state checksum: " + r.checksum());
            }
        }
        out.flush();
        if (diverged) {
            commandSpec.commandLine().getErr().println("error: the run is not a result: " + r.error());
            return 3;
        }
        return 0;
    }

    static ExperimentSpec resolve(String text) {
        int q = text.indexOf('?');
        int eq = text.indexOf('=');
        if (q >= 0 && (eq < 0 || q < eq)) {
            // a whole lab link, as "Copy link" gives it (https://…/index.html?v=1&…&speed=3): read its query as the
            // lab does (preset=NAME applies the keys as edits); its view keys change what the lab shows, not the run
            String query = text.substring(q + 1);
            int hash = query.indexOf('#');
            return LabLink.parse(hash >= 0 ? query.substring(0, hash) : query).spec();
        }
        if (eq >= 0) {
            return SpecCodec.parse(text);
        }
        return Presets.get(text).spec();
    }

    private static String megabytes(double bytes) {
        return bytes >= 1e9 ? String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(java.util.Locale.ROOT, "%.0f MB", Math.max(1, bytes / 1e6));
    }

    /**
     * Writes the CSV row by row at the sample points (every {@code every} steps and the last step, as the
     * {@link Recorder}'s series would): memory stays bounded whatever the length of the run. Rows go out through a
     * 64 KB buffer, flushed when full, at least once a second and at the end.
     */
    static final class CsvRows implements StepHandler {
        private static final long FLUSH_NANOS = 1_000_000_000L;
        private final PrintWriter target;
        private final PrintWriter out;
        private final int every;
        private final double[] m;
        private final StringBuilder line = new StringBuilder();
        private long lastFlush = System.nanoTime();
        /** Data rows written and the time of the last one (read by the stop message). */
        volatile long rows;
        volatile double lastTime;

        CsvRows(PrintWriter target, ExperimentSpec spec, int every) {
            this.target = target;
            this.out = new PrintWriter(new java.io.BufferedWriter(target, 1 << 16), false);
            this.every = every;
            this.m = new double[spec.p()];
            StringBuilder header = new StringBuilder("t,window");
            for (int mu = 1; mu <= spec.p(); mu++) {
                header.append(",m").append(mu);
            }
            header.append(",energy");
            out.println(header);
            flush();
        }

        @Override
        public void handleStep(Simulation sim) {
            int step = sim.step();
            if (step % every != 0 && step != sim.totalSteps()) {
                return;
            }
            sim.overlaps(m);
            line.setLength(0);
            line.append(SpecCodec.formatNumber(sim.time())).append(',').append(sim.window() + 1);
            for (double v : m) {
                line.append(',').append(v);
            }
            line.append(',').append(sim.energy()).append(System.lineSeparator());
            out.append(line);
            rows++;
            lastTime = sim.time();
            long now = System.nanoTime();
            if (now - lastFlush > FLUSH_NANOS) {
                flush();
                lastFlush = now;
            }
        }

        @Override
        public void finish(Simulation sim, String divergence) {
            flush();
        }

        void flush() {
            out.flush();
            target.flush();
            // stdout swallows write errors: stop a long run at once when its rows cannot be written (a full disk,
            // `run --csv | head`), instead of computing rows nobody can read and exiting 0
            if (target.checkError() || System.out.checkError()) {
                throw new HopfieldCli.StdoutFailed();
            }
        }
    }
}
