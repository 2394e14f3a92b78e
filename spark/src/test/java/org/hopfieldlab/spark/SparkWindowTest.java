package org.hopfieldlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepBackend;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepRunner;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecEdit;
import org.junit.jupiter.api.Test;

/**
 * A sweep of many more blocks than the window (60 one-block cells on local[2], window 8): Spark never holds more
 * than the window's jobs at once, every block runs once, progress reaches the total, and the cells are the local
 * engine's bytes.
 */
class SparkWindowTest {
    @Test
    void atMostTheWindowOfJobsIsInFlight() {
        SweepDefinition def = new SweepDefinition(
                SpecEdit.change(Presets.get("sequence").spec(), "n=64&p=2&t=4&in=0:d1,2:d2"),
                List.of(SweepAxis.parse("noise=0:8:10"), SweepAxis.parse("beta=2:20:6")), 8, SeedPolicy.PER_CELL);
        List<Integer> cells = new ArrayList<>();
        for (int k = 0; k < def.cellCount(); k++) {
            cells.add(k);
        }
        Map<Integer, String> got = new TreeMap<>();
        long[] last = {0, 0};
        JobCounter.reset();
        System.setProperty("spark.extraListeners", JobCounter.class.getName());
        try {
            new SparkBackend().run(def, cells, new SweepBackend.Settings(2, "local[2]"),
                    (CellResult c) -> got.put(c.cell(), CellEngine.encode(c.withoutTiming())), (done, total) -> {
                        last[0] = done;
                        last[1] = total;
                    }, null);
        } finally {
            System.clearProperty("spark.extraListeners");
        }
        int window = SparkBackend.inFlight(2);
        assertEquals(8, window);
        assertEquals(60, JobCounter.STARTED.get(), "one job per block");
        assertTrue(JobCounter.MAX.get() <= window, "jobs at once: " + JobCounter.MAX.get());
        assertTrue(JobCounter.MAX.get() >= 2, "both cores kept busy: " + JobCounter.MAX.get());
        assertEquals(60 * 8, last[0]);
        assertEquals(60 * 8, last[1]);
        Map<Integer, String> local = new TreeMap<>();
        for (CellResult c : SweepRunner.run(def, 1, null).cells()) {
            local.put(c.cell(), CellEngine.encode(c.withoutTiming()));
        }
        assertEquals(local, got);
    }
}
