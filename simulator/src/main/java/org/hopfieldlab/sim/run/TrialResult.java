package org.hopfieldlab.sim.run;

import java.util.List;

/**
 * Everything one trial produced.
 *
 * @param trial trial index
 * @param windows per-window outcomes, in schedule order
 * @param finalOverlaps m_μ at the end
 * @param checksum fingerprint of the final state's bits
 * @param series recorded time series, or null when not requested
 * @param error null, or the divergence message (windows then hold only the completed ones)
 */
public record TrialResult(int trial, List<WindowOutcome> windows, double[] finalOverlaps, String checksum,
        TimeSeries series, String error) {
}
