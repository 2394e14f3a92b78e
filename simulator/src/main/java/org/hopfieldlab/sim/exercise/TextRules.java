package org.hopfieldlab.sim.exercise;

/**
 * What exercise text may contain. Text is Markdown (with Unicode or TeX-style math) shown by the lab through a
 * Markdown renderer and an HTML sanitizer; this is the first line of defence and refuses, with a message, what has
 * no place in an exercise: raw HTML tags (so no script, iframe or event handler), script URLs, remote images, and
 * control characters. A '&lt;' not followed by an ASCII letter, '/', '!' or '?' (β α' &lt; 1, x &lt;2, m &lt;α) is fine.
 */
final class TextRules {
    private TextRules() {
    }

    static String check(String path, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new ExerciseException(path, "is " + text.length() + " characters long; allowed: at most "
                    + maxLength);
        }
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                throw new ExerciseException(path, "contains the control character U+00" + hex2(c) + " at "
                        + where(text, k) + "; only printable text, tabs and line breaks are allowed");
            }
            if (c == '<' && k + 1 < text.length()) {
                char d = text.charAt(k + 1);
                if (Ascii.isLetter(d) || d == '/' || d == '!' || d == '?') {
                    throw new ExerciseException(path, "contains HTML ('" + snippet(text, k) + "' at " + where(text, k)
                            + "); exercise text is Markdown only — raw HTML is not allowed (write '&lt;' or put a "
                            + "space after '<' for a less-than sign)");
                }
            }
        }
        // link and image targets: "](target" and reference definitions "[ref]: target"
        for (int k = text.indexOf(']'); k >= 0; k = text.indexOf(']', k + 1)) {
            boolean inline = k + 1 < text.length() && text.charAt(k + 1) == '(';
            boolean reference = k + 1 < text.length() && text.charAt(k + 1) == ':';
            if (!inline && !reference) {
                continue;
            }
            String target = Ascii.lower(text.substring(k + 2).trim());
            boolean image = isImage(text, k);
            if (image) {
                if (!target.startsWith("data:image/png;base64,") && !target.startsWith("data:image/jpeg;base64,")
                        && !target.startsWith("data:image/gif;base64,")) {
                    throw new ExerciseException(path, "has an image at " + where(text, k) + " that is not "
                            + "embedded; the lab loads no remote content — embed small pictures as "
                            + "data:image/png;base64,…");
                }
            } else if (hasScheme(target) && !target.startsWith("https:") && !target.startsWith("http:")
                    && !target.startsWith("mailto:")) {
                throw new ExerciseException(path, "links to '" + snippet(target, 0) + "' at " + where(text, k)
                        + "; links may only use https:, http:, mailto: or a relative address");
            }
        }
        return text;
    }

    /** Whether the ']' at k closes the text of an image ("![alt]"). */
    private static boolean isImage(String text, int k) {
        int open = text.lastIndexOf('[', k);
        return open > 0 && text.charAt(open - 1) == '!';
    }

    /**
     * A URL scheme "name:" before any '/', '?' or '#' — or an escape ('&amp;', '%', '\\') there, which a renderer
     * could decode into one (e.g. "jav&amp;#x61;script:"), so it is treated as a scheme too.
     */
    private static boolean hasScheme(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == ':' || c == '&' || c == '%' || c == '\\') {
                return i > 0 || c != ':';
            }
            if (!(Ascii.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return false;
    }

    private static String snippet(String text, int k) {
        int end = Math.min(text.length(), k + 12);
        int nl = text.indexOf('\n', k);
        if (nl >= 0 && nl < end) {
            end = nl;
        }
        return text.substring(k, end);
    }

    /** "line L, column C" (1-based) of position k. */
    private static String where(String text, int k) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < k; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ", column " + col;
    }

    private static String hex2(char c) {
        String h = "0123456789ABCDEF";
        return "" + h.charAt((c >> 4) & 15) + h.charAt(c & 15);
    }
}
