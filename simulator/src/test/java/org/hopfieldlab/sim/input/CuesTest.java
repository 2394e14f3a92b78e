package org.hopfieldlab.sim.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.junit.jupiter.api.Test;

class CuesTest {

    @Test
    void maskHidesExactlyTheLastRoundedFractionOfEntries() {
        MemorySet m = MemorySet.random(101, 3, new SeededRandom(1));
        for (double mask : new double[] {0, 0.004, 0.005, 0.1, 0.25, 0.333, 0.5, 0.99, 1}) {
            double[] c = Cues.cue(m, 2, mask, 0, new SeededRandom(2));
            int hidden = (int) Math.round(mask * 101);
            for (int i = 0; i < 101; i++) {
                if (i >= 101 - hidden) {
                    assertEquals(0.0, c[i], 0.0, "mask " + mask + " entry " + i);
                } else {
                    assertEquals(m.get(2, i), c[i], 0.0, "mask " + mask + " entry " + i);
                }
            }
        }
    }

    @Test
    void flipFlipsExactlyTheRoundedNumberOfDistinctEntries() {
        MemorySet m = MemorySet.random(200, 2, new SeededRandom(3));
        for (double flip : new double[] {0, 0.0024, 0.0025, 0.1, 0.5, 0.77, 1}) {
            for (int seed = 0; seed < 5; seed++) {
                double[] c = Cues.cue(m, 1, 0, flip, new SeededRandom(seed, 2, 0));
                int flipped = 0;
                for (int i = 0; i < 200; i++) {
                    assertEquals(Math.abs(m.get(1, i)), Math.abs(c[i]), 0.0);
                    flipped += c[i] != m.get(1, i) ? 1 : 0;
                }
                assertEquals(Math.round(flip * 200), flipped, "flip " + flip + " seed " + seed);
            }
        }
        // the flipped set depends on the generator, and the same generator state gives the same cue
        double[] a = Cues.cue(m, 0, 0, 0.3, new SeededRandom(7));
        double[] b = Cues.cue(m, 0, 0, 0.3, new SeededRandom(7));
        double[] c = Cues.cue(m, 0, 0, 0.3, new SeededRandom(8));
        assertArrayEquals(a, b, 0.0);
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void flippedPositionsAreSpreadUniformly() {
        // each entry is flipped with probability flip: over 2000 cues with N = 20, flip = 0.25 each position is
        // flipped 500 ± 5·√(2000·0.25·0.75) ≈ 500 ± 97 times
        MemorySet m = MemorySet.orthogonal(32, 1);
        int[] count = new int[32];
        SeededRandom r = new SeededRandom(11);
        for (int k = 0; k < 2000; k++) {
            double[] c = Cues.cue(m, 0, 0, 0.25, r);
            for (int i = 0; i < 32; i++) {
                count[i] += c[i] != m.get(0, i) ? 1 : 0;
            }
        }
        for (int i = 0; i < 32; i++) {
            assertEquals(500, count[i], 5 * Math.sqrt(2000 * 0.25 * 0.75), "position " + i);
        }
    }

    @Test
    void maskAndFlipTogether() {
        MemorySet m = MemorySet.random(100, 1, new SeededRandom(5));
        double[] c = Cues.cue(m, 0, 0.3, 0.1, new SeededRandom(6));
        int changedVisible = 0;
        for (int i = 0; i < 100; i++) {
            if (i >= 70) {
                assertEquals(0.0, c[i], 0.0);
            } else {
                changedVisible += c[i] != m.get(0, i) ? 1 : 0;
            }
        }
        // 10 flips over all 100 entries; those landing in the hidden 30 leave a 0
        assertTrue(changedVisible <= 10);
    }
}
