package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.Window;

/**
 * The canonical text form of an {@link ExperimentSpec}: a URL query string with short stable keys, used unchanged
 * by share links, the CLI, saved sessions and sweep cells. Example:
 * {@code v=1&model=idp&n=1024&p=10&mem=random&beta=10&noise=8&dt=0.01&t=30&seed=1&trials=1&in=0:d1,10:d2,20:d3&pulse=0&x0=gauss&thr=0.9}
 *
 * <p>Parsing is strict: unknown, repeated or inapplicable keys, malformed numbers and out-of-range values are
 * rejected with a {@link SpecException} naming the key. Keys left out take their defaults. Keys, their order, text
 * forms, defaults, ranges and applicability all come from the key table {@link SpecSchema}.
 */
public final class SpecCodec {
    private SpecCodec() {
    }

    /** Every spec key, in canonical order (from the key table). */
    public static final String[] KEYS = keyNames();

    private static String[] keyNames() {
        List<SpecKey> keys = SpecSchema.specKeys();
        String[] out = new String[keys.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = keys.get(k).name();
        }
        return out;
    }

    /** The canonical text: every key that applies, in table order, in its canonical form. */
    public static String format(ExperimentSpec s) {
        StringBuilder q = new StringBuilder();
        for (SpecKey k : SpecSchema.specKeys()) {
            if (k.applies(s)) {
                if (q.length() > 0) {
                    q.append('&');
                }
                q.append(k.name()).append('=').append(k.text(s));
            }
        }
        return q.toString();
    }

    /** Parses a whole query string (a leading '?' is allowed). */
    public static ExperimentSpec parse(String query) {
        return parseOnto(ExperimentSpec.builder(), query);
    }

    /**
     * Parses a query string on top of a starting point; keys given replace its values and nothing else changes
     * (no edit defaults: for edits with the schema's transitions use {@link SpecEdit#change}).
     */
    public static ExperimentSpec parseOnto(ExperimentSpec.Builder b, String query) {
        List<String[]> pairs = pairs(query);
        for (String[] kv : pairs) {
            apply(b, kv[0], kv[1]);
        }
        ExperimentSpec spec = b.build();
        for (String[] kv : pairs) {
            requireApplies(spec, kv[0]);
        }
        return spec;
    }

    /**
     * The key=value pairs of a query string, percent-decoded, in order; a pair without '=' and a key given twice
     * are refused naming the key.
     */
    static List<String[]> pairs(String query) {
        List<String[]> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String[] kv : Query.split(query)) {
            if (kv[1] == null) {
                throw new SpecException(kv[0], "'" + kv[0] + "' has no value; write key=value");
            }
            if (seen.contains(kv[0])) {
                throw new SpecException(kv[0], "key '" + kv[0] + "' is given twice");
            }
            seen.add(kv[0]);
            out.add(kv);
        }
        return out;
    }

    /** Throws "does not apply here (only with …)" when a key given in a link does not apply to the spec. */
    static void requireApplies(ExperimentSpec spec, String key) {
        SpecKey k = SpecSchema.specKey(key);
        if (!k.applies(spec)) {
            throw new SpecException(key, "key '" + key + "' does not apply here (" + k.whyNot() + ")");
        }
    }

    /** Sets one key on a builder; throws naming the key on a bad value, an unknown key or a view key. */
    public static void apply(ExperimentSpec.Builder b, String key, String value) {
        SpecSchema.specKey(key).set(b, value);
    }

    /** Whether a key applies to a spec (keys that do not apply are left out of the canonical text). */
    public static boolean relevant(ExperimentSpec s, String key) {
        return SpecSchema.specKey(key).applies(s);
    }

    public static String formatSchedule(List<Window> schedule) {
        StringBuilder sb = new StringBuilder();
        for (Window w : schedule) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(Numbers.format(w.start())).append(':');
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
                        sb.append(Numbers.format(w.weights().get(k)));
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

    static int parseInt(String key, String value) {
        return Numbers.parseInt(key, value);
    }

    /** The one number grammar ({@link Numbers#parse}). */
    static double parseNumber(String key, String value) {
        return Numbers.parse(key, value);
    }

    /** Shortest plain decimal text that parses back to the same double ({@link Numbers#format}). */
    public static String formatNumber(double v) {
        return Numbers.format(v);
    }
}
