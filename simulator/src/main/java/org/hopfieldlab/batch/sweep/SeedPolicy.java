package org.hopfieldlab.batch.sweep;

import org.hopfieldlab.sim.spec.SpecException;

/** How the cells of a sweep choose their seeds; either way a cell's numbers depend only on the definition. */
public enum SeedPolicy {
    /** Every cell uses the base seed: common random numbers, so neighbouring cells differ only by the swept value. */
    SAME("same"),
    /** Cell k uses base seed + k: independent cells. */
    PER_CELL("per-cell");

    public final String key;

    SeedPolicy(String key) {
        this.key = key;
    }

    public static SeedPolicy parse(String text) {
        for (SeedPolicy p : values()) {
            if (p.key.equals(text)) {
                return p;
            }
        }
        throw new SpecException("seeds", "seed policy '" + text + "'; allowed: same, per-cell");
    }
}
