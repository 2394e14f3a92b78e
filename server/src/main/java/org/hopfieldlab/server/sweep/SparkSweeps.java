package org.hopfieldlab.server.sweep;

import jakarta.annotation.PreDestroy;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepJob;
import org.hopfieldlab.batch.sweep.SweepPart;
import org.hopfieldlab.batch.sweep.SweepShard;
import org.hopfieldlab.batch.sweep.TrialBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs sweeps on Apache Spark without Spark in the server: each sweep is a child JVM on hopfield-spark.jar
 * ({@code SparkMain sweep --journal J --master M}). The child appends each finished trial block and cell to the journal
 * J (one line each, forced to disk); this class tails J, so each cell is stored in the database and shown as soon as
 * it is journaled, and the page's run count moves with each block. Before each launch J is rewritten from the
 * database (plus cells and blocks the child journaled while the server was down), so a re-launched child never redoes
 * a stored cell or a journaled block. Cancel stops the child (destroy, then destroyForcibly after
 * {@link #GRACE_MILLIS}) and, as the local engine does, stores the finished blocks of each unfinished cell as one
 * partial cell.
 */
@Component
public class SparkSweeps {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSweeps.class);
    static final String MAIN = "org.hopfieldlab.spark.SparkMain";
    static final long GRACE_MILLIS = 2_000;
    private static final long POLL_MILLIS = 100;

    /** What the sweep service does with a run's events (called on the run's thread). */
    public interface Events {
        /** A whole cell the child journaled: store it; an exception stops the child and fails the run. */
        void cellDone(SparkRun run, CellResult cell);

        /** A finished block of a cell not yet whole (for progress; nothing to store). Default: ignore. */
        default void blockDone(SparkRun run) {
        }

        /** A cancel cut this cell: {@code cell} counts its finished blocks' trials (fewer than a whole cell's). */
        void cellPartial(SparkRun run, CellResult cell);

        /** The run ended (completed, cancelled or failed; see {@link SparkRun#state()}). */
        void finished(SparkRun run);
    }

    private final SparkSweepProperties props;
    private final Path jar;
    private final Path dir;
    private final ExecutorService pool;
    private final Map<Long, Process> children = new java.util.concurrent.ConcurrentHashMap<>();

    public SparkSweeps(SparkSweepProperties props) {
        this.props = props;
        if (!props.enabled()) {
            this.jar = null;
            this.dir = null;
            this.pool = null;
            return;
        }
        if (props.jar() == null || props.jar().isBlank() || !Files.isRegularFile(Path.of(props.jar()))) {
            throw new IllegalStateException("hopfield.sweep.spark.master is set (" + props.master() + ") but "
                    + "hopfield.sweep.spark.jar " + (props.jar() == null || props.jar().isBlank() ? "is not set"
                    : "'" + props.jar() + "' is not a file") + ": build hopfield-spark.jar with `./mvnw -pl "
                    + "simulator,spark -am package -DskipTests` (spark/target/hopfield-spark.jar) and give its path, "
                    + "or leave hopfield.sweep.spark.master empty to run every sweep on this server's threads");
        }
        this.jar = Path.of(props.jar()).toAbsolutePath();
        this.dir = Path.of(props.dir()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create hopfield.sweep.spark.dir " + dir + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, props.maxRunning()), r -> {
            Thread t = new Thread(r, "spark-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public boolean enabled() {
        return pool != null;
    }

    /** The engine for a new sweep of this many runs: 'spark MASTER' from min-runs up when Spark is on, else 'local'. */
    public String engineFor(long runs) {
        return enabled() && runs >= props.minRuns() ? "spark " + props.master().trim() : "local";
    }

    public long minRuns() {
        return props.minRuns();
    }

    public String master() {
        return enabled() ? props.master().trim() : null;
    }

    /** Queues a run; {@code stored} are the sweep's whole cells already in the database (not run again). */
    public SparkRun submit(long id, SweepDefinition def, Map<Integer, CellResult> stored, Events events) {
        SparkRun run = new SparkRun(id, def, "spark " + props.master().trim(), stored.size(), events);
        Map<Integer, CellResult> known = new TreeMap<>(stored);
        pool.execute(() -> {
            if (run.claim()) {
                execute(run, known);
            }
        });
        return run;
    }

    Path journal(long id) {
        return dir.resolve("sweep-" + id + ".journal");
    }

    private Path file(long id, String ext) {
        return dir.resolve("sweep-" + id + "." + ext);
    }

    private void execute(SparkRun run, Map<Integer, CellResult> cells) {
        SweepDefinition def = run.definition;
        Path journal = journal(run.id);
        Path pidFile = file(run.id, "pid");
        Path log = file(run.id, "log");
        Process child = null;
        if (run.aborted) {
            run.end(SweepJob.State.FAILED); // the server is stopping: not recorded, resumes at next start
            return;
        }
        try {
            killOrphan(pidFile, journal);
            // cells the child journaled after the server last stored one (the server was down): store them now
            SweepPart before = journaled(journal, def);
            for (CellResult c : before == null ? List.<CellResult>of() : before.cells().values()) {
                if (c.trials() == def.trialsPerCell() && !cells.containsKey(c.cell())) {
                    run.events.cellDone(run, c);
                    cells.put(c.cell(), c);
                }
            }
            // the journal the child resumes from: every stored cell and the blocks of the others, so none runs twice
            List<TrialBlock> kept = new ArrayList<>();
            if (before != null) {
                before.blocks().forEach((k, bs) -> {
                    if (!cells.containsKey(k)) {
                        kept.addAll(bs);
                    }
                });
            }
            for (TrialBlock b : kept) {
                run.blockDone(b);
            }
            byte[] head = SweepPart.format(def, SweepShard.ALL, cells.values(), kept)
                    .getBytes(StandardCharsets.UTF_8);
            Path tmp = file(run.id, "journal.tmp");
            Files.write(tmp, head);
            Files.move(tmp, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            run.started(cells.size());
            if (cells.size() == def.cellCount()) {
                finish(run, SweepJob.State.COMPLETED);
                return;
            }
            if (run.cancelled) {
                finishCancelled(run);
                return;
            }
            child = launch(run, journal, log);
            children.put(run.id, child);
            Files.writeString(pidFile, Long.toString(child.pid()));
            long offset = head.length;
            boolean stopping = false;
            while (true) {
                boolean exited = child.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
                offset = drain(run, journal, offset, cells);
                if (exited) {
                    break;
                }
                if ((run.cancelled || run.aborted) && !stopping) {
                    stopping = true;
                    stop(child);
                }
            }
            int rc = child.exitValue();
            if (run.aborted) {
                return; // the server is stopping: the sweep stays RUNNING and this journal resumes it
            }
            if (run.cancelled) {
                finishCancelled(run);
            } else if (rc == 0 && cells.size() == def.cellCount()) {
                finish(run, SweepJob.State.COMPLETED);
            } else {
                run.error = "the Spark child (" + run.engine + ") exited with code " + rc + " after "
                        + cells.size() + " of " + def.cellCount() + " cells: " + tail(log);
                finish(run, SweepJob.State.FAILED);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            run.aborted = true;
            run.end(SweepJob.State.FAILED);
        } catch (Exception e) {
            stop(child);
            if (run.aborted) {
                run.end(SweepJob.State.FAILED);
                return;
            }
            LOG.warn("Spark sweep {} failed", run.id, e);
            run.error = e.getMessage() == null ? e.toString() : e.getMessage();
            if (run.cancelled) {
                finishCancelled(run);
            } else {
                finish(run, SweepJob.State.FAILED);
            }
        } finally {
            children.remove(run.id);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // a stale pid file is checked against the journal path before anything is killed
            }
        }
    }

    /**
     * Ends a cancelled run: the finished blocks of each cell the cancel cut are stored as one partial cell (the local
     * engine keeps a cut cell's finished trials the same way), then the run ends.
     */
    private void finishCancelled(SparkRun run) {
        try {
            for (Map.Entry<Integer, List<TrialBlock>> e : run.openBlocks().entrySet()) {
                if (!e.getValue().isEmpty()) {
                    run.events.cellPartial(run, TrialBlock.cell(run.definition, e.getKey(), e.getValue()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Spark sweep {}: could not store the cancelled cells' finished blocks: {}", run.id,
                    e.getMessage());
        }
        finish(run, SweepJob.State.CANCELLED);
    }

    /** Ends a run for good: the database has every cell, so the journal goes (the child's log stays). */
    private void finish(SparkRun run, SweepJob.State state) {
        try {
            run.end(state);
        } finally {
            for (String ext : new String[] {"journal", "csv"}) {
                try {
                    Files.deleteIfExists(file(run.id, ext));
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", file(run.id, ext), e.getMessage());
                }
            }
        }
    }

    private Process launch(SparkRun run, Path journal, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        boolean ownJava = props.java() == null || props.java().isBlank();
        cmd.add(ownJava ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : props.java());
        if (props.jvmArgs() != null) {
            cmd.addAll(props.jvmArgs());
        } else if (ownJava) {
            // Spark and Hadoop use restricted and sun.misc.Unsafe methods: allow them instead of warning on stderr
            cmd.add("--enable-native-access=ALL-UNNAMED");
            if (Runtime.version().feature() >= 24) {
                cmd.add("--sun-misc-unsafe-memory-access=allow");
            }
        }
        Path lib = props.lib() == null || props.lib().isBlank() ? jar.resolveSibling("lib") : Path.of(props.lib());
        cmd.add("-cp");
        cmd.add(jar + (Files.isDirectory(lib) ? File.pathSeparator + lib.toAbsolutePath() + File.separator + "*" : ""));
        cmd.add(MAIN);
        // the journal holds the definition; the server checked its own limits, so the CLI's defaults must not refuse
        cmd.addAll(List.of("sweep", "--journal", journal.toString(), "--master", props.master().trim(),
                "--no-progress", "--max-cells", Integer.toString(Integer.MAX_VALUE), "--max-runs",
                Long.toString(Long.MAX_VALUE), "--max-work", "1e300", "--out", file(run.id, "csv").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // these machines talk over loopback only; an explicit SPARK_LOCAL_IP is kept
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        LOG.info("sweep {} on Spark {}: {}", run.id, props.master(), String.join(" ", cmd));
        return pb.start();
    }

    /** Stores the journal's new complete lines; returns the offset after them. */
    private static long drain(SparkRun run, Path journal, long offset, Map<Integer, CellResult> cells)
            throws IOException {
        byte[] fresh;
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "r")) {
            long len = f.length();
            if (len <= offset) {
                return offset;
            }
            fresh = new byte[(int) Math.min(len - offset, 1 << 24)];
            f.seek(offset);
            f.readFully(fresh);
        }
        int end = fresh.length;
        while (end > 0 && fresh[end - 1] != '\n') {
            end--; // a line still being written
        }
        if (end == 0) {
            return offset;
        }
        for (String line : new String(fresh, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (TrialBlock.isBlockLine(line)) {
                TrialBlock b = TrialBlock.decode(line);
                if (!cells.containsKey(b.cell())) {
                    run.blockDone(b);
                    run.events.blockDone(run);
                }
                continue;
            }
            CellResult c = CellEngine.decode(line);
            if (c.trials() == run.definition.trialsPerCell() && !cells.containsKey(c.cell())) {
                cells.put(c.cell(), c);
                run.cellDone(c.cell(), cells.size()); // before the event, so the page it pushes shows this cell
                run.events.cellDone(run, c);
            }
        }
        return offset + end;
    }

    /** An existing journal of this sweep (its cells and blocks), or null when there is no usable one. */
    private static SweepPart journaled(Path journal, SweepDefinition def) {
        if (!Files.exists(journal)) {
            return null;
        }
        try {
            SweepPart p = SweepPart.read(journal);
            if (p == null || !p.definition().equals(def) || !p.shard().equals(SweepShard.ALL)) {
                return null;
            }
            return p;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable journal {}: {}", journal, e.getMessage());
            return null;
        }
    }

    /**
     * A child left running by a server that was killed would write the journal together with the new one: stop it.
     * Only a live process whose command line names this journal is killed.
     */
    private static void killOrphan(Path pidFile, Path journal) throws IOException, InterruptedException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            return;
        }
        var h = ProcessHandle.of(pid);
        if (h.isPresent() && h.get().isAlive()
                && h.get().info().commandLine().map(c -> c.contains(journal.toString())).orElse(false)) {
            LOG.warn("stopping Spark child {} left over from before the restart ({})", pid, journal);
            h.get().descendants().forEach(ProcessHandle::destroyForcibly);
            h.get().destroyForcibly();
            for (int i = 0; i < 300 && h.get().isAlive(); i++) {
                Thread.sleep(100);
            }
        }
    }

    /** SIGTERM (Spark stops its context), then SIGKILL after the grace time. */
    private static void stop(Process p) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The last lines of the child's log, for a failure message. When the child ended with the CLI's one-line error
     * (an unreachable master, a refused journal) that line alone is the message: the log is appended to on every
     * launch, and lines before it (a resume note, an earlier launch's output) would only blur it.
     */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("WARNING:")).toList();
            if (!lines.isEmpty() && lines.getLast().startsWith("error: ")) {
                String e = lines.getLast().substring("error: ".length());
                return (e.length() > 1200 ? e.substring(0, 1200) + "…" : e) + " (log: " + log + ")";
            }
            String t = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return t.length() > 1200 ? "…" + t.substring(t.length() - 1200) : t + " (log: " + log + ")";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The server is stopping: stop the children without recording anything; their sweeps resume at next start. */
    public void abortAll(Set<SparkRun> runs) {
        for (SparkRun r : runs) {
            r.aborted = true;
        }
        if (pool != null) {
            // no interrupt: a runner interrupted inside a database write closes H2's file channel (the whole
            // database). Each runner sees the flag within a poll, stops its child and ends without recording.
            pool.shutdown();
            try {
                if (!pool.awaitTermination(GRACE_MILLIS + 15_000, TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    public void close() {
        for (Process p : children.values()) {
            p.destroyForcibly();
        }
    }
}
