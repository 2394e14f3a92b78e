package org.hopfieldlab.sim.spec;

import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.memory.GlyphFont;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;

/** The allowed ranges of every spec value; each violation names the key and its range. */
public final class Limits {
    private Limits() {
    }

    public static final int MAX_N = 16384;
    public static final int MAX_P = 64;
    public static final int MAX_STEPS = 2_000_000;
    public static final int MAX_TRIALS = 10_000;
    public static final int MAX_WINDOWS = 64;
    public static final int MAX_GLYPH_SCALE = 12;

    static void validate(ExperimentSpec.Builder b) {
        intRange("n", b.n, 1, MAX_N);
        intRange("p", b.p, 1, MAX_P);
        if (b.p > b.n) {
            throw new SpecException("p", "p = " + b.p + " is larger than n = " + b.n + "; allowed: 1 ≤ p ≤ n");
        }
        range("beta", b.beta, 0, false, 1000, true);
        range("noise", b.noise, 0, true, 1000, true);
        // up to 10 so that a too-large step is possible and reported (Euler is unstable beyond dt = 2)
        range("dt", b.dt, 0, false, 10, true);
        range("t", b.duration, 0, false, 100000, true);
        long steps = Math.round(b.duration / b.dt);
        if (steps < 1 || steps > MAX_STEPS) {
            throw new SpecException("t", "t / dt = " + steps + " steps; allowed: 1 to " + MAX_STEPS
                    + " steps (raise dt or lower t)");
        }
        intRange("seed", b.seed, 0, Integer.MAX_VALUE);
        intRange("trials", b.trials, 1, MAX_TRIALS);
        range("pulse", b.pulse, 0, true, b.duration, true);
        range("thr", b.threshold, 0, false, 1, true);
        range("mask", b.mask, 0, true, 1, true);
        range("flip", b.flip, 0, true, 1, true);
        range("camp", b.cueAmplitude, 0, false, 1000, true);
        range("lambda", b.lambda, 0, true, 1000, true);
        intRange("deg", b.degree, 2, 10);
        range("gamma", b.gamma, 0, true, 1, true);
        validateMemories(b);
        validateSchedule(b);
        if (b.initialState == InitialState.CUE && (b.cue < 0 || b.cue >= b.p)) {
            throw new SpecException("cue", "x0=cue needs the cued memory: cue = " + (b.cue + 1)
                    + "; allowed: 1 to p = " + b.p);
        }
        if (b.usesDrawnCue()) {
            PatternCodec.decodeCue(b.cuePattern, b.n);
        }
        if (b.model == ModelKind.DISCRETE && b.noise != 0) {
            throw new SpecException("noise", "noise = " + SpecCodec.formatNumber(b.noise)
                    + " but the discrete model has no noise; allowed: 0");
        }
    }

    private static void validateMemories(ExperimentSpec.Builder b) {
        if (b.memories == MemoryKind.ORTHOGONAL) {
            if ((b.n & (b.n - 1)) != 0 || b.n < 2) {
                throw new SpecException("n", "orthogonal memories need n to be a power of two (2, 4, …, "
                        + MAX_N + "), got n = " + b.n);
            }
            if (b.p > b.n - 1) {
                throw new SpecException("p", "orthogonal memories need p ≤ n − 1 = " + (b.n - 1) + ", got p = " + b.p);
            }
        } else if (b.memories == MemoryKind.GLYPHS) {
            if (b.chars.length() != b.p) {
                throw new SpecException("chars", "chars = \"" + b.chars + "\" has " + b.chars.length()
                        + " glyphs but p = " + b.p + "; give one character per memory");
            }
            for (int k = 0; k < b.chars.length(); k++) {
                if (!GlyphFont.has(b.chars.charAt(k))) {
                    throw new SpecException("chars", "no glyph for '" + b.chars.charAt(k)
                            + "' in chars; allowed: A-Z and 0-9");
                }
                for (int j = 0; j < k; j++) {
                    if (b.chars.charAt(j) == b.chars.charAt(k)) {
                        throw new SpecException("chars", "glyph '" + b.chars.charAt(k)
                                + "' appears twice in chars; memories must differ");
                    }
                }
            }
            int side = (int) Math.round(Math.sqrt(b.n));
            if (side * side != b.n || side % GlyphFont.SIZE != 0 || side / GlyphFont.SIZE > MAX_GLYPH_SCALE) {
                throw new SpecException("n", "glyph memories are pictures of 10k × 10k pixels: n must be 100, 400, "
                        + "900, …, " + (GlyphFont.SIZE * MAX_GLYPH_SCALE) * (GlyphFont.SIZE * MAX_GLYPH_SCALE)
                        + ", got n = " + b.n);
            }
        } else if (b.memories == MemoryKind.CUSTOM) {
            PatternCodec.decode(b.patterns, b.n, b.p);
        }
    }

    private static void validateSchedule(ExperimentSpec.Builder b) {
        List<Window> s = b.schedule;
        if (s.isEmpty() || s.size() > MAX_WINDOWS) {
            throw new SpecException("in", "the input schedule has " + s.size() + " windows; allowed: 1 to "
                    + MAX_WINDOWS);
        }
        if (s.get(0).start() != 0) {
            throw new SpecException("in", "the first input window must start at 0, got "
                    + SpecCodec.formatNumber(s.get(0).start()));
        }
        for (int w = 0; w < s.size(); w++) {
            Window win = s.get(w);
            if (w > 0 && !(Math.round(win.start() / b.dt) > Math.round(s.get(w - 1).start() / b.dt))) {
                throw new SpecException("in", "input window " + (w + 1) + " starts at "
                        + SpecCodec.formatNumber(win.start())
                        + ", not after the previous one (window starts must increase by at least dt)");
            }
            if (!(win.start() < b.duration) || Math.round(win.start() / b.dt) >= Math.round(b.duration / b.dt)) {
                // a start that rounds to the last step would give the window no step at all
                throw new SpecException("in", "input window " + (w + 1) + " starts at "
                        + SpecCodec.formatNumber(win.start()) + ", not before the end t = "
                        + SpecCodec.formatNumber(b.duration)
                        + (win.start() < b.duration ? " (within dt/2 of it, so the window would get no step)" : ""));
            }
            if ((win.kind() == Window.Kind.RECIPE || win.kind() == Window.Kind.CUE)
                    && (win.target() < 0 || win.target() >= b.p)) {
                throw new SpecException("in", "input window " + (w + 1) + " names memory " + (win.target() + 1)
                        + "; allowed: 1 to p = " + b.p);
            }
            if (win.kind() == Window.Kind.WEIGHTS) {
                if (win.weights().size() != b.p) {
                    throw new SpecException("in", "input window " + (w + 1) + " has " + win.weights().size()
                            + " weights; it needs one per memory (p = " + b.p + ")");
                }
                for (double a : win.weights()) {
                    range("in", a, -1000, true, 1000, true);
                }
            }
        }
    }

    private static void intRange(String key, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new SpecException(key, key + " = " + v + " is out of range; allowed: " + lo + " to " + hi);
        }
    }

    private static void range(String key, double v, double lo, boolean loIncl, double hi, boolean hiIncl) {
        boolean ok = v == v && (loIncl ? v >= lo : v > lo) && (hiIncl ? v <= hi : v < hi);
        if (!ok) {
            throw new SpecException(key, key + " = " + SpecCodec.formatNumber(v) + " is out of range; allowed: "
                    + SpecCodec.formatNumber(lo) + (loIncl ? " ≤ " : " < ") + key + (hiIncl ? " ≤ " : " < ")
                    + SpecCodec.formatNumber(hi));
        }
    }
}
