package org.hopfieldlab.sim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.PatternCodec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

/** A drawn cue picture (key cuepat): as the start state (x0=drawn) and as an input window ("p"). */
class DrawnCueTest {
    private static final String GLYPHS = "model=idp&n=100&p=3&mem=glyphs&chars=AXO&noise=0&t=5";

    /** The letter A with its bottom 30 rows... of a 10×10 glyph: the top 7 rows kept, the rest background. */
    private static double[] partialA() {
        double[] a = MemorySet.glyphs("A", 1).memory(0);
        for (int i = 70; i < 100; i++) {
            a[i] = -1.0;
        }
        return a;
    }

    @Test
    void drawnStartStateIsTheCueAndRoundTrips() {
        double[] cue = partialA();
        String pat = PatternCodec.encode(new double[][] {cue});
        ExperimentSpec spec = SpecCodec.parse(GLYPHS + "&in=0:off&x0=drawn&cuepat=" + pat);
        assertEquals(spec, SpecCodec.parse(SpecCodec.format(spec)));
        assertTrue(SpecCodec.format(spec).contains("cuepat=" + pat));
        Simulation sim = new Simulation(spec, 0);
        assertArrayEquals(cue, sim.state(), 0.0);
    }

    @Test
    void drawnInputWindowIsTheCueTimesItsAmplitude() {
        double[] cue = partialA();
        String pat = PatternCodec.encode(new double[][] {cue});
        ExperimentSpec spec = SpecCodec.parse(GLYPHS + "&in=0:off,1:p&camp=2.5&cuepat=" + pat);
        assertEquals("0:off,1:p", SpecCodec.formatSchedule(spec.schedule()));
        Simulation sim = new Simulation(spec, 0);
        double[] u = sim.inputs().u(1);
        for (int i = 0; i < cue.length; i++) {
            assertEquals(2.5 * cue[i], u[i], 0.0);
        }
        assertEquals(-1, sim.inputs().target(1));
        // IDP recalls the whole A from its top part (an independent check: the overlap read-out)
        sim.advance(Integer.MAX_VALUE);
        double[] m = new double[3];
        sim.overlaps(m);
        assertEquals(0, TrialRunner.argmax(m), "recalled memory");
        assertTrue(m[0] > 0.9, "overlap with A: " + m[0]);
    }

    @Test
    void badOrMissingCuePatternIsRejectedNamingTheKey() {
        SpecException missing = assertThrows(SpecException.class, () -> SpecCodec.parse(GLYPHS + "&in=0:p"));
        assertEquals("cuepat", missing.key());
        assertTrue(missing.getMessage().contains("cuepat"), missing.getMessage());
        SpecException shortPat = assertThrows(SpecException.class,
                () -> SpecCodec.parse(GLYPHS + "&in=0:off&x0=drawn&cuepat=AAAA"));
        assertEquals("cuepat", shortPat.key());
        assertTrue(shortPat.getMessage().contains("needs 17"), shortPat.getMessage());
        SpecException irrelevant = assertThrows(SpecException.class,
                () -> SpecCodec.parse(GLYPHS + "&in=0:off&cuepat=AAAA"));
        assertEquals("cuepat", irrelevant.key());
    }
}
