package org.hopfieldlab.sim.exercise;

import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * One task of an exercise. Common to all kinds: id, prompt, hint, the task's spec (the exercise's spec with the
 * task's "set" overrides) and the keys the student may change. Kind-specific parts are null/empty otherwise.
 */
public final class Task {
    private final String id;
    private final TaskKind kind;
    private final String prompt;
    private final String hint;
    private final String set;
    private final ExperimentSpec spec;
    private final List<String> freeKeys;
    private final boolean ownFree;
    private final Measure answer;
    private final double toleranceAbs;
    private final double toleranceRel;
    private final List<Choice> choices;
    private final Condition condition;
    private final int maxPixels;
    /** The finished evaluation of a numeric or choice task (it does not depend on the answer), or null. */
    private volatile Evaluation cached;

    Task(String id, TaskKind kind, String prompt, String hint, String set, ExperimentSpec spec, List<String> freeKeys,
            boolean ownFree, Measure answer, double toleranceAbs, double toleranceRel, List<Choice> choices,
            Condition condition, int maxPixels) {
        this.id = id;
        this.kind = kind;
        this.prompt = prompt;
        this.hint = hint;
        this.set = set;
        this.spec = spec;
        this.freeKeys = List.copyOf(freeKeys);
        this.ownFree = ownFree;
        this.answer = answer;
        this.toleranceAbs = toleranceAbs;
        this.toleranceRel = toleranceRel;
        this.choices = choices == null ? List.of() : List.copyOf(choices);
        this.condition = condition;
        this.maxPixels = maxPixels;
    }

    public String id() { return id; }
    public TaskKind kind() { return kind; }
    /** The question, Markdown. */
    public String prompt() { return prompt; }
    /** Shown after a wrong try ("" if none). */
    public String hint() { return hint; }
    /** The task's overrides of the exercise's spec as written ("" if none). */
    public String set() { return set; }
    /** The spec the task starts from and is graded against (exercise spec + set). */
    public ExperimentSpec spec() { return spec; }
    /** Spec keys the student may change in this task (a draw task always frees cuepat). */
    public List<String> freeKeys() { return freeKeys; }
    /** Whether the task declared its own "free" list (else it inherits the exercise's). */
    boolean ownFree() { return ownFree; }
    /** Numeric: the measure whose value is the right answer. */
    public Measure answer() { return answer; }
    public double toleranceAbs() { return toleranceAbs; }
    public double toleranceRel() { return toleranceRel; }
    /** Choice: the options. */
    public List<Choice> choices() { return choices; }
    /** Make and draw: what the run must achieve. */
    public Condition condition() { return condition; }
    /** Draw: the most inked pixels the cue may have. */
    public int maxPixels() { return maxPixels; }

    Evaluation cachedEvaluation() {
        return cached;
    }

    void cacheEvaluation(Evaluation e) {
        cached = e;
    }

    /** Every spec key except "v" that is not free. */
    public List<String> lockedKeys() {
        return ExerciseKeys.lockedBut(freeKeys);
    }
}
