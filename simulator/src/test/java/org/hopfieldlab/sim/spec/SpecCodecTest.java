package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;
import org.junit.jupiter.api.Test;

/** The canonical text form: round trip for every valid spec, and a clear, key-naming error for every bad input. */
class SpecCodecTest {

    /** Field-by-field equality (equals() itself compares the canonical text, so check the values too). */
    static void assertSameFields(ExperimentSpec a, ExperimentSpec b) {
        String ctx = SpecCodec.format(a);
        assertEquals(a.model(), b.model(), ctx);
        assertEquals(a.n(), b.n(), ctx);
        assertEquals(a.p(), b.p(), ctx);
        assertEquals(a.memories(), b.memories(), ctx);
        assertEquals(a.chars(), b.chars(), ctx);
        assertEquals(a.patterns(), b.patterns(), ctx);
        assertEquals(Double.doubleToLongBits(a.beta()), Double.doubleToLongBits(b.beta()), ctx);
        assertEquals(Double.doubleToLongBits(a.noise()), Double.doubleToLongBits(b.noise()), ctx);
        assertEquals(Double.doubleToLongBits(a.dt()), Double.doubleToLongBits(b.dt()), ctx);
        assertEquals(Double.doubleToLongBits(a.duration()), Double.doubleToLongBits(b.duration()), ctx);
        assertEquals(a.seed(), b.seed(), ctx);
        assertEquals(a.trials(), b.trials(), ctx);
        assertEquals(a.schedule(), b.schedule(), ctx);
        assertEquals(Double.doubleToLongBits(a.pulse()), Double.doubleToLongBits(b.pulse()), ctx);
        assertEquals(a.initialState(), b.initialState(), ctx);
        assertEquals(a.cue(), b.cue(), ctx);
        assertEquals(Double.doubleToLongBits(a.mask()), Double.doubleToLongBits(b.mask()), ctx);
        assertEquals(Double.doubleToLongBits(a.flip()), Double.doubleToLongBits(b.flip()), ctx);
        assertEquals(Double.doubleToLongBits(a.cueAmplitude()), Double.doubleToLongBits(b.cueAmplitude()), ctx);
        assertEquals(a.gainMap(), b.gainMap(), ctx);
        assertEquals(Double.doubleToLongBits(a.lambda()), Double.doubleToLongBits(b.lambda()), ctx);
        assertEquals(a.degree(), b.degree(), ctx);
        assertEquals(Double.doubleToLongBits(a.gamma()), Double.doubleToLongBits(b.gamma()), ctx);
        assertEquals(a.update(), b.update(), ctx);
        assertEquals(Double.doubleToLongBits(a.threshold()), Double.doubleToLongBits(b.threshold()), ctx);
        assertEquals(a.steps(), b.steps(), ctx);
    }

    @Property(tries = 400)
    void parseOfFormatIsTheIdentity(@ForAll ModelKind model, @ForAll MemoryKind mem, @ForAll GainMap map,
            @ForAll Update update, @ForAll InitialState x0, @ForAll @IntRange(min = 1, max = 6) int windows,
            @ForAll Random random) {
        ExperimentSpec spec = RandomSpecs.spec(model, mem, map, update, x0, windows, random);
        String text = SpecCodec.format(spec);
        ExperimentSpec back = SpecCodec.parse(text);
        assertEquals(spec, back);
        assertSameFields(spec, back);
        assertEquals(text, SpecCodec.format(back));
        assertEquals(spec, SpecCodec.parse("?" + text));
        assertEquals(spec.hashCode(), back.hashCode());
        // the order of the keys does not matter
        List<String> pairs = new ArrayList<>(Arrays.asList(text.split("&")));
        Collections.shuffle(pairs, random);
        assertSameFields(spec, SpecCodec.parse(String.join("&", pairs)));
        // building again is idempotent (normalisation is stable)
        assertSameFields(spec, spec.toBuilder().build());
    }

    @Test
    void formatNumberIsPlainShortestAndExact() {
        double[] values = {0, 1, -1, 0.1, 0.01, 1e-5, 1.2345678901234567e-7, 123456.789, 1e15, 1e20, -2.5e-30,
            Double.MIN_VALUE, Double.MIN_NORMAL, 1000, 99999.99999999999, 0.30000000000000004, 4.35e-12};
        for (double v : values) {
            String s = SpecCodec.formatNumber(v);
            assertTrue(s.matches("-?[0-9]+(\\.[0-9]+)?"), "plain decimal: " + s);
            assertEquals(v, Double.parseDouble(s), 0.0, s);
            assertEquals(v, SpecCodec.parseNumber("x", s), 0.0, s);
        }
        assertEquals("0.00001", SpecCodec.formatNumber(1e-5));
        assertEquals("1000000000000000", SpecCodec.formatNumber(1e15));
        assertEquals("-0.5", SpecCodec.formatNumber(-0.5));
        assertEquals("10", SpecCodec.formatNumber(10.0));
    }

    @Test
    void tinyNumbersWithManyDigitsRoundTrip() {
        // regression: formatNumber writes these without an exponent (up to ~330 characters) and parse must accept
        ExperimentSpec spec = ExperimentSpec.builder().n(64).p(3).beta(1.2345678901234567e-30).noise(3.3e-40)
                .gamma(Double.MIN_VALUE).build();
        ExperimentSpec back = SpecCodec.parse(SpecCodec.format(spec));
        assertSameFields(spec, back);
        assertEquals(Double.MIN_VALUE, SpecCodec.parseNumber("x", SpecCodec.formatNumber(Double.MIN_VALUE)), 0.0);
        assertEquals(-Double.MIN_NORMAL * 1.7, SpecCodec.parseNumber("x",
                SpecCodec.formatNumber(-Double.MIN_NORMAL * 1.7)), 0.0);
    }

    @Test
    void emptyQueryGivesTheDefaultsWhichArePresetSequence() {
        ExperimentSpec d = SpecCodec.parse("");
        assertEquals(ExperimentSpec.builder().build(), d);
        assertEquals(d, SpecCodec.parse("?"));
        assertEquals(d, SpecCodec.parse("&&"));
        assertEquals(Presets.get("sequence").spec(), d);
        assertEquals("v=1&model=idp&n=1024&p=10&mem=random&beta=10&noise=8&dt=0.01&t=30&seed=1&trials=1"
                + "&in=0:d1,10:d2,20:d3&pulse=0&x0=gauss&thr=0.9", SpecCodec.format(d),
                "the documented example of the class javadoc");
    }

    @Test
    void percentEncodedValuesAreDecoded() {
        ExperimentSpec a = SpecCodec.parse("n=64&p=3&in=0%3Ad1%2C5%3Aw1_2_3&t=10");
        ExperimentSpec b = SpecCodec.parse("n=64&p=3&in=0:d1,5:w1_2_3&t=10");
        assertEquals(b, a);
        assertEquals(List.of(Window.recipe(0, 0), Window.weights(5, new double[] {1, 2, 3})), a.schedule());
    }

    @Test
    void parseOntoKeepsThePresetsOtherValues() {
        ExperimentSpec base = Presets.get("glitch").spec();
        ExperimentSpec s = SpecCodec.parseOnto(base.toBuilder(), "noise=0&seed=9");
        assertEquals(0.0, s.noise(), 0.0);
        assertEquals(9, s.seed());
        assertEquals(base.schedule(), s.schedule());
        assertEquals(25.0, s.duration(), 0.0);
    }

    // ------------------------------------------------------------------ bad input

    private static SpecException rejects(String query, String key, String... fragments) {
        SpecException e = assertThrows(SpecException.class, () -> SpecCodec.parse(query), query);
        assertEquals(key, e.key(), "key of: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + query + "' gave: " + e.getMessage() + " (missing '" + f + "')");
        }
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void unknownRepeatedAndValuelessKeys() {
        rejects("foo=1", "foo", "unknown key 'foo'", "known keys: v, model, n, p");
        rejects("n=64&p=2&n=64", "n", "key 'n' is given twice");
        rejects("n", "n", "'n' has no value", "key=value");
        rejects("n=64&beta", "beta", "'beta' has no value");
        rejects("=5", "", "unknown key ''");
        // an empty value is a bad number, not a missing one
        rejects("beta=", "beta", "beta = '' is not a number");
    }

    @Test
    void inapplicableKeysSayWhereTheyApply() {
        rejects("model=idp&lambda=2", "lambda", "does not apply", "only with model=modern and map=softmax");
        rejects("model=modern&map=linear&lambda=2", "lambda", "only with model=modern and map=softmax");
        rejects("model=modern&map=softmax&deg=3", "deg", "only with model=modern and map=poly");
        rejects("model=classic&gamma=0.5", "gamma", "only with model=modern");
        rejects("model=idp&map=softmax", "map", "only with model=modern");
        rejects("model=idp&update=sync", "update", "only with model=discrete");
        rejects("chars=ABC", "chars", "only with mem=glyphs");
        rejects("pat=AAAA", "pat", "only with mem=custom");
        rejects("cue=2", "cue", "only with x0=cue");
        rejects("mask=0.5", "mask", "only with x0=cue or a cue window");
        rejects("flip=0.5", "flip", "only with x0=cue or a cue window");
        rejects("x0=cue&cue=1&camp=2", "camp", "only with a cue window");
    }

    @Test
    void badNumbersAreRejectedForEveryNumericKey() {
        String[] decimalKeys = {"beta", "noise", "dt", "t", "pulse", "thr", "camp"};
        String[] bad = {"abc", "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x10", "1d", "1f", "1.2.3", "-",
            ".", "e5", "1,5", " 1", "１"};
        for (String key : decimalKeys) {
            for (String v : bad) {
                rejects(key + "=" + v, key, key + " = '" + v + "' is not a number");
            }
        }
        // keys that need a cue or the modern model: bad numbers are caught before relevance is checked
        for (String key : new String[] {"mask", "flip", "lambda", "gamma"}) {
            rejects(key + "=NaN", key, "is not a number");
        }
        for (String key : new String[] {"n", "p", "seed", "trials", "deg", "cue", "v"}) {
            for (String v : new String[] {"abc", "1.5", "1e3", "0x10", "", "-", "+5", "1L"}) {
                rejects(key + "=" + v, key, key + " = '" + v + "' is not a whole number");
            }
            // a whole number beyond the int range is out of the key's range, not "not a whole number"
            for (String v : new String[] {"99999999999", "-99999999999", "2147483648"}) {
                rejects(key + "=" + v, key, key + " = " + v + " is out of range; allowed: ");
            }
        }
        rejects("in=0:dx", "in", "in = 'x' is not a whole number");
        rejects("in=0:w1_abc_1_1_1_1_1_1_1_1", "in", "in = 'abc' is not a number");
        rejects("in=abc:d1", "in", "in = 'abc' is not a number");
        rejects("model=quantum", "model", "model = 'quantum' is not one of: classic, idp, modern, discrete");
        rejects("mem=hadamard", "mem", "is not one of: random, orthogonal, glyphs, custom");
        rejects("x0=ones", "x0", "is not one of: gauss, zero, cue");
        rejects("model=modern&map=relu", "map", "is not one of: linear, softmax, poly");
        rejects("model=discrete&noise=0&update=later", "update", "is not one of: async, sync");
    }

    @Test
    void wrongVersionIsRejected() {
        rejects("v=2", "v", "spec version 2", "this lab reads version 1");
        rejects("v=0", "v", "spec version 0");
        assertEquals(SpecCodec.parse(""), SpecCodec.parse("v=1"));
    }

    @Test
    void malformedScheduleItems() {
        for (String item : new String[] {"d1", "0:", ":d1", "0:x1", "0:c", "0:d"}) {
            SpecException e = assertThrows(SpecException.class, () -> SpecCodec.parse("in=" + item), item);
            assertEquals("in", e.key(), item + ": " + e.getMessage());
        }
        rejects("in=0:x1", "in", "unknown input 'x1'", "use dK, cK, wA_B_…, p or off");
        rejects("in=d1", "in", "must look like start:dK");
    }
}
