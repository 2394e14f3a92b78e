package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;

/**
 * When a spec key applies (or when an edit default is used): a test on the spec's values together with the text
 * that explains it ("model=modern and map=softmax"). The text is what users read in "does not apply" messages, the
 * CLI's key table and the lab's control hints.
 */
public final class Condition {
    /** The test itself (own interface: TeaVM-safe and independent of java.util.function). */
    interface Test {
        boolean test(ExperimentSpec.Builder b);
    }

    private final Test test;
    private final String text;
    private final List<String> keys;

    /** @param keys the keys the test reads (a link that made a key needed can be blamed through them) */
    Condition(String text, Test test, String... keys) {
        this.text = text;
        this.test = test;
        List<String> k = new ArrayList<>();
        Collections.addAll(k, keys);
        this.keys = Collections.unmodifiableList(k);
    }

    /** The keys the condition reads. */
    public List<String> keys() {
        return keys;
    }

    /** True when the condition holds for these values. */
    public boolean holds(ExperimentSpec.Builder b) {
        return test.test(b);
    }

    public boolean holds(ExperimentSpec s) {
        return test.test(s.values());
    }

    /** How the condition reads, e.g. "model=modern and map=softmax". */
    public String text() {
        return text;
    }

    Condition and(Condition other) {
        List<String> both = new ArrayList<>(keys);
        for (String k : other.keys) {
            if (!both.contains(k)) {
                both.add(k);
            }
        }
        return new Condition(text + " and " + other.text, b -> test.test(b) && other.test.test(b),
                both.toArray(new String[0]));
    }

    // ---- the conditions the schema uses ----

    static Condition model(ModelKind m) {
        return new Condition("model=" + m.key, b -> b.model == m, "model");
    }

    static Condition memories(MemoryKind m) {
        return new Condition("mem=" + m.key, b -> b.memories == m, "mem");
    }

    static Condition gainMap(GainMap m) {
        return new Condition("map=" + m.key, b -> b.gainMap == m, "map");
    }

    static Condition start(InitialState x0) {
        return new Condition("x0=" + x0.key, b -> b.initialState == x0, "x0");
    }

    static final Condition USES_CUE = new Condition("x0=cue or a cue window cK in 'in'",
            b -> b.initialState == InitialState.CUE || b.hasWindow(Window.Kind.CUE), "x0", "in");

    static final Condition HAS_CUE_INPUT = new Condition("a cue window cK or p in 'in'",
            b -> b.hasWindow(Window.Kind.CUE) || b.hasWindow(Window.Kind.DRAWN), "in");

    static final Condition USES_DRAWN_CUE = new Condition("x0=drawn or a drawn-cue window p in 'in'",
            b -> b.initialState == InitialState.DRAWN || b.hasWindow(Window.Kind.DRAWN), "x0", "in");
}
