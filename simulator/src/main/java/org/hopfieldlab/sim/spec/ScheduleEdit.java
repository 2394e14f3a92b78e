package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.Window;

/**
 * The input schedule (spec key {@code in}) read and edited by the core: the lab's window editor, its "switch the
 * input now" buttons and its add/remove buttons call these, so the window grammar lives only in {@link SpecCodec}.
 * Every edit returns a new validated spec (through {@link SpecEdit#change}) or throws a {@link SpecException}.
 */
public final class ScheduleEdit {
    private ScheduleEdit() {
    }

    /**
     * The windows as JSON: [{"index","start","startStep","endStep","kind":"recipe|cue|weights|drawn|off",
     * "code":"d|c|w|p|off","memory":1-based or 0,"weights":[…],"text":"10:d2","what":"d2"}].
     */
    public static String toJson(ExperimentSpec spec) {
        JsonText j = new JsonText().array();
        List<Window> s = spec.schedule();
        for (int w = 0; w < s.size(); w++) {
            Window win = s.get(w);
            String what = whatOf(win);
            j.object().field("index", w).field("start", win.start()).field("startStep", spec.windowStartStep(w))
                    .field("endStep", spec.windowEndStep(w)).field("kind", win.kind().name().toLowerCase())
                    .field("code", what.startsWith("off") ? "off" : what.substring(0, 1))
                    .field("memory", win.kind() == Window.Kind.RECIPE || win.kind() == Window.Kind.CUE
                            ? win.target() + 1 : 0)
                    .key("weights").array();
            for (double a : win.weights()) {
                j.value(a);
            }
            j.end().field("what", what).field("text", Numbers.format(win.start()) + ":" + what).end();
        }
        return j.end().toString();
    }

    /** The input part of a window's text ("d2", "c1", "w1_0.5", "p", "off"). */
    static String whatOf(Window w) {
        String t = SpecCodec.formatSchedule(List.of(w));
        return t.substring(t.indexOf(':') + 1);
    }

    /**
     * Inserts a window at time t (NaN: halfway between the last window and the end) with input {@code what}
     * ("dK", "cK", "wA_B_…", "w" for a first guess with memory 1 leading, "p", "off"; "" = the memory after the last
     * window's). Later windows are kept.
     */
    public static ExperimentSpec add(ExperimentSpec spec, double t, String what) {
        List<Window> s = new ArrayList<>(spec.schedule());
        Window last = s.get(s.size() - 1);
        double start = t;
        if (start != start) {
            double end = spec.duration();
            start = Math.min(end - spec.dt(), last.start() + Math.max(spec.dt(), (end - last.start()) / 2));
        }
        start = clean(start, spec.dt());
        String w = what == null || what.isEmpty() ? nextMemory(spec, last) : what;
        Window win = parseWindow(spec, start, w);
        int at = s.size();
        while (at > 0 && s.get(at - 1).start() > start) {
            at--;
        }
        s.add(at, win);
        return withSchedule(spec, s);
    }

    /**
     * "Switch the input now": windows from time t on are replaced by one window {@code what} starting at t (the
     * run continues from there, and the link reproduces the switch).
     */
    public static ExperimentSpec switchAt(ExperimentSpec spec, double t, String what) {
        long step = Math.round(t / spec.dt());
        if (step >= spec.steps()) {
            throw new SpecException("in", "the run ends at t = " + Numbers.format(spec.duration())
                    + ": there is no time left to switch the input at t = " + Numbers.format(t));
        }
        double start = clean(t, spec.dt());
        List<Window> s = new ArrayList<>();
        for (int w = 0; w < spec.schedule().size(); w++) {
            if (spec.windowStartStep(w) < step) {
                s.add(spec.schedule().get(w));
            }
        }
        s.add(parseWindow(spec, s.isEmpty() ? 0 : start, what));
        return withSchedule(spec, s);
    }

    /** Removes window {@code index}; when the first goes, the next one starts at 0. The last one cannot go. */
    public static ExperimentSpec remove(ExperimentSpec spec, int index) {
        List<Window> s = new ArrayList<>(spec.schedule());
        checkIndex(s, index);
        if (s.size() == 1) {
            throw new SpecException("in", "the schedule needs at least one window (use 'off' for no input)");
        }
        s.remove(index);
        if (index == 0) {
            s.set(0, parseWindow(spec, 0, whatOf(s.get(0))));
        }
        return withSchedule(spec, s);
    }

    /** Replaces window {@code index} by {@code text} ("start:what"; a bare "what" keeps the start). */
    public static ExperimentSpec set(ExperimentSpec spec, int index, String text) {
        List<Window> s = new ArrayList<>(spec.schedule());
        checkIndex(s, index);
        int colon = text.indexOf(':');
        double start = colon < 0 ? s.get(index).start() : Numbers.parse("in", text.substring(0, colon));
        String what = colon < 0 ? text : text.substring(colon + 1);
        s.set(index, parseWindow(spec, start, what));
        return withSchedule(spec, s);
    }

    /**
     * The kinds of input window the editor offers, in its order: code (the grammar's letter), label, what the window
     * takes besides its start ("memory", "weights", "picture" or "") and a one-line help.
     */
    private static final String[][] KINDS = {
        {"d", "dominant ξ", "memory", "the paper's random mixture of all memories, memory K dominant"},
        {"c", "cue of ξ", "memory", "a damaged copy of memory K (keys mask, flip) × the cue amplitude"},
        {"w", "weights", "weights", "explicit weights a_μ of u = Σ a_μ ξ^μ, one per memory"},
        {"p", "drawn cue", "picture", "the drawn cue picture (key cuepat) × the cue amplitude"},
        {"off", "off", "", "no input"}};

    /** The window kinds as JSON: [{"code","label","takes","help"}]. */
    public static String kindsJson() {
        JsonText j = new JsonText().array();
        for (String[] k : KINDS) {
            j.object().field("code", k[0]).field("label", k[1]).field("takes", k[2]).field("help", k[3]).end();
        }
        return j.end().toString();
    }

    /**
     * One field of window {@code index} edited in the window editor: {@code start} (a time), {@code kind} (a code of
     * {@link #kindsJson}: a memory window keeps its memory, a weights window starts from a first guess with memory 1
     * leading), {@code memory} (1-based, for d and c windows) or {@code weights} (numbers separated by spaces,
     * commas, '_' or ';'). The grammar of the window text stays here.
     */
    public static ExperimentSpec edit(ExperimentSpec spec, int index, String field, String value) {
        List<Window> s = new ArrayList<>(spec.schedule());
        checkIndex(s, index);
        Window old = s.get(index);
        String what = whatOf(old);
        double start = old.start();
        switch (field) {
            case "start":
                start = Numbers.parse("in", value.trim());
                break;
            case "kind": {
                if (!isKind(value)) {
                    throw new SpecException("in", "'" + value + "' is not a kind of input window; allowed: d, c, w, "
                            + "p, off");
                }
                boolean named = old.kind() == Window.Kind.RECIPE || old.kind() == Window.Kind.CUE;
                if (value.equals("d") || value.equals("c")) {
                    what = value + (named ? old.target() + 1 : 1);
                } else if (value.equals("w")) {
                    what = old.kind() == Window.Kind.WEIGHTS ? what : "w";
                } else {
                    what = value;
                }
                break;
            }
            case "memory":
                if (old.kind() != Window.Kind.RECIPE && old.kind() != Window.Kind.CUE) {
                    throw new SpecException("in", "input window " + (index + 1) + " names no memory");
                }
                what = what.substring(0, 1) + Numbers.parseInt("in", value.trim());
                break;
            case "weights": {
                double[] a = Numbers.parseList("in", commaSeparated(value));
                StringBuilder sb = new StringBuilder("w");
                for (int mu = 0; mu < a.length; mu++) {
                    sb.append(mu > 0 ? "_" : "").append(Numbers.format(a[mu]));
                }
                what = sb.toString();
                break;
            }
            default:
                throw new SpecException("in", "an input window has no field '" + field + "'; allowed: start, kind, "
                        + "memory, weights");
        }
        s.set(index, parseWindow(spec, start, what));
        return withSchedule(spec, s);
    }

    /** "1.5 1  0.5" or "1.5_1;0.5" → "1.5,1,0.5" (no regex: TeaVM would pull in its tables). */
    private static String commaSeparated(String text) {
        StringBuilder sb = new StringBuilder();
        boolean gap = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean sep = c == ' ' || c == '\t' || c == '_' || c == ';' || c == ',';
            if (sep) {
                gap = sb.length() > 0;
            } else {
                if (gap) {
                    sb.append(',');
                    gap = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isKind(String code) {
        for (String[] k : KINDS) {
            if (k[0].equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static void checkIndex(List<Window> s, int index) {
        if (index < 0 || index >= s.size()) {
            throw new SpecException("in", "there is no input window " + (index + 1) + "; the schedule has " + s.size());
        }
    }

    private static Window parseWindow(ExperimentSpec spec, double start, String what) {
        String w = what;
        if (w.equals("w")) {
            // a first guess for explicit weights: memory 1 leads
            StringBuilder sb = new StringBuilder("w");
            for (int mu = 0; mu < spec.p(); mu++) {
                sb.append(mu > 0 ? "_" : "").append(mu == 0 ? "1.5" : "1");
            }
            w = sb.toString();
        }
        return SpecCodec.parseSchedule(Numbers.format(start) + ":" + w).get(0);
    }

    private static String nextMemory(ExperimentSpec spec, Window last) {
        boolean named = last.kind() == Window.Kind.RECIPE || last.kind() == Window.Kind.CUE;
        return "d" + (named ? (last.target() + 1) % spec.p() + 1 : 1);
    }

    /** A time without float noise (0.30000000000000004 → 0.3) that still falls on the same step. */
    static double clean(double t, double dt) {
        double c = Math.round(t * 1e6) / 1e6;
        return Math.round(c / dt) == Math.round(t / dt) ? c : t;
    }

    private static ExperimentSpec withSchedule(ExperimentSpec spec, List<Window> s) {
        return SpecEdit.change(spec, "in=" + SpecCodec.formatSchedule(s));
    }
}
