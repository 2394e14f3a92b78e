package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of the key table ({@link SpecSchema}): everything Hopfield Lab knows about one key of a link — its text
 * form, default, range, label, help, group and when it applies. The codec, validation, edits, the CLI's key help,
 * the lab's controls and the server's forms all read it from here.
 */
public final class SpecKey {
    /** The kind of value a key holds (decides the control and the grammar of its text). */
    public enum Type {
        /** A whole number ({@link Numbers#parseInt}). */
        INT,
        /** A plain decimal ({@link Numbers#parse}). */
        NUMBER,
        /** One of a fixed list of words. */
        CHOICE,
        /** Free text checked by a rule (glyph characters). */
        TEXT,
        /** The input schedule: windows {@code start:what} separated by commas. */
        SCHEDULE,
        /** Packed ±1 pictures ({@link PatternCodec}). */
        PICTURE,
        /** A comma list of names (view keys hide and lock). */
        LIST;

        public String key() {
            return name().toLowerCase();
        }
    }

    /** One allowed value of a CHOICE key (or a name of a LIST key) with its label. */
    public record Choice(String value, String label) {
    }

    /** Choices known only later (the preset names: presets are built from the table itself). */
    interface ChoiceSource {
        List<Choice> choices();
    }

    /** Reads the key's canonical text from the values (own interface: TeaVM-safe). */
    interface Getter {
        String text(ExperimentSpec.Builder b);
    }

    /** Parses text (with the key's grammar) into the values; throws a {@link SpecException} naming the key. */
    interface Setter {
        void set(ExperimentSpec.Builder b, String text);
    }

    /** The key's value as a number, for range checks (keys of type INT and NUMBER). */
    interface Value {
        double of(ExperimentSpec.Builder b);
    }

    /** An upper bound that depends on other keys (e.g. pulse ≤ t). */
    interface Bound {
        double of(ExperimentSpec.Builder b);
    }

    private record EditDefault(Condition when, String text) {
    }

    final String name;
    final Type type;
    final boolean view;
    String label = "";
    String help = "";
    String unit = "";
    KeyGroup group;
    int since = 1;
    String defaultText = "";
    boolean required;
    String missing = "";
    String editDefault;
    final List<EditDefault> editDefaults = new ArrayList<>();
    final List<Choice> choices = new ArrayList<>();
    ChoiceSource choiceSource;
    double lo = Double.NaN;
    double hi = Double.NaN;
    boolean loOpen;
    boolean hiOpen;
    String hiKey = "";
    Bound hiBound;
    double step = Double.NaN;
    String scale = "linear";
    double typicalLo = Double.NaN;
    double typicalHi = Double.NaN;
    Condition when;
    Getter getter;
    Setter setter;
    Value value;

    SpecKey(String name, Type type, boolean view) {
        this.name = name;
        this.type = type;
        this.view = view;
    }

    // ---- fluent declaration (used only by SpecSchema) ----

    SpecKey label(String v) { label = v; return this; }
    SpecKey help(String v) { help = v; return this; }
    SpecKey unit(String v) { unit = v; return this; }
    SpecKey group(KeyGroup v) { group = v; return this; }
    SpecKey since(int v) { since = v; return this; }
    SpecKey def(String v) { defaultText = v; return this; }
    /** No default: the key must be given whenever it applies; {@code unset} is the value that means "missing". */
    SpecKey required(String unset, String whatIsNeeded) {
        required = true; defaultText = unset; missing = whatIsNeeded; return this;
    }
    /** What an edit sets when the key starts to apply (when it differs from the link default). */
    SpecKey editDefault(String v) { editDefault = v; return this; }
    /** What an edit sets in a context (first matching condition wins); a change of context moves the key. */
    SpecKey editDefault(Condition c, String v) { editDefaults.add(new EditDefault(c, v)); return this; }
    SpecKey choice(String v, String label) { choices.add(new Choice(v, label)); return this; }
    SpecKey choicesFrom(ChoiceSource source) { choiceSource = source; return this; }
    SpecKey range(double l, boolean lOpen, double h, boolean hOpen) {
        lo = l; loOpen = lOpen; hi = h; hiOpen = hOpen; return this;
    }
    /** An upper bound given by another key's value (the table keeps the static bound as well). */
    SpecKey atMost(String key, Bound b) { hiKey = key; hiBound = b; return this; }
    SpecKey step(double v) { step = v; return this; }
    SpecKey logScale() { scale = "log"; return this; }
    SpecKey typical(double l, double h) { typicalLo = l; typicalHi = h; return this; }
    SpecKey when(Condition c) { when = c; return this; }
    SpecKey bind(Getter g, Setter s) { getter = g; setter = s; return this; }
    SpecKey bind(Getter g, Setter s, Value v) { getter = g; setter = s; value = v; return this; }

    // ---- what the rest of the code reads ----

    public String name() { return name; }
    public Type type() { return type; }
    /** A view key (preset, hide, lock, view, speed, engine): part of a lab link but not of the experiment. */
    public boolean isView() { return view; }
    public String label() { return label; }
    public String help() { return help; }
    public String unit() { return unit; }
    public KeyGroup group() { return group; }
    /** The spec version that introduced the key. */
    public int since() { return since; }
    /** The value a link that leaves the key out gets (frozen within a spec version); "" when there is none. */
    public String defaultText() { return required ? "" : defaultText; }
    /** The key has no default: it must be given whenever it applies. */
    public boolean required() { return required; }
    public List<Choice> choices() {
        return Collections.unmodifiableList(choiceSource != null ? choiceSource.choices() : choices);
    }
    /** The static lower bound (NaN: none). */
    public double min() { return lo; }
    /** The static upper bound (NaN: none); see also {@link #maxKey()}. */
    public double max() { return hi; }
    public boolean minOpen() { return loOpen; }
    public boolean maxOpen() { return hiOpen; }
    /** The key whose value bounds this one from above ("" when none), e.g. "t" for pulse. */
    public String maxKey() { return hiKey; }
    /** Step of a control (NaN: any). */
    public double step() { return step; }
    /** "linear" or "log": how a slider for the key should move. */
    public String scale() { return scale; }
    /** The range most experiments use (for slider ends; the allowed range is wider); NaN when none. */
    public double typicalMin() { return typicalLo; }
    public double typicalMax() { return typicalHi; }
    /** When the key applies ("" = always). */
    public String appliesWhen() { return when == null ? "" : when.text(); }
    /** Why the key does not apply when it does not ("" = it always applies). */
    public String whyNot() { return when == null ? "" : "only with " + when.text(); }

    public boolean applies(ExperimentSpec s) { return applies(s.values()); }

    boolean applies(ExperimentSpec.Builder b) { return when == null || when.holds(b); }

    /** The keys the applicability condition reads (for "drop the key that made this one needed"). */
    List<String> conditionKeys() {
        return when == null ? List.of() : when.keys();
    }

    /** The key's value in a spec as canonical text. */
    public String text(ExperimentSpec s) { return getter.text(s.values()); }

    String text(ExperimentSpec.Builder b) { return getter.text(b); }

    void set(ExperimentSpec.Builder b, String text) { setter.set(b, text); }

    /** The edit default in the context of these values (the link default unless declared otherwise). */
    String editDefault(ExperimentSpec.Builder b) {
        for (EditDefault d : editDefaults) {
            if (d.when().holds(b)) {
                return d.text();
            }
        }
        return editDefault != null ? editDefault : required ? null : defaultText;
    }

    /**
     * The edit default outside any declared context (the value most specs get when the key starts to apply);
     * null for a required key without one (chars, pat, cuepat: the user must give them).
     */
    public String editDefault() { return editDefault != null ? editDefault : required ? null : defaultText; }

    /** True when the edit default depends on other keys (a change of those moves this key). */
    boolean hasContextDefaults() { return !editDefaults.isEmpty(); }

    /** Context-dependent edit defaults as (condition text, value) pairs, in order. */
    public List<String[]> contextDefaults() {
        List<String[]> out = new ArrayList<>();
        for (EditDefault d : editDefaults) {
            out.add(new String[] {d.when().text(), d.text()});
        }
        return out;
    }

    boolean isNumeric() { return value != null; }

    double numeric(ExperimentSpec.Builder b) { return value.of(b); }

    /** The current upper bound from the static bound and the bounding key (NaN when none). */
    double upper(ExperimentSpec.Builder b) {
        double h = hi;
        if (hiBound != null) {
            double d = hiBound.of(b);
            h = h != h ? d : Math.min(h, d);
        }
        return h;
    }

    /** A required key that applies but was not given: says what is needed and where it comes from. */
    void checkGiven(ExperimentSpec.Builder b) {
        if (required && applies(b) && getter.text(b).equals(defaultText)) {
            String range = value != null ? " (allowed: " + rangeText(b) + ")" : "";
            throw new SpecException(name, when.text() + " needs " + name + " = " + missing + range + "; none given");
        }
    }

    /** Checks the value against the range; the message names the key, the value and what is allowed. */
    void checkRange(ExperimentSpec.Builder b) {
        if (value == null) {
            return;
        }
        double v = value.of(b);
        boolean loOk = lo != lo || (loOpen ? v > lo : v >= lo);
        boolean hiOk = hi != hi || (hiOpen ? v < hi : v <= hi);
        double bound = hiBound == null ? Double.NaN : hiBound.of(b);
        boolean boundOk = bound != bound || v <= bound;
        if (v == v && loOk && hiOk && boundOk) {
            return;
        }
        String shown = type == Type.INT ? Long.toString((long) v) : Numbers.format(v);
        throw new SpecException(name, name + " = " + shown + " is out of range; allowed: " + rangeText(b));
    }

    /**
     * Checks a value against the key's own range (not bounds that depend on other keys): for callers outside a
     * spec, such as the CLI's theory command.
     */
    public void checkStatic(double v) {
        boolean loOk = lo != lo || (loOpen ? v > lo : v >= lo);
        boolean hiOk = hi != hi || (hiOpen ? v < hi : v <= hi);
        if (!(v == v && loOk && hiOk)) {
            String shown = type == Type.INT ? Long.toString((long) v) : Numbers.format(v);
            throw new SpecException(name, name + " = " + shown + " is out of range; allowed: " + staticRangeText());
        }
    }

    /** The static range as users read it: "1 to 16384", "0 < beta ≤ 1000" ("" when unbounded). */
    public String staticRangeText() {
        if (lo != lo && hi != hi) {
            return "";
        }
        if (type == Type.INT) {
            return Numbers.format(lo) + " to " + Numbers.format(hi);
        }
        return Numbers.format(lo) + (loOpen ? " < " : " ≤ ") + name + (hiOpen ? " < " : " ≤ ") + Numbers.format(hi);
    }

    /** The range in the context of these values, naming the bounding key ("1 to p = 10", "0 ≤ pulse ≤ 30"). */
    String rangeText(ExperimentSpec.Builder b) {
        if (hiBound == null) {
            return staticRangeText();
        }
        double bound = upper(b);
        if (type == Type.INT) {
            return Numbers.format(lo) + " to " + hiKey + " = " + Numbers.format(bound);
        }
        return Numbers.format(lo) + (loOpen ? " < " : " ≤ ") + name + " ≤ " + Numbers.format(bound);
    }

    /** The range as the schema documents it, including the bounding key ("0 ≤ pulse ≤ t", "1 to n"). */
    public String rangeDoc() {
        if (type == Type.CHOICE || type == Type.LIST) {
            StringBuilder sb = new StringBuilder();
            for (Choice c : choices()) {
                sb.append(sb.length() > 0 ? ", " : "").append(c.value());
            }
            return sb.toString();
        }
        if (lo != lo && hi != hi) {
            return "";
        }
        if (type == Type.INT) {
            return Numbers.format(lo) + " to " + (hiKey.isEmpty() ? Numbers.format(hi) : hiKey);
        }
        return Numbers.format(lo) + (loOpen ? " < " : " ≤ ") + name + (hiOpen ? " < " : " ≤ ")
                + (hiKey.isEmpty() ? Numbers.format(hi) : hiKey);
    }
}
