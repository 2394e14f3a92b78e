package org.hopfieldlab.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepBackend;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.TrialBlock;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * Sweep cells as Apache Spark tasks of {@link TrialBlock}s (about half a second of work each, whole lane-kernel
 * batches): one small job per block, a few per core of the cluster in flight at a time ({@link #inFlight}), the next
 * submitted as one ends, so every finished block reaches the caller's journal as soon as it ends; a cell whose blocks
 * are all in is summed in trial order into the local engine's bytes. A cancel or a kill loses only the blocks still
 * running.
 */
public final class SparkBackend implements SweepBackend {
    /** Jobs in flight per core: enough to keep a core busy while the driver hands a finished block on. */
    static final int JOBS_PER_CORE = 4;
    static final int MIN_IN_FLIGHT = 8;
    private static final String HOST_PORT = "([^/\\s,:\\[\\]]+|\\[[0-9a-fA-F:.]+]):[0-9]+";
    /** The master URLs Spark 4 parses (SparkContext.createTaskScheduler), so a typo is one line, not a stack trace. */
    static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\*|[1-9][0-9]*)]|local\\[(\\*|[1-9][0-9]*), *[1-9][0-9]*]"
            + "|local-cluster\\[ *[1-9][0-9]* *, *[1-9][0-9]* *, *[1-9][0-9]* *]"
            + "|spark://" + HOST_PORT + "(," + HOST_PORT + ")*|yarn|k8s://\\S+");

    @Override
    public String name() {
        return "spark";
    }

    /** The Spark settings for this sweep: master, loopback for local and 127.0.0.1 masters, this jar for executors. */
    static SparkConf conf(String master) {
        SparkConf conf = new SparkConf().setAppName("hopfield-lab sweep");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new SpecException("--master", "--engine spark needs --master URL (e.g. local[2] or "
                    + "spark://host:7077), or spark.master from spark-submit");
        }
        String m = conf.get("spark.master");
        if (!MASTER.matcher(m).matches()) {
            throw new SpecException("--master", "--master '" + m + "' is not a Spark master URL; e.g. local[2], "
                    + "local[*], spark://host:7077 (several: spark://h1:7077,h2:7077), yarn or k8s://https://host:443");
        }
        if (m.startsWith("local") || m.contains("127.0.0.1") || m.contains("localhost")) {
            // these machines may only talk over loopback; Spark would otherwise bind to the eth0 address
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        if (!m.startsWith("local") && !conf.contains("spark.jars")) {
            // executors need this module's and the simulator's classes: ship the job jar we run from
            try {
                Path self = Path.of(SparkBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(self)) {
                    conf.set("spark.jars", self.toString());
                }
            } catch (Exception e) {
                // spark-submit sets spark.jars itself
            }
        }
        return conf;
    }

    @Override
    public void run(SweepDefinition def, List<Integer> cells, Settings settings, Consumer<CellResult> done,
            Progress progress) {
        run(def, cells, settings, done, progress, null);
    }

    @Override
    public void run(SweepDefinition def, List<Integer> cells, Settings settings, Consumer<CellResult> done,
            Progress progress, Blocks blocks) {
        SparkConf conf = conf(settings.master());
        String text = def.format();
        // each cell's finished blocks so far (from before, then as tasks end); a cell is handed on once they cover it
        Map<Integer, List<TrialBlock>> have = new HashMap<>();
        List<String> todo = new ArrayList<>();
        long total = 0;
        for (int cell : cells) {
            List<TrialBlock> before = blocks == null ? List.of() : blocks.finished().getOrDefault(cell, List.of());
            have.put(cell, new ArrayList<>(before));
            List<int[]> missing = TrialBlock.missing(def, cell, before);
            if (missing.isEmpty()) {
                done.accept(TrialBlock.cell(def, cell, before)); // every block was journaled, the cell line was not
            }
            for (int[] r : missing) {
                todo.add(BlockTask.key(cell, r[0], r[1]));
                total += r[1] - r[0];
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        // a dead or misspelt standalone master: one line within seconds, not a minute of Spark's retries
        MasterCheck.requireReachable(conf.get("spark.master"), MasterCheck.TIMEOUT);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            BlockTask task = new BlockTask(text);
            // a window of small jobs in flight, topped up in cell and trial order as each ends (FIFO): every core
            // stays busy, each finished block reaches the journal as soon as it ends, and the driver and Spark's
            // scheduler hold a few jobs per core however many blocks the sweep has (all at once, every task offer
            // sorted every pending job: 10^4 tiny blocks took 2-3x longer, and the first result came after 75 s)
            ArrayDeque<String> queue = new ArrayDeque<>(todo);
            Map<String, JavaFutureAction<List<String>>> running = new HashMap<>();
            LinkedBlockingQueue<String> ended = new LinkedBlockingQueue<>();
            long finished = 0;
            while (!queue.isEmpty() || !running.isEmpty()) {
                int window = inFlight(sc.defaultParallelism()); // grows as a cluster's executors register
                while (!queue.isEmpty() && running.size() < window) {
                    String key = queue.poll();
                    JavaFutureAction<List<String>> job = sc.parallelize(List.of(key), 1).map(task).collectAsync();
                    running.put(key, job);
                    Thread.ofVirtual().name("spark-block-" + key).start(() -> {
                        try {
                            job.get();
                        } catch (Exception e) {
                            // the driver loop below calls get() again and reports it
                        }
                        ended.add(key);
                    });
                }
                String key = ended.take();
                TrialBlock b = TrialBlock.decode(running.remove(key).get().get(0));
                if (!BlockTask.key(b.cell(), b.from(), b.to()).equals(key)) {
                    throw new IllegalStateException("Spark returned block " + b.encode() + " for " + key);
                }
                List<TrialBlock> mine = have.get(b.cell());
                mine.add(b);
                if (TrialBlock.missing(def, b.cell(), sorted(mine)).isEmpty()) {
                    done.accept(TrialBlock.cell(def, b.cell(), mine));
                } else if (blocks != null) {
                    blocks.blockDone(b);
                }
                finished += b.trials();
                if (progress != null) {
                    progress.runs(finished, total);
                }
            }
        } catch (InterruptedException e) {
            // closing the context (try-with-resources) has cancelled the jobs still running
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            String why = String.valueOf(c.getMessage());
            if (why.contains("SparkContext was shut down")) {
                // the master never took the application (unreachable, or it gave up): say so, not just "cancelled"
                throw new IllegalStateException("Spark stopped before the sweep ended (" + why + "): is the master "
                        + conf.get("spark.master") + " running and reachable? Spark's log above says why; finished "
                        + "cells and blocks are kept in the journal, if one was given", c);
            }
            throw new IllegalStateException("a Spark task failed: " + why, c);
        }
    }

    /** Jobs in flight for a cluster of this many cores (Spark's default parallelism: its total cores, at least 2). */
    static int inFlight(int cores) {
        return Math.max(MIN_IN_FLIGHT, JOBS_PER_CORE * cores);
    }

    private static List<TrialBlock> sorted(List<TrialBlock> blocks) {
        List<TrialBlock> s = new ArrayList<>(blocks);
        s.sort((x, y) -> Integer.compare(x.from(), y.from()));
        return s;
    }

    /** For tests: the cells' lines in cell order. */
    static List<String> lines(List<CellResult> cells) {
        List<String> out = new ArrayList<>();
        for (CellResult c : cells) {
            out.add(CellEngine.encode(c));
        }
        return out;
    }
}
