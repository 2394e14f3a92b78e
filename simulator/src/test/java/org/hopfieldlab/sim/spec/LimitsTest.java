package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.junit.jupiter.api.Test;

/** Every range and consistency rule of a spec: the message names the key, the value and what is allowed. */
class LimitsTest {

    private static SpecException rejects(String query, String key, String... fragments) {
        SpecException e = assertThrows(SpecException.class, () -> SpecCodec.parse(query), query);
        assertEquals(key, e.key(), "key of: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + query + "' gave: " + e.getMessage() + " (missing '" + f + "')");
        }
        return e;
    }

    private static void accepts(String query) {
        SpecCodec.parse(query);
    }

    @Test
    void integerRanges() {
        rejects("n=0", "n", "n = 0 is out of range; allowed: 1 to 16384");
        rejects("n=16385", "n", "n = 16385 is out of range; allowed: 1 to 16384");
        rejects("n=-3", "n", "allowed: 1 to 16384");
        accepts("n=16384&p=10");
        rejects("p=0", "p", "p = 0 is out of range; allowed: 1 to n = 1024");
        // P is bounded by n and by the memory it takes, n·p ≤ 2^22 (P/N = 0.25 at N = 4096)
        accepts("n=4096&p=1024&in=0:d1");
        rejects("n=4096&p=1025&in=0:d1", "p", "n·p = 4096·1025 = 4198400 memory entries; allowed: n·p ≤ 4194304",
                "at n = 4096: p ≤ 1024");
        accepts("n=300&p=60&in=0:d1");
        accepts("p=1024&in=0:d1");
        rejects("n=4&p=5&in=0:d1", "p", "p = 5 is out of range; allowed: 1 to n = 4");
        accepts("n=4&p=4&in=0:d1");
        rejects("seed=-1", "seed", "seed = -1 is out of range; allowed: 0 to 2147483647");
        accepts("seed=0");
        accepts("seed=2147483647");
        rejects("trials=0", "trials", "trials = 0 is out of range; allowed: 1 to 10000");
        rejects("trials=10001", "trials", "allowed: 1 to 10000");
        accepts("trials=10000");
        rejects("model=modern&map=poly&deg=1", "deg", "deg = 1 is out of range; allowed: 2 to 10");
        rejects("model=modern&map=poly&deg=11", "deg", "deg = 11 is out of range; allowed: 2 to 10");
        accepts("model=modern&map=poly&deg=2");
        accepts("model=modern&map=poly&deg=10");
    }

    @Test
    void decimalRanges() {
        rejects("beta=0", "beta", "beta = 0 is out of range; allowed: 0 < beta ≤ 1000");
        rejects("beta=1000.5", "beta", "allowed: 0 < beta ≤ 1000");
        accepts("beta=1000");
        accepts("beta=0.000001");
        rejects("noise=-0.1", "noise", "noise = -0.1 is out of range; allowed: 0 ≤ noise ≤ 1000");
        rejects("noise=1001", "noise", "allowed: 0 ≤ noise ≤ 1000");
        accepts("noise=0");
        rejects("dt=0", "dt", "dt = 0 is out of range; allowed: 0 < dt ≤ 10");
        rejects("dt=10.01&t=100", "dt", "allowed: 0 < dt ≤ 10");
        accepts("model=discrete&noise=0&dt=10&t=100&in=0:d1");
        rejects("dt=10&t=100&in=0:d1", "dt", "dt = 10 is an unstable step for model=idp");
        rejects("t=0", "t", "t = 0 is out of range; allowed: 0 < t ≤ 100000");
        rejects("t=100001", "t", "allowed: 0 < t ≤ 100000");
        rejects("t=30&dt=0.00001", "t", "t / dt = 3000000 steps; allowed: 1 to 2000000 steps");
        rejects("t=0.001&dt=0.01&in=0:d1", "t", "t / dt = 0 steps; allowed: 1 to 2000000 steps");
        accepts("t=20000&dt=0.01");
        rejects("pulse=-1", "pulse", "pulse = -1 is out of range; allowed: 0 ≤ pulse ≤ 30");
        rejects("pulse=30.5", "pulse", "allowed: 0 ≤ pulse ≤ 30");
        accepts("pulse=30");
        rejects("thr=0", "thr", "thr = 0 is out of range; allowed: 0 < thr ≤ 1");
        rejects("thr=1.01", "thr", "allowed: 0 < thr ≤ 1");
        accepts("thr=1");
        rejects("x0=cue&cue=1&mask=-0.1", "mask", "mask = -0.1 is out of range; allowed: 0 ≤ mask ≤ 1");
        rejects("x0=cue&cue=1&mask=1.5", "mask", "allowed: 0 ≤ mask ≤ 1");
        accepts("x0=cue&cue=1&mask=1");
        rejects("x0=cue&cue=1&flip=-0.5", "flip", "flip = -0.5 is out of range; allowed: 0 ≤ flip ≤ 1");
        rejects("x0=cue&cue=1&flip=2", "flip", "allowed: 0 ≤ flip ≤ 1");
        // camp = 0: the cue window only names the memory to retrieve (the capacity-discrete sweep)
        accepts("in=0:c1&camp=0");
        rejects("in=0:c1&camp=-0.1", "camp", "allowed: 0 ≤ camp ≤ 1000");
        rejects("in=0:c1&camp=1000.1", "camp", "allowed: 0 ≤ camp ≤ 1000");
        accepts("in=0:c1&camp=1000");
        rejects("model=modern&map=softmax&lambda=-1", "lambda", "lambda = -1 is out of range; allowed: 0 ≤ lambda ≤ 1000");
        rejects("model=modern&map=softmax&lambda=1001", "lambda", "allowed: 0 ≤ lambda ≤ 1000");
        accepts("model=modern&map=softmax&lambda=0");
        rejects("model=modern&gamma=-0.01", "gamma", "gamma = -0.01 is out of range; allowed: 0 ≤ gamma ≤ 1");
        rejects("model=modern&gamma=1.01", "gamma", "allowed: 0 ≤ gamma ≤ 1");
        accepts("model=modern&gamma=0");
        rejects("in=0:w1_2_3_4_5_6_7_8_9_1001", "in", "in = 1001 is out of range; allowed: -1000 ≤ in ≤ 1000");
    }

    @Test
    void cuedMemoryMustExist() {
        rejects("x0=cue", "cue", "x0=cue needs cue = the cued memory (allowed: 1 to p = 10); none given");
        rejects("x0=cue&cue=11", "cue", "cue = 11 is out of range; allowed: 1 to p = 10");
        rejects("x0=cue&cue=0", "cue", "allowed: 1 to p = 10");
        accepts("x0=cue&cue=10");
    }

    @Test
    void memorySetRules() {
        rejects("mem=orthogonal&n=100", "n", "orthogonal memories need n to be a power of two", "got n = 100");
        rejects("mem=orthogonal&n=1&p=1&in=0:d1", "n", "power of two");
        rejects("mem=orthogonal&n=8&p=8&in=0:d1", "p", "orthogonal memories need p ≤ n − 1 = 7, got p = 8");
        accepts("mem=orthogonal&n=8&p=7&in=0:d1");
        rejects("mem=glyphs&n=100&p=3&chars=AB&in=0:d1", "chars", "chars = \"AB\" has 2 glyphs but p = 3");
        rejects("mem=glyphs&n=100&p=3&chars=AB%21&in=0:d1", "chars", "no glyph for '!'", "allowed: A-Z and 0-9");
        rejects("mem=glyphs&n=100&p=3&chars=ABa&in=0:d1", "chars", "no glyph for 'a'");
        rejects("mem=glyphs&n=100&p=3&chars=ABA&in=0:d1", "chars", "glyph 'A' appears twice");
        rejects("mem=glyphs&n=150&p=3&chars=ABC&in=0:d1", "n", "n must be 100, 400, 900, …, 14400, got n = 150");
        rejects("mem=glyphs&n=16900&p=3&chars=ABC&in=0:d1", "n");
        accepts("mem=glyphs&n=14400&p=3&chars=ABC&in=0:d1");
        String one = PatternCodec.encode(new double[][] {{1, -1, 1, 1, -1, -1, 1, 1, 1, -1}});
        rejects("mem=custom&n=10&p=1&in=0:d1", "pat", "mem=custom needs pat = the memories as packed pictures",
                "none given");
        rejects("mem=custom&n=10&p=2&in=0:d1&pat=" + one, "pat", "pat holds 1 memory but p = 2: give one packed picture per memory");
        rejects("mem=custom&n=12&p=1&in=0:d1&pat=" + one + "A", "pat", "memory 1 in pat has 3 characters; n = 12 needs 2");
        rejects("mem=custom&n=10&p=1&in=0:d1&pat=A%21", "pat", "memory 1 in pat has the character '!'");
        accepts("mem=custom&n=10&p=1&in=0:d1&pat=" + one);
    }

    @Test
    void scheduleRules() {
        rejects("in=1:d1,5:d2", "in", "the first input window must start at 0, got 1");
        rejects("in=0:d1,5:d2,5:d3", "in", "input window 3 starts at 5, not after the previous one");
        rejects("in=0:d1,5:d2,4:d3", "in", "input window 3 starts at 4, not after the previous one");
        // starts closer than dt round to the same step
        rejects("in=0:d1,5:d2,5.004:d3", "in", "window starts must increase by at least dt");
        rejects("in=0:d1,40:d2", "in", "input window 2 starts at 40, not before the end t = 30");
        rejects("in=0:d1,30:d2", "in", "not before the end t = 30");
        // regression: a start that rounds to the last step would leave the window without a single step
        rejects("t=10&in=0:d1,9.996:d2", "in", "input window 2 starts at 9.996, not before the end t = 10",
                "the window would get no step");
        accepts("t=10&in=0:d1,9.994:d2");
        rejects("in=0:d11", "in", "input window 1 names memory 11; allowed: 1 to p = 10");
        rejects("in=0:d0", "in", "names memory 0; allowed: 1 to p = 10");
        rejects("in=0:c11", "in", "names memory 11");
        rejects("in=0:w1_2", "in", "input window 1 has 2 weights; it needs one per memory (p = 10)");
        rejects("in=0:w1_2_3_4_5_6_7_8_9_10_11", "in", "has 11 weights");
        StringBuilder many = new StringBuilder("in=0:d1");
        for (int k = 1; k <= 64; k++) {
            many.append(',').append(k * 0.1).append(":d1");
        }
        rejects("t=100&" + many, "in", "the input schedule has 65 windows; allowed: 1 to 64");
        SpecException e = assertThrows(SpecException.class,
                () -> ExperimentSpec.builder().schedule(List.<Window>of()).build());
        assertEquals("in", e.key());
        assertTrue(e.getMessage().contains("has 0 windows"));
        accepts("in=0:off");
        accepts("in=0:d1,29.99:c2");
    }

    @Test
    void discreteModelNoiseIsATemperature() {
        // the continuous models' default s = 8 stays refused: above T = 4 sign units are pure noise
        rejects("model=discrete", "noise", "noise = 8 but the discrete model reads noise as the temperature T of "
                + "Glauber updates; allowed: 0 to 4");
        rejects("model=discrete&noise=4.01", "noise", "allowed: 0 to 4");
        accepts("model=discrete&noise=0");
        accepts("model=discrete&noise=0.5");
        accepts("model=discrete&noise=4");
    }

    @Test
    void builderValidatesWithoutTheParser() {
        SpecException e = assertThrows(SpecException.class,
                () -> ExperimentSpec.builder().memories(MemoryKind.ORTHOGONAL).n(96).build());
        assertEquals("n", e.key());
        e = assertThrows(SpecException.class, () -> ExperimentSpec.builder().beta(Double.NaN).build());
        assertEquals("beta", e.key());
        assertTrue(e.getMessage().contains("allowed: 0 < beta ≤ 1000"));
        e = assertThrows(SpecException.class, () -> ExperimentSpec.builder().noise(Double.POSITIVE_INFINITY).build());
        assertEquals("noise", e.key());
    }
}
