package org.hopfieldlab.sim.exercise;

/**
 * ASCII-only case and character tests. The JDK's versions carry Unicode tables that TeaVM would compile into the
 * browser bundle; every place here only needs ASCII (URL schemes, choice ids, the first letter of a sentence).
 */
final class Ascii {
    private Ascii() {
    }

    static String lower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return sb.toString();
    }

    /** The text with its first character upper-cased when it is an ASCII letter. */
    static String capital(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return s;
        }
        return (char) (s.charAt(0) - ('a' - 'A')) + s.substring(1);
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isLetterOrDigit(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }
}
