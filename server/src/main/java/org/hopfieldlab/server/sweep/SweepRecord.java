package org.hopfieldlab.server.sweep;

import java.time.Instant;

/**
 * A stored sweep: its definition text ({@code SweepDefinition.format()}) and where it stands. {@code cellsDone} counts
 * whole cells; {@code cellsPartial} cells a cancel cut short, stored with the trials they had finished. {@code engine}
 * is 'local' (the server's threads) or 'spark MASTER'.
 */
public record SweepRecord(long id, long ownerId, String title, String definition, String status, String error,
        int cellsTotal, long runsTotal, Instant createdAt, Instant finishedAt, int cellsDone, int cellsPartial,
        String engine) {

    public boolean finished() {
        return status.equals("COMPLETED") || status.equals("CANCELLED") || status.equals("FAILED");
    }
}
