package org.hopfieldlab.server.classroom;

import java.time.Instant;

/** An exercise assigned to a class, with an optional due date (null: none). */
public record Assignment(long id, long classId, long exerciseId, String exerciseKey, String title, Instant dueAt,
        Instant createdAt) {
}
