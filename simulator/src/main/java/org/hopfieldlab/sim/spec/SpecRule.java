package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A rule between keys (orthogonal memories need a power of two, glyph pictures need n = (10k)², the schedule's
 * windows must fit in t, …), declared beside the keys in {@link SpecSchema}: its text for the docs, the check with
 * its messages, and the bounds it puts on keys (so a control can show the range that is allowed right now).
 */
public final class SpecRule {
    /** Throws a {@link SpecException} naming the offending key when the values break the rule. */
    interface Check {
        void check(ExperimentSpec.Builder b);
    }

    /**
     * A bound on one key implied by the rule (NaN when the rule does not bound the key for these values); open when
     * the bound itself is not allowed (dt &lt; 2).
     */
    record KeyBound(String key, boolean upper, boolean open, SpecKey.Bound bound) {
    }

    private final String name;
    private final List<String> keys;
    private final String text;
    private final Check check;
    private Condition when;
    final List<KeyBound> bounds = new ArrayList<>();

    SpecRule(String name, String text, Check check, String... keys) {
        this.name = name;
        this.text = text;
        this.check = check;
        List<String> k = new ArrayList<>();
        Collections.addAll(k, keys);
        this.keys = Collections.unmodifiableList(k);
    }

    /** The rule only applies under a condition (e.g. mem=orthogonal); its check and bounds are skipped otherwise. */
    SpecRule when(Condition c) {
        when = c;
        return this;
    }

    /** True when the rule applies to these values. */
    boolean active(ExperimentSpec.Builder b) {
        return when == null || when.holds(b);
    }

    /** When the rule applies ("" = always). */
    public String appliesWhen() {
        return when == null ? "" : when.text();
    }

    SpecRule upper(String key, SpecKey.Bound b) {
        bounds.add(new KeyBound(key, true, false, b));
        return this;
    }

    /** An upper bound the key must stay strictly below. */
    SpecRule upperOpen(String key, SpecKey.Bound b) {
        bounds.add(new KeyBound(key, true, true, b));
        return this;
    }

    SpecRule lower(String key, SpecKey.Bound b) {
        bounds.add(new KeyBound(key, false, false, b));
        return this;
    }

    /** A short stable name, e.g. "orthogonal-n". */
    public String name() {
        return name;
    }

    /** The keys the rule constrains (a control of one of them shows the rule while it applies). */
    public List<String> keys() {
        return keys;
    }

    /** What the rule says, in one line. */
    public String text() {
        return text;
    }

    void check(ExperimentSpec.Builder b) {
        if (active(b)) {
            check.check(b);
        }
    }
}
