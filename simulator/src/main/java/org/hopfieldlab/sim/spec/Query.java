package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;

/** Splitting a URL query string into percent-decoded key/value pairs (shared by the codec and lab links). */
final class Query {
    private Query() {
    }

    /**
     * The pairs in order, each {key, value}; value is null for a pair without '='. A leading '?' and empty pairs
     * ("a=1&&b=2") are skipped. '+' is kept as is: canonical values never contain spaces.
     */
    static List<String[]> split(String query) {
        List<String[]> out = new ArrayList<>();
        String text = query == null ? "" : query.startsWith("?") ? query.substring(1) : query;
        int from = 0;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == '&') {
                String pair = text.substring(from, k);
                from = k + 1;
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    out.add(new String[] {decode(pair), null});
                } else {
                    out.add(new String[] {decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))});
                }
            }
        }
        return out;
    }

    /** %XX escapes (bytes as UTF-8); a malformed escape is kept as written. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        byte[] bytes = new byte[s.length()];
        int k = 0;
        while (k < s.length()) {
            int count = 0;
            while (k + 2 < s.length() && s.charAt(k) == '%' && hex(s.charAt(k + 1)) >= 0
                    && hex(s.charAt(k + 2)) >= 0) {
                bytes[count++] = (byte) (hex(s.charAt(k + 1)) * 16 + hex(s.charAt(k + 2)));
                k += 3;
            }
            if (count > 0) {
                out.append(utf8(bytes, count));
            } else {
                out.append(s.charAt(k));
                k++;
            }
        }
        return out.toString();
    }

    /** Decodes UTF-8 by hand (TeaVM-safe); a byte sequence that is not valid UTF-8 becomes U+FFFD. */
    private static String utf8(byte[] b, int len) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        while (k < len) {
            int c = b[k] & 0xff;
            int need = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
            int cp = need <= 0 ? c : c & (0x3f >> need);
            boolean ok = need >= 0 && k + need < len;
            for (int j = 1; ok && j <= need; j++) {
                int cc = b[k + j] & 0xff;
                ok = (cc >> 6) == 2;
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (ok && cp <= 0x10FFFF) {
                sb.appendCodePoint(cp);
                k += need + 1;
            } else {
                sb.append('\uFFFD');
                k++;
            }
        }
        return sb.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
