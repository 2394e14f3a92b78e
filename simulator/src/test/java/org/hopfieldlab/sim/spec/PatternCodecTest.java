package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PatternCodecTest {

    @Property(tries = 200)
    void decodeOfEncodeIsTheIdentity(@ForAll @IntRange(min = 1, max = 700) int n,
            @ForAll @IntRange(min = 1, max = 8) int p, @ForAll Random random) {
        double[][] pats = new double[p][n];
        for (double[] pat : pats) {
            for (int i = 0; i < n; i++) {
                pat[i] = random.nextBoolean() ? 1.0 : -1.0;
            }
        }
        String text = PatternCodec.encode(pats);
        assertTrue(text.matches("[A-Za-z0-9_\\-.]*"), "URL-safe: " + text);
        assertEquals(p * ((n + 5) / 6) + (p - 1), text.length());
        double[][] back = PatternCodec.decode(text, n, p);
        for (int mu = 0; mu < p; mu++) {
            assertArrayEquals(pats[mu], back[mu], 0.0);
        }
    }

    @Test
    void bitLayoutIsSixSignsPerCharacterMostSignificantFirst() {
        // +1 → bit set; first entry is the high bit: +1 −1 −1 −1 −1 −1 = 100000b = 32 → 'g'
        assertEquals("g", PatternCodec.encode(new double[][] {{1, -1, -1, -1, -1, -1}}));
        assertEquals("_", PatternCodec.encode(new double[][] {{1, 1, 1, 1, 1, 1}}));
        assertEquals("A", PatternCodec.encode(new double[][] {{-1, -1, -1, -1, -1, -1}}));
        // a partial last character pads with 0 bits: +1 +1 → 110000b = 48 → 'w'
        assertEquals("w.A", PatternCodec.encode(new double[][] {{1, 1}, {-1, -1}}));
        // a 32×32 picture takes 171 characters (class javadoc)
        assertEquals(171, PatternCodec.encode(new double[][] {new double[1024]}).length());
    }
}
