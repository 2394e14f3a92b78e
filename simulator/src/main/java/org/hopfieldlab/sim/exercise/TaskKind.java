package org.hopfieldlab.sim.exercise;

/** The kinds of task an exercise can set. */
public enum TaskKind {
    /** A number checked against a value the core computes (theory or simulation), within a stated tolerance. */
    NUMERIC("numeric"),
    /** One of several choices; the right one is marked, or is the one whose condition holds on the task's run. */
    CHOICE("choice"),
    /** Change the free keys until a condition on the run's outcome holds. */
    MAKE("make"),
    /** Draw a cue (at most maxPixels inked pixels) whose run meets a condition. */
    DRAW("draw");

    public final String key;

    TaskKind(String key) {
        this.key = key;
    }

    static TaskKind byKey(String key) {
        for (TaskKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
