package org.hopfieldlab.batch;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepJob;
import org.hopfieldlab.batch.sweep.SweepListener;
import org.hopfieldlab.batch.sweep.SweepResult;
import org.hopfieldlab.batch.sweep.SweepRunner;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * The paper's trial experiments as sweeps on the one batch engine ({@link SweepRunner}, the scheduler the server and
 * {@code sweep} use): every cell keeps the experiment's seed (seed policy {@code same}) and its trial count, so cell
 * k's trial t is {@code Simulation(cellSpec, t)} exactly as before, and its result is the sweep's {@link CellResult}.
 */
public final class ExperimentSweeps {
    private ExperimentSweeps() {
    }

    /**
     * {@code sequence}, {@code glitch}, or any spec as it stands: one cell, on a one-value axis of its own model key
     * (setting a key to the value it has changes nothing).
     */
    public static SweepDefinition single(ExperimentSpec spec) {
        return new SweepDefinition(spec, List.of(new SweepAxis("model", List.of(spec.model().key))), spec.trials(),
                SeedPolicy.SAME);
    }

    /**
     * {@code noise-sweep}: x = noise (a sweep axis, so the values are read by the one number grammar and may be a
     * range from:to:count), y = model; cells run model by model, each over the noise values.
     *
     * @param models comma list of continuous models (the discrete model has no noise)
     */
    public static SweepDefinition noise(ExperimentSpec base, String noiseValues, String models) {
        SweepAxis y = SweepAxis.parse("model=" + models);
        for (String m : y.values()) {
            if (!m.equals(ModelKind.IDP.key) && !m.equals(ModelKind.CLASSIC.key) && !m.equals(ModelKind.MODERN.key)) {
                throw new SpecException("--models", "--models: '" + m + "' is not one of idp, classic, modern");
            }
        }
        return withOption("--noise-values", "noise", () -> new SweepDefinition(base,
                List.of(SweepAxis.parse("noise=" + noiseValues), y), base.trials(), SeedPolicy.SAME));
    }

    /**
     * {@code modern}: the modern model with x = γ (drive mix) and y = the gain map: linear, softmax, polynomial. The
     * cells are built from one base, which keeps the λ of a softmax base; any other base becomes softmax with λ = 10
     * (the softmax cells' λ before; the other maps do not read λ). A polynomial base with its own degree is refused:
     * a softmax base cannot carry it (sweep it with {@code sweep --from modern map=poly --x gamma=… --y deg=…}).
     */
    public static SweepDefinition modern(ExperimentSpec base, String gammas) {
        ExperimentSpec m = base.toBuilder().model(ModelKind.MODERN).build();
        if (m.gainMap() != GainMap.SOFTMAX) {
            int defaultDegree = ExperimentSpec.builder().model(ModelKind.MODERN).gainMap(GainMap.POLY).build()
                    .degree();
            if (m.gainMap() == GainMap.POLY && m.degree() != defaultDegree) {
                throw new SpecException("deg", "experiment modern runs every gain map from one softmax base, which "
                        + "cannot hold deg = " + m.degree() + "; use `sweep --from modern map=poly deg="
                        + m.degree() + " --x gamma=" + gammas + "` for the polynomial map");
            }
            m = m.toBuilder().gainMap(GainMap.SOFTMAX).lambda(10).build();
        }
        List<String> maps = new ArrayList<>();
        for (GainMap g : new GainMap[] {GainMap.LINEAR, GainMap.SOFTMAX, GainMap.POLY}) {
            maps.add(g.key);
        }
        ExperimentSpec modernBase = m;
        return withOption("--gammas", "gamma", () -> new SweepDefinition(modernBase,
                List.of(SweepAxis.parse("gamma=" + gammas), new SweepAxis("map", maps)), base.trials(),
                SeedPolicy.SAME));
    }

    /** Builds a definition; a bad value of the axis {@code key} is reported naming the CLI option that gave it. */
    private static SweepDefinition withOption(String option, String key,
            java.util.function.Supplier<SweepDefinition> build) {
        try {
            return build.get();
        } catch (SpecException e) {
            if (e.key().equals(key)) {
                throw new SpecException(option, option + ": " + e.getMessage());
            }
            throw e;
        }
    }

    /** Told after every trial: runs done of the total. */
    public interface Progress {
        void trialDone(int done, int total);
    }

    /**
     * Runs every cell on {@code threads} workers. Interrupting the calling thread cancels the run (nothing is
     * returned: Ctrl-C prints no partial result).
     *
     * @throws IllegalStateException "sweep cancelled" when interrupted
     */
    public static ExperimentReport run(String experiment, SweepDefinition def, int threads, Progress progress) {
        long t0 = System.nanoTime();
        Divergences divergences = new Divergences(def);
        SweepResult result = SweepRunner.run(def, threads, List.of(), new SweepListener() {
            @Override
            public void cellDone(SweepJob job, CellResult cell) {
            }

            @Override
            public void trialResult(SweepJob job, int cell, TrialResult r) {
                divergences.add(cell, r);
            }

            @Override
            public void trialDone(SweepJob job) {
                if (progress != null) {
                    progress.trialDone((int) job.runsDone(), (int) job.runsTotal());
                }
            }
        });
        return new ExperimentReport(experiment, result, divergences.windowDiverged(), divergences.first(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Where trials diverged: per cell and window, the trials that diverged before the window ended (a cell's result
     * counts only its diverged trials), and the first divergence in (cell, trial) order. Counts and a minimum, so the
     * order the workers finish in does not matter.
     */
    private static final class Divergences {
        private final SweepDefinition def;
        private final int[][] perWindow;
        private long firstKey = Long.MAX_VALUE;
        private String first;

        Divergences(SweepDefinition def) {
            this.def = def;
            perWindow = new int[def.cellCount()][];
            for (int k = 0; k < perWindow.length; k++) {
                perWindow[k] = new int[def.cellSpec(k).schedule().size()];
            }
        }

        synchronized void add(int cell, TrialResult r) {
            if (r.error() == null) {
                return;
            }
            // a diverged trial holds only the windows it finished
            for (int w = r.windows().size(); w < perWindow[cell].length; w++) {
                perWindow[cell][w]++;
            }
            long key = (long) cell * Integer.MAX_VALUE + r.trial();
            if (key < firstKey) {
                firstKey = key;
                first = (def.cellCount() > 1 ? def.describe(cell) + ", " : "") + "trial " + r.trial() + ": "
                        + r.error();
            }
        }

        synchronized List<List<Integer>> windowDiverged() {
            List<List<Integer>> out = new ArrayList<>();
            for (int[] cell : perWindow) {
                List<Integer> w = new ArrayList<>();
                for (int d : cell) {
                    w.add(d);
                }
                out.add(List.copyOf(w));
            }
            return List.copyOf(out);
        }

        synchronized String first() {
            return first;
        }
    }
}
