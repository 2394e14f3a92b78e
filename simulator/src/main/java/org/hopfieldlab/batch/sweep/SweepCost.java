package org.hopfieldlab.batch.sweep;

import java.util.List;
import org.hopfieldlab.sim.run.StepCost;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * What a sweep will cost, estimated before it starts. Work is counted in the rate models' neuron-memory-steps
 * (Σ over runs of steps × n × p): their cost per Euler step is O(n p) in unrolled, vectorised loops, batched over
 * lanes. The discrete model's step is one asynchronous sweep, whose work is weighted by what it costs
 * ({@link StepCost#perNeuronStep}: the models' costs are declared there, once, for sweeps and exercise grading).
 * {@code cells} and {@code runs} are exact; {@link #estimate} computes {@code work} from the axes alone.
 */
public record SweepCost(int cells, long runs, double work) {
    /** Work units per second and thread on a typical core (measured with the noise preset, see the README). */
    public static final double WORK_PER_SECOND_PER_THREAD = 8.0e8;

    /** The exact cost of a built definition (one term per cell). */
    public static SweepCost of(SweepDefinition def) {
        double work = 0;
        for (int k = 0; k < def.cellCount(); k++) {
            work += work(def.cellSpec(k));
        }
        return new SweepCost(def.cellCount(), def.totalRuns(), work);
    }

    /** Work of one cell: trials × its runs' work ({@link #runWork}). */
    static double work(ExperimentSpec s) {
        return s.trials() * runWork(s);
    }

    /**
     * Work of one run: steps × n × {@link StepCost#perNeuronStep} (rate models: steps × n × max(1, p)). The unit
     * every consumer shares: the sweep limits ({@code --max-work}, {@code hopfield.sweep.max-work}), the time estimate,
     * the local scheduler's slices and the trial blocks of journals and Spark tasks.
     */
    public static double runWork(ExperimentSpec s) {
        return (double) s.steps() * s.n() * StepCost.perNeuronStep(s);
    }

    /**
     * The cost from the axes alone, in O(|x| + |y|) spec builds and without building a single cell, so a form can
     * check 40,000 cells as fast as 4. Cells and runs are exact. Work per run is a product of per-key factors
     * (steps, n, the per-neuron work) and each axis sets one key, so Σ over the grid of w(x_i, y_j) =
     * Σ_i w(x_i) · Σ_j w(y_j) / w(base) — exact when the two axes change different factors, close otherwise (e.g. t
     * against dt, through rounding; a discrete model's p against its temperature: within 1 % for capacity-discrete).
     *
     * @throws org.hopfieldlab.sim.spec.SpecException naming the first axis value that is not a valid spec
     */
    public static SweepCost estimate(ExperimentSpec base, List<SweepAxis> axes, int trialsPerCell) {
        long cells = 1;
        for (SweepAxis a : axes) {
            cells *= a.size();
        }
        long runs = cells * Math.max(0, trialsPerCell);
        double perRun = runWork(base);
        double work = trialsPerCell;
        for (SweepAxis a : axes) {
            double sum = 0;
            for (int i = 0; i < a.size(); i++) {
                sum += runWork(SweepDefinition.axisValueSpec(base, a, i));
            }
            work *= sum;
        }
        // each axis factor carries the base's work once; a grid cell carries it once in total
        work /= Math.pow(Math.max(1, perRun), axes.size() - 1);
        return new SweepCost((int) Math.min(cells, Integer.MAX_VALUE), runs, work);
    }

    /** A rough wall-clock estimate on {@code threads} workers. */
    public double estimatedSeconds(int threads) {
        return work / (WORK_PER_SECOND_PER_THREAD * Math.max(1, Math.min(threads, cells)));
    }
}
