package org.hopfieldlab.bench;

import java.util.concurrent.TimeUnit;
import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.model.IdpModel;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The target: one 1000-step IDP run at N = 1024, P = 10, noise 8, dt = 0.01, single thread (≤ 5 ms),
 * plus its parts, to see where the time goes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdpRunBenchmark {
    /** T = 10 at dt = 0.01: 1000 steps, one recipe window with memory 1 dominant. */
    static final String SPEC = "model=idp&n=1024&p=10&mem=random&beta=10&noise=8&dt=0.01&t=10&seed=1&in=0:d1";

    private ExperimentSpec spec;
    private int trial;
    private double[] x;
    private double[] out;
    private SeededRandom rng;
    private IdpModel model;

    @Setup
    public void setup() {
        spec = SpecCodec.parse(SPEC);
        Simulation sim = new Simulation(spec, 0);
        sim.advance(500);
        x = sim.state().clone();
        out = new double[x.length];
        rng = new SeededRandom(7);
        model = (IdpModel) sim.model();
    }

    /** Whole run: memories, inputs, x(0), 1000 Euler–Maruyama steps. */
    @Benchmark
    public double idpRun1000Steps() {
        Simulation sim = new Simulation(spec, trial++ & 1023);
        sim.advance(1000);
        return sim.state()[0];
    }

    /** 1000 evaluations of the O(N·P) right-hand side alone. */
    @Benchmark
    public double rightHandSide1000() {
        for (int k = 0; k < 1000; k++) {
            model.rightHandSide(x, out);
        }
        return out[0];
    }

    /** 1000 × N activations tanh(βx). */
    @Benchmark
    public void tanh1000(Blackhole bh) {
        for (int k = 0; k < 1000; k++) {
            for (int i = 0; i < x.length; i++) {
                out[i] = PortableMath.tanh(10.0 * x[i]);
            }
            bh.consume(out[k & 1023]);
        }
    }

    /** 1000 × N Gaussian draws. */
    @Benchmark
    public void gaussian1000(Blackhole bh) {
        for (int k = 0; k < 1000; k++) {
            rng.fillGaussian(out, out.length, 0.8);
            bh.consume(out[k & 1023]);
        }
    }
}
