package org.hopfieldlab.server.classroom;

import java.time.Instant;

/**
 * An exercise assigned to a class, with an optional due date (null: none). {@code withdrawnAt}: when the teacher
 * withdrew it (null: assigned); a withdrawn assignment keeps its submissions and comes back with them when the
 * exercise is assigned again.
 */
public record Assignment(long id, long classId, long exerciseId, String exerciseKey, String title, Instant dueAt,
        Instant createdAt, Instant withdrawnAt) {
    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
