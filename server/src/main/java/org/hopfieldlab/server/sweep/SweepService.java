package org.hopfieldlab.server.sweep;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepCost;
import org.hopfieldlab.batch.sweep.SweepCommandLine;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepJob;
import org.hopfieldlab.batch.sweep.SweepLimits;
import org.hopfieldlab.batch.sweep.SweepListener;
import org.hopfieldlab.batch.sweep.SweepResult;
import org.hopfieldlab.batch.sweep.SweepScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs users' sweeps on one shared, bounded {@link SweepScheduler} (fair between users), or, from
 * {@code hopfield.sweep.spark.min-runs} up when a Spark master is configured, in a Spark child JVM
 * ({@link SparkSweeps}); writes each cell to the database as soon as it is done, and resumes unfinished sweeps at
 * startup from their missing cells, on the engine they were started on.
 */
@Service
public class SweepService {
    private static final Logger LOG = LoggerFactory.getLogger(SweepService.class);
    private static final long NOTIFY_EVERY_NANOS = 200_000_000L;

    /** Unknown sweep, or not the caller's. */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException() {
            super("This sweep does not exist or is not yours.");
        }
    }

    /** A user already has as many sweeps running and queued as the caps allow; the message says which settings. */
    public static final class QuotaException extends IllegalArgumentException {
        public QuotaException(String message) {
            super(message);
        }
    }

    private final SweepRepository repo;
    private final SweepProperties props;
    private final SweepScheduler scheduler;
    private final SweepLimits limits;
    private final SparkSweeps spark;
    private final Map<Long, LiveSweep> live = new ConcurrentHashMap<>();
    private final Map<Long, Set<Consumer<LiveSweep>>> watchers = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastNotified = new ConcurrentHashMap<>();

    /** Every sweep on this server's threads (no Spark). */
    public SweepService(SweepRepository repo, SweepProperties props) {
        this(repo, props, new SparkSweeps(new SparkSweepProperties(null, null, null, null, null, 0, 1, null)));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SweepService(SweepRepository repo, SweepProperties props, SparkSweeps spark) {
        this.repo = repo;
        this.props = props;
        this.spark = spark;
        this.scheduler = new SweepScheduler(props.effectiveThreads(), Math.max(0, props.maxRunningPerUser()),
                SweepScheduler.DEFAULT_QUANTUM_MILLIS);
        this.limits = new SweepLimits(props.maxCells(), props.maxRuns(), props.maxWork(), "hopfield.sweep.");
    }

    public SweepLimits limits() {
        return limits;
    }

    public int threads() {
        return scheduler.threads();
    }

    /** The engine a new sweep of this many runs would get: 'local' or 'spark MASTER'. */
    public String engineFor(long runs) {
        return spark.engineFor(runs);
    }

    /** An engine column in words: "this server's 4 threads" or "Apache Spark (local[2])". */
    public String engineText(String engine) {
        return engine != null && engine.startsWith("spark ") ? "Apache Spark (" + engine.substring(6) + ")"
                : "this server's " + threadsInWords(threads());
    }

    /** "1 thread", "4 threads" (a one-core server said "1 threads"). */
    public static String threadsInWords(int threads) {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    /** When Spark is configured: which sweeps go to it, for the form; else empty. */
    public String sparkText() {
        return spark.enabled() ? "Sweeps of " + spark.minRuns() + " runs or more run on Apache Spark ("
                + spark.master() + ")." : "";
    }

    /** The per-user caps in words, for the form; empty when there are none. */
    public String capsText() {
        if (props.maxRunningPerUser() <= 0) {
            return "";
        }
        return "Each user runs " + plural(props.maxRunningPerUser(), "sweep") + " at a time and may queue "
                + plural(Math.max(0, props.maxQueuedPerUser()), "more") + "; the workers switch between users' sweeps "
                + "every quarter of a second, so a small sweep starts within a second even when the server is busy.";
    }

    private static String plural(int n, String word) {
        return n + " " + (word.equals("more") || n == 1 ? word : word + "s");
    }

    /** Refuses a new sweep when the user already has as many running and queued as the caps allow. */
    private void checkCaps(long userId) {
        int running = props.maxRunningPerUser();
        if (running <= 0) {
            return;
        }
        int allowed = running + Math.max(0, props.maxQueuedPerUser());
        int have = repo.countUnfinished(userId);
        if (have >= allowed) {
            throw new QuotaException("You already have " + have + " sweeps running or queued; each user may run "
                    + running + " and queue " + Math.max(0, props.maxQueuedPerUser()) + " more "
                    + "(hopfield.sweep.max-running-per-user, hopfield.sweep.max-queued-per-user). "
                    + "Wait for one to finish or cancel one.");
        }
    }

    /**
     * Checks the limits (a refusal names the limit) and the user's caps ({@link QuotaException}), stores the sweep
     * and queues it.
     */
    public synchronized long start(long userId, String title, SweepDefinition def) {
        SweepCost cost = limits.check(def);
        checkCaps(userId);
        String t = title == null || title.isBlank() ? def.describe(0).replaceAll("=.*", "") + " sweep" : title.trim();
        String engine = spark.engineFor(cost.runs());
        long id = repo.insert(userId, t.length() > 200 ? t.substring(0, 200) : t, def.format(), cost.cells(),
                cost.runs(), engine);
        if (engine.equals("local")) {
            submit(id, userId, def, Set.of());
        } else {
            submitSpark(id, def, Map.of());
        }
        return id;
    }

    private void submit(long id, long ownerId, SweepDefinition def, Set<Integer> done) {
        SweepJob job = scheduler.submit(Long.toString(id), Long.toString(ownerId), def, done, new Recorder(id));
        live.put(id, new Local(job));
    }

    private synchronized void submitSpark(long id, SweepDefinition def, Map<Integer, CellResult> stored) {
        SparkRun run = spark.submit(id, def, stored, new SparkRecorder());
        live.put(id, run);
        if (run.completion().isDone()) {
            live.remove(id, run); // it ended (nothing left to run) before it was put here
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        for (SweepRecord r : repo.findUnfinished()) {
            try {
                SweepDefinition def = SweepDefinition.parse(r.definition());
                Map<Integer, CellResult> done = new TreeMap<>();
                for (CellResult c : repo.cells(r.id())) {
                    if (c.trials() == def.trialsPerCell()) {
                        done.put(c.cell(), c);
                    }
                }
                boolean onSpark = r.engine().startsWith("spark ");
                if (onSpark && !spark.enabled()) {
                    // the same numbers either way: finish it here rather than leave it stuck
                    LOG.warn("sweep {} was started on {}, but no Spark master is configured now: resuming it on "
                            + "this server's threads", r.id(), r.engine());
                    repo.setEngine(r.id(), "local");
                    onSpark = false;
                }
                LOG.info("resuming sweep {} ({} of {} cells done) on {}", r.id(), done.size(), r.cellsTotal(),
                        onSpark ? r.engine() : "local");
                if (onSpark) {
                    submitSpark(r.id(), def, done);
                } else {
                    submit(r.id(), r.ownerId(), def, done.keySet());
                }
            } catch (RuntimeException e) {
                repo.setStatus(r.id(), "FAILED", "cannot resume: " + e.getMessage(), true);
            }
        }
    }

    /** The user's sweeps, newest first; a queued one the engine has started shows as running. */
    public List<SweepRecord> list(long userId) {
        return repo.listByOwner(userId).stream().map(this::withLiveStatus).toList();
    }

    private SweepRecord withLiveStatus(SweepRecord r) {
        LiveSweep j = live.get(r.id());
        if (j == null || !r.status().equals("QUEUED") || j.state() != SweepJob.State.RUNNING) {
            return r;
        }
        return new SweepRecord(r.id(), r.ownerId(), r.title(), r.definition(), "RUNNING", r.error(), r.cellsTotal(),
                r.runsTotal(), r.createdAt(), r.finishedAt(), r.cellsDone(), r.cellsPartial(), r.engine());
    }

    public SweepRecord get(long userId, long id) {
        return repo.findOwned(userId, id).orElseThrow(NotFoundException::new);
    }

    /** The CLI command that runs this sweep and writes the same CSV ({@link SweepCommandLine}). */
    public String commandLine(SweepRecord r) {
        return SweepCommandLine.shell(SweepDefinition.parse(r.definition()));
    }

    public SweepResult result(long userId, long id) {
        SweepRecord r = get(userId, id);
        return SweepResult.of(SweepDefinition.parse(r.definition()), repo.cells(id));
    }

    /** The running job of an owned sweep, if it is running in this server. */
    public Optional<LiveSweep> live(long userId, long id) {
        get(userId, id);
        LiveSweep j = live.get(id);
        return j == null || j.completion().isDone() ? Optional.empty() : Optional.of(j);
    }

    /**
     * Cancels a sweep: written to the database first (so a crash a moment later cannot resume it), then the engine
     * stops its running trials within a few steps; finished trials are kept (cut cells as partial rows).
     */
    public void cancel(long userId, long id) {
        SweepRecord r = get(userId, id);
        if (r.finished()) {
            return;
        }
        repo.setStatus(id, "CANCELLED", null, true);
        LiveSweep j = live.get(id);
        if (j != null) {
            j.cancel();
        }
    }

    public void delete(long userId, long id) {
        cancel(userId, id);
        repo.delete(userId, id);
    }

    /** Registers a progress watcher (called on worker threads, at most ~5 times a second); returns its remover. */
    public Runnable watch(long userId, long id, Consumer<LiveSweep> watcher) {
        get(userId, id);
        watchers.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>()).add(watcher);
        return () -> {
            Set<Consumer<LiveSweep>> set = watchers.get(id);
            if (set != null) {
                set.remove(watcher);
            }
        };
    }

    private void notifyWatchers(long id, LiveSweep job, boolean force) {
        long now = System.nanoTime();
        if (!force) {
            Long last = lastNotified.get(id);
            if (last != null && now - last < NOTIFY_EVERY_NANOS) {
                return;
            }
        }
        lastNotified.put(id, now);
        Set<Consumer<LiveSweep>> set = watchers.get(id);
        if (set != null) {
            for (Consumer<LiveSweep> w : set) {
                try {
                    w.accept(job);
                } catch (RuntimeException e) {
                    set.remove(w); // a closed browser tab
                }
            }
        }
    }

    @PreDestroy
    public void shutdown() {
        // unfinished sweeps keep status RUNNING/QUEUED in the database and resume at the next start
        scheduler.close();
        spark.abortAll(live.values().stream().filter(SparkRun.class::isInstance).map(SparkRun.class::cast)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** A local engine's job as the page sees it. */
    private record Local(SweepJob job) implements LiveSweep {
        @Override
        public SweepJob.State state() {
            return job.state();
        }

        @Override
        public int cellsDone() {
            return job.cellsDone();
        }

        @Override
        public int cellsTotal() {
            return job.cellsTotal();
        }

        @Override
        public long runsDone() {
            return job.runsDone();
        }

        @Override
        public long runsTotal() {
            return job.runsTotal();
        }

        @Override
        public double runsPerSecond() {
            return job.runsPerSecond();
        }

        @Override
        public double etaSeconds() {
            return job.etaSeconds();
        }

        @Override
        public java.util.concurrent.CompletableFuture<SweepJob.State> completion() {
            return job.completion();
        }

        @Override
        public void cancel() {
            job.cancel();
        }

        @Override
        public String engine() {
            return "local";
        }
    }

    /** Writes a Spark child's cells to the database as they are journaled, and its end. */
    private final class SparkRecorder implements SparkSweeps.Events {
        private volatile boolean marked;

        @Override
        public void cellDone(SparkRun run, CellResult cell) {
            if (!marked) {
                repo.markRunning(run.id());
                marked = true;
            }
            repo.insertCell(run.id(), cell);
            notifyWatchers(run.id(), run, true);
        }

        @Override
        public void blockDone(SparkRun run) {
            notifyWatchers(run.id(), run, false);
        }

        @Override
        public void cellPartial(SparkRun run, CellResult cell) {
            // the finished blocks of a cell the cancel cut: kept, with their count, and shown as partial (as local)
            repo.insertCell(run.id(), cell);
        }

        @Override
        public void finished(SparkRun run) {
            try {
                repo.finish(run.id(), run.state().name(), run.error());
            } finally {
                live.remove(run.id(), run);
                notifyWatchers(run.id(), run, true);
                watchers.remove(run.id());
                lastNotified.remove(run.id());
            }
        }
    }

    /** Writes the engine's events to the database. */
    private final class Recorder implements SweepListener {
        private final long id;
        private volatile boolean marked;

        Recorder(long id) {
            this.id = id;
        }

        @Override
        public void cellDone(SweepJob job, CellResult result) {
            if (!marked) {
                repo.markRunning(id);
                marked = true;
            }
            repo.insertCell(id, result);
            notifyWatchers(id, new Local(job), true);
        }

        @Override
        public void cellPartial(SweepJob job, CellResult result) {
            // the trials a cancel cut short: kept, with their count, and shown as partial
            repo.insertCell(id, result);
        }

        @Override
        public void trialDone(SweepJob job) {
            notifyWatchers(id, new Local(job), false);
        }

        @Override
        public void finished(SweepJob job) {
            repo.finish(id, job.state().name(), job.error());
            live.remove(id);
            notifyWatchers(id, new Local(job), true);
            watchers.remove(id);
            lastNotified.remove(id);
        }
    }
}
