package org.hopfieldlab.sim.exercise;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * Reads an exercise document strictly: the format version first, then every field checked for type, size and
 * meaning, unknown and repeated fields refused, every message naming the place (a JSON path) and what is allowed.
 */
final class ExerciseReader {
    private ExerciseReader() {
    }

    private static final String[] DOCUMENT_FIELDS = {"format", "id", "title", "instructions", "spec", "free", "hidden",
        "tasks"};
    private static final String[] TASK_FIELDS = {"id", "kind", "prompt", "hint", "set", "free"};
    private static final String[] MEASURE_FIELDS = {"measure", "memory", "along", "window", "key"};

    static Exercise read(String json) {
        if (json == null || json.trim().isEmpty()) {
            throw new ExerciseException("", "the exercise is empty; an exercise is a JSON object { \"format\": "
                    + ExerciseLimits.FORMAT + ", … }");
        }
        if (json.length() > ExerciseLimits.MAX_DOCUMENT) {
            throw new ExerciseException("", "the exercise is " + json.length() + " characters long; allowed: at most "
                    + ExerciseLimits.MAX_DOCUMENT);
        }
        checkNesting(json);
        JsonValue root;
        try {
            root = Json.parse(json);
        } catch (ParseException e) {
            throw new ExerciseException("", "the exercise is not valid JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw new ExerciseException("", "an exercise is a JSON object { \"format\": " + ExerciseLimits.FORMAT
                    + ", \"title\": …, … }");
        }
        JsonObject doc = root.asObject();
        noRepeats("", doc);
        readFormat(doc);
        known("", doc, DOCUMENT_FIELDS, "an exercise");
        String id = id(doc, "", "id", 64);
        String title = text(doc, "", "title", true, ExerciseLimits.MAX_TITLE);
        String instructions = text(doc, "", "instructions", true, ExerciseLimits.MAX_INSTRUCTIONS);
        ExperimentSpec spec = spec(doc);
        List<String> free = keys(doc, "", "free", false);
        List<String> hidden = keys(doc, "", "hidden", true);
        JsonArray taskArray = array(doc, "", "tasks", true);
        if (taskArray.size() < 1 || taskArray.size() > ExerciseLimits.MAX_TASKS) {
            throw new ExerciseException("tasks", "has " + taskArray.size() + " tasks; allowed: 1 to "
                    + ExerciseLimits.MAX_TASKS);
        }
        List<Task> tasks = new ArrayList<>();
        List<String> taskIds = new ArrayList<>();
        for (int k = 0; k < taskArray.size(); k++) {
            String path = "tasks[" + k + "]";
            Task t = task(path, object(taskArray.get(k), path), spec, free);
            if (taskIds.contains(t.id())) {
                throw new ExerciseException(path + ".id", "task id '" + t.id() + "' is used twice; task ids "
                        + "must differ");
            }
            taskIds.add(t.id());
            tasks.add(t);
        }
        return new Exercise(id, title, instructions, spec, free, hidden, tasks);
    }

    // ---- document parts ----

    private static void readFormat(JsonObject doc) {
        JsonValue f = doc.get("format");
        if (f == null) {
            throw new ExerciseException("format", "is missing; write \"format\": " + ExerciseLimits.FORMAT
                    + " (the version of the exercise format)");
        }
        if (!f.isNumber() || f.asDouble() != Math.rint(f.asDouble())) {
            throw new ExerciseException("format", "must be a whole number (this lab reads format "
                    + ExerciseLimits.FORMAT + ")");
        }
        double v = f.asDouble();
        if (v > ExerciseLimits.FORMAT) {
            throw new ExerciseException("format", "this exercise is written in format " + Fmt.sig(v, 6)
                    + ", newer than this lab reads (format " + ExerciseLimits.FORMAT + "); open it in a newer "
                    + "Hopfield Lab");
        }
        if (v != ExerciseLimits.FORMAT) {
            throw new ExerciseException("format", "format " + Fmt.sig(v, 6) + " is unknown; this lab reads format "
                    + ExerciseLimits.FORMAT);
        }
    }

    private static ExperimentSpec spec(JsonObject doc) {
        String text = plain(doc, "", "spec", true, ExerciseLimits.MAX_DOCUMENT);
        try {
            return SpecCodec.parse(text);
        } catch (SpecException e) {
            throw new ExerciseException("spec", "is not a valid spec: " + e.getMessage());
        }
    }

    private static List<String> keys(JsonObject o, String at, String name, boolean allowPanels) {
        String path = join(at, name);
        JsonArray a = array(o, at, name, false);
        List<String> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        for (int k = 0; k < a.size(); k++) {
            String itemPath = path + "[" + k + "]";
            JsonValue v = a.get(k);
            if (!v.isString()) {
                throw new ExerciseException(itemPath, "must be a key name in quotes");
            }
            String key = v.asString();
            boolean ok = ExerciseKeys.isSpecKey(key) || (allowPanels && ExerciseKeys.isPanel(key));
            if (!ok) {
                throw new ExerciseException(itemPath, "'" + key + "' is not a spec key" + (allowPanels
                        ? " or a lab panel" : "") + "; spec keys: " + ExerciseKeys.specKeys()
                        + (allowPanels ? "; panels: " + ExerciseKeys.panels() : ""));
            }
            if (out.contains(key)) {
                throw new ExerciseException(itemPath, "'" + key + "' is listed twice");
            }
            out.add(key);
        }
        return out;
    }

    private static Task task(String path, JsonObject o, ExperimentSpec base, List<String> exerciseFree) {
        noRepeats(path, o);
        String kindText = plain(o, path, "kind", true, 20);
        TaskKind kind = TaskKind.byKey(kindText);
        if (kind == null) {
            throw new ExerciseException(path + ".kind", "unknown task kind '" + kindText
                    + "'; known: numeric, choice, make, draw");
        }
        String[] own;
        switch (kind) {
            case NUMERIC: own = new String[] {"answer", "tolerance"}; break;
            case CHOICE: own = new String[] {"choices"}; break;
            case MAKE: own = new String[] {"condition"}; break;
            default: own = new String[] {"condition", "maxPixels"};
        }
        String[] fields = new String[TASK_FIELDS.length + own.length];
        System.arraycopy(TASK_FIELDS, 0, fields, 0, TASK_FIELDS.length);
        System.arraycopy(own, 0, fields, TASK_FIELDS.length, own.length);
        known(path, o, fields, "a " + kind.key + " task");
        String id = id(o, path, "id", 40);
        String prompt = text(o, path, "prompt", true, ExerciseLimits.MAX_PROMPT);
        String hint = text(o, path, "hint", false, ExerciseLimits.MAX_HINT);
        String set = plain(o, path, "set", false, ExerciseLimits.MAX_DOCUMENT);
        ExperimentSpec spec = base;
        if (!set.isEmpty()) {
            try {
                spec = SpecCodec.parseOnto(base.toBuilder(), set);
            } catch (SpecException e) {
                throw new ExerciseException(path + ".set", "does not give a valid spec: " + e.getMessage());
            }
        }
        boolean ownFree = o.get("free") != null;
        List<String> free = ownFree ? keys(o, path, "free", false) : new ArrayList<>(exerciseFree);
        Measure answer = null;
        double tolAbs = 0;
        double tolRel = 0;
        List<Choice> choices = null;
        Condition condition = null;
        int maxPixels = 0;
        Counter comparisons = new Counter();
        switch (kind) {
            case NUMERIC: {
                JsonObject a = object(required(o, path, "answer"), path + ".answer");
                noRepeats(path + ".answer", a);
                known(path + ".answer", a, MEASURE_FIELDS, "an answer measure");
                answer = measure(path + ".answer", a, spec);
                JsonObject tol = object(required(o, path, "tolerance"), path + ".tolerance");
                noRepeats(path + ".tolerance", tol);
                known(path + ".tolerance", tol, new String[] {"abs", "rel"}, "a tolerance");
                if (tol.get("abs") == null && tol.get("rel") == null) {
                    throw new ExerciseException(path + ".tolerance", "needs \"abs\" (absolute) and/or \"rel\" "
                            + "(relative, e.g. 0.01 = 1 %)");
                }
                tolAbs = tol.get("abs") == null ? 0 : number(tol.get("abs"), path + ".tolerance.abs", 0, 1e9);
                tolRel = tol.get("rel") == null ? 0 : number(tol.get("rel"), path + ".tolerance.rel", 0, 1);
                break;
            }
            case CHOICE:
                choices = choices(path, o, spec, comparisons);
                break;
            case DRAW: {
                if (spec.cuePattern().isEmpty()) {
                    throw new ExerciseException(path, "a draw task needs a spec with a drawn cue (x0=drawn or an "
                            + "input window 'p', with cuepat = the starting picture)");
                }
                if (!free.contains("cuepat")) {
                    free.add("cuepat");
                }
                maxPixels = (int) number(required(o, path, "maxPixels"), path + ".maxPixels", 1, spec.n());
                if (!isWhole(o.get("maxPixels"))) {
                    throw new ExerciseException(path + ".maxPixels", "must be a whole number of pixels");
                }
                condition = condition(path + ".condition", required(o, path, "condition"), spec, comparisons);
                break;
            }
            default:
                condition = condition(path + ".condition", required(o, path, "condition"), spec, comparisons);
        }
        Task task = new Task(id, kind, prompt, hint, set, spec, free, ownFree, answer, tolAbs, tolRel, choices,
                condition, maxPixels);
        checkWork(path, task);
        return task;
    }

    private static void checkWork(String path, Task task) {
        boolean[] flags = Grading.simulationFlags(task);
        double work = Evaluation.work(task.spec(), flags[0], flags[1]);
        if (work > ExerciseLimits.MAX_WORK) {
            ExperimentSpec s = task.spec();
            throw new ExerciseException(path, "grading runs " + Evaluation.runs(s) + ": " + Fmt.count(work, 3)
                    + " work units; allowed: at most " + Fmt.count(ExerciseLimits.MAX_WORK, 3)
                    + " (a few seconds in a browser) — lower trials, t or n");
        }
    }

    private static List<Choice> choices(String path, JsonObject o, ExperimentSpec spec, Counter comparisons) {
        JsonArray a = array(o, path, "choices", true);
        if (a.size() < 2 || a.size() > ExerciseLimits.MAX_CHOICES) {
            throw new ExerciseException(path + ".choices", "has " + a.size() + " choices; allowed: 2 to "
                    + ExerciseLimits.MAX_CHOICES);
        }
        List<Choice> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int marked = 0;
        int conditional = 0;
        for (int k = 0; k < a.size(); k++) {
            String cp = path + ".choices[" + k + "]";
            JsonObject c = object(a.get(k), cp);
            noRepeats(cp, c);
            known(cp, c, new String[] {"id", "text", "correct", "when"}, "a choice");
            String id = id(c, cp, "id", 8);
            if (ids.contains(id)) {
                throw new ExerciseException(cp + ".id", "choice id '" + id + "' is used twice");
            }
            ids.add(id);
            String text = text(c, cp, "text", true, ExerciseLimits.MAX_CHOICE_TEXT);
            boolean correct = false;
            JsonValue cv = c.get("correct");
            if (cv != null) {
                if (!cv.isBoolean()) {
                    throw new ExerciseException(cp + ".correct", "must be true or false");
                }
                correct = cv.asBoolean();
            }
            Condition when = c.get("when") == null ? null : condition(cp + ".when", c.get("when"), spec, comparisons);
            marked += correct ? 1 : 0;
            conditional += when != null ? 1 : 0;
            out.add(new Choice(id, text, correct, when));
        }
        if (marked > 1) {
            throw new ExerciseException(path + ".choices", marked + " choices are marked \"correct\": true; mark "
                    + "exactly one");
        }
        if (marked == 1 && conditional > 0) {
            throw new ExerciseException(path + ".choices", "mark one choice \"correct\": true, or give choices "
                    + "\"when\" conditions (the right one is the one whose condition holds) — not both");
        }
        if (marked == 0 && conditional == 0) {
            throw new ExerciseException(path + ".choices", "no choice is right: mark one \"correct\": true, or give "
                    + "choices \"when\" conditions on the task's run");
        }
        return out;
    }

    // ---- conditions and measures ----

    private static Condition condition(String path, JsonValue v, ExperimentSpec spec, Counter comparisons) {
        JsonObject o = object(v, path);
        noRepeats(path, o);
        for (String group : new String[] {"all", "any"}) {
            if (o.get(group) != null) {
                known(path, o, new String[] {group}, "an \"" + group + "\" group");
                JsonArray parts = array(o, path, group, true);
                if (parts.size() < 1) {
                    throw new ExerciseException(path + "." + group, "is empty; give at least one condition");
                }
                List<Condition> out = new ArrayList<>();
                for (int k = 0; k < parts.size(); k++) {
                    out.add(condition(path + "." + group + "[" + k + "]", parts.get(k), spec, comparisons));
                }
                return new Condition.Group(group.equals("all"), out);
            }
        }
        String[] fields = new String[MEASURE_FIELDS.length + 2];
        System.arraycopy(MEASURE_FIELDS, 0, fields, 0, MEASURE_FIELDS.length);
        fields[MEASURE_FIELDS.length] = "op";
        fields[MEASURE_FIELDS.length + 1] = "value";
        known(path, o, fields, "a condition (or use \"all\"/\"any\" to combine conditions)");
        comparisons.count++;
        if (comparisons.count > ExerciseLimits.MAX_COMPARISONS) {
            throw new ExerciseException(path, "one task may compare at most " + ExerciseLimits.MAX_COMPARISONS
                    + " measures");
        }
        Measure m = measure(path, o, spec);
        String opText = plain(o, path, "op", true, 4);
        Op op = Op.byKey(opText);
        if (op == null) {
            throw new ExerciseException(path + ".op", "'" + opText + "' is not a comparison; use >=, >, <=, < or ==");
        }
        double value = number(required(o, path, "value"), path + ".value", -1e15, 1e15);
        return new Condition.Compare(m, op, value);
    }

    private static Measure measure(String path, JsonObject o, ExperimentSpec spec) {
        String name = plain(o, path, "measure", true, 40);
        MeasureKind kind = MeasureKind.byKey(name);
        if (kind == null) {
            throw new ExerciseException(path + ".measure", "unknown measure '" + name + "'; known: "
                    + MeasureKind.keys());
        }
        int p = spec.p();
        int windows = spec.schedule().size();
        int memory = index(o, path, "memory", kind.needsMemory, p, "memory", kind);
        int along = index(o, path, "along", kind.needsAlong, p, "memory", kind);
        if (kind.needsAlong && along == memory) {
            throw new ExerciseException(path + ".along", "must name another memory than \"memory\"");
        }
        int window = -1;
        if (o.get("window") != null) {
            if (!kind.usesWindow()) {
                throw new ExerciseException(path + ".window", "does not apply to measure '" + kind.key + "'");
            }
            window = index(o, path, "window", true, windows, "window", kind);
        }
        String key = "";
        if (kind == MeasureKind.PARAM) {
            key = plain(o, path, "key", true, 20);
            if (!ExerciseKeys.isNumericKey(key)) {
                throw new ExerciseException(path + ".key", "'" + key + "' is not a numeric spec key; allowed: "
                        + ExerciseKeys.numericKeys());
            }
            Map<String, String> map = SpecMap.of(spec);
            if (!map.containsKey(key)) {
                throw new ExerciseException(path + ".key", "'" + key + "' does not apply to the task's spec");
            }
        } else if (o.get("key") != null) {
            throw new ExerciseException(path + ".key", "only the measure 'param' takes a key");
        }
        if (kind.source == MeasureKind.Source.THEORY && spec.model() != ModelKind.IDP) {
            throw new ExerciseException(path + ".measure", "the theory measure '" + kind.key + "' needs model=idp; "
                    + "the task's spec has model=" + spec.model().key);
        }
        if (kind == MeasureKind.CUE_PIXELS && spec.cuePattern().isEmpty()) {
            throw new ExerciseException(path + ".measure", "'cue-pixels' needs a spec with a drawn cue (cuepat)");
        }
        return new Measure(kind, memory, along, window, key);
    }

    /** A 1-based memory or window number, returned 0-based (−1 when absent and not required). */
    private static int index(JsonObject o, String path, String name, boolean required, int count, String what,
            MeasureKind kind) {
        JsonValue v = o.get(name);
        if (v == null) {
            if (required) {
                throw new ExerciseException(path, "measure '" + kind.key + "' needs \"" + name + "\": a " + what
                        + " number, 1 to " + count);
            }
            return -1;
        }
        if (!required && (name.equals("memory") || name.equals("along"))) {
            throw new ExerciseException(path + "." + name, "does not apply to measure '" + kind.key + "'");
        }
        if (!isWhole(v)) {
            throw new ExerciseException(path + "." + name, "must be a whole " + what + " number, 1 to " + count);
        }
        double d = v.asDouble();
        if (d < 1 || d > count) {
            throw new ExerciseException(path + "." + name, what + " " + Fmt.sig(d, 6) + " does not exist in the "
                    + "task's spec; allowed: 1 to " + count);
        }
        return (int) d - 1;
    }

    // ---- JSON helpers ----

    /** Refuses documents nested deeper than {@link ExerciseLimits#MAX_NESTING} before the recursive parser sees them. */
    private static void checkNesting(String json) {
        int depth = 0;
        boolean inString = false;
        for (int k = 0; k < json.length(); k++) {
            char c = json.charAt(k);
            if (inString) {
                if (c == '\\') {
                    k++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
                if (depth > ExerciseLimits.MAX_NESTING) {
                    throw new ExerciseException("", "the exercise nests objects and arrays " + depth
                            + " deep; allowed: at most " + ExerciseLimits.MAX_NESTING);
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private static void noRepeats(String path, JsonObject o) {
        List<String> seen = new ArrayList<>();
        for (String name : o.names()) {
            if (seen.contains(name)) {
                throw new ExerciseException(join(path, name), "is given twice");
            }
            seen.add(name);
        }
    }

    private static void known(String path, JsonObject o, String[] fields, String what) {
        for (String name : o.names()) {
            boolean ok = false;
            for (String f : fields) {
                ok |= f.equals(name);
            }
            if (!ok) {
                throw new ExerciseException(join(path, name), "unknown field '" + name + "' in " + what
                        + "; known: " + String.join(", ", fields));
            }
        }
    }

    private static JsonValue required(JsonObject o, String path, String name) {
        JsonValue v = o.get(name);
        if (v == null) {
            throw new ExerciseException(join(path, name), "is missing");
        }
        return v;
    }

    private static JsonObject object(JsonValue v, String path) {
        if (!v.isObject()) {
            throw new ExerciseException(path, "must be an object { … }");
        }
        return v.asObject();
    }

    private static JsonArray array(JsonObject o, String path, String name, boolean required) {
        JsonValue v = required ? required(o, path, name) : o.get(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw new ExerciseException(join(path, name), "must be an array [ … ]");
        }
        return v.asArray();
    }

    /** A string field without text rules (ids, kinds, specs); "" when absent and not required. */
    private static String plain(JsonObject o, String path, String name, boolean required, int max) {
        JsonValue v = required ? required(o, path, name) : o.get(name);
        if (v == null) {
            return "";
        }
        if (!v.isString()) {
            throw new ExerciseException(join(path, name), "must be text in quotes");
        }
        String s = v.asString();
        if (s.length() > max) {
            throw new ExerciseException(join(path, name), "is " + s.length() + " characters long; allowed: at most "
                    + max);
        }
        return s;
    }

    /**
     * Markdown text shown to students, checked by {@link TextRules}: a string, or an array of strings (lines, joined
     * with line breaks — JSON has no multi-line strings, and a file written by hand reads better that way).
     */
    private static String text(JsonObject o, String path, String name, boolean required, int max) {
        JsonValue v = required ? required(o, path, name) : o.get(name);
        if (v == null) {
            return "";
        }
        String raw;
        if (v.isString()) {
            raw = v.asString();
        } else if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            JsonArray lines = v.asArray();
            for (int k = 0; k < lines.size(); k++) {
                if (!lines.get(k).isString()) {
                    throw new ExerciseException(join(path, name) + "[" + k + "]", "must be text in quotes (one line)");
                }
                if (k > 0) {
                    sb.append('\n');
                }
                sb.append(lines.get(k).asString());
                if (sb.length() > max) {
                    break;
                }
            }
            raw = sb.toString();
        } else {
            throw new ExerciseException(join(path, name), "must be text in quotes, or an array of lines");
        }
        String s = TextRules.check(join(path, name), raw, max);
        if (required && s.trim().isEmpty()) {
            throw new ExerciseException(join(path, name), "is empty");
        }
        return s;
    }

    private static String id(JsonObject o, String path, String name, int max) {
        String s = plain(o, path, name, true, max);
        boolean ok = !s.isEmpty();
        for (int k = 0; ok && k < s.length(); k++) {
            char c = s.charAt(k);
            ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (k > 0 && c == '-');
        }
        if (!ok) {
            throw new ExerciseException(join(path, name), "'" + s + "' is not an id; use lower-case letters, digits "
                    + "and '-' (not first), at most " + max + " characters");
        }
        return s;
    }

    private static double number(JsonValue v, String path, double lo, double hi) {
        if (!v.isNumber()) {
            throw new ExerciseException(path, "must be a number");
        }
        double d = v.asDouble();
        if (!(d >= lo && d <= hi)) {
            throw new ExerciseException(path, Fmt.sig(d, 6) + " is out of range; allowed: " + Fmt.sig(lo, 6)
                    + " to " + Fmt.sig(hi, 6));
        }
        return d;
    }

    private static boolean isWhole(JsonValue v) {
        return v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e9;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Counts comparisons across one task's nested conditions. */
    private static final class Counter {
        int count;
    }
}
