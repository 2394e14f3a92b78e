package org.hopfieldlab.sim.run;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * The one recorder of a run, used by every front end so none can record differently. At each sample point it reads
 * the overlaps m_μ and scores the window the point belongs to (a point at step s belongs to the window w with
 * start(w) &lt; s ≤ end(w)): the first time the target is retrieved gives the time to retrieval, the overlaps at the
 * window's end give its outcome. Optionally it keeps a time series (time, overlaps, energy, window) every
 * {@code seriesEvery} steps and at the last step. Overlaps are O(N·P) per sample; the energy only when recorded.
 */
public final class Recorder implements StepHandler {
    private final ExperimentSpec spec;
    private final int seriesEvery;
    private final int windowCount;
    private final double[] m;
    private final List<WindowOutcome> outcomes = new ArrayList<>();
    private int scored;
    private double hitTime = -1;

    private double[] times;
    private double[][] overlaps;
    private double[] energy;
    private int[] window;
    private int[] stepOf;
    private int recorded;

    private TrialResult result;

    /**
     * @param sim the run to record (its spec decides windows and threshold)
     * @param seriesEvery keep a series sample every this many steps (and at the last step); 0 keeps none. For the
     *     samples to be scored too it should be a multiple of the run loop's interval.
     */
    public Recorder(Simulation sim, int seriesEvery) {
        this.spec = sim.spec();
        this.seriesEvery = seriesEvery;
        this.windowCount = spec.schedule().size();
        this.m = new double[spec.p()];
        if (seriesEvery > 0) {
            int capacity = spec.steps() / seriesEvery + 2;
            times = new double[capacity];
            overlaps = new double[capacity][];
            energy = new double[capacity];
            window = new int[capacity];
            stepOf = new int[capacity];
        }
    }

    /** Default sampling: about 300 samples per run, at most every 10 steps and at least every step. */
    public static int defaultInterval(ExperimentSpec spec) {
        return Math.max(1, Math.min(10, spec.steps() / 300));
    }

    @Override
    public void handleStep(Simulation sim) {
        if (recordsSeries(sim)) {
            // the energy shares σ(x) and Ξᵀσ(x) with the overlaps instead of computing them again
            observe(sim, m, true, sim.overlapsAndEnergy(m));
        } else {
            sim.overlaps(m);
            observe(sim, m, false, 0);
        }
    }

    /** The overlaps m_μ of the latest sample point (do not modify): the state now, right after a step handler call. */
    public double[] overlapsNow() {
        return m;
    }

    private boolean recordsSeries(Simulation sim) {
        int step = sim.step();
        return seriesEvery > 0 && (step % seriesEvery == 0 || step == sim.totalSteps());
    }

    /** A sample point whose overlaps m are already known (the batched kernel computes them lane by lane). */
    void observe(Simulation sim, double[] m) {
        boolean series = recordsSeries(sim);
        observe(sim, m, series, series ? sim.energy() : 0);
    }

    /**
     * A sample point with its overlaps m; {@code series} is {@link #recordsSeries} of this point (asked once by the
     * caller), and then {@code energyNow} is the energy of the state now.
     */
    private void observe(Simulation sim, double[] m, boolean series, double energyNow) {
        int step = sim.step();
        if (series) {
            times[recorded] = sim.time();
            overlaps[recorded] = m.clone();
            energy[recorded] = energyNow;
            window[recorded] = sim.window();
            stepOf[recorded] = step;
            recorded++;
        }
        if (scored < windowCount) {
            int target = sim.inputs().target(scored);
            if (hitTime < 0 && target >= 0 && step > spec.windowStartStep(scored)
                    && isRetrieved(m, target, spec.threshold())) {
                hitTime = sim.time() - spec.windowStartStep(scored) * spec.dt();
            }
        }
        while (scored < windowCount && step >= spec.windowEndStep(scored)) {
            int target = sim.inputs().target(scored);
            int dominant = argmax(m);
            boolean retrieved = target >= 0 && isRetrieved(m, target, spec.threshold());
            outcomes.add(new WindowOutcome(target, dominant, target >= 0 ? m[target] : 0, m[dominant], retrieved,
                    hitTime));
            scored++;
            hitTime = -1;
        }
    }

    @Override
    public void finish(Simulation sim, String divergence) {
        double[] last = new double[spec.p()];
        sim.overlaps(last);
        TimeSeries series = seriesEvery > 0
                ? new TimeSeries(trim(times, recorded), trimRows(overlaps, recorded), trim(energy, recorded),
                        trim(window, recorded))
                : null;
        result = new TrialResult(sim.trial(), new ArrayList<>(outcomes), last, sim.checksum(), series, divergence);
    }

    /** The trial's result once the run ended (null before). */
    public TrialResult result() {
        return result;
    }

    // ---- the series so far (the lab reads new samples as they come) ----

    /** Number of series samples recorded so far. */
    public int samples() {
        return recorded;
    }

    public double sampleTime(int k) {
        return times[k];
    }

    public int sampleStep(int k) {
        return stepOf[k];
    }

    /** m_μ at sample k (do not modify). */
    public double[] sampleOverlaps(int k) {
        return overlaps[k];
    }

    public double sampleEnergy(int k) {
        return energy[k];
    }

    public int sampleWindow(int k) {
        return window[k];
    }

    /** Outcomes of the windows scored so far. */
    public List<WindowOutcome> outcomes() {
        return outcomes;
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

    /** The first index of the largest overlap. */
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

    private static double[][] trimRows(double[][] a, int len) {
        double[][] out = new double[len][];
        System.arraycopy(a, 0, out, 0, len);
        return out;
    }
}
