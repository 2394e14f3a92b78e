package org.hopfieldlab.sim.run;

/**
 * Overlaps and energy sampled every {@code interval} steps (including t = 0 and the end).
 *
 * @param times sample times
 * @param overlaps overlaps[k][μ] at times[k]
 * @param energy E(x; u) at times[k]
 * @param window input window in force at times[k]
 */
public record TimeSeries(double[] times, double[][] overlaps, double[] energy, int[] window) {
}
