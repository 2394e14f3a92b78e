package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hopfieldlab.sim.spec.Numbers;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;

/**
 * One swept key and its values, kept as text so that any spec key (noise, beta, p, n, model, ...) can be swept
 * through the same strict parser as share links. The extra keys {@code a1 … aP} set one weight of every
 * explicit-weights input window (the gains α around the thresholds), for any memory K ≤ p. Numbers follow the
 * one grammar of {@link Numbers} (plain decimals: {@code 0x1p3} is refused here as everywhere).
 *
 * <p>Text form: {@code key=v1,v2,v3} (a list) or {@code key=from:to:count} (count evenly spaced values).
 */
public record SweepAxis(String key, List<String> values) {
    public static final int MAX_VALUES = 200;

    public SweepAxis {
        if (key == null || key.isBlank()) {
            throw new SpecException("axis", "a swept key is missing");
        }
        if (values == null || values.isEmpty()) {
            throw new SpecException(key, "axis " + key + " has no values");
        }
        if (values.size() > MAX_VALUES) {
            throw new SpecException(key, "axis " + key + " has " + values.size() + " values; allowed: 1 to "
                    + MAX_VALUES);
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Parses {@code key=v1,v2} or {@code key=from:to:count}, as typed by a user (CLI, the server's form, Spark's
     * {@code sweep}): a value given twice (also as another spelling of the same number, {@code 1,1.0}, or from a
     * range whose values coincide) is refused naming the axis and the value, since it would run the same cell twice.
     */
    public static SweepAxis parse(String text) {
        SweepAxis a = read(text);
        a.requireWholeSteps(text == null ? "" : text.trim());
        a.requireDistinct(text == null ? "" : text.trim());
        return a;
    }

    /**
     * A range of a whole-number key (n, p, cue, deg) must step by whole numbers: p=1:2000:5 gives 500.75, which used
     * to be refused as "cell p=500.75: p = '500.75' is not a whole number", naming a value the user never typed.
     */
    private void requireWholeSteps(String text) {
        String rest = text.substring(text.indexOf('=') + 1).trim();
        org.hopfieldlab.sim.spec.SpecKey k = org.hopfieldlab.sim.spec.SpecSchema.find(key);
        if (k == null || k.type() != org.hopfieldlab.sim.spec.SpecKey.Type.INT || rest.indexOf(':') < 0
                || rest.indexOf(',') >= 0) {
            return;
        }
        for (String v : values) {
            double d = Numbers.parse(key, v);
            if (d != Math.rint(d)) {
                throw new SpecException(key, "axis " + key + ": the range " + rest + " gives " + v + ", but " + key
                        + " takes whole numbers; choose from:to:count so that (to − from) / (count − 1) is whole, or "
                        + "list the values");
            }
        }
    }

    /**
     * Parses a stored axis (a sweep definition in a journal, a part file or the server's database) as it was
     * written: definitions stored before repeated values were refused keep reading, resuming and merging.
     */
    static SweepAxis read(String text) {
        String t = text == null ? "" : text.trim();
        int eq = t.indexOf('=');
        if (eq <= 0 || eq == t.length() - 1) {
            throw new SpecException("axis", "'" + t + "' is not an axis; write key=v1,v2,... or key=from:to:count "
                    + "(e.g. noise=0,2,4,8 or beta=2:20:10)");
        }
        String key = t.substring(0, eq).trim();
        String rest = t.substring(eq + 1).trim();
        if (rest.indexOf(':') >= 0 && rest.indexOf(',') < 0) {
            return range(key, rest);
        }
        List<String> values = new ArrayList<>();
        for (String v : rest.split(",")) {
            String s = v.trim();
            if (s.isEmpty()) {
                throw new SpecException(key, "axis " + key + " has an empty value in '" + rest + "'");
            }
            values.add(s);
        }
        return new SweepAxis(key, values);
    }

    private static SweepAxis range(String key, String rest) {
        String[] parts = rest.split(":");
        if (parts.length != 3) {
            throw new SpecException(key, "axis " + key + ": a range is from:to:count, got '" + rest + "'");
        }
        double from = number(key, parts[0]);
        double to = number(key, parts[1]);
        int count = Numbers.parseInt(key + " count", parts[2].trim());
        if (count < 1 || count > MAX_VALUES) {
            throw new SpecException(key, "axis " + key + ": count = " + count + "; allowed: 1 to " + MAX_VALUES);
        }
        List<String> values = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double v = count == 1 ? from : from + (to - from) * k / (count - 1);
            // round away binary noise (0.30000000000000004) so that cells print and parse cleanly
            v = Math.round(v * 1e9) / 1e9;
            values.add(SpecCodec.formatNumber(v));
        }
        return new SweepAxis(key, values);
    }

    /** Throws naming the first value that comes twice (numbers compared by value, other values as text). */
    private void requireDistinct(String text) {
        double[] num = new double[values.size()];
        for (int k = 0; k < num.length; k++) {
            num[k] = numeric(k);
        }
        for (int j = 1; j < num.length; j++) {
            for (int i = 0; i < j; i++) {
                double a = num[i];
                double b = num[j];
                boolean same = Double.isNaN(a) || Double.isNaN(b) ? values.get(i).equals(values.get(j)) : a == b;
                if (same) {
                    String v = values.get(i);
                    String spelled = v.equals(values.get(j)) ? "" : " (as " + v + " and " + values.get(j) + ")";
                    String range = text.substring(text.indexOf('=') + 1).trim();
                    String from = range.indexOf(':') >= 0 && range.indexOf(',') < 0 ? " from the range " + range : "";
                    throw new SpecException(key, "axis " + key + " has the value " + v + " twice" + spelled + from
                            + "; each value makes one cell, give it once");
                }
            }
        }
    }

    /** The one number grammar of spec values and CLI lists ({@link Numbers}). */
    private static double number(String key, String s) {
        return Numbers.parse(key, s.trim());
    }

    /** The numeric value at index k, or NaN for a non-numeric value (e.g. model=idp). */
    public double numeric(int k) {
        String v = values.get(k);
        try {
            return Numbers.isPlainDecimal(v) ? Numbers.parse(key, v) : Double.NaN;
        } catch (SpecException tooLarge) {
            return Double.NaN;
        }
    }

    /**
     * The type of this axis's values in exports, from the key table: whole numbers for whole-number keys (n, p, cue,
     * ...), numbers for decimal keys and the weights a1 … aP, text for enumerated keys (model=idp) and any other.
     */
    public SpecKey.Type valueType() {
        if (SweepDefinition.isWeightKey(key)) {
            return SpecKey.Type.NUMBER;
        }
        SpecKey k = SpecSchema.find(key);
        return k == null || k.type() != SpecKey.Type.INT && k.type() != SpecKey.Type.NUMBER ? SpecKey.Type.TEXT
                : k.type();
    }

    public boolean isNumeric() {
        for (int k = 0; k < values.size(); k++) {
            if (Double.isNaN(numeric(k))) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return values.size();
    }

    /** The text form, {@code key=v1,v2,...}. */
    public String format() {
        return key + "=" + String.join(",", values);
    }
}
