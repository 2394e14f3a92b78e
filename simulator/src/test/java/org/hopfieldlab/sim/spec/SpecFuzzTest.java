package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the codec (issue 9): random valid specs and random mutations of their text. Every input either parses —
 * and then its canonical text parses back to the same spec and formats to the same text — or fails with the
 * documented {@link SpecException} naming a key (never another exception); the forgiving link reader and the edit
 * operation get the same inputs. {@code -Dfuzz.count=N} sets the number of inputs (default 100 000, a few seconds;
 * 10^6 was run once for the README).
 */
class SpecFuzzTest {
    private static final String ALPHABET = "&=,:_.-+e0123456789%xpcdwofNaIHOPF?# \u00e9";
    private static final String[] TOKENS = {"0x1p3", "NaN", "Infinity", "-1", "0", "1e999", "", "%", "%zz", "%41",
        "1.5", "16385", "2147483648", "glyphs", "custom", "modern", "discrete", "drawn", "cue", "0:d1", "0:c2,5:p",
        "w1_2", "off", "AB", "HOPF", "==", "&&", "v=2", "n", "p", "hide", "speed=99", "engine=foo"};

    @Test
    void randomAndMutatedSpecsParseOrFailWithASpecException() {
        int count = Integer.getInteger("fuzz.count", 100_000);
        Random r = new Random(20261201L);
        ExperimentSpec[] pool = new ExperimentSpec[64];
        for (int k = 0; k < pool.length; k++) {
            pool[k] = RandomSpecs.any(r, 256);
        }
        int valid = 0;
        int rejected = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < count; k++) {
            String input;
            if (k % 4 == 0) {
                // mostly small n (short texts, fast to mutate); one in 25 up to the limits (n ≤ 16384, p ≤ 4096),
                // round-tripped but not mutated: its texts run to hundreds of kilobytes
                boolean large = r.nextInt(25) == 0;
                ExperimentSpec s = RandomSpecs.any(r, large ? Limits.MAX_N : 256);
                if (!large) {
                    pool[r.nextInt(pool.length)] = s;
                }
                input = SpecCodec.format(s);
            } else {
                input = mutate(SpecCodec.format(pool[r.nextInt(pool.length)]), r);
            }
            ExperimentSpec parsed = null;
            try {
                parsed = SpecCodec.parse(input);
            } catch (SpecException e) {
                rejected++;
                assertFalse(e.getMessage() == null || e.getMessage().isEmpty(), input);
                assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                fail("not a SpecException for '" + input + "': " + e, e);
            }
            if (parsed != null) {
                valid++;
                String text = SpecCodec.format(parsed);
                ExperimentSpec back = SpecCodec.parse(text);
                SpecCodecTest.assertSameFields(parsed, back);
                assertEquals(text, SpecCodec.format(back), input);
            }
            // the lab's forgiving reader never throws, and what it keeps is valid and canonical
            if (k % 8 == 1) {
                try {
                    LabLink link = LabLink.read(input);
                    assertEquals(link.format(), LabLink.parse(link.format()).format(), input);
                } catch (RuntimeException e) {
                    fail("LabLink.read threw for '" + input + "': " + e, e);
                }
            }
            // edits: the mutated text as a change of a valid spec
            if (k % 8 == 3) {
                try {
                    ExperimentSpec edited = SpecEdit.change(pool[r.nextInt(pool.length)], input);
                    assertEquals(edited, SpecCodec.parse(SpecCodec.format(edited)));
                } catch (SpecException expected) {
                    // documented
                } catch (RuntimeException e) {
                    fail("SpecEdit.change threw for '" + input + "': " + e, e);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("SpecFuzzTest: %d inputs (%d valid, %d rejected with SpecException, 0 other exceptions) "
                + "in %.1f s%n", count, valid, rejected, seconds);
        assertTrue(valid > count / 5, "enough valid inputs to test the round trip: " + valid);
        assertTrue(rejected > count / 5, "enough invalid inputs to test the errors: " + rejected);
    }

    /** One to three random edits of the text: characters, tokens, pairs repeated, dropped, swapped or cut. */
    static String mutate(String text, Random r) {
        String s = text;
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<String> pairs = new ArrayList<>(Arrays.asList(s.split("&", -1)));
            switch (r.nextInt(9)) {
                case 0 -> {
                    int at = r.nextInt(s.length() + 1);
                    s = s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at);
                }
                case 1 -> {
                    if (!s.isEmpty()) {
                        int at = r.nextInt(s.length());
                        s = s.substring(0, at) + s.substring(at + 1);
                    }
                }
                case 2 -> {
                    // replace a value by a token
                    int k = r.nextInt(pairs.size());
                    String p = pairs.get(k);
                    int eq = p.indexOf('=');
                    pairs.set(k, (eq < 0 ? p : p.substring(0, eq)) + "=" + TOKENS[r.nextInt(TOKENS.length)]);
                    s = String.join("&", pairs);
                }
                case 3 -> {
                    pairs.add(pairs.get(r.nextInt(pairs.size())));
                    s = String.join("&", pairs);
                }
                case 4 -> {
                    pairs.remove(r.nextInt(pairs.size()));
                    s = String.join("&", pairs);
                }
                case 5 -> {
                    Collections.shuffle(pairs, r);
                    s = String.join("&", pairs);
                }
                case 6 -> s = s.substring(0, r.nextInt(s.length() + 1));
                case 7 -> {
                    // a key from the table with a random value of another key
                    List<SpecKey> keys = SpecSchema.all();
                    pairs.add(keys.get(r.nextInt(keys.size())).name() + "=" + TOKENS[r.nextInt(TOKENS.length)]);
                    s = String.join("&", pairs);
                }
                default -> {
                    // change one character of a number in place
                    int at = r.nextInt(Math.max(1, s.length()));
                    if (at < s.length() && Character.isDigit(s.charAt(at))) {
                        s = s.substring(0, at) + (char) ('0' + r.nextInt(10)) + s.substring(at + 1);
                    }
                }
            }
        }
        return s;
    }
}
