package org.hopfieldlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.sim.run.BatchRunner;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * {@link CpuTimeHarness} on the noise-sweep preset's own cells (3000 steps, sampled every 10), where the local sweep
 * engine's batching is judged: per trial, thread CPU time, interleaved rounds — the stepper alone, a scored single
 * trial, and a trial of a batch of 8, 7, 6 and 4 lanes (4: below the lane kernel, lanes one by one, scored for free).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hopfieldlab.bench.NoisePresetCpuHarness [rounds] [cells, e.g. 0,5,13]</pre>
 */
public final class NoisePresetCpuHarness {
    private static long sink;

    private NoisePresetCpuHarness() {
    }

    public static void main(String[] args) {
        SweepDefinition def = SweepPresets.get("noise").definition();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int[] cells = Arrays.stream((args.length > 1 ? args[1] : "0,5,13").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int[] lanes = {8, 7, 6, 4};
        String[] names = {"stepper only", "scored trial", "batch of 8", "batch of 7", "batch of 6", "batch of 4"};
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < rounds + 2; r++) {
            double[] row = new double[names.length];
            for (int c : cells) {
                ExperimentSpec spec = def.cellSpec(c);
                double t0 = CpuClock.threadCpuMs();
                for (int k = 0; k < 8; k++) {
                    Simulation sim = new Simulation(spec, k);
                    sim.advance(Integer.MAX_VALUE);
                    sink += Double.doubleToRawLongBits(sim.state()[0]);
                }
                row[0] += (CpuClock.threadCpuMs() - t0) / 8 / cells.length;
                t0 = CpuClock.threadCpuMs();
                for (int k = 0; k < 8; k++) {
                    sink += TrialRunner.run(spec, k, false).checksum().hashCode();
                }
                row[1] += (CpuClock.threadCpuMs() - t0) / 8 / cells.length;
                for (int l = 0; l < lanes.length; l++) {
                    int n = lanes[l] * (lanes[l] < 6 ? 2 : 1);
                    t0 = CpuClock.threadCpuMs();
                    BatchRunner.run(spec, 0, n, lanes[l], null, res -> sink += res.checksum().hashCode());
                    row[2 + l] += (CpuClock.threadCpuMs() - t0) / n / cells.length;
                }
            }
            if (r >= 2) {
                rows.add(row);   // the first two rounds warm the JIT up
            }
        }
        for (int c = 0; c < names.length; c++) {
            double[] v = new double[rows.size()];
            double[] q = new double[rows.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = rows.get(k)[c];
                q[k] = rows.get(k)[1] / rows.get(k)[c];
            }
            Arrays.sort(v);
            Arrays.sort(q);
            System.out.printf(Locale.ROOT, "%-14s median %6.2f ms/trial; scored trial / this, per round: median %.3f%n",
                    names[c], v[v.length / 2], q[q.length / 2]);
        }
        System.out.println(sink == 42 ? " " : "");
    }
}
