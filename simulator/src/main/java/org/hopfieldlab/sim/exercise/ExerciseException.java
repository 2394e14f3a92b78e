package org.hopfieldlab.sim.exercise;

/**
 * An exercise document that cannot be accepted, with where in it ({@link #path()}, e.g. {@code tasks[2].condition})
 * and what to write instead. Nothing of a refused exercise runs.
 */
public final class ExerciseException extends IllegalArgumentException {
    private final String path;

    public ExerciseException(String path, String message) {
        super(path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    /** Where the problem is: "" for the whole document, else a JSON path such as {@code tasks[1].choices[0].text}. */
    public String path() {
        return path;
    }
}
