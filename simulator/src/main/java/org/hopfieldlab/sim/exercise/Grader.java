package org.hopfieldlab.sim.exercise;

/** Grades answers to exercise tasks: the same code in the lab (JS/Wasm), the CLI and the server. */
public final class Grader {
    private Grader() {
    }

    /**
     * Starts grading; the answer is a number (numeric), a choice id (choice), a spec query or lab link (make,
     * draw), or a packed cue picture (draw).
     *
     * @throws ExerciseException when the exercise has no such task
     */
    public static Grading start(Exercise exercise, String taskId, String answer) {
        return new Grading(exercise, taskId, answer);
    }

    /** Grades to the end at once. */
    public static Verdict grade(Exercise exercise, String taskId, String answer) {
        return start(exercise, taskId, answer).verdict();
    }
}
