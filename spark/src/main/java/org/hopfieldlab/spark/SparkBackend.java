package org.hopfieldlab.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepBackend;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * Sweep cells as Apache Spark tasks: one small job per cell, all submitted at once, so the cluster runs as many at a
 * time as it has cores and every finished cell reaches the caller (and its journal) as soon as it ends.
 */
public final class SparkBackend implements SweepBackend {
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
        SparkConf conf = conf(settings.master());
        String text = def.format();
        long total = (long) cells.size() * def.trialsPerCell();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            CellTask task = new CellTask(text);
            Map<Integer, JavaFutureAction<List<String>>> running = new java.util.LinkedHashMap<>();
            for (int cell : cells) {
                running.put(cell, sc.parallelize(List.of(cell), 1).map(task).collectAsync());
            }
            long finished = 0;
            while (!running.isEmpty()) {
                boolean any = false;
                for (Iterator<Map.Entry<Integer, JavaFutureAction<List<String>>>> it = running.entrySet().iterator();
                        it.hasNext();) {
                    Map.Entry<Integer, JavaFutureAction<List<String>>> e = it.next();
                    if (!e.getValue().isDone()) {
                        continue;
                    }
                    it.remove();
                    any = true;
                    CellResult c = CellEngine.decode(e.getValue().get().get(0));
                    if (c.cell() != e.getKey()) {
                        throw new IllegalStateException("Spark returned cell " + c.cell() + " for cell " + e.getKey());
                    }
                    done.accept(c);
                    finished += def.trialsPerCell();
                    if (progress != null) {
                        progress.runs(finished, total);
                    }
                }
                if (!any) {
                    Thread.sleep(20);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("a Spark task failed: " + c.getMessage(), c);
        }
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
