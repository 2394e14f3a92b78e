package org.hopfieldlab.sim.input;

import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;

/** Partial and noisy cues: the "cat's tail" from which a memory is recalled. */
public final class Cues {
    private Cues() {
    }

    /**
     * Memory μ with the last {@code round(mask·N)} entries set to 0 (for pictures: the bottom rows are hidden) and
     * {@code round(flip·N)} distinct entries, chosen at random, flipped.
     */
    public static double[] cue(MemorySet memories, int mu, double mask, double flip, SeededRandom rng) {
        int n = memories.n();
        double[] c = memories.memory(mu);
        int hidden = (int) Math.round(mask * n);
        for (int i = n - hidden; i < n; i++) {
            c[i] = 0.0;
        }
        int flips = (int) Math.round(flip * n);
        // partial Fisher–Yates: the first `flips` entries of a random permutation
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int k = 0; k < flips; k++) {
            int j = k + rng.nextInt(n - k);
            int tmp = order[k];
            order[k] = order[j];
            order[j] = tmp;
            c[order[k]] = -c[order[k]];
        }
        return c;
    }
}
