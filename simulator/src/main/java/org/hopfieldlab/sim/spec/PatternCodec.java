package org.hopfieldlab.sim.spec;

/**
 * Custom (drawn or uploaded) memories in a share link: each memory's N signs packed 6 per character in the
 * URL-safe base64 alphabet (bit set = +1), memories separated by '.'. A 32×32 picture takes 171 characters.
 */
public final class PatternCodec {
    private PatternCodec() {
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static String encode(double[][] memories) {
        StringBuilder sb = new StringBuilder();
        for (int mu = 0; mu < memories.length; mu++) {
            if (mu > 0) {
                sb.append('.');
            }
            double[] m = memories[mu];
            for (int start = 0; start < m.length; start += 6) {
                int v = 0;
                for (int b = 0; b < 6; b++) {
                    int i = start + b;
                    if (i < m.length && m[i] > 0) {
                        v |= 1 << (5 - b);
                    }
                }
                sb.append(ALPHABET.charAt(v));
            }
        }
        return sb.toString();
    }

    /** Decodes P memories of N entries each, or throws a {@link SpecException} on key "pat" saying what is wrong. */
    public static double[][] decode(String text, int n, int p) {
        if (text.isEmpty()) {
            throw new SpecException("pat", "custom memories need pat = the packed pictures; none given");
        }
        return decode(text, n, p, "pat");
    }

    /** Decodes one drawn cue picture of N entries (key "cuepat"). */
    public static double[] decodeCue(String text, int n) {
        if (text.isEmpty()) {
            throw new SpecException("cuepat", "x0=drawn and input windows 'p' need cuepat = the packed cue picture; "
                    + "none given");
        }
        return decode(text, n, 1, "cuepat")[0];
    }

    private static double[][] decode(String text, int n, int p, String key) {
        String[] parts = split(text);
        String item = key.equals("pat") ? "memory " : "picture ";
        if (parts.length != p) {
            throw new SpecException(key, key.equals("pat") ? "pat holds " + parts.length + " memories but p = " + p
                    : key + " holds " + parts.length + " pictures but needs " + p);
        }
        int chars = (n + 5) / 6;
        double[][] out = new double[p][n];
        for (int mu = 0; mu < p; mu++) {
            String part = parts[mu];
            if (part.length() != chars) {
                throw new SpecException(key, item + (mu + 1) + " in " + key + " has " + part.length()
                        + " characters; n = " + n + " needs " + chars);
            }
            for (int c = 0; c < chars; c++) {
                int v = ALPHABET.indexOf(part.charAt(c));
                if (v < 0) {
                    throw new SpecException(key, item + (mu + 1) + " in " + key + " has the character '"
                            + part.charAt(c) + "'; allowed: A-Z a-z 0-9 - _");
                }
                for (int b = 0; b < 6; b++) {
                    int i = c * 6 + b;
                    if (i < n) {
                        out[mu][i] = (v & (1 << (5 - b))) != 0 ? 1.0 : -1.0;
                    }
                }
            }
        }
        return out;
    }

    private static String[] split(String text) {
        int count = 1;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '.') {
                count++;
            }
        }
        String[] parts = new String[count];
        int from = 0;
        int idx = 0;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == '.') {
                parts[idx++] = text.substring(from, k);
                from = k + 1;
            }
        }
        return parts;
    }
}
