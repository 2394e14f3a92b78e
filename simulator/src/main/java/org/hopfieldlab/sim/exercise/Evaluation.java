package org.hopfieldlab.sim.exercise;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.run.DivergenceException;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.run.StepCost;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.theory.Theory;

/**
 * Computes the values of a set of measures on one spec. Theory and spec measures are computed at once; simulated
 * ones run the spec's trials (trial 0, 1, …, in order) a few at a time through {@link #step(int)}, so the browser
 * can grade without freezing. Every value depends only on the spec (and so on its seed): the same on every runtime.
 *
 * <p>A diverged trial counts as a failure in the fractions and is left out of the means; {@link #notes()} says so.
 */
final class Evaluation {
    private final ExperimentSpec spec;
    private final List<Measure> measures = new ArrayList<>();
    private final double[] values;
    private final double[] sums;
    private final int[] counts;
    private final boolean simulated;
    private final boolean energyRise;
    /** Windows the simulated measures need (a run stops after the last of them). */
    private final int windows;
    private int trial;
    private boolean finished;
    private int diverged;
    private String firstDivergence = "";

    Evaluation(ExperimentSpec spec, List<Measure> wanted) {
        this.spec = spec;
        for (Measure m : wanted) {
            Measure resolved = resolve(m);
            if (!measures.contains(resolved)) {
                measures.add(resolved);
            }
        }
        values = new double[measures.size()];
        sums = new double[measures.size()];
        counts = new int[measures.size()];
        boolean sim = false;
        boolean rise = false;
        for (int k = 0; k < measures.size(); k++) {
            Measure m = measures.get(k);
            if (m.kind().source == MeasureKind.Source.SIMULATION) {
                sim = true;
                rise |= m.kind() == MeasureKind.ENERGY_RISE;
                sums[k] = m.kind() == MeasureKind.ENERGY_RISE ? Double.NEGATIVE_INFINITY : 0;
            } else {
                values[k] = MeasureValues.immediate(spec, m);
            }
        }
        simulated = sim;
        energyRise = rise;
        windows = windowsNeeded(spec, measures);
        trial = sim ? 0 : spec.trials();
    }

    /** 1 + the last window a simulated measure reads (all windows for the whole-run energy rise). */
    private static int windowsNeeded(ExperimentSpec spec, List<Measure> measures) {
        int needed = 0;
        for (Measure m : measures) {
            if (m.kind() == MeasureKind.ENERGY_RISE) {
                return spec.schedule().size();
            }
            if (m.kind().source == MeasureKind.Source.SIMULATION) {
                needed = Math.max(needed, m.window() + 1);
            }
        }
        return needed;
    }

    /** The measure with its window made explicit (so "last window" and "window 3 of 3" are one measure). */
    private Measure resolve(Measure m) {
        if (!m.kind().usesWindow()) {
            return new Measure(m.kind(), m.memory(), m.along(), -1, m.key());
        }
        return new Measure(m.kind(), m.memory(), m.along(), m.windowIn(spec.schedule().size()), m.key());
    }

    /**
     * Upper bound of the work units grading a spec costs (0 without simulated measures): every trial run to the end;
     * see {@link ExerciseLimits}. The actual runs stop after the last window a measure reads.
     */
    static double work(ExperimentSpec spec, boolean simulated, boolean energyRise) {
        if (!simulated) {
            return 0;
        }
        return perStep(spec, energyRise) * spec.steps() * spec.trials();
    }

    /** The work units of this evaluation (runs stop after the last window a measure reads). */
    double work() {
        if (!simulated) {
            return 0;
        }
        return perStep(spec, energyRise) * spec.windowEndStep(windows - 1) * spec.trials();
    }

    /**
     * Work units of one step of one trial. A rate model's step is n·(P + 10) (see {@link ExerciseLimits}); another
     * model's step is that times what it costs against a rate-model step of the same n and P
     * ({@link StepCost#relativeToRateModel}: the discrete model's asynchronous sweep several times more, declared
     * once in the core with the sweep engine's cost model). Reading the energy after every step (the energy rise)
     * adds one rate-model step.
     */
    static double perStep(ExperimentSpec spec, boolean energyRise) {
        double rateStep = (double) spec.n() * (spec.p() + 10);
        return rateStep * StepCost.relativeToRateModel(spec) + (energyRise ? rateStep : 0);
    }

    /**
     * What the work units of a spec count, for a refusal: "20 trials × 20 steps at N = 1024, P = 200", and for a
     * model whose step costs more than a rate model's ", each discrete step priced as 3.1 rate-model steps".
     */
    static String runs(ExperimentSpec spec) {
        String runs = spec.trials() + " trials × " + spec.steps() + " steps at N = " + spec.n() + ", P = " + spec.p();
        double relative = StepCost.relativeToRateModel(spec);
        return relative == 1 ? runs : runs + ", each " + spec.model().key + " step priced as " + Fmt.sig(relative, 3)
                + " rate-model steps";
    }

    boolean done() {
        return trial >= spec.trials();
    }

    int trialsDone() {
        return simulated ? trial : 0;
    }

    int trialsTotal() {
        return simulated ? spec.trials() : 0;
    }

    boolean simulated() {
        return simulated;
    }

    /** Runs up to {@code maxTrials} more trials; true when all are done. */
    boolean step(int maxTrials) {
        for (int k = 0; k < maxTrials && !done(); k++) {
            runTrial(trial);
            trial++;
        }
        if (done() && simulated && !finished) {
            finish();
            finished = true;
        }
        return done();
    }

    private void runTrial(int t) {
        Simulation sim = new Simulation(spec, t);
        int p = spec.p();
        double[] m = new double[p];
        double rise = Double.NEGATIVE_INFINITY;
        double[][] atEnd = new double[windows][];
        double[] energyAtEnd = new double[windows];
        try {
            for (int w = 0; w < windows; w++) {
                int end = spec.windowEndStep(w);
                if (energyRise) {
                    double e = sim.energy();
                    while (sim.step() < end) {
                        int window = sim.window();
                        boolean on = sim.inputOn();
                        sim.advance(1);
                        double next = sim.energy();
                        // the energy is a Lyapunov function only while the input stays the same
                        if (sim.window() == window && sim.inputOn() == on && next - e > rise) {
                            rise = next - e;
                        }
                        e = next;
                    }
                } else {
                    sim.advanceTo(end);
                }
                sim.overlaps(m);
                atEnd[w] = m.clone();
                energyAtEnd[w] = sim.energy();
            }
        } catch (DivergenceException e) {
            diverged++;
            if (firstDivergence.isEmpty()) {
                firstDivergence = "trial " + (t + 1) + " diverged at t = " + Fmt.sig(e.time(), 4) + " (dt = "
                        + Fmt.sig(spec.dt(), 4) + " is too large for these dynamics)";
            }
            for (int k = 0; k < measures.size(); k++) {
                if (measures.get(k).kind().source == MeasureKind.Source.SIMULATION && "fraction".equals(
                        measures.get(k).kind().type)) {
                    counts[k]++;
                }
            }
            return;
        }
        for (int k = 0; k < measures.size(); k++) {
            Measure ms = measures.get(k);
            if (ms.kind().source != MeasureKind.Source.SIMULATION) {
                continue;
            }
            int w = ms.window();
            switch (ms.kind()) {
                case RETRIEVED: {
                    int target = sim.inputs().target(w);
                    if (target >= 0 && TrialRunner.isRetrieved(atEnd[w], target, spec.threshold())) {
                        sums[k] = sums[k] + 1;
                    }
                    break;
                }
                case ENDS_IN:
                    if (TrialRunner.isRetrieved(atEnd[w], ms.memory(), spec.threshold())) {
                        sums[k] = sums[k] + 1;
                    }
                    break;
                case OVERLAP:
                    sums[k] = sums[k] + atEnd[w][ms.memory()];
                    break;
                case ENERGY:
                    sums[k] = sums[k] + energyAtEnd[w];
                    break;
                default: // ENERGY_RISE: the largest over the trials
                    sums[k] = Math.max(sums[k], rise);
            }
            counts[k]++;
        }
    }

    private void finish() {
        for (int k = 0; k < measures.size(); k++) {
            Measure ms = measures.get(k);
            if (ms.kind().source != MeasureKind.Source.SIMULATION) {
                continue;
            }
            if (ms.kind() == MeasureKind.ENERGY_RISE) {
                values[k] = counts[k] == 0 ? Double.NaN : Math.max(0, sums[k]);
            } else {
                values[k] = counts[k] == 0 ? Double.NaN : sums[k] / counts[k];
            }
        }
    }

    private int index(Measure m) {
        int k = measures.indexOf(resolve(m));
        if (k < 0) {
            throw new IllegalStateException("measure not evaluated: " + m);
        }
        return k;
    }

    /** The value (call when {@link #done()}). */
    double value(Measure m) {
        return values[index(m)];
    }

    /** The value as shown to a student: "37 of 40 trials (92.5 %)", "yes", "0.5832". */
    String shown(Measure m) {
        int k = index(m);
        double v = values[k];
        switch (m.kind().type) {
            case "fraction": {
                long hits = Math.round(v * counts[k]);
                return hits + " of " + counts[k] + (counts[k] == 1 ? " trial" : " trials") + " (" + Fmt.percent(v)
                        + ")";
            }
            case "flag":
                return v == 1 ? "yes" : "no";
            case "number":
                if (v != v && m.kind() == MeasureKind.PARAM) {
                    return "not set";
                }
                return Fmt.sig(v, 4);
            default:
                return Fmt.sig(v, 4);
        }
    }

    /** What else the student should know about the runs ("" when nothing). */
    String notes() {
        if (diverged == 0) {
            return "";
        }
        return diverged + " of " + spec.trials() + " trials diverged; " + firstDivergence + ".";
    }

    ExperimentSpec spec() {
        return spec;
    }

    /** Predicted overlap tanh(βc) of a theory prediction (used by MeasureValues). */
    static double predictedOverlap(Theory.MemoryPrediction pr, double beta) {
        return pr.exists() ? PortableMath.tanh(beta * pr.amplitude()) : 0;
    }
}
