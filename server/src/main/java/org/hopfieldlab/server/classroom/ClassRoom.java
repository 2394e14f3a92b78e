package org.hopfieldlab.server.classroom;

import java.time.Instant;

/** A class: its teacher, name, join code and whether students may join under a pseudonym. */
public record ClassRoom(long id, long teacherId, String name, String joinCode, boolean allowPseudonyms,
        Instant createdAt) {
}
