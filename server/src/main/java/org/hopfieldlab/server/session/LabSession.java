package org.hopfieldlab.server.session;

import java.time.Instant;

/**
 * A saved experiment: the core's canonical spec text plus title, notes and an optional result snapshot (JSON).
 * {@code shareToken} is null unless the owner shared it.
 */
public record LabSession(long id, long ownerId, String title, String notes, String spec, String resultSnapshot,
        String shareToken, Long forkedFrom, Instant createdAt, Instant updatedAt) {
}
