package org.hopfieldlab.sim.spec;

/**
 * Size limits of an experiment. The ranges and rules that use them are declared in the key table
 * ({@link SpecSchema}); validation is derived from there.
 */
public final class Limits {
    private Limits() {
    }

    public static final int MAX_N = 16384;
    /**
     * The memories take n·p numbers (8 bytes each, per trial in flight): n·p ≤ 2^22 keeps them at 32 MiB and one
     * step's work at about 8·10⁶ multiply-adds, while capacity sweeps reach P/N = 0.25 at N = 4096.
     */
    public static final int MAX_NP = 1 << 22;
    /** The discrete model's noise is a Glauber temperature; retrieval ends at T = 1 as P/N → 0 (AGS). */
    public static final double MAX_DISCRETE_TEMPERATURE = 4;
    public static final int MAX_STEPS = 2_000_000;
    public static final int MAX_TRIALS = 10_000;
    public static final int MAX_WINDOWS = 64;
    public static final int MAX_GLYPH_SCALE = 12;
    /**
     * Continuous models need dt below this: Euler multiplies the leak −x by 1 − dt per step, which must lie in
     * (−1, 1) for the state to relax (the drift's other terms are bounded).
     */
    public static final double MAX_STABLE_DT = 2;

    /** The largest p allowed with n neurons: p ≤ n and n·p ≤ {@link #MAX_NP}. */
    public static int maxP(int n) {
        return n < 1 ? 0 : Math.min(n, MAX_NP / n);
    }
}
