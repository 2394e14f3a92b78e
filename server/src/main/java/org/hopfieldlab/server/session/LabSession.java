package org.hopfieldlab.server.session;

import java.time.Instant;

/**
 * A saved experiment: the core's canonical spec text plus title, notes and an optional result snapshot (JSON).
 * {@code shareToken} is null unless the owner shared it. {@code viewKeys} holds the lab link's view keys (hide, lock,
 * view, speed, engine) in the core's canonical form, "" when there are none; {@link #link()} is the whole link.
 */
public record LabSession(long id, long ownerId, String title, String notes, String spec, String resultSnapshot,
        String shareToken, Long forkedFrom, Instant createdAt, Instant updatedAt, String viewKeys) {

    public LabSession {
        viewKeys = viewKeys == null ? "" : viewKeys;
    }

    /** The lab link's query (no '?'): the canonical spec, then the view keys. */
    public String link() {
        return viewKeys.isEmpty() ? spec : spec + "&" + viewKeys;
    }
}
