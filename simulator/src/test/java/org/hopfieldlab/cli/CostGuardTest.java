package org.hopfieldlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.hopfieldlab.batch.RunCost;
import org.hopfieldlab.sim.run.TimeSeries;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9: a run or experiment that would take more than 10 minutes must not start without a word (estimate first, ask for
 * --yes beyond 10 minutes), and {@code run --csv} streams its rows instead of holding the series.
 */
class CostGuardTest {
    private static final String HUGE_RUN = "model=idp&n=16384&p=64&noise=8&dt=0.01&t=20000&in=0:d1";

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRunOfDaysIsRefusedAtOnceWithTheEstimateAndTheCsvSize() {
        long t0 = System.nanoTime();
        HopfieldCliTest.Result r = HopfieldCliTest.cli("run", HUGE_RUN, "--csv");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out(), "nothing ran, no header");
        assertTrue(seconds < 5, "refused before running: " + seconds + " s");
        String err = r.err().strip();
        // 2·10⁶ steps × 16384 × (8 + 0.8·64) ns ≈ 1940 s ≈ 32 min (measured: 0.93 ms per step, 31 min);
        // CSV: (2·10⁵ + 2) rows × 67 numbers × 20 B ≈ 268 MB (the issue measured 262 MB)
        assertTrue(err.startsWith("error: this run (2000000 steps of n = 16384, p = 64) would take about 32 min"),
                err);
        assertTrue(err.contains("its CSV would be about 268 MB"), err);
        assertTrue(err.contains("pass --yes to run it anyway"), err);
        assertTrue(!err.contains("\n") && !err.contains("Exception"), err);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theIssuesExperimentIsRefusedWithItsEstimate() {
        HopfieldCliTest.Result r = HopfieldCliTest.cli("experiment", "sequence", "n=16384", "p=64", "t=20000",
                "in=0:d1", "trials=10000", "--threads", "2");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        double expected = 10000 * RunCost.secondsPerTrial(SpecCodec.parse(HUGE_RUN)) / Math.min(2,
                Runtime.getRuntime().availableProcessors());
        assertTrue(expected > 100 * 86400, "the issue's ≈ 200 days on 2 cores: " + expected / 86400 + " days");
        assertTrue(r.err().startsWith("error: experiment sequence (10000 trials on 2 threads) would take "
                + RunCost.human(expected)), r.err());
        // a noise sweep multiplies the cells: 2 models × 8 noises of a 1000-trial sequence at n = 4096
        HopfieldCliTest.Result sweep = HopfieldCliTest.cli("experiment", "noise-sweep", "n=4096", "trials=1000");
        assertEquals(2, sweep.code(), sweep.err());
        assertTrue(sweep.err().contains("(16000 trials on "), sweep.err());
    }

    @Test
    void everydayRunsPassAndYesLetsABigOneThrough() {
        assertTrue(RunCost.secondsPerTrial(Presets.get("sequence").spec()) < 1);
        assertEquals(0, HopfieldCliTest.cli("run", "sequence", "t=2", "in=0:d1").code());
        // the guard itself: over the limit it throws naming --yes, with --yes it lets the run start
        SpecException e = assertThrows(SpecException.class, () -> CostGuard.check("x", 601, false, ""));
        assertEquals("--yes", e.key());
        CostGuard.check("x", 601, true, "");
        CostGuard.check("x", 600, false, "");
        assertEquals("about 10 min", RunCost.human(600));
        assertEquals("about 2.0 hours", RunCost.human(7200));
        assertEquals("about 3.0 days", RunCost.human(3 * 86400));
    }

    /**
     * The guard's estimate against a measured trial's CPU time on this thread (not wall time: the machine is shared),
     * best of five, for IDP with and without noise and the discrete model at T = 0 and T &gt; 0 (p = 10 and 64, n =
     * 1024). Tolerances: each estimate within {@link #ABSOLUTE} of its measurement either way (a shared, loaded
     * machine; measured in a quiet window the estimates were 0.8–2.5× the CPU time, see {@link RunCost}), and the
     * discrete model's cost at T &gt; 0 relative to T = 0 within {@link #RATIO} of the measured ratio (Glauber updates
     * cost ≈ 1.9× at p = 10, where the guard once priced them as T = 0).
     */
    @Test
    void theEstimateIsCloseToTheMeasuredCpuTime() {
        String[] cells = {"model=idp&n=1024&p=10&noise=8&t=30&in=0:d1", "model=idp&n=1024&p=10&noise=0&t=30&in=0:d1",
            "model=discrete&n=1024&p=10&noise=0&dt=1&t=1000&in=0:d1",
            "model=discrete&n=1024&p=10&noise=0.5&dt=1&t=1000&in=0:d1",
            "model=discrete&n=1024&p=64&noise=0&dt=1&t=200&in=0:d1",
            "model=discrete&n=1024&p=64&noise=0.5&dt=1&t=200&in=0:d1"};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] measured = new double[cells.length];
        java.util.Arrays.fill(measured, Double.MAX_VALUE);
        for (int rep = 0; rep < 5; rep++) {
            for (int c = 0; c < cells.length; c++) {
                ExperimentSpec s = SpecCodec.parse(cells[c]);
                long t0 = mx.getCurrentThreadCpuTime();
                TrialRunner.run(s, 0, false);
                measured[c] = Math.min(measured[c], (mx.getCurrentThreadCpuTime() - t0) / 1e9);
            }
        }
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        double[] est = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
            est[c] = RunCost.secondsPerTrial(SpecCodec.parse(cells[c]));
            boolean within = est[c] <= ABSOLUTE * measured[c] && measured[c] <= ABSOLUTE * est[c];
            ok &= within;
            report.append(String.format(Locale.ROOT, "%n  %s: estimated %.4f s, measured %.4f s (%.2f×)%s", cells[c],
                    est[c], measured[c], est[c] / measured[c], within ? "" : "  <-- off"));
        }
        for (int c = 2; c < cells.length; c += 2) {
            double estimated = est[c + 1] / est[c];
            double ratio = measured[c + 1] / measured[c];
            boolean within = estimated <= RATIO * ratio && ratio <= RATIO * estimated;
            ok &= within;
            report.append(String.format(Locale.ROOT, "%n  T > 0 against T = 0 at %s: estimated %.2f×, measured %.2f×%s",
                    cells[c], estimated, ratio, within ? "" : "  <-- off"));
        }
        System.out.println("run cost guard against CPU time:" + report);
        assertTrue(ok, "the guard's estimates are off:" + report);
    }

    /** How far an estimate may be from the measured CPU time, either way. */
    private static final double ABSOLUTE = 3;
    /** How far the estimated cost ratio of T &gt; 0 to T = 0 may be from the measured one, either way. */
    private static final double RATIO = 1.5;

    @Test
    void runCsvStreamsRowsWhileTheRunGoesOn() {
        // 10⁴ steps at n = 1024, p = 64 (≈ 0.3 s), one row per step (≈ 13 MB): the first data row must leave long
        // before the run ends; a run that held its series would write every row after the last step
        String q = "model=idp&n=1024&p=64&noise=8&dt=0.01&t=100&seed=3&in=0:d1,50:d2";
        Timing out = new Timing();
        PrintStream old = System.out;
        long start = System.nanoTime();
        int code;
        try {
            System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
            code = HopfieldCli.execute("run", q, "--csv", "--every", "1");
            System.out.flush();
        } finally {
            System.setOut(old);
        }
        long end = System.nanoTime();
        assertEquals(0, code);
        assertEquals(10001, out.lines - 1, "header + one row per step");
        double first = (out.firstRow - start) / 1e9;
        double total = (end - start) / 1e9;
        assertTrue(out.firstRow > 0 && first < 0.3 * total, "first row after " + first + " s of " + total + " s");
        assertTrue((out.lastByte - start) / 1e9 > 0.7 * total, "rows kept coming until the end");
    }

    @Test
    void theStreamedCsvIsTheRecordedSeries() {
        String q = "model=idp&n=128&p=4&noise=8&dt=0.01&t=3&seed=2&in=0:d1,1.5:c2";
        HopfieldCliTest.Result r = HopfieldCliTest.cli("run", q, "--csv", "--every", "7");
        assertEquals(0, r.code(), r.err());
        ExperimentSpec spec = SpecCodec.parse(q);
        TimeSeries s = TrialRunner.run(spec, 0, true, 7).series();
        StringBuilder expected = new StringBuilder("t,window,m1,m2,m3,m4").append(",energy\n");
        for (int k = 0; k < s.times().length; k++) {
            expected.append(SpecCodec.formatNumber(s.times()[k])).append(',').append(s.window()[k] + 1);
            for (double m : s.overlaps()[k]) {
                expected.append(',').append(m);
            }
            expected.append(',').append(s.energy()[k]).append('\n');
        }
        assertEquals(expected.toString(), r.out().replace(System.lineSeparator(), "\n"));
        assertEquals(List.of(0.0, 3.0), List.of(s.times()[0], s.times()[s.times().length - 1]));
    }

    /** Discards what it gets; notes when the first data row (after the header) and the last byte arrived. */
    private static final class Timing extends OutputStream {
        long lines;
        long firstRow;
        long lastByte;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long now = System.nanoTime();
            for (int k = off; k < off + len; k++) {
                if (lines >= 1 && firstRow == 0) {
                    firstRow = now;
                }
                if (b[k] == '\n') {
                    lines++;
                }
            }
            lastByte = now;
        }
    }

}
