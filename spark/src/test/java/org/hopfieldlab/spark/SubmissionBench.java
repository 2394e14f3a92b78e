package org.hopfieldlab.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepBackend;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecEdit;

/**
 * Measures {@link SparkBackend}'s submission on a sweep of many tiny trial blocks (not a test; run by hand):
 * {@code java -Xmx1g -cp spark/target/test-classes:spark/target/classes:simulator/target/classes:spark/target/lib/*
 * org.hopfieldlab.spark.SubmissionBench MASTER COUNT} runs COUNT × COUNT cells of 8 trials (one block each: N = 64,
 * P = 2, t = 4, ≈ 0.1 ms of work) and prints wall time, time to the first finished block, the driver's heap (peak
 * sampled every 10 ms, and live after a full GC when a tenth of the blocks are in) and a digest of the cells' lines.
 */
public final class SubmissionBench {
    private SubmissionBench() {
    }

    public static void main(String[] args) throws Exception {
        String master = args.length > 0 ? args[0] : "local[2]";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SweepDefinition def = new SweepDefinition(
                SpecEdit.change(Presets.get("sequence").spec(), "n=64&p=2&t=4&in=0:d1,2:d2"),
                List.of(SweepAxis.parse("noise=0:8:" + count), SweepAxis.parse("beta=2:20:" + count)), 8,
                SeedPolicy.PER_CELL);
        List<Integer> cells = new ArrayList<>();
        for (int k = 0; k < def.cellCount(); k++) {
            cells.add(k);
        }
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Map<Integer, String> lines = new TreeMap<>();
        long[] first = {0};
        long[] live = {0};
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime();
        new SparkBackend().run(def, cells, new SweepBackend.Settings(2, master), (CellResult c) -> {
            synchronized (lines) {
                lines.put(c.cell(), CellEngine.encode(c.withoutTiming()));
            }
        }, (done, total) -> {
            if (first[0] == 0) {
                first[0] = System.nanoTime();
            }
            if (live[0] == 0 && done * 10 >= total) {
                System.gc();
                live[0] = mem.getHeapMemoryUsage().getUsed();
            }
        }, null);
        long t1 = System.nanoTime();
        sampler.interrupt();
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (String l : lines.values()) {
            md5.update((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : md5.digest()) {
            hex.append(String.format("%02x", b));
        }
        int blocks = cells.size();
        System.out.printf(Locale.ROOT, "blocks=%d cells=%d wall=%.1fs perBlock=%.2fms firstResult=%.2fs "
                + "peakHeap=%dMB liveHeapAt10%%=%dMB load=%.1f/%.1f md5=%s%n", blocks, lines.size(), (t1 - t0) / 1e9,
                (t1 - t0) / 1e6 / blocks, (first[0] - t0) / 1e9, peak.get() >> 20, live[0] >> 20, load0, load1, hex);
    }
}
