package org.hopfieldlab.server.sweep;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hopfield.sweep.*}: worker threads (0 = one per core) and the largest sweep accepted.
 */
@ConfigurationProperties("hopfield.sweep")
public record SweepProperties(int threads, int maxCells, long maxRuns, double maxWork) {
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
