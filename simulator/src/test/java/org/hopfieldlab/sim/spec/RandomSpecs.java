package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.memory.GlyphFont;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;

/**
 * Valid experiment specs by construction, for property tests: every value anywhere in its allowed range, numbers in
 * several styles (integers, short decimals, full 17-digit doubles, log-uniform magnitudes down to 1e-300, the exact
 * bounds). Shared with the webapp and server tests through simulator's test-jar: {@link #any(Random)}.
 */
public final class RandomSpecs {
    private RandomSpecs() {
    }

    /** A number in [lo, hi] (lo &gt; −∞, hi &lt; ∞), in a random style; {@code openLow} excludes lo. */
    public static double number(Random r, double lo, double hi, boolean openLow) {
        while (true) {
            double v;
            switch (r.nextInt(7)) {
                case 0:
                    v = Math.floor(lo + (hi - lo) * r.nextDouble());
                    break;
                case 1:
                    v = Math.round((lo + (hi - lo) * r.nextDouble()) * 100) / 100.0;
                    break;
                case 2:
                    v = lo + (hi - lo) * r.nextDouble();
                    break;
                case 3: {
                    // log-uniform magnitude with a full mantissa: many digits, tiny values
                    double top = Math.max(Math.abs(lo), Math.abs(hi));
                    double mag = Math.pow(10, -300 + (Math.log10(top) + 300) * r.nextDouble());
                    v = (lo < 0 && r.nextBoolean() ? -mag : mag) * (1 + r.nextDouble());
                    break;
                }
                case 4:
                    v = r.nextBoolean() ? lo : hi;
                    break;
                case 5:
                    v = r.nextBoolean() ? Double.MIN_VALUE * (1 + r.nextInt(1000)) : Double.MIN_NORMAL * (1 + r.nextDouble());
                    break;
                default:
                    v = Math.nextDown(hi);
            }
            if (v >= lo && v <= hi && !(openLow && v == lo)) {
                return v;
            }
        }
    }

    /** A valid spec with every choice (model, memories, map, update, start, 1–6 windows) drawn at random. */
    public static ExperimentSpec any(Random r) {
        return any(r, Limits.MAX_N);
    }

    /** As {@link #any(Random)} with n ≤ maxN (short texts for fast fuzzing; glyph sets keep their smallest size). */
    public static ExperimentSpec any(Random r, int maxN) {
        return spec(pick(r, ModelKind.values()), pick(r, MemoryKind.values()), pick(r, GainMap.values()),
                pick(r, Update.values()), pick(r, InitialState.values()), 1 + r.nextInt(6), r, maxN);
    }

    private static <E> E pick(Random r, E[] values) {
        return values[r.nextInt(values.length)];
    }

    /** p for n neurons: mostly up to 64, sometimes anywhere up to the limit (large p makes long weight lists). */
    private static int randomP(Random r, int n, int cap) {
        int hi = Math.min(cap, r.nextInt(8) == 0 ? Limits.maxP(n) : 64);
        return 1 + r.nextInt(Math.max(1, hi));
    }

    public static ExperimentSpec spec(ModelKind model, MemoryKind mem, GainMap map, Update update, InitialState x0,
            int windows, Random r) {
        return spec(model, mem, map, update, x0, windows, r, Limits.MAX_N);
    }

    public static ExperimentSpec spec(ModelKind model, MemoryKind mem, GainMap map, Update update, InitialState x0,
            int windows, Random r, int maxN) {
        ExperimentSpec.Builder b = ExperimentSpec.builder().model(model).memories(mem).gainMap(map).update(update)
                .initialState(x0);
        int n;
        int p;
        switch (mem) {
            case ORTHOGONAL:
                n = 1 << (1 + r.nextInt(Math.max(1, 31 - Integer.numberOfLeadingZeros(Math.max(2, maxN)))));
                p = randomP(r, n, n - 1);
                break;
            case GLYPHS: {
                int scale = 1 + r.nextInt(Math.max(1, Math.min(Limits.MAX_GLYPH_SCALE, (int) Math.sqrt(maxN) / 10)));
                n = 100 * scale * scale;
                String alphabet = GlyphFont.LETTERS + GlyphFont.DIGITS;
                p = 1 + r.nextInt(alphabet.length());
                List<Character> pool = new ArrayList<>();
                for (char c : alphabet.toCharArray()) {
                    pool.add(c);
                }
                java.util.Collections.shuffle(pool, r);
                StringBuilder chars = new StringBuilder();
                for (int k = 0; k < p; k++) {
                    chars.append(pool.get(k));
                }
                b.chars(chars.toString());
                break;
            }
            case CUSTOM: {
                n = 1 + r.nextInt(Math.min(maxN, r.nextBoolean() ? 20 : 500));
                p = 1 + r.nextInt(Math.min(n, 10));
                double[][] pats = new double[p][n];
                for (double[] pat : pats) {
                    for (int i = 0; i < n; i++) {
                        pat[i] = r.nextBoolean() ? 1 : -1;
                    }
                }
                b.patterns(PatternCodec.encode(pats));
                break;
            }
            default:
                n = r.nextBoolean() ? 1 + r.nextInt(Math.min(maxN, 300)) : 1 + r.nextInt(maxN);
                p = randomP(r, n, n);
        }
        b.n(n).p(p);
        b.beta(number(r, 0, 1000, true));
        b.noise(model == ModelKind.DISCRETE ? 0 : number(r, 0, 1000, false));
        // continuous models need dt < 2 (rule stable-step); the discrete model takes any dt up to 10
        double dt = number(r, 0, model == ModelKind.DISCRETE ? 10 : Math.nextDown(Limits.MAX_STABLE_DT), true);
        // steps in [1, min(2e6, 1e5/dt)], log-uniform, and t = (steps ± 0.45) dt in a random style
        long maxSteps = Math.max(1, Math.min(Limits.MAX_STEPS, (long) Math.floor(100000 / dt)));
        long steps = Math.max(1, Math.min(maxSteps, (long) Math.exp(Math.log(maxSteps) * r.nextDouble())));
        double t = r.nextBoolean() ? steps * dt : (steps + 0.9 * (r.nextDouble() - 0.5)) * dt;
        if (!(t > 0 && t <= 100000 && Math.round(t / dt) >= 1 && Math.round(t / dt) <= Limits.MAX_STEPS)) {
            t = steps * dt;
        }
        steps = Math.round(t / dt);
        b.dt(dt).duration(t);
        // windows at distinct steps 0 = s_0 < s_1 < … < steps
        int w = (int) Math.min(windows, steps);
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        while (starts.size() < w) {
            long s = 1 + (long) ((steps - 1) * r.nextDouble());
            if (s < steps && !starts.contains(s)) {
                starts.add(s);
            }
        }
        java.util.Collections.sort(starts);
        List<Window> schedule = new ArrayList<>();
        boolean cueWindow = false;
        for (int k = 0; k < starts.size(); k++) {
            double start = k == 0 ? 0 : (r.nextBoolean() ? starts.get(k) * dt
                    : (starts.get(k) + 0.8 * (r.nextDouble() - 0.5)) * dt);
            if (k > 0 && (Math.round(start / dt) != starts.get(k) || !(start < t))) {
                start = starts.get(k) * dt;
            }
            switch (r.nextInt(5)) {
                case 0:
                    schedule.add(Window.recipe(start, r.nextInt(p)));
                    break;
                case 3:
                    schedule.add(Window.drawn(start));
                    break;
                case 1:
                    schedule.add(Window.cue(start, r.nextInt(p)));
                    cueWindow = true;
                    break;
                case 2: {
                    double[] a = new double[p];
                    for (int mu = 0; mu < p; mu++) {
                        a[mu] = number(r, -1000, 1000, false);
                    }
                    schedule.add(Window.weights(start, a));
                    break;
                }
                default:
                    schedule.add(Window.off(start));
            }
        }
        b.schedule(schedule);
        b.pulse(number(r, 0, t, false));
        if (x0 == InitialState.CUE) {
            b.cue(r.nextInt(p));
        }
        b.mask(number(r, 0, 1, false)).flip(number(r, 0, 1, false)).cueAmplitude(number(r, 0, 1000, true));
        // a drawn cue picture for x0=drawn and "p" windows (ignored, and normalised away, otherwise)
        double[] drawn = new double[n];
        for (int i = 0; i < n; i++) {
            drawn[i] = r.nextBoolean() ? 1.0 : -1.0;
        }
        b.cuePattern(PatternCodec.encode(new double[][] {drawn}));
        b.lambda(number(r, 0, 1000, false)).degree(2 + r.nextInt(9)).gamma(number(r, 0, 1, false));
        b.threshold(number(r, 0, 1, true));
        b.seed(r.nextInt(4) == 0 ? Integer.MAX_VALUE - r.nextInt(3) : r.nextInt(Integer.MAX_VALUE));
        b.trials(1 + r.nextInt(Limits.MAX_TRIALS));
        if (cueWindow && r.nextBoolean()) {
            b.cueAmplitude(1000);
        }
        return b.build();
    }
}
