package org.hopfieldlab.sim.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Numbers;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecDiff;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * One submission being graded. The answer is checked at once (a locked key changed, not a number, too much work →
 * refused with a message); what needs runs is evaluated trial by trial through {@link #step(int)}, so a browser can
 * show progress. The verdict depends only on the exercise, the task and the answer (a spec carries its seed).
 */
public final class Grading {
    private final Exercise exercise;
    private final Task task;
    private final String answer;
    private ExperimentSpec graded;
    private String gradedSpec = "";
    private Evaluation evaluation;
    private Verdict verdict;
    // numeric
    private double number;
    // choice
    private Choice chosen;

    Grading(Exercise exercise, String taskId, String answer) {
        this.exercise = exercise;
        this.task = exercise.task(taskId);
        this.answer = answer == null ? "" : answer.trim();
        if (this.answer.length() > ExerciseLimits.MAX_ANSWER) {
            verdict = refused("the answer is " + this.answer.length() + " characters long; allowed: at most "
                    + ExerciseLimits.MAX_ANSWER);
            return;
        }
        switch (task.kind()) {
            case NUMERIC: startNumeric(); break;
            case CHOICE: startChoice(); break;
            default: startRun();
        }
    }

    /** Runs up to {@code maxTrials} more trials; true when the verdict is ready. */
    public boolean step(int maxTrials) {
        if (verdict == null && evaluation.step(Math.max(0, maxTrials))) {
            finish();
        }
        return verdict != null;
    }

    public boolean done() {
        return verdict != null;
    }

    /** 0 … 1: the share of the trials run so far (1 when done). */
    public double progress() {
        if (verdict != null) {
            return 1;
        }
        int total = evaluation.trialsTotal();
        return total == 0 ? 0 : (double) evaluation.trialsDone() / total;
    }

    /** The verdict, running what is left first. */
    public Verdict verdict() {
        while (verdict == null) {
            step(1 << 30);
        }
        return verdict;
    }

    // ---- numeric ----

    private void startNumeric() {
        if (!isPlainNumber(answer)) {
            verdict = refused("'" + shorten(answer) + "' is not a number; write it like 6.71 (a point for decimals)");
            return;
        }
        number = Numbers.parse("answer", answer);
        List<Measure> ms = new ArrayList<>();
        ms.add(task.answer());
        evaluation = task.cachedEvaluation() != null ? task.cachedEvaluation() : new Evaluation(task.spec(), ms);
        step(0);
    }

    /** The spec's number grammar (plain decimals: no NaN, hex or suffixes), finite. */
    static boolean isPlainNumber(String s) {
        if (!Numbers.isPlainDecimal(s)) {
            return false;
        }
        try {
            Numbers.parse("answer", s);
            return true;
        } catch (SpecException e) {
            return false; // beyond the double range
        }
    }

    private void finishNumeric() {
        Measure m = task.answer();
        double expected = evaluation.value(m);
        String asked = askedNumeric(task);
        if (expected != expected) {
            verdict = make(Verdict.Status.ERROR, "This task's answer cannot be computed for its spec ("
                    + m.describe(windows()) + " is undefined); tell the teacher.", asked, notesLine(), List.of());
            return;
        }
        double tolerance = task.toleranceAbs() + task.toleranceRel() * Math.abs(expected);
        double diff = number - expected;
        boolean ok = Math.abs(diff) <= tolerance;
        String mine = Fmt.sig(number, 8);
        String observed;
        String summary;
        if (ok) {
            summary = "Right: " + mine + " is within " + toleranceText(task) + " of the value the core computes, "
                    + Fmt.sig(expected, 6) + ".";
            observed = "Your answer: " + mine + ". The core computes " + Fmt.sig(expected, 6) + " ("
                    + source(m) + ").";
        } else {
            String side = diff > 0 ? "too high" : "too low";
            summary = "Not yet: " + mine + " is " + side + ".";
            observed = "Your answer: " + mine + ". It is " + side + ": it differs from the value the core computes ("
                    + source(m) + ") by more than " + toleranceText(task) + ".";
        }
        List<Verdict.Check> checks = new ArrayList<>();
        checks.add(new Verdict.Check(m.describe(windows()), mine, number, "≈", ok ? Fmt.sig(expected, 6) : "",
                ok));
        verdict = make(ok ? Verdict.Status.RIGHT : Verdict.Status.WRONG, summary, asked, join(observed, notesLine()),
                checks);
    }

    static String askedNumeric(Task t) {
        return capital(t.answer().describe(t.spec().schedule().size())) + ", within " + toleranceText(t) + ".";
    }

    private static String toleranceText(Task t) {
        String abs = "±" + Fmt.sig(t.toleranceAbs(), 6);
        String rel = "±" + Fmt.fixed(t.toleranceRel() * 100, 4) + " %";
        if (t.toleranceRel() == 0) {
            return abs;
        }
        if (t.toleranceAbs() == 0) {
            return rel;
        }
        return abs + " and " + rel;
    }

    private static String source(Measure m) {
        switch (m.kind().source) {
            case THEORY: return "from the theory";
            case SIMULATION: return "from the runs of this spec";
            default: return "from the spec";
        }
    }

    // ---- choice ----

    private void startChoice() {
        List<String> ids = new ArrayList<>();
        for (Choice c : task.choices()) {
            ids.add(c.id());
            if (c.id().equals(Ascii.lower(answer))) {
                chosen = c;
            }
        }
        if (chosen == null) {
            verdict = refused("'" + shorten(answer) + "' is not one of the choices; answer with one of: "
                    + String.join(", ", ids));
            return;
        }
        List<Measure> ms = new ArrayList<>();
        for (Choice c : task.choices()) {
            if (c.when() != null) {
                collect(c.when(), ms);
            }
        }
        evaluation = task.cachedEvaluation() != null ? task.cachedEvaluation() : new Evaluation(task.spec(), ms);
        step(0);
    }

    private void finishChoice() {
        List<Choice> right = new ArrayList<>();
        for (Choice c : task.choices()) {
            if (c.when() != null ? holds(c.when()) : c.correct()) {
                right.add(c);
            }
        }
        String asked = "Choose one: " + choiceList(task);
        if (right.size() != 1) {
            List<String> ids = new ArrayList<>();
            for (Choice c : right) {
                ids.add(c.id());
            }
            verdict = make(Verdict.Status.ERROR, "This exercise is broken: on its run " + (right.isEmpty()
                    ? "no choice's condition holds" : right.size() + " choices' conditions hold ("
                    + String.join(", ", ids) + ")") + "; tell the teacher.", asked, notesLine(), List.of());
            return;
        }
        boolean ok = right.get(0) == chosen;
        List<Verdict.Check> checks = new ArrayList<>();
        String observed = "You chose (" + chosen.id() + ") " + chosen.text();
        if (chosen.when() != null) {
            flatten(chosen.when(), checks);
            observed = observed + "\n" + (ok ? "The run shows it:" : "The run does not show it:") + "\n"
                    + checkLines(checks);
        }
        String summary = ok ? "Right: (" + chosen.id() + ") " + chosen.text()
                : "Not this one: (" + chosen.id() + ") " + chosen.text();
        verdict = make(ok ? Verdict.Status.RIGHT : Verdict.Status.WRONG, summary, asked, join(observed, notesLine()),
                checks);
    }

    private static String choiceList(Task t) {
        List<String> parts = new ArrayList<>();
        for (Choice c : t.choices()) {
            parts.add("(" + c.id() + ") " + c.text());
        }
        return String.join("; ", parts);
    }

    // ---- make and draw ----

    private void startRun() {
        try {
            graded = submittedSpec();
        } catch (SpecException e) {
            verdict = refused("your spec is not valid: " + e.getMessage());
            return;
        }
        gradedSpec = SpecCodec.format(graded);
        String locks = lockViolations(task, graded);
        if (!locks.isEmpty()) {
            verdict = refused("your spec changes locked keys: " + locks + ". In this task you may change only: "
                    + (task.freeKeys().isEmpty() ? "nothing (run it as it is)" : String.join(", ",
                    task.freeKeys())) + ".");
            return;
        }
        List<Measure> ms = new ArrayList<>();
        collect(task.condition(), ms);
        String unfit = unfit(ms, graded);
        if (!unfit.isEmpty()) {
            verdict = refused(unfit);
            return;
        }
        evaluation = new Evaluation(graded, ms);
        if (evaluation.work() > ExerciseLimits.MAX_WORK) {
            verdict = refused("your spec would need " + Fmt.count(evaluation.work(), 3) + " work units to grade ("
                    + Evaluation.runs(graded) + "); allowed: at most " + Fmt.count(ExerciseLimits.MAX_WORK, 3)
                    + " — lower trials, t or n");
            return;
        }
        if (task.kind() == TaskKind.DRAW) {
            double inked = MeasureValues.inked(graded);
            if (inked > task.maxPixels()) {
                evaluation = null; // nothing runs
                String n = Fmt.sig(inked, 6);
                verdict = make(Verdict.Status.WRONG, "Not yet: your cue has " + n + " inked pixels; at most "
                        + task.maxPixels() + " are allowed.", askedRun(), "Your cue has " + n + " inked pixels.",
                        List.of(new Verdict.Check("the number of inked pixels in the drawn cue", n, inked,
                                "≤", Integer.toString(task.maxPixels()), false)));
                return;
            }
        }
        step(0);
    }

    /** The student's spec: a query or a lab link; for a draw task also a bare packed cue picture. */
    private ExperimentSpec submittedSpec() {
        if (answer.isEmpty()) {
            throw new SpecException("", "the answer is empty; give the spec (the lab's link or its query string)");
        }
        if (task.kind() == TaskKind.DRAW && answer.indexOf('=') < 0 && answer.indexOf('?') < 0) {
            return SpecCodec.parseOnto(task.spec().toBuilder(), "cuepat=" + answer);
        }
        String q = answer;
        int hash = q.indexOf('#');
        if (hash >= 0) {
            q = q.substring(0, hash);
        }
        int question = q.indexOf('?');
        if (question >= 0) {
            q = q.substring(question + 1);
        }
        return SpecCodec.parse(q);
    }

    /**
     * Why the task's measures cannot be read on a submitted spec ("" when they can): free keys may change p, the
     * input windows or the model, and a measure must not then name a memory or window the run does not have.
     */
    static String unfit(List<Measure> measures, ExperimentSpec spec) {
        int windows = spec.schedule().size();
        for (Measure m : measures) {
            if (m.memory() >= spec.p() || m.along() >= spec.p()) {
                return "this task reads memory " + (Math.max(m.memory(), m.along()) + 1) + ", but your spec has p = "
                        + spec.p();
            }
            if (m.window() >= windows) {
                return "this task reads input window " + (m.window() + 1) + ", but your spec has " + windows
                        + (windows == 1 ? " window" : " windows");
            }
            if (m.kind().source == MeasureKind.Source.THEORY && spec.model() != org.hopfieldlab.sim.spec.ModelKind.IDP) {
                return "this task compares with the IDP theory and needs model=idp";
            }
        }
        return "";
    }

    /** "model (idp → classic), n (1024 → 512)" for every locked key whose canonical value differs; "" if none. */
    static String lockViolations(Task task, ExperimentSpec submitted) {
        String want = SpecCodec.format(task.spec());
        String got = SpecCodec.format(submitted);
        Map<String, String> a = SpecMap.of(task.spec());
        Map<String, String> b = SpecMap.of(submitted);
        List<String> out = new ArrayList<>();
        for (String key : SpecDiff.lockedChanges(want, got, task.lockedKeys())) {
            out.add(key + " (" + shown(a.get(key)) + " → " + shown(b.get(key)) + ")");
        }
        return String.join(", ", out);
    }

    private static String shown(String v) {
        if (v == null) {
            return "not set";
        }
        return v.length() > 24 ? v.substring(0, 21) + "…" : v;
    }

    private void finishRun() {
        List<Verdict.Check> checks = new ArrayList<>();
        flatten(task.condition(), checks);
        boolean ok = holds(task.condition());
        String observed = "What the run did:\n" + checkLines(checks);
        String summary = ok ? "Right: the run does what was asked." : "Not yet: the run does not do what was asked.";
        verdict = make(ok ? Verdict.Status.RIGHT : Verdict.Status.WRONG, summary, askedRun(),
                join(observed, notesLine()), checks);
    }

    private String askedRun() {
        return asked(task);
    }

    /** What a make/draw task asks, in words. */
    static String asked(Task t) {
        String s = capital(conditionText(t.condition(), t.spec().schedule().size())) + ".";
        if (t.kind() == TaskKind.DRAW) {
            s = "A cue of at most " + t.maxPixels() + " inked pixels, and: " + s;
        }
        return s;
    }

    // ---- conditions ----

    private static void collect(Condition c, List<Measure> out) {
        if (c instanceof Condition.Compare cmp) {
            out.add(cmp.measure());
        } else {
            for (Condition part : ((Condition.Group) c).parts()) {
                collect(part, out);
            }
        }
    }

    private boolean holds(Condition c) {
        if (c instanceof Condition.Compare cmp) {
            return cmp.op().test(evaluation.value(cmp.measure()), cmp.value());
        }
        Condition.Group g = (Condition.Group) c;
        for (Condition part : g.parts()) {
            boolean h = holds(part);
            if (g.all() && !h) {
                return false;
            }
            if (!g.all() && h) {
                return true;
            }
        }
        return g.all();
    }

    private void flatten(Condition c, List<Verdict.Check> out) {
        if (c instanceof Condition.Compare cmp) {
            double v = evaluation.value(cmp.measure());
            out.add(new Verdict.Check(cmp.measure().describe(evaluation.spec().schedule().size()),
                    evaluation.shown(cmp.measure()), v, cmp.op().symbol, target(cmp), cmp.op().test(v, cmp.value())));
        } else {
            for (Condition part : ((Condition.Group) c).parts()) {
                flatten(part, out);
            }
        }
    }

    private static String checkLines(List<Verdict.Check> checks) {
        StringBuilder sb = new StringBuilder();
        for (Verdict.Check c : checks) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(c.ok() ? "✓ " : "✗ ").append(capital(c.text())).append(": ").append(c.shown())
                    .append(" (asked: ").append(c.op()).append(' ').append(c.target()).append(')');
        }
        return sb.toString();
    }

    static String conditionText(Condition c, int windows) {
        if (c instanceof Condition.Compare cmp) {
            return cmp.measure().describe(windows) + " " + cmp.op().symbol + " " + target(cmp);
        }
        Condition.Group g = (Condition.Group) c;
        List<String> parts = new ArrayList<>();
        for (Condition part : g.parts()) {
            parts.add(conditionText(part, windows));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return (g.all() ? "" : "at least one of: ") + String.join(g.all() ? "; and " : "; or ", parts);
    }

    private static String target(Condition.Compare cmp) {
        switch (cmp.measure().kind().type) {
            case "fraction": return Fmt.percent(cmp.value());
            case "flag": return cmp.value() == 1 ? "yes" : cmp.value() == 0 ? "no" : Fmt.sig(cmp.value(), 6);
            default: return Fmt.sig(cmp.value(), 6);
        }
    }

    /** Which kinds of simulation a task's grading needs: {any simulated measure, the energy-rise measure}. */
    static boolean[] simulationFlags(Task t) {
        List<Measure> ms = new ArrayList<>();
        if (t.answer() != null) {
            ms.add(t.answer());
        }
        if (t.condition() != null) {
            collect(t.condition(), ms);
        }
        for (Choice c : t.choices()) {
            if (c.when() != null) {
                collect(c.when(), ms);
            }
        }
        boolean sim = false;
        boolean rise = false;
        for (Measure m : ms) {
            sim |= m.kind().source == MeasureKind.Source.SIMULATION;
            rise |= m.kind() == MeasureKind.ENERGY_RISE;
        }
        return new boolean[] {sim, rise};
    }

    // ---- verdicts ----

    private void finish() {
        if (task.kind() == TaskKind.NUMERIC || task.kind() == TaskKind.CHOICE) {
            // the value these tasks compare with does not depend on the answer: the next try reuses it
            task.cacheEvaluation(evaluation);
        }
        switch (task.kind()) {
            case NUMERIC: finishNumeric(); break;
            case CHOICE: finishChoice(); break;
            default: finishRun();
        }
    }

    private int windows() {
        return task.spec().schedule().size();
    }

    private String notesLine() {
        return evaluation == null ? "" : evaluation.notes();
    }

    private Verdict refused(String message) {
        return make(Verdict.Status.REFUSED, "Refused: " + message, "", "", List.of());
    }

    private Verdict make(Verdict.Status status, String summary, String asked, String observed,
            List<Verdict.Check> checks) {
        double work = evaluation == null ? 0 : evaluation.work();
        return new Verdict(exercise.id(), task.id(), task.kind(), status, summary, asked, observed, task.hint(),
                checks, gradedSpec, work);
    }

    private static String join(String a, String b) {
        if (b.isEmpty()) {
            return a;
        }
        return a.isEmpty() ? b : a + "\n" + b;
    }

    private static String capital(String s) {
        return Ascii.capital(s);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
