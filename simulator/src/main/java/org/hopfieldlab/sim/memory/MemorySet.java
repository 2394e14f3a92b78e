package org.hopfieldlab.sim.memory;

import org.hopfieldlab.sim.math.SeededRandom;

/**
 * P stored memories ξ^μ ∈ {−1,+1}^N, kept flat and row-major (memory μ occupies [μN, μN+N)) so that the
 * simulation's O(N·P) loops stream through contiguous doubles.
 */
public final class MemorySet {
    private final int n;
    private final int p;
    private final double[] patterns;
    /** picture width for display (N = width × height), or 0 when the memories are not pictures. */
    private final int width;

    private MemorySet(int n, int p, double[] patterns, int width) {
        this.n = n;
        this.p = p;
        this.patterns = patterns;
        this.width = width;
    }

    public int n() {
        return n;
    }

    public int p() {
        return p;
    }

    /** Picture width (0 if the set has no natural 2-D layout; callers then use the nearest square). */
    public int width() {
        return width;
    }

    /** ξ^μ_i. */
    public double get(int mu, int i) {
        return patterns[mu * n + i];
    }

    /** The backing array (row-major P×N). Read-only by convention: the hot loop reads it without copying. */
    public double[] raw() {
        return patterns;
    }

    /** A copy of memory μ. */
    public double[] memory(int mu) {
        double[] out = new double[n];
        System.arraycopy(patterns, mu * n, out, 0, n);
        return out;
    }

    /** i.i.d. random ±1 memories. */
    public static MemorySet random(int n, int p, SeededRandom rng) {
        double[] pat = new double[n * p];
        for (int k = 0; k < pat.length; k++) {
            pat[k] = rng.nextSign();
        }
        return new MemorySet(n, p, pat, 0);
    }

    /**
     * Orthogonal memories: columns 2..P+1 of the Sylvester–Hadamard matrix of size N (column 1 is all ones and is
     * skipped). Entry (i, j) of that matrix is (−1)^popcount(i AND j).
     */
    public static MemorySet orthogonal(int n, int p) {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("orthogonal memories need N to be a power of two, got N = " + n);
        }
        if (p > n - 1) {
            throw new IllegalArgumentException("orthogonal memories need P ≤ N − 1, got P = " + p + ", N = " + n);
        }
        double[] pat = new double[n * p];
        for (int mu = 0; mu < p; mu++) {
            int column = mu + 1;
            for (int i = 0; i < n; i++) {
                pat[mu * n + i] = (Integer.bitCount(i & column) & 1) == 0 ? 1.0 : -1.0;
            }
        }
        return new MemorySet(n, p, pat, 0);
    }

    /** Glyph memories (letters and digits) drawn on a 10×10 grid, each pixel scaled to a scale×scale block. */
    public static MemorySet glyphs(String chars, int scale) {
        int side = GlyphFont.SIZE * scale;
        int n = side * side;
        double[] pat = new double[n * chars.length()];
        for (int mu = 0; mu < chars.length(); mu++) {
            double[] g = GlyphFont.glyph(chars.charAt(mu), scale);
            System.arraycopy(g, 0, pat, mu * n, n);
        }
        return new MemorySet(n, chars.length(), pat, side);
    }

    /** A custom set (drawn or uploaded pictures): every entry must be exactly +1 or −1. */
    public static MemorySet custom(double[][] memories, int width) {
        if (memories.length == 0) {
            throw new IllegalArgumentException("a custom memory set needs at least one memory");
        }
        int n = memories[0].length;
        double[] pat = new double[n * memories.length];
        for (int mu = 0; mu < memories.length; mu++) {
            if (memories[mu].length != n) {
                throw new IllegalArgumentException("memory " + (mu + 1) + " has " + memories[mu].length
                        + " entries, expected " + n);
            }
            for (int i = 0; i < n; i++) {
                double v = memories[mu][i];
                if (v != 1.0 && v != -1.0) {
                    throw new IllegalArgumentException("memory " + (mu + 1) + " entry " + i + " is " + v
                            + "; memories must be ±1");
                }
                pat[mu * n + i] = v;
            }
        }
        return new MemorySet(n, memories.length, pat, width);
    }
}
