package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.ExperimentSpec.Builder;

/**
 * Edits of a spec through the core: the lab's controls, CLI overrides ({@code spec sequence model=modern}) and
 * {@code ?preset=NAME&key=value} links all change a spec here, so the same edit gives the same spec everywhere.
 *
 * <p>{@link #change} applies the given keys, then what the key table ({@link SpecSchema}) declares for an edit:
 * keys whose edit default depends on a changed key move with it (switching to the discrete model sets noise 0 and
 * dt 1, leaving it restores 8 and 0.01; switching to modern sets noise 0.3), keys that start to apply get their edit
 * defaults (map=softmax, lambda=10, gamma=0.5, cue 1, mask 0.3, flip 0.1…), keys that stop applying are dropped,
 * and the values that depend on p and n are fitted: window memory numbers wrap into 1…p, weight lists are cut or
 * padded with 1, glyph characters follow p, a cued memory wraps into 1…p, a drawn cue picture is resized with n, and
 * a switch of memory set moves n to the nearest size the set allows. Keys given explicitly always win; a key given
 * that does not apply after the edit is an error, never silently dropped.
 */
public final class SpecEdit {
    private SpecEdit() {
    }

    /** Changes given as a query string ("model=modern&noise=2"); an empty value sets the key's edit default. */
    public static ExperimentSpec change(ExperimentSpec spec, String changes) {
        return change(spec, SpecCodec.pairs(changes));
    }

    /** Changes given as key → value (insertion order kept); a null or empty value sets the key's edit default. */
    public static ExperimentSpec change(ExperimentSpec spec, Map<String, String> changes) {
        List<String[]> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : changes.entrySet()) {
            pairs.add(new String[] {e.getKey(), e.getValue()});
        }
        return change(spec, pairs);
    }

    static ExperimentSpec change(ExperimentSpec spec, List<String[]> changes) {
        Builder before = spec.values();
        Builder b = spec.toBuilder();
        List<String> given = new ArrayList<>();
        List<SpecKey> reset = new ArrayList<>();
        for (String[] kv : changes) {
            SpecKey k = SpecSchema.specKey(kv[0]);
            if (given.contains(k.name())) {
                throw new SpecException(k.name(), "key '" + k.name() + "' is given twice");
            }
            given.add(k.name());
            if (kv[1] == null || kv[1].isEmpty()) {
                reset.add(k);
            } else {
                k.set(b, kv[1]);
            }
        }
        // keys whose edit default depends on the context (the model) move with it
        for (SpecKey k : SpecSchema.specKeys()) {
            if (!given.contains(k.name()) && k.hasContextDefaults()) {
                String now = k.editDefault(b);
                if (!k.editDefault(before).equals(now)) {
                    k.set(b, now);
                }
            }
        }
        fitMemorySet(before, b, given);
        if (b.memories == MemoryKind.GLYPHS && !given.contains("chars") && b.p != before.p) {
            b.chars = fitChars(b.chars, b.p);
        }
        if (b.memories == MemoryKind.GLYPHS && given.contains("chars") && !given.contains("p")) {
            b.p = Math.max(1, b.chars.length());
        }
        if (!given.contains("in") && b.p != before.p && b.p >= 1) {
            b.schedule = fitSchedule(b.schedule, b.p);
        }
        if (!given.contains("cue") && b.initialState == InitialState.CUE && b.cue >= b.p && b.p >= 1) {
            b.cue = b.cue % b.p;
        }
        fitDrawnCue(before, b, given);
        // keys that start to apply get their edit defaults (table order: map before lambda and deg)
        for (SpecKey k : SpecSchema.specKeys()) {
            if (!given.contains(k.name()) && k.editDefault() != null && !k.applies(before) && k.applies(b)) {
                k.set(b, k.editDefault(b));
            }
        }
        for (SpecKey k : reset) {
            String d = k.editDefault(b);
            k.set(b, d != null ? d : k.defaultText);
        }
        ExperimentSpec out = b.build();
        for (String key : given) {
            SpecCodec.requireApplies(out, key);
        }
        return out;
    }

    /** A switch of memory set moves n (and p) to the nearest sizes the new set allows, and picks glyphs. */
    private static void fitMemorySet(Builder before, Builder b, List<String> given) {
        if (b.memories == before.memories) {
            return;
        }
        if (b.memories == MemoryKind.GLYPHS) {
            if (!given.contains("n") && !SpecSchema.isGlyphSize(b.n)) {
                int k = (int) Math.round(Math.sqrt(b.n) / 10);
                k = Math.max(1, Math.min(Limits.MAX_GLYPH_SCALE, k));
                b.n = 100 * k * k;
            }
            if (!given.contains("chars")) {
                if (!given.contains("p")) {
                    // a handful of letters reads well; the word HOPFIELD gives up to 8
                    b.p = Math.max(2, Math.min(8, b.p));
                }
                b.chars = fitChars("", b.p);
            }
        } else if (b.memories == MemoryKind.ORTHOGONAL) {
            if (!given.contains("n") && ((b.n & (b.n - 1)) != 0 || b.n < 2)) {
                b.n = nearestPowerOfTwo(b.n);
            }
            if (!given.contains("p") && b.p > b.n - 1) {
                b.p = b.n - 1;
            }
        }
    }

    /** The power of two nearest to n on a log scale, within 2 … MAX_N (integer arithmetic: TeaVM-exact). */
    static int nearestPowerOfTwo(int n) {
        long lo = 2;
        while (lo * 2 <= n && lo * 2 <= Limits.MAX_N) {
            lo *= 2;
        }
        boolean up = lo * 2 <= Limits.MAX_N && (long) n * n > 2 * lo * lo;
        return (int) (up ? lo * 2 : lo);
    }

    /** The drawn cue follows a change of n when both are square pictures (otherwise it must be drawn again). */
    private static void fitDrawnCue(Builder before, Builder b, List<String> given) {
        if (given.contains("cuepat") || b.n == before.n || b.cuePattern.isEmpty()) {
            return;
        }
        String resized = PatternCodec.resample(b.cuePattern, before.n, b.n);
        if (resized != null) {
            b.cuePattern = resized;
        } else if (b.usesDrawnCue()) {
            throw new SpecException("cuepat", "the drawn cue is a picture of n = " + before.n + " pixels; at n = "
                    + b.n + " it cannot be resized (both must be square numbers): draw it again");
        }
    }

    /** p glyph characters: the current ones first, then HOPFIELD, then the rest of the font. */
    public static String fitChars(String chars, int p) {
        String pool = (chars == null ? "" : chars) + SpecSchema.GLYPHS;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < pool.length() && out.length() < p; k++) {
            char c = pool.charAt(k);
            if (org.hopfieldlab.sim.memory.GlyphFont.has(c) && out.indexOf(String.valueOf(c)) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Windows valid for p memories: memory numbers above p wrap, weight lists are cut or padded with 1. */
    public static List<Window> fitSchedule(List<Window> schedule, int p) {
        List<Window> out = new ArrayList<>();
        for (Window w : schedule) {
            switch (w.kind()) {
                case RECIPE:
                    out.add(w.target() >= p ? Window.recipe(w.start(), w.target() % p) : w);
                    break;
                case CUE:
                    out.add(w.target() >= p ? Window.cue(w.start(), w.target() % p) : w);
                    break;
                case WEIGHTS: {
                    double[] a = new double[p];
                    for (int mu = 0; mu < p; mu++) {
                        a[mu] = mu < w.weights().size() ? w.weights().get(mu) : 1.0;
                    }
                    out.add(Window.weights(w.start(), a));
                    break;
                }
                default:
                    out.add(w);
            }
        }
        return out;
    }

    /** Whether a key applies to a spec. */
    public static boolean applies(ExperimentSpec spec, String key) {
        return SpecSchema.specKey(key).applies(spec);
    }

    /**
     * The same run with the other model, for compare mode: classic ↔ IDP (modern compares with classic too); every
     * other value stays as it is. Null when there is none (the discrete model) or the other model cannot run it.
     */
    public static ExperimentSpec compareSpec(ExperimentSpec spec) {
        if (spec.model() == ModelKind.DISCRETE) {
            return null;
        }
        try {
            return spec.toBuilder().model(spec.model() == ModelKind.CLASSIC ? ModelKind.IDP : ModelKind.CLASSIC)
                    .build();
        } catch (SpecException e) {
            return null;
        }
    }
}
