package org.hopfieldlab.server.classroom;

import java.time.Instant;

/** An exercise stored in a class: the core's exercise JSON, with its id and title copied out for listing. */
public record ClassExercise(long id, long classId, String exerciseId, String title, String document,
        Instant updatedAt) {
}
