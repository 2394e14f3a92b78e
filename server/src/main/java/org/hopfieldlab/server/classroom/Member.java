package org.hopfieldlab.server.classroom;

import java.time.Instant;

/** A student in a class under the name the class shows. */
public record Member(long classId, long userId, String displayName, Instant joinedAt) {
}
