package org.hopfieldlab.bench;

import java.util.Arrays;
import java.util.Locale;
import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;

/**
 * What bounds a batched kernel (lanes = trials) against the single-trial stepper: the per-element work of a step —
 * N Gaussians, N tanh, the Euler update — is the same per trial whether trials run alone or side by side, so
 * lanes can only shrink the rest (the two O(N·P) products). This harness times, by thread CPU time in interleaved
 * rounds, the whole stepper and that per-element work alone (the JVM's own loops: {@code fillGaussian},
 * {@code PortableMath.tanh} one element per iteration, the Euler update with its range reduction), and prints
 * total ÷ per-element: the most any batched kernel can gain per core while each trial keeps its `v=1` bits.
 * Single thread, N = 1024, P = 10, 1000 steps, noise 8, dt = 0.01.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hopfieldlab.bench.StepPartsHarness [rounds]</pre>
 */
public final class StepPartsHarness {
    private static final int STEPS = 1000;
    private static final double DT = 0.01;
    private static final double NOISE = 8.0;
    private static double sink;

    private StepPartsHarness() {
    }

    public static void main(String[] args) {
        ExperimentSpec spec = SpecCodec.parse(IdpRunBenchmark.SPEC);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int reps = 8;
        Simulation probe = new Simulation(spec, 0);
        probe.advance(Integer.MAX_VALUE);
        int n = probe.state().length;
        // a state as the run leaves it, so tanh sees the run's own range of arguments
        double[] x = probe.state().clone();
        double[] act = new double[n];
        double[] drift = new double[n];
        double[] kick = new double[n];
        double beta = spec.beta();   // β = 10 here
        double beta0 = beta;
        for (int i = 0; i < n; i++) {
            drift[i] = -x[i];
        }
        String[] names = {"stepper (Simulation.advance)", "noise (fillGaussian)", "activation (tanh)",
            "Euler update", "per-element work (sum)", "the rest: O(N·P) products"};
        double[][] rows = new double[rounds][];
        for (int r = 0; r < rounds + 2; r++) {
            double[] row = new double[names.length];
            double t0 = CpuClock.threadCpuMs();
            for (int k = 0; k < reps; k++) {
                Simulation sim = new Simulation(spec, k);
                sim.advance(Integer.MAX_VALUE);
                sink += sim.state()[0];
            }
            row[0] = (CpuClock.threadCpuMs() - t0) / reps;
            SeededRandom rng = new SeededRandom(r + 1);
            double scale = NOISE * Math.sqrt(DT);
            t0 = CpuClock.threadCpuMs();
            for (int k = 0; k < reps * STEPS; k++) {
                rng.fillGaussian(kick, n, scale);
            }
            row[1] = (CpuClock.threadCpuMs() - t0) / reps;
            sink += kick[n - 1];
            t0 = CpuClock.threadCpuMs();
            for (int k = 0; k < reps * STEPS; k++) {
                for (int i = 0; i < n; i++) {
                    act[i] = PortableMath.tanh(beta * x[i]);
                }
                beta = beta == beta0 ? Math.nextUp(beta0) : beta0;   // keeps the JIT from hoisting the loop out
            }
            row[2] = (CpuClock.threadCpuMs() - t0) / reps;
            sink += act[n - 1];
            double[] y = x.clone();
            t0 = CpuClock.threadCpuMs();
            for (int k = 0; k < reps * STEPS; k++) {
                double hi = 0.0;
                double lo = 0.0;
                for (int i = 0; i < n; i++) {
                    double xn = (drift[i] * DT + kick[i]) + y[i];
                    y[i] = xn;
                    hi = Math.max(hi, xn);
                    lo = Math.min(lo, xn);
                }
                if (hi > 1e8 || lo < -1e8) {
                    System.arraycopy(x, 0, y, 0, n);
                }
            }
            row[3] = (CpuClock.threadCpuMs() - t0) / reps;
            sink += y[0];
            row[4] = row[1] + row[2] + row[3];
            row[5] = row[0] - row[4];
            if (r >= 2) {
                rows[r - 2] = row;   // the first two rounds warm the JIT up
            }
        }
        for (int c = 0; c < names.length; c++) {
            double[] v = new double[rounds];
            for (int k = 0; k < rounds; k++) {
                v[k] = rows[k][c];
            }
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "%-30s median %6.2f ms per 1000 steps (min %6.2f, max %6.2f)%n",
                    names[c], v[rounds / 2], v[0], v[rounds - 1]);
        }
        double[] bound = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            bound[k] = rows[k][0] / rows[k][4];
        }
        Arrays.sort(bound);
        System.out.printf(Locale.ROOT,
                "bound on batched ÷ single per core (stepper ÷ per-element work), per round: median %.2f "
                        + "(%.2f–%.2f, %d rounds)%s%n",
                bound[rounds / 2], bound[0], bound[rounds - 1], rounds, sink == 42 ? " " : "");
    }
}
