package org.hopfieldlab.sim.exercise;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import java.util.List;

/**
 * The grader's answer to one submission: a status and feedback that explains itself — what was asked, what the
 * run (or the answer) did, each measured check, and a hint after a wrong try. Its text and JSON are built only
 * from the spec's run and deterministic number formatting, so they are the same on the JVM, in JS and in Wasm.
 */
public final class Verdict {
    /** right: solved; wrong: a fair try that does not solve it; refused: not gradable (locked key changed, not a
     *  number, too much work…); error: the exercise itself is broken. */
    public enum Status {
        RIGHT("right"), WRONG("wrong"), REFUSED("refused"), ERROR("error");

        public final String key;

        Status(String key) {
            this.key = key;
        }
    }

    /** One measured comparison: its text, the value as shown, the value, the comparison, the target, whether it holds. */
    public record Check(String text, String shown, double value, String op, String target, boolean ok) {
    }

    private final String exercise;
    private final String task;
    private final TaskKind kind;
    private final Status status;
    private final String summary;
    private final String asked;
    private final String observed;
    private final String hint;
    private final List<Check> checks;
    private final String spec;
    private final double work;

    Verdict(String exercise, String task, TaskKind kind, Status status, String summary, String asked, String observed,
            String hint, List<Check> checks, String spec, double work) {
        this.exercise = exercise;
        this.task = task;
        this.kind = kind;
        this.status = status;
        this.summary = summary;
        this.asked = asked;
        this.observed = observed;
        this.hint = status == Status.WRONG ? hint : "";
        this.checks = List.copyOf(checks);
        this.spec = spec;
        this.work = work;
    }

    public Status status() { return status; }
    public boolean right() { return status == Status.RIGHT; }
    /** One line: "Right: …", "Not yet: …", "Refused: …". */
    public String summary() { return summary; }
    /** What the task asks, in words. */
    public String asked() { return asked; }
    /** What the run (or the answer) did, in words; may hold several lines. */
    public String observed() { return observed; }
    /** Shown after a wrong try ("" otherwise). */
    public String hint() { return hint; }
    public List<Check> checks() { return checks; }
    /** The canonical spec that was graded (make and draw tasks), or "". */
    public String spec() { return spec; }
    /** Work units the grading cost (see {@link ExerciseLimits}). */
    public double work() { return work; }
    public String exercise() { return exercise; }
    public String task() { return task; }

    /** Plain text for a terminal: summary, asked, observed, hint. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(summary).append('\n');
        if (!asked.isEmpty()) {
            sb.append("Asked: ").append(asked).append('\n');
        }
        if (!observed.isEmpty()) {
            sb.append(observed).append('\n');
        }
        if (!hint.isEmpty()) {
            sb.append("Hint: ").append(hint).append('\n');
        }
        return sb.toString();
    }

    public String toJson() {
        JsonObject o = new JsonObject();
        o.add("exercise", exercise);
        o.add("task", task);
        o.add("kind", kind == null ? "" : kind.key);
        o.add("verdict", status.key);
        o.add("summary", summary);
        o.add("asked", asked);
        o.add("observed", observed);
        if (!hint.isEmpty()) {
            o.add("hint", hint);
        }
        JsonArray cs = new JsonArray();
        for (Check c : checks) {
            JsonObject j = new JsonObject();
            j.add("text", c.text());
            j.add("shown", c.shown());
            j.add("value", number(c.value()));
            j.add("op", c.op());
            j.add("target", c.target());
            j.add("ok", c.ok());
            cs.add(j);
        }
        o.add("checks", cs);
        if (!spec.isEmpty()) {
            o.add("spec", spec);
        }
        o.add("work", number(work));
        return o.toString();
    }

    /** A JSON number from our own formatting (null for NaN/∞, which JSON lacks). */
    static com.eclipsesource.json.JsonValue number(double v) {
        if (v != v || v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
            return Json.NULL;
        }
        return Json.parse(Fmt.json(v));
    }
}
