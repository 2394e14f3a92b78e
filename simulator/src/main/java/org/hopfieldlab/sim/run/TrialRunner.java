package org.hopfieldlab.sim.run;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/** Runs one trial to the end and reads out its windows (and optionally the full time series). */
public final class TrialRunner {
    private TrialRunner() {
    }

    /** Default sampling: about 300 samples per run, at most every 10 steps and at least every step. */
    public static int defaultInterval(ExperimentSpec spec) {
        return Math.max(1, Math.min(10, spec.steps() / 300));
    }

    public static TrialResult run(ExperimentSpec spec, int trial, boolean recordSeries) {
        return run(spec, trial, recordSeries, defaultInterval(spec));
    }

    /**
     * Runs trial {@code trial}; overlaps are checked every {@code interval} steps for the time to retrieval and
     * recorded when {@code recordSeries}.
     */
    public static TrialResult run(ExperimentSpec spec, int trial, boolean recordSeries, int interval) {
        Simulation sim = new Simulation(spec, trial);
        int p = spec.p();
        int samples = recordSeries ? sim.totalSteps() / interval + 2 : 0;
        double[] times = new double[samples];
        double[][] overlapSeries = new double[samples][];
        double[] energy = new double[samples];
        int[] windowSeries = new int[samples];
        int recorded = 0;

        List<WindowOutcome> outcomes = new ArrayList<>();
        double[] m = new double[p];
        String error = null;
        int windows = spec.schedule().size();
        try {
            for (int w = 0; w < windows; w++) {
                int end = spec.windowEndStep(w);
                int target = sim.inputs().target(w);
                double startTime = sim.time();
                double hitTime = -1;
                while (true) {
                    sim.overlaps(m);
                    if (recordSeries && (sim.step() % interval == 0 || sim.step() == sim.totalSteps())
                            && (recorded == 0 || times[recorded - 1] != sim.time())) {
                        times[recorded] = sim.time();
                        overlapSeries[recorded] = m.clone();
                        energy[recorded] = sim.energy();
                        windowSeries[recorded] = sim.window();
                        recorded++;
                    }
                    if (hitTime < 0 && target >= 0 && sim.step() > spec.windowStartStep(w)
                            && isRetrieved(m, target, spec.threshold())) {
                        hitTime = sim.time() - startTime;
                    }
                    if (sim.step() >= end) {
                        break;
                    }
                    int next = Math.min(end, (sim.step() / interval + 1) * interval);
                    sim.advanceTo(next);
                }
                int dominant = argmax(m);
                boolean retrieved = target >= 0 && isRetrieved(m, target, spec.threshold());
                outcomes.add(new WindowOutcome(target, dominant, target >= 0 ? m[target] : 0, m[dominant], retrieved,
                        hitTime));
            }
        } catch (DivergenceException e) {
            error = e.getMessage();
        }
        sim.overlaps(m);
        TimeSeries series = null;
        if (recordSeries) {
            series = new TimeSeries(trim(times, recorded), trim(overlapSeries, recorded), trim(energy, recorded),
                    trim(windowSeries, recorded));
        }
        return new TrialResult(trial, outcomes, m.clone(), sim.checksum(), series, error);
    }

    /** The target has the (strictly) largest overlap and it exceeds the threshold. */
    public static boolean isRetrieved(double[] m, int target, double threshold) {
        if (!(m[target] > threshold)) {
            return false;
        }
        for (int mu = 0; mu < m.length; mu++) {
            if (mu != target && m[mu] >= m[target]) {
                return false;
            }
        }
        return true;
    }

    public static int argmax(double[] m) {
        int best = 0;
        for (int mu = 1; mu < m.length; mu++) {
            if (m[mu] > m[best]) {
                best = mu;
            }
        }
        return best;
    }

    private static double[] trim(double[] a, int len) {
        double[] out = new double[len];
        System.arraycopy(a, 0, out, 0, len);
        return out;
    }

    private static int[] trim(int[] a, int len) {
        int[] out = new int[len];
        System.arraycopy(a, 0, out, 0, len);
        return out;
    }

    private static double[][] trim(double[][] a, int len) {
        double[][] out = new double[len][];
        System.arraycopy(a, 0, out, 0, len);
        return out;
    }
}
