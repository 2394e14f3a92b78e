package org.hopfieldlab.sim.exercise;

/**
 * Number text for feedback and verdict JSON that is the same on the JVM, in JS and in Wasm: only exact scaling by
 * powers of ten and {@link Math#round} (never {@code Double.toString}, whose shortest-digit output the runtimes do
 * not promise to share).
 */
final class Fmt {
    private Fmt() {
    }

    /** v with {@code digits} significant digits as a plain decimal (trailing zeros dropped): 0.9253, 6.71, −1234.5. */
    static String sig(double v, int digits) {
        if (v != v) {
            return "NaN";
        }
        if (v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        int exp = exponent(v);
        if (exp < -4 || exp >= 12) {
            // scientific: 1.234·10⁻¹⁴ (a rounding-size value must not print as 0)
            return scientific(v, exp, digits);
        }
        int decimals = Math.max(0, digits - 1 - exp);
        return fixed(v, Math.min(decimals, 12));
    }

    /**
     * A count as large as work units, readable at a glance: {@link #sig} below a million, 7.21·10⁹ from there on
     * (as the README writes the work bound).
     */
    static String count(double v, int digits) {
        if (v != v || v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY || Math.abs(v) < 1e6) {
            return sig(v, digits);
        }
        return scientific(v, exponent(v), digits);
    }

    /** The exp with 10^exp ≤ |v| &lt; 10^(exp+1) (v finite and not 0). */
    private static int exponent(double v) {
        double a = Math.abs(v);
        int exp = 0;
        while (a >= pow10(exp + 1) && exp < 300) {
            exp++;
        }
        while (a < pow10(exp) && exp > -300) {
            exp--;
        }
        return exp;
    }

    private static String scientific(double v, int exp, int digits) {
        String mantissa = fixed(v / pow10(exp), digits - 1);
        if (mantissa.equals("10") || mantissa.equals("-10")) {
            mantissa = v < 0 ? "-1" : "1";
            exp++;
        }
        return mantissa + "·10" + superscript(exp);
    }

    private static String superscript(int e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        String text = Integer.toString(Math.abs(e));
        StringBuilder sb = new StringBuilder(e < 0 ? "⁻" : "");
        for (int k = 0; k < text.length(); k++) {
            sb.append(digits.charAt(text.charAt(k) - '0'));
        }
        return sb.toString();
    }

    /** A JSON number with 8 significant digits: a plain decimal, or d.ddde±x for very small and large values. */
    static String json(double v) {
        String s = sig(v, 8);
        int dot = s.indexOf("·10");
        if (dot < 0) {
            return s;
        }
        String sup = s.substring(dot + 3);
        StringBuilder e = new StringBuilder();
        for (int k = 0; k < sup.length(); k++) {
            char c = sup.charAt(k);
            e.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
        }
        return s.substring(0, dot) + "e" + e;
    }

    /** v rounded to {@code decimals} places (0–12) as a plain decimal, trailing zeros dropped. */
    static String fixed(double v, int decimals) {
        double scaled = Math.abs(v) * pow10(decimals);
        if (!(scaled < 9.0e15)) {
            // beyond exact long rounding: whole numbers only
            return (v < 0 ? "-" : "") + Long.toString(Math.round(Math.abs(v)));
        }
        long r = Math.round(scaled);
        if (r == 0) {
            return "0";
        }
        String digitsText = Long.toString(r);
        StringBuilder sb = new StringBuilder();
        if (v < 0) {
            sb.append('-');
        }
        if (decimals == 0) {
            return sb.append(digitsText).toString();
        }
        while (digitsText.length() <= decimals) {
            digitsText = "0" + digitsText;
        }
        int point = digitsText.length() - decimals;
        String frac = digitsText.substring(point);
        int end = frac.length();
        while (end > 0 && frac.charAt(end - 1) == '0') {
            end--;
        }
        sb.append(digitsText, 0, point);
        if (end > 0) {
            sb.append('.').append(frac, 0, end);
        }
        return sb.toString();
    }

    /** A fraction as a percentage with up to one decimal: 0.925 → "92.5 %". */
    static String percent(double fraction) {
        return fixed(fraction * 100, 1) + " %";
    }

    private static double pow10(int e) {
        double p = 1;
        if (e >= 0) {
            for (int k = 0; k < e; k++) {
                p = p * 10;
            }
            return p;
        }
        for (int k = 0; k < -e; k++) {
            p = p * 10;
        }
        return 1 / p;
    }
}
