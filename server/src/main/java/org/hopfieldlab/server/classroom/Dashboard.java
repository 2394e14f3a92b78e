package org.hopfieldlab.server.classroom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The teacher's view of a class: one row per student and task, and the most common wrong answers per task. */
public record Dashboard(List<Column> columns, List<Row> rows, List<WrongAnswer> commonWrong) {
    /** One task of one assignment, with the assignment's due date (null: none). */
    public record Column(long assignmentId, String exerciseId, String taskId, Instant dueAt) {
        public String label() {
            return exerciseId + " / " + taskId;
        }

        /** Whether a try made at this instant came after the due date (never, without one). */
        public boolean late(Instant submittedAt) {
            return dueAt != null && submittedAt != null && submittedAt.isAfter(dueAt);
        }
    }

    /**
     * status: "right" (solved at some try), "wrong" (tried, not solved), "" (not tried); lateTries: how many of the
     * tries came after the assignment's due date.
     */
    public record Cell(String status, int tries, Instant first, Instant last, Instant solvedAt, int lateTries) {
        public boolean late() {
            return lateTries > 0;
        }

        /** From the first try to the first right one (or to the last try when unsolved); null if not tried. */
        public Duration time() {
            if (first == null) {
                return null;
            }
            return Duration.between(first, solvedAt != null ? solvedAt : last);
        }
    }

    /** {@code renamedFrom}: the name the student had chosen where V11 renamed them (a clash); else null. */
    public record Row(long studentId, String student, String renamedFrom, List<Cell> cells) {
        public int solved() {
            return (int) cells.stream().filter(c -> "right".equals(c.status())).count();
        }
    }

    /** A wrong answer to one task and how many tries gave it. */
    public record WrongAnswer(Column column, String answer, int count) {
    }
}
