package org.hopfieldlab.sim.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/** The sentence under the network picture: a cue is credited only when cues are what acted on the state. */
class RecallTest {
    private static final String LETTERS = "model=idp&n=100&p=3&mem=glyphs&chars=AXO&noise=0&t=10";
    /** A drawn A missing its bottom rows (as the lab's drawn-cue test makes it). */
    private static final String CUEPAT;

    static {
        double[] a = org.hopfieldlab.sim.memory.MemorySet.glyphs("A", 1).memory(0);
        java.util.Arrays.fill(a, 70, 100, -1.0);
        CUEPAT = org.hopfieldlab.sim.spec.PatternCodec.encode(new double[][] {a});
    }

    static Recall.Claim end(String spec) {
        ExperimentSpec s = SpecCodec.parse(spec);
        Simulation sim = new Simulation(s, 0);
        sim.advance(Integer.MAX_VALUE);
        double[] m = new double[s.p()];
        sim.overlaps(m);
        return Recall.of(s, sim.window(), m);
    }

    @Test
    void aDrawnCueFedAsInputIsCompleted() {
        Recall.Claim c = end(LETTERS + "&in=0:p&x0=drawn&cuepat=" + CUEPAT);
        assertEquals(Recall.Kind.COMPLETES_CUE, c.kind());
        assertEquals(0, c.memory(), "the A");
        assertTrue(c.drawn() && c.source() == Recall.Source.INPUT, c.toString());
    }

    @Test
    void aMemoryDrivenByALaterWindowIsNotTheCuesCompletion() {
        // the drawn A as input until t = 3, then an input that stores only O (ξ3): the network ends in O
        Recall.Claim c = end(LETTERS + "&in=0:p,3:w0_0_3&x0=drawn&cuepat=" + CUEPAT);
        assertEquals(2, c.memory(), "the later window drives O: " + c);
        assertEquals(Recall.Kind.RECALLS, c.kind(), "O came from the input window, not from the cue");
    }

    @Test
    void aStartStateCueWithNoInputIsCompletedAndNamesTheCuedMemory() {
        // classic model, no input: the state starts from a damaged X (memory 2) and settles
        Recall.Claim c = end("model=classic&n=100&p=3&mem=glyphs&chars=AXO&noise=0&t=10&in=0:off&x0=cue&cue=2"
                + "&mask=0.2&flip=0");
        assertEquals(Recall.Kind.COMPLETES_CUE, c.kind(), c.toString());
        assertEquals(Recall.Source.START_STATE, c.source());
        assertEquals(1, c.cued(), "the cue was made from ξ2");
    }

    @Test
    void withoutAnyCueItIsARecallOrNothing() {
        Recall.Claim c = end(LETTERS + "&in=0:w0_3_0");
        assertEquals(Recall.Kind.RECALLS, c.kind(), c.toString());
        assertEquals(1, c.memory());
        // nothing above the threshold: NONE, still naming the best memory and its overlap
        ExperimentSpec s = SpecCodec.parse(LETTERS + "&in=0:w0_3_0");
        Recall.Claim none = Recall.of(s, 0, new double[] {0.3, 0.5, 0.2});
        assertEquals(Recall.Kind.NONE, none.kind());
        assertEquals(1, none.memory());
        assertEquals(0.9, none.threshold(), 0);
    }

    @Test
    void aCueWindowAfterAMixtureWindowIsCompletedWhileItIsInForce() {
        ExperimentSpec s = SpecCodec.parse(LETTERS + "&in=0:d1,5:c3&mask=0.3&flip=0.1");
        Recall.Claim c = Recall.of(s, 1, new double[] {0.1, 0.1, 0.95});
        assertEquals(Recall.Kind.COMPLETES_CUE, c.kind());
        assertEquals(2, c.cued());
        Recall.Claim before = Recall.of(s, 0, new double[] {0.95, 0.1, 0.1});
        assertEquals(Recall.Kind.RECALLS, before.kind());
    }
}
