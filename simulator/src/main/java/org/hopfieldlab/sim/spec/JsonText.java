package org.hopfieldlab.sim.spec;

import java.util.List;

/**
 * A small JSON writer for what the core tells its front ends (the schema, control state, schedules, link reports).
 * TeaVM-safe (no reflection, no library); numbers are written with {@link Numbers#format}, NaN as null.
 */
public final class JsonText {
    private final StringBuilder sb = new StringBuilder();
    /** One flag per open container: does it already hold a value (so the next one needs a comma)? */
    private boolean[] filled = new boolean[16];
    /** The closing bracket of each open container. */
    private char[] closers = new char[16];
    private int depth;
    private boolean afterKey;

    public JsonText object() {
        open('{');
        return this;
    }

    public JsonText array() {
        open('[');
        return this;
    }

    public JsonText end() {
        sb.append(closers[depth]);
        depth--;
        return this;
    }

    private void open(char c) {
        comma();
        sb.append(c);
        depth++;
        if (depth >= filled.length) {
            boolean[] more = new boolean[filled.length * 2];
            System.arraycopy(filled, 0, more, 0, filled.length);
            filled = more;
            char[] moreClosers = new char[closers.length * 2];
            System.arraycopy(closers, 0, moreClosers, 0, closers.length);
            closers = moreClosers;
        }
        filled[depth] = false;
        closers[depth] = c == '{' ? '}' : ']';
    }

    private void comma() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (depth > 0) {
            if (filled[depth]) {
                sb.append(',');
            }
            filled[depth] = true;
        }
    }

    /** The name of the next value inside an object. */
    public JsonText key(String name) {
        comma();
        quote(name);
        sb.append(':');
        afterKey = true;
        return this;
    }

    public JsonText value(String v) {
        comma();
        if (v == null) {
            sb.append("null");
        } else {
            quote(v);
        }
        return this;
    }

    public JsonText value(double v) {
        comma();
        sb.append(v == v && v != Double.POSITIVE_INFINITY && v != Double.NEGATIVE_INFINITY ? Numbers.format(v)
                : "null");
        return this;
    }

    public JsonText value(int v) {
        comma();
        sb.append(v);
        return this;
    }

    public JsonText value(boolean v) {
        comma();
        sb.append(v);
        return this;
    }

    /** Already-written JSON as the next value. */
    public JsonText raw(String json) {
        comma();
        sb.append(json);
        return this;
    }

    public JsonText field(String name, String v) {
        return key(name).value(v);
    }

    public JsonText field(String name, double v) {
        return key(name).value(v);
    }

    public JsonText field(String name, int v) {
        return key(name).value(v);
    }

    public JsonText field(String name, boolean v) {
        return key(name).value(v);
    }

    public JsonText field(String name, List<String> v) {
        key(name).array();
        for (String s : v) {
            value(s);
        }
        return end();
    }

    private void quote(String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        String hex = Integer.toHexString(c);
                        sb.append("\\u");
                        for (int p = hex.length(); p < 4; p++) {
                            sb.append('0');
                        }
                        sb.append(hex);
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
