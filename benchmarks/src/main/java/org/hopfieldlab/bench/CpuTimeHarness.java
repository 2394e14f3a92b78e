package org.hopfieldlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hopfieldlab.sim.run.BatchRunner;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;

/**
 * The JMH workloads timed by this thread's CPU time instead of wall time, in interleaved rounds: on a shared machine
 * at load 10+ (other builds on both cores) JMH's wall-clock scores swing by ±100 % while CPU time stays within a few
 * per cent, so ratios from here are the ones to trust there. Single thread, N = 1024, P = 10, 1000 steps, noise 8.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hopfieldlab.bench.CpuTimeHarness [rounds]</pre>
 */
public final class CpuTimeHarness {
    private static long sink;

    private CpuTimeHarness() {
    }

    public static void main(String[] args) {
        ExperimentSpec spec = SpecCodec.parse(IdpRunBenchmark.SPEC);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int reps = 8;
        int[] lanes = {2, 4, 8};
        String[] names = {"stepper only (Simulation.advance)", "scored trial (TrialRunner)", "batched, 2 lanes",
            "batched, 4 lanes", "batched, 8 lanes"};
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < rounds + 2; r++) {
            double[] row = new double[names.length];
            double t0 = CpuClock.threadCpuMs();
            for (int k = 0; k < reps; k++) {
                Simulation sim = new Simulation(spec, k);
                sim.advance(Integer.MAX_VALUE);
                sink += Double.doubleToRawLongBits(sim.state()[0]);
            }
            row[0] = (CpuClock.threadCpuMs() - t0) / reps;
            t0 = CpuClock.threadCpuMs();
            for (int k = 0; k < reps; k++) {
                sink += TrialRunner.run(spec, k, false).checksum().hashCode();
            }
            row[1] = (CpuClock.threadCpuMs() - t0) / reps;
            for (int c = 0; c < lanes.length; c++) {
                t0 = CpuClock.threadCpuMs();
                BatchRunner.run(spec, 0, 16, lanes[c], null, res -> sink += res.checksum().hashCode());
                row[2 + c] = (CpuClock.threadCpuMs() - t0) / 16;
            }
            if (r >= 2) {
                rows.add(row);   // the first two rounds warm the JIT up
            }
        }
        for (int c = 0; c < names.length; c++) {
            double[] v = column(rows, c);
            System.out.printf(Locale.ROOT, "%-36s median %6.2f ms/run (min %6.2f)%n", names[c], v[v.length / 2], v[0]);
        }
        double[] ratio = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            ratio[k] = rows.get(k)[1] / rows.get(k)[4];
        }
        java.util.Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "scored trial / batched 8 lanes, per round: median %.2f (%d rounds)%s%n",
                ratio[ratio.length / 2], rows.size(), sink == 42 ? " " : "");
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] v = new double[rows.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = rows.get(k)[c];
        }
        java.util.Arrays.sort(v);
        return v;
    }
}
