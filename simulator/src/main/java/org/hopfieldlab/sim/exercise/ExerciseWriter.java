package org.hopfieldlab.sim.exercise;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.util.List;
import org.hopfieldlab.sim.spec.SpecCodec;

/** Writes an exercise as its canonical document, and as the view the lab shows (no answers, hints or conditions). */
final class ExerciseWriter {
    private ExerciseWriter() {
    }

    /** The fields both forms start with; the view adds the locked keys after the free ones. */
    private static JsonObject head(Exercise e, boolean withLocked) {
        JsonObject o = new JsonObject();
        o.add("format", ExerciseLimits.FORMAT);
        o.add("id", e.id());
        o.add("title", e.title());
        o.add("instructions", e.instructions());
        o.add("spec", SpecCodec.format(e.spec()));
        o.add("free", strings(e.freeKeys()));
        if (withLocked) {
            o.add("locked", strings(e.lockedKeys()));
        }
        o.add("hidden", strings(e.hiddenKeys()));
        return o;
    }

    private static JsonObject taskHead(Task t) {
        JsonObject j = new JsonObject();
        j.add("id", t.id());
        j.add("kind", t.kind().key);
        j.add("prompt", t.prompt());
        return j;
    }

    static String document(Exercise e) {
        JsonObject o = head(e, false);
        JsonArray tasks = new JsonArray();
        for (Task t : e.tasks()) {
            JsonObject j = taskHead(t);
            if (!t.hint().isEmpty()) {
                j.add("hint", t.hint());
            }
            if (!t.set().isEmpty()) {
                j.add("set", t.set());
            }
            if (t.ownFree()) {
                j.add("free", strings(t.kind() == TaskKind.DRAW ? withoutCuepat(t) : t.freeKeys()));
            }
            switch (t.kind()) {
                case NUMERIC: {
                    j.add("answer", measure(t.answer()));
                    JsonObject tol = new JsonObject();
                    if (t.toleranceAbs() != 0 || t.toleranceRel() == 0) {
                        tol.add("abs", number(t.toleranceAbs()));
                    }
                    if (t.toleranceRel() != 0) {
                        tol.add("rel", number(t.toleranceRel()));
                    }
                    j.add("tolerance", tol);
                    break;
                }
                case CHOICE: {
                    JsonArray cs = new JsonArray();
                    for (Choice c : t.choices()) {
                        JsonObject cj = new JsonObject();
                        cj.add("id", c.id());
                        cj.add("text", c.text());
                        if (c.correct()) {
                            cj.add("correct", true);
                        }
                        if (c.when() != null) {
                            cj.add("when", condition(c.when()));
                        }
                        cs.add(cj);
                    }
                    j.add("choices", cs);
                    break;
                }
                case DRAW:
                    j.add("maxPixels", t.maxPixels());
                    j.add("condition", condition(t.condition()));
                    break;
                default:
                    j.add("condition", condition(t.condition()));
            }
            tasks.add(j);
        }
        o.add("tasks", tasks);
        return o.toString();
    }

    static String view(Exercise e) {
        JsonObject o = head(e, true);
        JsonArray tasks = new JsonArray();
        for (Task t : e.tasks()) {
            JsonObject j = taskHead(t);
            j.add("spec", SpecCodec.format(t.spec()));
            j.add("free", strings(t.freeKeys()));
            j.add("locked", strings(t.lockedKeys()));
            switch (t.kind()) {
                case NUMERIC:
                    j.add("asked", Grading.askedNumeric(t));
                    break;
                case CHOICE: {
                    JsonArray cs = new JsonArray();
                    for (Choice c : t.choices()) {
                        JsonObject cj = new JsonObject();
                        cj.add("id", c.id());
                        cj.add("text", c.text());
                        cs.add(cj);
                    }
                    j.add("choices", cs);
                    j.add("asked", "Choose one.");
                    break;
                }
                case DRAW:
                    j.add("maxPixels", t.maxPixels());
                    j.add("asked", Grading.asked(t));
                    break;
                default:
                    j.add("asked", Grading.asked(t));
            }
            boolean[] flags = Grading.simulationFlags(t);
            j.add("work", Verdict.number(Evaluation.work(t.spec(), flags[0], flags[1])));
            tasks.add(j);
        }
        o.add("tasks", tasks);
        return o.toString();
    }

    private static List<String> withoutCuepat(Task t) {
        List<String> out = new java.util.ArrayList<>(t.freeKeys());
        out.remove("cuepat");
        return out;
    }

    private static JsonObject condition(Condition c) {
        JsonObject o;
        if (c instanceof Condition.Compare cmp) {
            o = measure(cmp.measure());
            o.add("op", cmp.op().key);
            o.add("value", number(cmp.value()));
            return o;
        }
        Condition.Group g = (Condition.Group) c;
        JsonArray parts = new JsonArray();
        for (Condition part : g.parts()) {
            parts.add(condition(part));
        }
        o = new JsonObject();
        o.add(g.all() ? "all" : "any", parts);
        return o;
    }

    private static JsonObject measure(Measure m) {
        JsonObject o = new JsonObject();
        o.add("measure", m.kind().key);
        if (m.memory() >= 0) {
            o.add("memory", m.memory() + 1);
        }
        if (m.along() >= 0) {
            o.add("along", m.along() + 1);
        }
        if (m.window() >= 0) {
            o.add("window", m.window() + 1);
        }
        if (!m.key().isEmpty()) {
            o.add("key", m.key());
        }
        return o;
    }

    private static JsonArray strings(List<String> items) {
        JsonArray a = new JsonArray();
        for (String s : items) {
            a.add(s);
        }
        return a;
    }

    /** Document numbers in the spec's shortest round-trip form. */
    private static JsonValue number(double v) {
        return Json.parse(SpecCodec.formatNumber(v));
    }
}
