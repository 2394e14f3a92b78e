package org.hopfieldlab.sim.exercise;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * A classroom exercise: a versioned document with a title, Markdown instructions, a base spec, the spec keys the
 * student may change (all others are locked), hidden controls and one or more tasks. Read with {@link #parse},
 * written with {@link #toJson()}; {@code parse(e.toJson())} equals {@code e}. See the README, "Writing an exercise".
 */
public final class Exercise {
    private final String id;
    private final String title;
    private final String instructions;
    private final ExperimentSpec spec;
    private final List<String> freeKeys;
    private final List<String> hidden;
    private final List<Task> tasks;

    Exercise(String id, String title, String instructions, ExperimentSpec spec, List<String> freeKeys,
            List<String> hidden, List<Task> tasks) {
        this.id = id;
        this.title = title;
        this.instructions = instructions;
        this.spec = spec;
        this.freeKeys = List.copyOf(freeKeys);
        this.hidden = List.copyOf(hidden);
        this.tasks = List.copyOf(tasks);
    }

    /**
     * Reads and validates an exercise document (plain JSON text; a link's compressed form is decoded before).
     *
     * @throws ExerciseException naming where the document is wrong and what is allowed
     */
    public static Exercise parse(String json) {
        return ExerciseReader.read(json);
    }

    public String id() { return id; }
    public String title() { return title; }
    /** Markdown. */
    public String instructions() { return instructions; }
    /** The base spec the exercise opens with. */
    public ExperimentSpec spec() { return spec; }
    /** Spec keys the student may change (in every task that does not declare its own). */
    public List<String> freeKeys() { return freeKeys; }
    /** Spec keys (not "v") that are not free. */
    public List<String> lockedKeys() { return ExerciseKeys.lockedBut(freeKeys); }
    /** Spec keys and lab panels the lab hides. */
    public List<String> hiddenKeys() { return hidden; }
    public List<Task> tasks() { return tasks; }

    /** The task with this id, or an {@link ExerciseException} listing the ids. */
    public Task task(String taskId) {
        List<String> ids = new ArrayList<>();
        for (Task t : tasks) {
            if (t.id().equals(taskId)) {
                return t;
            }
            ids.add(t.id());
        }
        throw new ExerciseException("", "exercise '" + id + "' has no task '" + taskId + "'; its tasks: "
                + String.join(", ", ids));
    }

    /** The canonical JSON document (the base spec in canonical form). */
    public String toJson() {
        return ExerciseWriter.document(this);
    }

    /**
     * What the lab shows: everything but answers, hints and conditions, plus for each task its spec, free and
     * locked keys, what is asked (in words) and the work grading costs.
     */
    public String viewJson() {
        return ExerciseWriter.view(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Exercise && toJson().equals(((Exercise) o).toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
