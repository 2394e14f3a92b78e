package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The one number grammar of Hopfield Lab: spec values, CLI lists ({@code --noise-values}) and sweep axes all read
 * numbers here, so a value accepted in one place is accepted everywhere.
 *
 * <p>Numbers are plain decimals: an optional sign, digits with an optional point, an optional exponent
 * ({@code 8}, {@code -0.25}, {@code .5}, {@code 1e-3}). Hexadecimal ({@code 0x1p3}), {@code NaN}, {@code Infinity},
 * type suffixes ({@code 8d}) and spaces inside a value are refused: links must mean the same to every reader, and
 * {@link #format} never writes them. Whole numbers are digits with an optional minus sign.
 */
public final class Numbers {
    private Numbers() {
    }

    /** Longest accepted number: {@link #format} writes tiny values without an exponent (up to ~330 characters). */
    public static final int MAX_LENGTH = 400;

    /** Parses a plain decimal; throws a {@link SpecException} naming {@code key} otherwise. */
    public static double parse(String key, String text) {
        if (!isPlainDecimal(text)) {
            throw notANumber(key, text);
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw notANumber(key, text);
        }
        if (v != v || v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
            throw new SpecException(key, key + " = '" + shorten(text) + "' is not a number this lab can hold (largest: about 1.8e308)");
        }
        // −0 reads as 0: format writes both as "0", so the round trip stays exact
        return v + 0.0;
    }

    /** Parses a whole number in the int range; throws a {@link SpecException} naming {@code key} otherwise. */
    public static int parseInt(String key, String text) {
        boolean ok = text != null && !text.isEmpty() && text.length() <= 11;
        for (int k = 0; ok && k < text.length(); k++) {
            char c = text.charAt(k);
            ok = (c >= '0' && c <= '9') || (k == 0 && c == '-' && text.length() > 1);
        }
        long v = 0;
        if (ok) {
            v = Long.parseLong(text);
            ok = v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
        }
        if (!ok) {
            throw new SpecException(key, key + " = '" + shorten(text) + "' is not a whole number"
                    + (text != null && isPlainDecimal(text) ? " (no point or exponent here)" : ""));
        }
        return (int) v;
    }

    /** A comma-separated list of numbers; spaces around items are allowed, empty items are not. */
    public static double[] parseList(String key, String csv) {
        List<String> items = new ArrayList<>();
        int from = 0;
        String text = csv == null ? "" : csv;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == ',') {
                String item = text.substring(from, k).trim();
                if (item.isEmpty()) {
                    throw new SpecException(key, key + ": the list '" + shorten(text)
                            + "' has an empty item; write numbers separated by commas, e.g. 0,2,4.5");
                }
                items.add(item);
                from = k + 1;
            }
        }
        double[] out = new double[items.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = parse(key, items.get(k));
        }
        return out;
    }

    /** True when {@code text} is in the grammar (it may still overflow to infinity). */
    public static boolean isPlainDecimal(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        int k = 0;
        int n = text.length();
        if (text.charAt(k) == '+' || text.charAt(k) == '-') {
            k++;
        }
        int intDigits = 0;
        while (k < n && isDigit(text.charAt(k))) {
            k++;
            intDigits++;
        }
        int fracDigits = 0;
        if (k < n && text.charAt(k) == '.') {
            k++;
            while (k < n && isDigit(text.charAt(k))) {
                k++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (k < n && (text.charAt(k) == 'e' || text.charAt(k) == 'E')) {
            k++;
            if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                k++;
            }
            int expDigits = 0;
            while (k < n && isDigit(text.charAt(k))) {
                k++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return k == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static SpecException notANumber(String key, String text) {
        return new SpecException(key, key + " = '" + shorten(text) + "' is not a number: write a plain decimal "
                + "such as 8, 0.25 or 1e-3");
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 37) + "…" : text;
    }

    /** Shortest plain decimal text that parses back to the same double (no exponent: links stay readable). */
    public static String format(double v) {
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
        // TeaVM's Double.toString writes 17 digits for subnormal numbers (the JVM's is shortest): keep the shortest
        // rounding that reads back as the same double, so every runtime writes the same canonical text
        for (int len = 1; len < digits.length() && digits.length() >= 16; len++) {
            String d = roundDigits(digits, len);
            int pos = pointPos + (d.length() > len ? 1 : 0);
            d = d.substring(0, len);
            if (Double.parseDouble("0." + d + "E" + pos) == Math.abs(v)) {
                digits = d;
                pointPos = pos;
                while (digits.length() > 1 && digits.endsWith("0")) {
                    digits = digits.substring(0, digits.length() - 1);
                }
                break;
            }
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

    /** The first len digits of a digit string rounded half up; one digit longer when the rounding carries (99 → 100). */
    private static String roundDigits(String digits, int len) {
        char[] d = digits.substring(0, len).toCharArray();
        if (digits.charAt(len) >= '5') {
            int k = len - 1;
            while (k >= 0 && d[k] == '9') {
                d[k] = '0';
                k--;
            }
            if (k < 0) {
                return "1" + new String(d);
            }
            d[k]++;
        }
        return new String(d);
    }
}
