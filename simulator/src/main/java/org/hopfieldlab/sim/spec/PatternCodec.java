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
            throw new SpecException("pat", "mem=custom needs pat = the memories as packed pictures; none given");
        }
        return decode(text, n, p, "pat");
    }

    /** Validates custom memories (key "pat") without decoding them. */
    static void checkMemories(String text, int n, int p) {
        if (text.isEmpty()) {
            throw new SpecException("pat", "mem=custom needs pat = the memories as packed pictures; none given");
        }
        check(text, n, p, "pat");
    }

    /** Validates a drawn cue picture (key "cuepat") without decoding it. */
    static void checkCue(String text, int n) {
        if (text.isEmpty()) {
            throw new SpecException("cuepat", "x0=drawn and input windows 'p' need cuepat = the packed cue picture; "
                    + "none given");
        }
        check(text, n, 1, "cuepat");
    }

    /** Decodes one drawn cue picture of N entries (key "cuepat"). */
    public static double[] decodeCue(String text, int n) {
        if (text.isEmpty()) {
            throw new SpecException("cuepat", "x0=drawn and input windows 'p' need cuepat = the packed cue picture; "
                    + "none given");
        }
        return decode(text, n, 1, "cuepat")[0];
    }

    /** One picture from '+'/'-' characters (anything but '+' is −1): the lab's drawn cue. */
    public static String encodeSigns(String signs) {
        double[] m = new double[signs.length()];
        for (int i = 0; i < m.length; i++) {
            m[i] = signs.charAt(i) == '+' ? 1.0 : -1.0;
        }
        return encode(new double[][] {m});
    }

    /** One packed picture of n signs back to '+'/'-' characters; throws naming key "cuepat" when malformed. */
    public static String decodeSigns(String packed, int n) {
        double[] m = decodeCue(packed, n);
        StringBuilder sb = new StringBuilder(n);
        for (double v : m) {
            sb.append(v > 0 ? '+' : '-');
        }
        return sb.toString();
    }

    /**
     * A square picture of fromN pixels resampled (nearest neighbour) to a square of toN pixels, so a drawn cue
     * follows a change of N; null when either size is not a square or the text does not decode.
     */
    public static String resample(String packed, int fromN, int toN) {
        int a = (int) Math.round(Math.sqrt(fromN));
        int b = (int) Math.round(Math.sqrt(toN));
        if (a * a != fromN || b * b != toN || a < 1 || b < 1) {
            return null;
        }
        double[] m;
        try {
            m = decodeCue(packed, fromN);
        } catch (SpecException e) {
            return null;
        }
        double[] out = new double[toN];
        for (int y = 0; y < b; y++) {
            for (int x = 0; x < b; x++) {
                out[y * b + x] = m[(int) ((long) y * a / b) * a + (int) ((long) x * a / b)];
            }
        }
        return encode(new double[][] {out});
    }

    private static double[][] decode(String text, int n, int p, String key) {
        check(text, n, p, key);
        String[] parts = split(text);
        int chars = (n + 5) / 6;
        double[][] out = new double[p][n];
        for (int mu = 0; mu < p; mu++) {
            String part = parts[mu];
            for (int c = 0; c < chars; c++) {
                int v = value(part.charAt(c));
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

    /** Validates packed text without decoding it (validation of every spec runs this): counts, lengths, letters. */
    static void check(String text, int n, int p, String key) {
        int chars = (n + 5) / 6;
        String item = key.equals("pat") ? "memory " : "picture ";
        int parts = 1;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '.') {
                parts++;
            }
        }
        if (parts != p) {
            throw new SpecException(key, key.equals("pat")
                    ? "pat holds " + parts + (parts == 1 ? " memory" : " memories") + " but p = " + p
                            + ": give one packed picture per memory, separated by '.'"
                    : key + " holds " + parts + " pictures but must be one picture (no '.')");
        }
        int mu = 0;
        int from = 0;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == '.') {
                if (k - from != chars) {
                    throw new SpecException(key, item + (mu + 1) + " in " + key + " has " + (k - from)
                            + " characters; n = " + n + " needs " + chars + " (" + n + " signs, 6 per character)");
                }
                for (int c = from; c < k; c++) {
                    if (value(text.charAt(c)) < 0) {
                        throw new SpecException(key, item + (mu + 1) + " in " + key + " has the character '"
                                + text.charAt(c) + "'; allowed: A-Z a-z 0-9 - _");
                    }
                }
                mu++;
                from = k + 1;
            }
        }
    }

    /** The 6-bit value of a URL-safe base64 character, or −1. */
    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
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
