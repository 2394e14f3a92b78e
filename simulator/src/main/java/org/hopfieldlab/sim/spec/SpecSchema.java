package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.memory.GlyphFont;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;
import org.hopfieldlab.sim.spec.ExperimentSpec.Builder;

/**
 * The one declarative key table of Hopfield Lab. Every key of a link — the experiment spec's keys in canonical order,
 * then the lab's view keys — with its text form, default, edit defaults, range, label, help, group and when it
 * applies; then the rules between keys with their messages. {@link ExperimentSpec.Builder}'s defaults, the
 * validation and normalisation of {@link ExperimentSpec.Builder#build()}, {@link SpecCodec}'s parse and format,
 * {@link SpecEdit}'s transitions, {@link LabLink}'s view keys, the CLI's {@code schema} command and key help, the
 * lab's controls and the README's key table are all derived from it.
 *
 * <p>Two defaults per key: {@code default} is what a link that leaves the key out means (frozen for spec version
 * 1, so old partial links keep their meaning); the edit default is what an edit (lab control, CLI override,
 * {@code ?preset=…&key=…}) gives a key when it starts to apply or when its context (the model) changes.
 */
public final class SpecSchema {
    private SpecSchema() {
    }

    private static final List<SpecKey> SPEC = new ArrayList<>();
    private static final List<SpecKey> VIEW = new ArrayList<>();
    private static final List<SpecRule> RULES = new ArrayList<>();
    private static final List<SpecKey.Choice> SECTIONS = new ArrayList<>();

    // ---- small typed binders (own interfaces: TeaVM-safe) ----

    private interface IntGet {
        int of(Builder b);
    }

    private interface IntSet {
        void set(Builder b, int v);
    }

    private interface NumGet {
        double of(Builder b);
    }

    private interface NumSet {
        void set(Builder b, double v);
    }

    private interface EnumGet<E> {
        E of(Builder b);
    }

    private interface EnumSet<E> {
        void set(Builder b, E v);
    }

    private static SpecKey intKey(String name, IntGet get, IntSet set) {
        SpecKey k = new SpecKey(name, SpecKey.Type.INT, false);
        SPEC.add(k);
        return k.bind(b -> Integer.toString(get.of(b)), (b, t) -> set.set(b, wholeNumber(k, t)), get::of)
                .step(1);
    }

    /**
     * A whole-number key's value: {@link Numbers#parseInt}, except that a whole number beyond the int range is out of
     * the key's range ("seed = 99999999999 is out of range; allowed: 0 to 2147483647"), not "not a whole number".
     */
    private static int wholeNumber(SpecKey k, String t) {
        try {
            return Numbers.parseInt(k.name(), t);
        } catch (SpecException e) {
            boolean whole = t != null && !t.isEmpty() && !t.equals("-");
            for (int i = 0; whole && i < t.length(); i++) {
                char c = t.charAt(i);
                whole = (c >= '0' && c <= '9') || (i == 0 && c == '-');
            }
            if (!whole) {
                throw e;
            }
            throw new SpecException(k.name(), k.name() + " = " + Numbers.shorten(t) + " is out of range; allowed: "
                    + k.rangeDoc());
        }
    }

    private static SpecKey numberKey(String name, NumGet get, NumSet set) {
        SpecKey k = new SpecKey(name, SpecKey.Type.NUMBER, false);
        SPEC.add(k);
        return k.bind(b -> Numbers.format(get.of(b)), (b, t) -> set.set(b, Numbers.parse(name, t)), get::of);
    }

    private static <E extends Enum<E>> SpecKey choiceKey(String name, E[] values, EnumGet<E> get, EnumSet<E> set) {
        SpecKey k = new SpecKey(name, SpecKey.Type.CHOICE, false);
        SPEC.add(k);
        return k.bind(b -> keyOf(get.of(b)), (b, t) -> set.set(b, choice(name, t, values)));
    }

    private static SpecKey textKey(String name, SpecKey.Type type, SpecKey.Getter get, SpecKey.Setter set) {
        SpecKey k = new SpecKey(name, type, false);
        SPEC.add(k);
        return k.bind(get, set);
    }

    private static SpecKey viewKey(String name, SpecKey.Type type) {
        SpecKey k = new SpecKey(name, type, true).group(KeyGroup.VIEW);
        VIEW.add(k);
        return k;
    }

    private static SpecRule rule(String name, String text, SpecRule.Check check, String... keys) {
        SpecRule r = new SpecRule(name, text, check, keys);
        RULES.add(r);
        return r;
    }

    static String keyOf(Enum<?> e) {
        if (e instanceof ModelKind) {
            return ((ModelKind) e).key;
        } else if (e instanceof MemoryKind) {
            return ((MemoryKind) e).key;
        } else if (e instanceof InitialState) {
            return ((InitialState) e).key;
        } else if (e instanceof GainMap) {
            return ((GainMap) e).key;
        }
        return ((Update) e).key;
    }

    static <E extends Enum<E>> E choice(String key, String value, E[] options) {
        StringBuilder allowed = new StringBuilder();
        for (E e : options) {
            String k = keyOf(e);
            if (k.equals(value)) {
                return e;
            }
            allowed.append(allowed.length() > 0 ? ", " : "").append(k);
        }
        throw new SpecException(key, key + " = '" + value + "' is not one of: " + allowed);
    }

    /** Every glyph the font has, in the order edits pick them (HOPFIELD first, then the rest). */
    static final String GLYPHS = glyphOrder();

    private static String glyphOrder() {
        StringBuilder sb = new StringBuilder();
        String pool = "HOPFIELD" + GlyphFont.LETTERS + GlyphFont.DIGITS;
        for (int k = 0; k < pool.length(); k++) {
            if (sb.indexOf(String.valueOf(pool.charAt(k))) < 0) {
                sb.append(pool.charAt(k));
            }
        }
        return sb.toString();
    }

    private static final Condition MODERN = Condition.model(ModelKind.MODERN);
    private static final Condition DISCRETE = Condition.model(ModelKind.DISCRETE);
    private static final Condition CONTINUOUS = new Condition("model=classic, idp or modern",
            b -> b.model != ModelKind.DISCRETE, "model");

    // =================================================================== the spec keys, in canonical order
    static {
        SpecKey v = new SpecKey("v", SpecKey.Type.INT, false);
        SPEC.add(v);
        v.bind(b -> Integer.toString(ExperimentSpec.VERSION), (b, t) -> {
            int version = wholeNumber(v, t);
            if (version != ExperimentSpec.VERSION) {
                throw new SpecException("v", "this link was made by spec version " + version
                        + "; this lab reads version " + ExperimentSpec.VERSION);
            }
        }).def("1").label("Spec version").group(KeyGroup.FORMAT)
                .help("version of the link format; a change of numbers is a new version, old links keep replaying")
                .range(ExperimentSpec.VERSION, false, ExperimentSpec.VERSION, false);

        choiceKey("model", ModelKind.values(), b -> b.model, (b, m) -> b.model = m)
                .label("Model").group(KeyGroup.MODEL).def("idp")
                .help("the network: classic (input added to the state), idp (input shapes the synapses), modern "
                        + "(gains from input and state), discrete (textbook sign units)")
                .choice("classic", "Classic").choice("idp", "IDP").choice("modern", "Modern")
                .choice("discrete", "Discrete");

        intKey("n", b -> b.n, (b, x) -> b.n = x).label("Neurons N").group(KeyGroup.MEMORIES).def("1024")
                .help("number of neurons").range(1, false, Limits.MAX_N, false);

        intKey("p", b -> b.p, (b, x) -> b.p = x).label("Memories P").group(KeyGroup.MEMORIES).def("10")
                .help("number of stored memories").range(1, false, Double.NaN, false).atMost("n", b -> b.n);

        choiceKey("mem", MemoryKind.values(), b -> b.memories, (b, m) -> b.memories = m)
                .label("Memory set").group(KeyGroup.MEMORIES).def("random")
                .help("random ±1 memories, orthogonal (Hadamard rows, n a power of two), glyphs (letters and "
                        + "digits, key chars) or custom (drawn or uploaded, key pat)")
                .choice("random", "Random").choice("orthogonal", "Orthogonal").choice("glyphs", "Letters")
                .choice("custom", "Drawn");

        textKey("chars", SpecKey.Type.TEXT, b -> b.chars, (b, t) -> b.chars = t)
                .label("Letters / digits").group(KeyGroup.MEMORIES).when(Condition.memories(MemoryKind.GLYPHS))
                .required("", "one letter or digit per memory, e.g. chars=HOPF")
                .help("one glyph (A-Z, 0-9) per memory, drawn on a picture of n = (10k)² pixels");

        textKey("pat", SpecKey.Type.PICTURE, b -> b.patterns, (b, t) -> b.patterns = t)
                .label("Drawn memories").group(KeyGroup.MEMORIES).when(Condition.memories(MemoryKind.CUSTOM))
                .required("", "the memories as packed pictures, one per memory separated by '.' (draw or upload "
                        + "them in the lab)")
                .help("custom memories: n signs each, packed 6 per URL-safe base64 character, separated by '.'");

        numberKey("beta", b -> b.beta, (b, x) -> b.beta = x).label("Gain β").group(KeyGroup.DYNAMICS).def("10")
                .help("gain of the activation σ(x) = tanh(β x)").range(0, true, 1000, false).logScale()
                .typical(0.1, 1000).step(0.1);

        numberKey("noise", b -> b.noise, (b, x) -> b.noise = x).label("Noise s").group(KeyGroup.DYNAMICS).def("8")
                .help("noise amplitude: each step adds s·√dt·N(0, 1) to every neuron; for the discrete model the "
                        + "temperature T of Glauber updates (s_i = +1 with probability 1 / (1 + e^(−2h_i/T)))")
                .range(0, false, 1000, false).typical(0, 20).step(0.5)
                .editDefault(DISCRETE, "0").editDefault(MODERN, "0.3");

        numberKey("dt", b -> b.dt, (b, x) -> b.dt = x).label("Step dt").group(KeyGroup.DYNAMICS).def("0.01")
                .unit("time").help("integration step (continuous models: dt < 2, where Euler's leak factor 1 − dt "
                        + "stays inside (−1, 1)); the discrete model does one update sweep per step")
                .range(0, true, 10, false).step(0.001).editDefault(DISCRETE, "1");

        numberKey("t", b -> b.duration, (b, x) -> b.duration = x).label("Duration T").group(KeyGroup.DYNAMICS)
                .def("30").unit("time").help("simulated time; t / dt steps, at most " + Limits.MAX_STEPS)
                .range(0, true, 100000, false).step(1);

        intKey("seed", b -> b.seed, (b, x) -> b.seed = x).label("Seed").group(KeyGroup.RUN).def("1")
                .help("seeds memories, inputs and noise: the same seed gives the same run everywhere")
                .range(0, false, Integer.MAX_VALUE, false);

        intKey("trials", b -> b.trials, (b, x) -> b.trials = x).label("Trials").group(KeyGroup.RUN).def("1")
                .help("independent runs; trial k draws from its own streams of (seed, k)")
                .range(1, false, Limits.MAX_TRIALS, false);

        textKey("in", SpecKey.Type.SCHEDULE, b -> SpecCodec.formatSchedule(b.schedule),
                (b, t) -> b.schedule = SpecCodec.parseSchedule(t))
                .label("Input windows").group(KeyGroup.INPUT).def("0:d1,10:d2,20:d3")
                .help("windows start:what, comma-separated: dK (the paper's random mixture, memory K dominant), "
                        + "cK (cue of memory K), wA_B_… (weights a_μ), p (the drawn cue), off; at most "
                        + Limits.MAX_WINDOWS);

        numberKey("pulse", b -> b.pulse, (b, x) -> b.pulse = x).label("Pulse").group(KeyGroup.INPUT).def("0")
                .unit("time").help("pulsed delivery: the input is on only for the first pulse time units of each "
                        + "window (0 = constant)")
                .range(0, false, Double.NaN, false).atMost("t", b -> b.duration).step(0.5);

        choiceKey("x0", InitialState.values(), b -> b.initialState, (b, s) -> b.initialState = s)
                .label("Start state").group(KeyGroup.START).def("gauss")
                .help("x(0): gauss = N(0, I) as in the paper, zero, cue (a damaged memory, key cue) or drawn "
                        + "(the drawn cue picture, key cuepat)")
                .choice("gauss", "Random").choice("zero", "Zero").choice("cue", "Cue of a memory")
                .choice("drawn", "Drawn cue");

        intKey("cue", b -> b.cue + 1, (b, x) -> b.cue = x - 1).label("Cue memory").group(KeyGroup.START)
                .when(Condition.start(InitialState.CUE)).required("0", "the cued memory")
                .editDefault("1").help("the memory the start state is a damaged copy of (1-based)")
                .range(1, false, Double.NaN, false).atMost("p", b -> b.p);

        numberKey("mask", b -> b.mask, (b, x) -> b.mask = x).label("Hidden fraction").group(KeyGroup.START)
                .when(Condition.USES_CUE).def("0").editDefault("0.3")
                .help("fraction of a cue hidden (set to 0): its last entries, the bottom rows of a picture")
                .range(0, false, 1, false).step(0.05);

        numberKey("flip", b -> b.flip, (b, x) -> b.flip = x).label("Flipped fraction").group(KeyGroup.START)
                .when(Condition.USES_CUE).def("0").editDefault("0.1")
                .help("fraction of a cue's entries flipped, chosen at random").range(0, false, 1, false).step(0.05);

        numberKey("camp", b -> b.cueAmplitude, (b, x) -> b.cueAmplitude = x).label("Cue amplitude")
                .group(KeyGroup.START).when(Condition.HAS_CUE_INPUT).def("1")
                .help("amplitude of the input in cue windows (cK) and drawn-cue windows (p); 0 gives no input, the "
                        + "window then only names the memory to retrieve (e.g. from a cue start state, x0=cue)")
                .range(0, false, 1000, false).step(0.1).typical(0, 10);

        textKey("cuepat", SpecKey.Type.PICTURE, b -> b.cuePattern, (b, t) -> b.cuePattern = t)
                .label("Drawn cue").group(KeyGroup.START).when(Condition.USES_DRAWN_CUE)
                .required("", "the drawn cue picture, packed (draw it in the lab)")
                .help("a drawn cue picture: n signs packed 6 per URL-safe base64 character (as pat)");

        choiceKey("map", GainMap.values(), b -> b.gainMap, (b, m) -> b.gainMap = m).label("Gain map")
                .group(KeyGroup.MODERN).when(MODERN).def("linear").editDefault("softmax")
                .help("how overlaps become gains: linear (γ = 1 is IDP), softmax (key lambda), poly (key deg)")
                .choice("linear", "linear").choice("softmax", "softmax").choice("poly", "polynomial");

        numberKey("lambda", b -> b.lambda, (b, x) -> b.lambda = x).label("Softmax λ").group(KeyGroup.MODERN)
                .when(MODERN.and(Condition.gainMap(GainMap.SOFTMAX))).def("1").editDefault("10")
                .help("inverse temperature of the softmax gains").range(0, false, 1000, false).step(0.5)
                .typical(0, 50);

        intKey("deg", b -> b.degree, (b, x) -> b.degree = x).label("Degree").group(KeyGroup.MODERN)
                .when(MODERN.and(Condition.gainMap(GainMap.POLY))).def("3")
                .help("degree of the polynomial gains").range(2, false, 10, false);

        numberKey("gamma", b -> b.gamma, (b, x) -> b.gamma = x).label("Drive mix γ").group(KeyGroup.MODERN)
                .when(MODERN).def("1").editDefault("0.5")
                .help("d = γ u + (1 − γ) σ(x): 1 = driven by the input, 0 = retrieval from the state alone")
                .range(0, false, 1, false).step(0.05).typical(0, 1);

        choiceKey("update", Update.values(), b -> b.update, (b, u) -> b.update = u).label("Updates")
                .group(KeyGroup.DISCRETE).when(DISCRETE).def("async")
                .help("async: one neuron at a time in random order; sync: all neurons at once")
                .choice("async", "asynchronous").choice("sync", "synchronous");

        numberKey("thr", b -> b.threshold, (b, x) -> b.threshold = x).label("Retrieval threshold")
                .group(KeyGroup.READOUT).def("0.9")
                .help("a window counts as retrieved when its target has the largest overlap and it exceeds thr")
                .range(0, true, 1, false).step(0.01);
    }

    // =================================================================== rules between keys (checked in order)
    private static final Condition ORTHOGONAL = Condition.memories(MemoryKind.ORTHOGONAL);
    private static final Condition GLYPH_SET = Condition.memories(MemoryKind.GLYPHS);

    static {
        rule("steps", "1 ≤ t / dt ≤ " + Limits.MAX_STEPS + " steps", b -> {
            long steps = Math.round(b.duration / b.dt);
            if (steps < 1 || steps > Limits.MAX_STEPS) {
                throw new SpecException("t", "t / dt = " + steps + " steps; allowed: 1 to " + Limits.MAX_STEPS
                        + " steps (raise dt or lower t)");
            }
        }, "t", "dt").upper("t", b -> Limits.MAX_STEPS * b.dt).lower("dt", b -> b.duration / Limits.MAX_STEPS);

        // Euler on dx/dt = −x + (bounded): x ← (1 − dt) x + …; for dt ≥ 2 the factor's size is ≥ 1, so the state
        // oscillates and grows instead of relaxing, and short runs return plausible but meaningless overlaps
        rule("stable-step", "continuous models need dt < 2 (the Euler leak factor 1 − dt must lie in (−1, 1))",
                b -> {
                    if (!(b.dt < Limits.MAX_STABLE_DT) && !b.allowUnstableStep) {
                        throw new SpecException("dt", "dt = " + Numbers.format(b.dt) + " is an unstable step for "
                                + "model=" + b.model.key + ": each Euler step multiplies the leak by 1 − dt = "
                                + Numbers.format(Math.round((1 - b.dt) * 1e9) / 1e9) + ", so x oscillates and grows instead of relaxing; "
                                + "allowed: dt < 2 (dt ≤ 0.1 follows the dynamics closely)");
                    }
                }, "dt").when(CONTINUOUS).upperOpen("dt", b -> Limits.MAX_STABLE_DT);

        rule("memory-size", "n·p ≤ " + Limits.MAX_NP + " (the memories take n·p numbers)", b -> {
            if ((long) b.n * b.p > Limits.MAX_NP) {
                throw new SpecException("p", "n·p = " + b.n + "·" + b.p + " = " + ((long) b.n * b.p)
                        + " memory entries; allowed: n·p ≤ " + Limits.MAX_NP + " (at n = " + b.n + ": p ≤ "
                        + Limits.maxP(b.n) + ")");
            }
        }, "p", "n").upper("p", b -> Limits.maxP(b.n)).upper("n", b -> Limits.MAX_NP / Math.max(1, b.p));

        rule("orthogonal-n", "orthogonal memories need n to be a power of two", b -> {
            if ((b.n & (b.n - 1)) != 0 || b.n < 2) {
                throw new SpecException("n", "orthogonal memories need n to be a power of two (2, 4, …, "
                        + Limits.MAX_N + "), got n = " + b.n);
            }
        }, "n").when(ORTHOGONAL);

        rule("orthogonal-p", "orthogonal memories need p ≤ n − 1", b -> {
            if (b.p > b.n - 1) {
                throw new SpecException("p", "orthogonal memories need p ≤ n − 1 = " + (b.n - 1) + ", got p = "
                        + b.p);
            }
        }, "p").when(ORTHOGONAL).upper("p", b -> b.n - 1);

        rule("glyph-chars", "one distinct glyph (A-Z, 0-9) per memory: chars has p characters",
                SpecSchema::checkGlyphChars, "chars", "p").when(GLYPH_SET).upper("p", b -> GLYPHS.length());

        rule("glyph-n", "glyph pictures have 10k × 10k pixels: n = (10k)² for k = 1 … " + Limits.MAX_GLYPH_SCALE,
                b -> {
                    if (!isGlyphSize(b.n)) {
                        int max = GlyphFont.SIZE * Limits.MAX_GLYPH_SCALE;
                        throw new SpecException("n", "glyph memories are pictures of 10k × 10k pixels: n must be "
                                + "100, 400, 900, …, " + max * max + ", got n = " + b.n);
                    }
                }, "n").when(GLYPH_SET);

        rule("custom-pat", "pat holds p pictures of n signs",
                b -> PatternCodec.checkMemories(b.patterns, b.n, b.p), "pat")
                .when(Condition.memories(MemoryKind.CUSTOM));

        rule("schedule", "1 to " + Limits.MAX_WINDOWS + " windows, the first at 0, starts increasing by at least "
                + "dt and before t, memory numbers 1 to p, one weight per memory in [-1000, 1000]",
                SpecSchema::checkSchedule, "in");

        rule("drawn-cue", "cuepat is one picture of n signs", b -> PatternCodec.checkCue(b.cuePattern, b.n),
                "cuepat").when(Condition.USES_DRAWN_CUE);

        // sign units have no SDE noise; their noise is the temperature T of Glauber updates. Above T = 1 + √α
        // nothing is retrieved (AGS), so T ≤ 4 leaves room and keeps the continuous models' default s = 8 refused
        rule("discrete-noise", "the discrete model's noise is a temperature: 0 ≤ noise ≤ "
                + Numbers.format(Limits.MAX_DISCRETE_TEMPERATURE), b -> {
            if (b.noise > Limits.MAX_DISCRETE_TEMPERATURE) {
                throw new SpecException("noise", "noise = " + Numbers.format(b.noise)
                        + " but the discrete model reads noise as the temperature T of Glauber updates; allowed: 0 to "
                        + Numbers.format(Limits.MAX_DISCRETE_TEMPERATURE));
            }
        }, "noise").when(DISCRETE).upper("noise", b -> Limits.MAX_DISCRETE_TEMPERATURE);
    }

    static boolean isGlyphSize(int n) {
        int side = (int) Math.round(Math.sqrt(n));
        return side * side == n && side % GlyphFont.SIZE == 0 && side / GlyphFont.SIZE >= 1
                && side / GlyphFont.SIZE <= Limits.MAX_GLYPH_SCALE;
    }

    private static void checkGlyphChars(Builder b) {
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
        if (b.chars.length() != b.p) {
            throw new SpecException("chars", "chars = \"" + b.chars + "\" has " + b.chars.length()
                    + " glyphs but p = " + b.p + "; give one character per memory");
        }
    }

    private static void checkSchedule(Builder b) {
        List<Window> s = b.schedule;
        if (s.isEmpty() || s.size() > Limits.MAX_WINDOWS) {
            throw new SpecException("in", "the input schedule has " + s.size() + " windows; allowed: 1 to "
                    + Limits.MAX_WINDOWS);
        }
        if (s.get(0).start() != 0) {
            throw new SpecException("in", "the first input window must start at 0, got "
                    + Numbers.format(s.get(0).start()));
        }
        for (int w = 0; w < s.size(); w++) {
            Window win = s.get(w);
            if (w > 0 && !(Math.round(win.start() / b.dt) > Math.round(s.get(w - 1).start() / b.dt))) {
                throw new SpecException("in", "input window " + (w + 1) + " starts at " + Numbers.format(win.start())
                        + ", not after the previous one (window starts must increase by at least dt)");
            }
            if (!(win.start() < b.duration) || Math.round(win.start() / b.dt) >= Math.round(b.duration / b.dt)) {
                // a start that rounds to the last step would give the window no step at all
                throw new SpecException("in", "input window " + (w + 1) + " starts at " + Numbers.format(win.start())
                        + ", not before the end t = " + Numbers.format(b.duration)
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
                    if (!(a >= -1000 && a <= 1000)) {
                        throw new SpecException("in", "in = " + Numbers.format(a)
                                + " is out of range; allowed: -1000 ≤ in ≤ 1000 (input window " + (w + 1) + ")");
                    }
                }
            }
        }
    }

    // =================================================================== view keys (lab links only)
    static {
        // what hide= and lock= may name besides the spec keys: the lab's sections and page controls
        String[][] sections = {{"presets", "the preset picker"}, {"memories", "the memories panel"},
            {"input", "the input panel"}, {"dynamics", "the dynamics panel"}, {"start", "the start-state panel"},
            {"spec", "the raw spec box"}, {"compare", "compare mode"}, {"export", "the export buttons"},
            {"theory", "the theory tab"}, {"landscape", "the energy landscape tab"},
            {"synapses", "the synapse tab"}, {"switch", "the switch-input-now buttons"},
            {"speed", "the speed slider"}};
        for (String[] s : sections) {
            SECTIONS.add(new SpecKey.Choice(s[0], s[1]));
        }

        viewKey("preset", SpecKey.Type.CHOICE).label("Preset").def("")
                .help("start from a named preset; the link's spec keys then change it as edits do")
                .choicesFrom(SpecSchema::presetChoices);
        SpecKey hide = viewKey("hide", SpecKey.Type.LIST).label("Hidden controls").def("")
                .help("controls to hide, comma-separated: spec keys or lab sections");
        SpecKey lock = viewKey("lock", SpecKey.Type.LIST).label("Locked controls").def("")
                .help("controls shown but disabled, comma-separated: spec keys or lab sections");
        for (SpecKey k : SPEC) {
            if (!k.name.equals("v")) {
                hide.choice(k.name, k.label);
                lock.choice(k.name, k.label);
            }
        }
        for (SpecKey.Choice c : SECTIONS) {
            hide.choices.add(c);
            lock.choices.add(c);
        }
        viewKey("view", SpecKey.Type.CHOICE).label("Open view").def("")
                .help("the tab or side-by-side view the lab opens on (default: the time-series chart)")
                .choice("theory", "Theory").choice("landscape", "Energy landscape").choice("synapses", "Synapses")
                .choice("compare", "Compare side by side");
        viewKey("speed", SpecKey.Type.INT).label("Speed").def("3")
                .help(ViewState.speedHelp()).range(0, false, ViewState.maxSpeed(), false)
                .step(1);
        viewKey("engine", SpecKey.Type.CHOICE).label("Engine").def("auto")
                .help("the lab's simulation engine: auto (WebAssembly when available), js or wasm")
                .choice("auto", "automatic").choice("js", "JavaScript").choice("wasm", "WebAssembly");
    }

    private static List<SpecKey.Choice> presetChoices() {
        List<SpecKey.Choice> out = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            out.add(new SpecKey.Choice(p.name(), p.title()));
        }
        return out;
    }

    // =================================================================== queries

    /** The experiment spec's keys in canonical order. */
    public static List<SpecKey> specKeys() {
        return Collections.unmodifiableList(SPEC);
    }

    /** The lab's view keys: preset, hide, lock, view, speed, engine. */
    public static List<SpecKey> viewKeys() {
        return Collections.unmodifiableList(VIEW);
    }

    /** Spec keys then view keys. */
    public static List<SpecKey> all() {
        List<SpecKey> out = new ArrayList<>(SPEC);
        out.addAll(VIEW);
        return out;
    }

    public static List<SpecRule> rules() {
        return Collections.unmodifiableList(RULES);
    }

    /** What hide= and lock= may name besides spec keys. */
    public static List<SpecKey.Choice> sections() {
        return Collections.unmodifiableList(SECTIONS);
    }

    /** The spec or view key of that name, or null. */
    public static SpecKey find(String name) {
        for (SpecKey k : SPEC) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        for (SpecKey k : VIEW) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** The spec or view key of that name; a {@link SpecException} listing the known keys otherwise. */
    public static SpecKey key(String name) {
        SpecKey k = find(name);
        if (k == null) {
            throw unknown(name);
        }
        return k;
    }

    /** The spec key of that name; view keys and unknown names are refused with a message saying which. */
    static SpecKey specKey(String name) {
        SpecKey k = find(name);
        if (k == null) {
            throw unknown(name);
        }
        if (k.view) {
            throw new SpecException(name, "key '" + name + "' is a view key of lab links (it sets what the lab "
                    + "shows), not part of the experiment spec");
        }
        return k;
    }

    private static SpecException unknown(String name) {
        StringBuilder known = new StringBuilder();
        for (SpecKey k : SPEC) {
            known.append(known.length() > 0 ? ", " : "").append(k.name);
        }
        return new SpecException(name, "unknown key '" + name + "'; known keys: " + known);
    }

    // =================================================================== derived behaviour

    /** Sets every spec key to its link default (the builder's starting point). */
    static void applyDefaults(Builder b) {
        for (SpecKey k : SPEC) {
            k.set(b, k.defaultText);
        }
    }

    /** Every range (of the keys that apply, in table order), then every rule. */
    static void validate(Builder b) {
        for (SpecKey k : SPEC) {
            if (k.applies(b)) {
                k.checkGiven(b);
                k.checkRange(b);
            }
        }
        for (SpecRule r : RULES) {
            r.check(b);
        }
    }

    /** Resets every key that does not apply to its link default, so equal experiments have equal values. */
    static void normalise(Builder b) {
        List<SpecKey> off = new ArrayList<>();
        for (SpecKey k : SPEC) {
            if (!k.applies(b)) {
                off.add(k);
            }
        }
        for (SpecKey k : off) {
            k.set(b, k.defaultText);
        }
    }

    /** The current upper bound of a numeric key: its own range, the bounding key and every rule (NaN: none). */
    static double upper(SpecKey k, Builder b) {
        double h = k.upper(b);
        for (SpecRule r : RULES) {
            for (SpecRule.KeyBound kb : r.bounds) {
                if (kb.upper() && kb.key().equals(k.name) && r.active(b)) {
                    double v = kb.bound().of(b);
                    if (v == v) {
                        h = h != h ? v : Math.min(h, v);
                    }
                }
            }
        }
        return h;
    }

    /** Whether the current upper bound ({@link #upper}) is itself excluded (dt &lt; 2, not ≤). */
    static boolean upperOpen(SpecKey k, Builder b) {
        double h = upper(k, b);
        if (h != h) {
            return false;
        }
        if (k.hiOpen && h == k.hi) {
            return true;
        }
        for (SpecRule r : RULES) {
            for (SpecRule.KeyBound kb : r.bounds) {
                if (kb.upper() && kb.open() && kb.key().equals(k.name) && r.active(b) && kb.bound().of(b) == h) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The current lower bound of a numeric key (NaN: none); open when it is the key's own open bound. */
    static double lower(SpecKey k, Builder b) {
        double l = k.lo;
        for (SpecRule r : RULES) {
            for (SpecRule.KeyBound kb : r.bounds) {
                if (!kb.upper() && kb.key().equals(k.name) && r.active(b)) {
                    double v = kb.bound().of(b);
                    if (v == v) {
                        l = l != l ? v : Math.max(l, v);
                    }
                }
            }
        }
        return l;
    }

    /** The rules about a key that apply to these values, as one line ("" when none). */
    static String activeRules(SpecKey k, Builder b) {
        StringBuilder sb = new StringBuilder();
        for (SpecRule r : RULES) {
            if (r.keys().contains(k.name) && r.active(b)) {
                sb.append(sb.length() > 0 ? "; " : "").append(r.text());
            }
        }
        return sb.toString();
    }
}
