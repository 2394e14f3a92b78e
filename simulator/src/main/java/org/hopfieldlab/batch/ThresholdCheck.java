package org.hopfieldlab.batch;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.run.Recorder;
import org.hopfieldlab.sim.run.RunLoop;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.theory.Theory;

/**
 * The CLI's {@code experiment thresholds}: theory against simulation around the existence and stability thresholds,
 * one run per row (orthogonal memories, constant weights). It compares amplitudes and eigenvalues, not retrieval
 * counts, so it is not a sweep; every experiment that counts retrievals over trials runs on the sweep engine
 * ({@link ExperimentSweeps}).
 */
public final class ThresholdCheck {
    private ThresholdCheck() {
    }

    /**
     * One comparison. Existence rows start at x(0) = ξ¹ with constant weights (a1, a2, a3) and no noise, and compare
     * the final amplitude c = ξ¹·x/N with the theory's; stability rows add a little noise (0.01) to break the
     * symmetry and check whether the memory-1 state holds (final dominant memory 1).
     */
    public record ThresholdRow(String kind, double a1, double a2, double betaShiftedGain1, boolean theoryExists,
            double theoryAmplitude, double theoryEigenvalue2, boolean theoryStable, double simulatedAmplitude,
            int simulatedDominant, boolean agrees) {
    }

    public record ThresholdReport(String experiment, int n, double beta, List<ThresholdRow> rows, int agreements,
            double seconds) {
    }

    public static ThresholdReport run(int n, double beta, double[] existenceA1, double stabilityA1,
            double[] stabilityA2) {
        long t0 = System.nanoTime();
        List<ThresholdRow> rows = new ArrayList<>();
        double background = 0.02;
        for (double a1 : existenceA1) {
            rows.add(thresholdRow("existence", n, beta, a1, background, 0.0));
        }
        for (double a2 : stabilityA2) {
            rows.add(thresholdRow("stability", n, beta, stabilityA1, a2, 0.01));
        }
        int agree = 0;
        for (ThresholdRow r : rows) {
            agree += r.agrees() ? 1 : 0;
        }
        return new ThresholdReport("thresholds", n, beta, rows, agree, (System.nanoTime() - t0) / 1e9);
    }

    static ThresholdRow thresholdRow(String kind, int n, double beta, double a1, double a2, double noise) {
        double[] alpha = {a1, a2, 0.02};
        List<Window> constant = new ArrayList<>();
        constant.add(Window.weights(0, alpha));
        ExperimentSpec spec = ExperimentSpec.builder().model(ModelKind.IDP).n(n).p(3).memories(MemoryKind.ORTHOGONAL)
                .beta(beta).noise(noise).dt(0.01).duration(200).schedule(constant).initialState(InitialState.CUE)
                .cue(0).seed(1).build();
        Theory.MemoryPrediction pred = Theory.predict(alpha, beta, n, 0);
        Simulation sim = new Simulation(spec, 0);
        Recorder recorder = new Recorder(sim, 0);
        new RunLoop(sim, Recorder.defaultInterval(spec), null, recorder).runToEnd();
        double c = sim.projection(0);
        double[] m = recorder.result().finalOverlaps();
        int dominant = Recorder.argmax(m);
        boolean agrees;
        if (kind.equals("existence")) {
            agrees = pred.exists() ? Math.abs(c - pred.amplitude()) <= 1e-3 * Math.max(1e-3, pred.amplitude())
                    : Math.abs(c) < 1e-4;
        } else {
            agrees = pred.stable() == (dominant == 0 && m[0] > 0.5);
        }
        return new ThresholdRow(kind, a1, a2, beta * pred.shiftedGain(), pred.exists(), pred.amplitude(),
                pred.eigenvalues()[1], pred.stable(), c, dominant + 1, agrees);
    }
}
