package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;

/**
 * The canonical text form of an {@link ExperimentSpec}: a URL query string with short stable keys, used unchanged
 * by share links, the CLI, saved sessions and sweep cells. Example:
 * {@code v=1&model=idp&n=1024&p=10&mem=random&beta=10&noise=8&dt=0.01&t=30&seed=1&trials=1&in=0:d1,10:d2,20:d3&pulse=0&x0=gauss&thr=0.9}
 *
 * <p>Parsing is strict: unknown, repeated or inapplicable keys, malformed numbers and out-of-range values are
 * rejected with a {@link SpecException} naming the key. Keys left out take their defaults.
 */
public final class SpecCodec {
    private SpecCodec() {
    }

    /** Every key, in canonical order. */
    public static final String[] KEYS = {"v", "model", "n", "p", "mem", "chars", "pat", "beta", "noise", "dt", "t",
        "seed", "trials", "in", "pulse", "x0", "cue", "mask", "flip", "camp", "cuepat", "map", "lambda", "deg", "gamma",
        "update", "thr"};

    public static String format(ExperimentSpec s) {
        StringBuilder q = new StringBuilder();
        put(q, "v", Integer.toString(ExperimentSpec.VERSION));
        put(q, "model", s.model().key);
        put(q, "n", Integer.toString(s.n()));
        put(q, "p", Integer.toString(s.p()));
        put(q, "mem", s.memories().key);
        if (s.memories() == MemoryKind.GLYPHS) {
            put(q, "chars", s.chars());
        }
        if (s.memories() == MemoryKind.CUSTOM) {
            put(q, "pat", s.patterns());
        }
        put(q, "beta", formatNumber(s.beta()));
        put(q, "noise", formatNumber(s.noise()));
        put(q, "dt", formatNumber(s.dt()));
        put(q, "t", formatNumber(s.duration()));
        put(q, "seed", Integer.toString(s.seed()));
        put(q, "trials", Integer.toString(s.trials()));
        put(q, "in", formatSchedule(s.schedule()));
        put(q, "pulse", formatNumber(s.pulse()));
        put(q, "x0", s.initialState().key);
        if (s.initialState() == InitialState.CUE) {
            put(q, "cue", Integer.toString(s.cue() + 1));
        }
        if (relevant(s, "mask")) {
            put(q, "mask", formatNumber(s.mask()));
            put(q, "flip", formatNumber(s.flip()));
        }
        if (relevant(s, "camp")) {
            put(q, "camp", formatNumber(s.cueAmplitude()));
        }
        if (relevant(s, "cuepat")) {
            put(q, "cuepat", s.cuePattern());
        }
        if (s.model() == ModelKind.MODERN) {
            put(q, "map", s.gainMap().key);
            if (s.gainMap() == GainMap.SOFTMAX) {
                put(q, "lambda", formatNumber(s.lambda()));
            }
            if (s.gainMap() == GainMap.POLY) {
                put(q, "deg", Integer.toString(s.degree()));
            }
            put(q, "gamma", formatNumber(s.gamma()));
        }
        if (s.model() == ModelKind.DISCRETE) {
            put(q, "update", s.update().key);
        }
        put(q, "thr", formatNumber(s.threshold()));
        return q.toString();
    }

    private static void put(StringBuilder q, String key, String value) {
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(key).append('=').append(value);
    }

    /** Parses a whole query string (a leading '?' is allowed). */
    public static ExperimentSpec parse(String query) {
        return parseOnto(ExperimentSpec.builder(), query);
    }

    /** Parses a query string on top of a starting point (a preset); keys given replace the preset's values. */
    public static ExperimentSpec parseOnto(ExperimentSpec.Builder b, String query) {
        String text = query.startsWith("?") ? query.substring(1) : query;
        List<String> seen = new ArrayList<>();
        if (!text.isEmpty()) {
            int from = 0;
            for (int k = 0; k <= text.length(); k++) {
                if (k == text.length() || text.charAt(k) == '&') {
                    String pair = text.substring(from, k);
                    from = k + 1;
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        throw new SpecException(pair, "'" + pair + "' has no value; write key=value");
                    }
                    String key = percentDecode(pair.substring(0, eq));
                    String value = percentDecode(pair.substring(eq + 1));
                    if (seen.contains(key)) {
                        throw new SpecException(key, "key '" + key + "' is given twice");
                    }
                    seen.add(key);
                    apply(b, key, value);
                }
            }
        }
        ExperimentSpec spec = b.build();
        for (String key : seen) {
            if (!relevant(spec, key)) {
                throw new SpecException(key, "key '" + key + "' does not apply here (" + whyIrrelevant(key) + ")");
            }
        }
        return spec;
    }

    /** Sets one key on a builder (also used by CLI overrides); throws naming the key on a bad value. */
    public static void apply(ExperimentSpec.Builder b, String key, String value) {
        switch (key) {
            case "v":
                int v = parseInt(key, value);
                if (v != ExperimentSpec.VERSION) {
                    throw new SpecException(key, "this link was made by spec version " + v
                            + "; this lab reads version " + ExperimentSpec.VERSION);
                }
                break;
            case "model": b.model(choice(key, value, ModelKind.values())); break;
            case "n": b.n(parseInt(key, value)); break;
            case "p": b.p(parseInt(key, value)); break;
            case "mem": b.memories(choice(key, value, MemoryKind.values())); break;
            case "chars": b.chars(value); break;
            case "pat": b.patterns(value); break;
            case "beta": b.beta(parseNumber(key, value)); break;
            case "noise": b.noise(parseNumber(key, value)); break;
            case "dt": b.dt(parseNumber(key, value)); break;
            case "t": b.duration(parseNumber(key, value)); break;
            case "seed": b.seed(parseInt(key, value)); break;
            case "trials": b.trials(parseInt(key, value)); break;
            case "in": b.schedule(parseSchedule(value)); break;
            case "pulse": b.pulse(parseNumber(key, value)); break;
            case "x0": b.initialState(choice(key, value, InitialState.values())); break;
            case "cue": b.cue(parseInt(key, value) - 1); break;
            case "mask": b.mask(parseNumber(key, value)); break;
            case "flip": b.flip(parseNumber(key, value)); break;
            case "camp": b.cueAmplitude(parseNumber(key, value)); break;
            case "cuepat": b.cuePattern(value); break;
            case "map": b.gainMap(choice(key, value, GainMap.values())); break;
            case "lambda": b.lambda(parseNumber(key, value)); break;
            case "deg": b.degree(parseInt(key, value)); break;
            case "gamma": b.gamma(parseNumber(key, value)); break;
            case "update": b.update(choice(key, value, Update.values())); break;
            case "thr": b.threshold(parseNumber(key, value)); break;
            default:
                throw new SpecException(key, "unknown key '" + key + "'; known keys: " + String.join(", ", KEYS));
        }
    }

    private static boolean relevant(ExperimentSpec s, String key) {
        switch (key) {
            case "chars": return s.memories() == MemoryKind.GLYPHS;
            case "pat": return s.memories() == MemoryKind.CUSTOM;
            case "cue": return s.initialState() == InitialState.CUE;
            case "mask":
            case "flip": return s.initialState() == InitialState.CUE || hasWindow(s, Window.Kind.CUE);
            case "camp": return hasWindow(s, Window.Kind.CUE) || hasWindow(s, Window.Kind.DRAWN);
            case "cuepat": return s.initialState() == InitialState.DRAWN || hasWindow(s, Window.Kind.DRAWN);
            case "map":
            case "gamma": return s.model() == ModelKind.MODERN;
            case "lambda": return s.model() == ModelKind.MODERN && s.gainMap() == GainMap.SOFTMAX;
            case "deg": return s.model() == ModelKind.MODERN && s.gainMap() == GainMap.POLY;
            case "update": return s.model() == ModelKind.DISCRETE;
            default: return true;
        }
    }

    private static String whyIrrelevant(String key) {
        switch (key) {
            case "chars": return "only with mem=glyphs";
            case "pat": return "only with mem=custom";
            case "cue": return "only with x0=cue";
            case "mask":
            case "flip": return "only with x0=cue or a cue window cK in 'in'";
            case "camp": return "only with a cue window cK or p in 'in'";
            case "cuepat": return "only with x0=drawn or a drawn-cue window p in 'in'";
            case "map":
            case "gamma": return "only with model=modern";
            case "lambda": return "only with model=modern and map=softmax";
            case "deg": return "only with model=modern and map=poly";
            case "update": return "only with model=discrete";
            default: return "";
        }
    }

    private static boolean hasWindow(ExperimentSpec s, Window.Kind kind) {
        for (Window w : s.schedule()) {
            if (w.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    public static String formatSchedule(List<Window> schedule) {
        StringBuilder sb = new StringBuilder();
        for (Window w : schedule) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(formatNumber(w.start())).append(':');
            switch (w.kind()) {
                case RECIPE: sb.append('d').append(w.target() + 1); break;
                case CUE: sb.append('c').append(w.target() + 1); break;
                case OFF: sb.append("off"); break;
                case DRAWN: sb.append('p'); break;
                default:
                    sb.append('w');
                    for (int k = 0; k < w.weights().size(); k++) {
                        if (k > 0) {
                            sb.append('_');
                        }
                        sb.append(formatNumber(w.weights().get(k)));
                    }
            }
        }
        return sb.toString();
    }

    public static List<Window> parseSchedule(String text) {
        List<Window> out = new ArrayList<>();
        for (String item : splitOn(text, ',')) {
            int colon = item.indexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                throw new SpecException("in", "input window '" + item + "' must look like start:dK (recipe, K "
                        + "dominant), start:cK (cue of memory K), start:wA_B_… (weights), start:p (drawn cue) or start:off");
            }
            double start = parseNumber("in", item.substring(0, colon));
            String what = item.substring(colon + 1);
            char kind = what.charAt(0);
            String rest = what.substring(1);
            if (what.equals("off")) {
                out.add(Window.off(start));
            } else if (what.equals("p")) {
                out.add(Window.drawn(start));
            } else if (kind == 'd') {
                out.add(Window.recipe(start, parseInt("in", rest) - 1));
            } else if (kind == 'c') {
                out.add(Window.cue(start, parseInt("in", rest) - 1));
            } else if (kind == 'w') {
                List<String> parts = splitOn(rest, '_');
                double[] a = new double[parts.size()];
                for (int k = 0; k < a.length; k++) {
                    a[k] = parseNumber("in", parts.get(k));
                }
                out.add(Window.weights(start, a));
            } else {
                throw new SpecException("in", "input window '" + item + "': unknown input '" + what
                        + "'; use dK, cK, wA_B_…, p or off");
            }
        }
        return out;
    }

    private static List<String> splitOn(String text, char sep) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == sep) {
                parts.add(text.substring(from, k));
                from = k + 1;
            }
        }
        return parts;
    }

    private static <E extends Enum<E>> E choice(String key, String value, E[] options) {
        StringBuilder allowed = new StringBuilder();
        for (E e : options) {
            String k = keyOf(e);
            if (k.equals(value)) {
                return e;
            }
            if (allowed.length() > 0) {
                allowed.append(", ");
            }
            allowed.append(k);
        }
        throw new SpecException(key, key + " = '" + value + "' is not one of: " + allowed);
    }

    private static String keyOf(Enum<?> e) {
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

    static int parseInt(String key, String value) {
        boolean ok = !value.isEmpty() && value.length() <= 10;
        for (int k = 0; ok && k < value.length(); k++) {
            char c = value.charAt(k);
            ok = (c >= '0' && c <= '9') || (k == 0 && c == '-' && value.length() > 1);
        }
        long v = 0;
        if (ok) {
            v = Long.parseLong(value);
            ok = v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
        }
        if (!ok) {
            throw new SpecException(key, key + " = '" + value + "' is not a whole number");
        }
        return (int) v;
    }

    /**
     * Plain decimal numbers only (digits, sign, point, exponent): no NaN, Infinity, hex or type suffixes. Up to 400
     * characters: {@link #formatNumber} writes tiny values without an exponent (up to ~330 characters for the
     * smallest doubles), and every value it writes must parse back.
     */
    static double parseNumber(String key, String value) {
        boolean ok = !value.isEmpty() && value.length() <= 400;
        boolean digit = false;
        for (int k = 0; ok && k < value.length(); k++) {
            char c = value.charAt(k);
            digit |= c >= '0' && c <= '9';
            ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        }
        double v = Double.NaN;
        if (ok && digit) {
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
        }
        if (v != v || v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
            throw new SpecException(key, key + " = '" + value + "' is not a number");
        }
        return v;
    }

    /** Shortest plain decimal text that parses back to the same double (no exponent: links stay readable). */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        // d.dddE±x → plain decimal
        String mantissa = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        boolean negative = mantissa.startsWith("-");
        if (negative) {
            mantissa = mantissa.substring(1);
        }
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int pointPos = dot + exp;
        while (digits.length() > 1 && digits.endsWith("0")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        if (pointPos <= 0) {
            out.append("0.");
            for (int k = 0; k < -pointPos; k++) {
                out.append('0');
            }
            out.append(digits);
        } else if (pointPos >= digits.length()) {
            out.append(digits);
            for (int k = digits.length(); k < pointPos; k++) {
                out.append('0');
            }
        } else {
            out.append(digits, 0, pointPos).append('.').append(digits.substring(pointPos));
        }
        return out.toString();
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '%' && k + 2 < s.length() && hex(s.charAt(k + 1)) >= 0 && hex(s.charAt(k + 2)) >= 0) {
                out.append((char) (hex(s.charAt(k + 1)) * 16 + hex(s.charAt(k + 2))));
                k += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
