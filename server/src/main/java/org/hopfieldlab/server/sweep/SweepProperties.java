package org.hopfieldlab.server.sweep;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hopfield.sweep.*}: worker threads (0 = one per core), the largest sweep accepted, and the per-user caps: how
 * many of a user's sweeps run at once ({@code max-running-per-user}) and how many more may wait
 * ({@code max-queued-per-user}). {@code max-running-per-user=0} lifts both caps.
 */
@ConfigurationProperties("hopfield.sweep")
public record SweepProperties(int threads, int maxCells, long maxRuns, double maxWork,
        @DefaultValue("1") int maxRunningPerUser, @DefaultValue("3") int maxQueuedPerUser) {
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
