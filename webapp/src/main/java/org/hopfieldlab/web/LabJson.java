package org.hopfieldlab.web;

/**
 * A minimal JSON writer for the answers of {@link LabExports} that are records (the page parses them with
 * JSON.parse): objects, arrays, strings, numbers (NaN and infinities as null) and booleans. Not a general library:
 * the exports only write, and TeaVM keeps this small.
 */
final class LabJson {
    private final StringBuilder sb = new StringBuilder();
    /** Whether the container being written already has an element (a comma goes before the next). */
    private boolean[] filled = new boolean[16];
    private int depth;

    LabJson begin() {
        return open('{');
    }

    LabJson end() {
        return close('}');
    }

    LabJson beginArray(String name) {
        key(name);
        return open('[');
    }

    LabJson beginArray() {
        element();
        return open('[');
    }

    LabJson endArray() {
        return close(']');
    }

    LabJson beginObject() {
        element();
        return open('{');
    }

    LabJson beginObject(String name) {
        key(name);
        return open('{');
    }

    LabJson put(String name, String value) {
        key(name);
        string(value);
        return this;
    }

    LabJson put(String name, double value) {
        key(name);
        number(value);
        return this;
    }

    LabJson put(String name, int value) {
        key(name);
        sb.append(value);
        return this;
    }

    LabJson put(String name, boolean value) {
        key(name);
        sb.append(value);
        return this;
    }

    LabJson add(String value) {
        element();
        string(value);
        return this;
    }

    LabJson add(double value) {
        element();
        number(value);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private LabJson open(char c) {
        sb.append(c);
        depth++;
        if (depth >= filled.length) {
            boolean[] more = new boolean[filled.length * 2];
            System.arraycopy(filled, 0, more, 0, filled.length);
            filled = more;
        }
        filled[depth] = false;
        return this;
    }

    private LabJson close(char c) {
        sb.append(c);
        depth--;
        return this;
    }

    private void element() {
        if (depth > 0) {
            if (filled[depth]) {
                sb.append(',');
            }
            filled[depth] = true;
        }
    }

    private void key(String name) {
        element();
        string(name);
        sb.append(':');
    }

    private void number(double v) {
        if (v != v || Double.isInfinite(v)) {
            sb.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(Double.toString(v));
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                String hex = Integer.toHexString(c);
                sb.append("\\u");
                for (int z = hex.length(); z < 4; z++) {
                    sb.append('0');
                }
                sb.append(hex);
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
