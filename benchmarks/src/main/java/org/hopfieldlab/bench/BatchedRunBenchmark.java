package org.hopfieldlab.bench;

import java.util.concurrent.TimeUnit;
import org.hopfieldlab.sim.run.BatchRunner;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of whole scored trials (what a sweep runs): the single-trial kernel ({@link TrialRunner}) against the
 * batched kernel ({@link BatchRunner}, lanes = trials; at most 8 lanes, its width), single thread, N = 1024, P = 10,
 * 1000 steps, noise 8. Every score is the time of one trial (the batched methods divide by their lane count). Three
 * forks with the methods interleaved per fork: on a shared machine compare the ratios, not the absolute times.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(3)
public class BatchedRunBenchmark {
    private ExperimentSpec spec;
    private int trial;

    @Param({"model=idp&n=1024&p=10&mem=random&beta=10&noise=8&dt=0.01&t=10&seed=1&in=0:d1"})
    public String query;

    @Setup
    public void setup() {
        spec = SpecCodec.parse(query);
    }

    /** One trial alone, scored by the recorder at the default interval. */
    @Benchmark
    public TrialResult singleTrial() {
        return TrialRunner.run(spec, trial++ & 1023, false);
    }

    private void batch(int lanes, Blackhole bh) {
        int first = trial;
        trial = (trial + lanes) & 1023;
        BatchRunner.run(spec, first, first + lanes, lanes, null, bh::consume);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public void batched4(Blackhole bh) {
        batch(4, bh);
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void batched8(Blackhole bh) {
        batch(8, bh);
    }

    /** Two batches of 8 per invocation: the same as batched8, a check on the per-invocation overhead. */
    @Benchmark
    @OperationsPerInvocation(16)
    public void batched16(Blackhole bh) {
        batch(16, bh);
    }
}
