package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Which keys differ between two specs in canonical form (as {@link SpecCodec#format} writes them): a key counts as
 * changed when its value differs or it appears in only one of them. Locks use it: an edit that changes a locked key
 * is refused, on every path (controls, the spec box, presets, input switches), in the lab and on the server.
 */
public final class SpecDiff {
    private SpecDiff() {
    }

    /** The changed keys, in the order of {@link SpecCodec#KEYS} (unknown keys last, in order of appearance). */
    public static List<String> changedKeys(String canonicalA, String canonicalB) {
        List<String[]> a = pairs(canonicalA);
        List<String[]> b = pairs(canonicalB);
        List<String> out = new ArrayList<>();
        for (String key : SpecCodec.KEYS) {
            if (differs(a, b, key)) {
                out.add(key);
            }
        }
        addUnknown(a, a, b, out);
        addUnknown(b, a, b, out);
        return out;
    }

    /** The keys of {@code locked} that change from {@code canonicalA} to {@code canonicalB}. */
    public static List<String> lockedChanges(String canonicalA, String canonicalB, List<String> locked) {
        List<String> out = new ArrayList<>();
        for (String key : changedKeys(canonicalA, canonicalB)) {
            if (locked.contains(key)) {
                out.add(key);
            }
        }
        return out;
    }

    private static void addUnknown(List<String[]> side, List<String[]> a, List<String[]> b, List<String> out) {
        for (String[] kv : side) {
            if (!out.contains(kv[0]) && !known(kv[0]) && differs(a, b, kv[0])) {
                out.add(kv[0]);
            }
        }
    }

    private static boolean known(String key) {
        for (String k : SpecCodec.KEYS) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean differs(List<String[]> a, List<String[]> b, String key) {
        String va = value(a, key);
        String vb = value(b, key);
        return va == null ? vb != null : !va.equals(vb);
    }

    private static String value(List<String[]> pairs, String key) {
        for (String[] kv : pairs) {
            if (kv[0].equals(key)) {
                return kv[1];
            }
        }
        return null;
    }

    private static List<String[]> pairs(String query) {
        String text = query.startsWith("?") ? query.substring(1) : query;
        List<String[]> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == '&') {
                String pair = text.substring(from, k);
                from = k + 1;
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    out.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
                }
            }
        }
        return out;
    }
}
