package org.hopfieldlab.sim.run;

/**
 * How one input window ended: the memory it asked for, the memory with the largest overlap at its end, and whether
 * it counts as retrieved (target has the largest overlap and that overlap exceeds the threshold).
 *
 * @param target memory the window asks for (0-based), −1 when the input is off
 * @param dominant memory with the largest overlap at the window's end (0-based)
 * @param targetOverlap overlap of the target at the window's end (0 when no target)
 * @param maxOverlap largest overlap at the window's end
 * @param retrieved whether the target was retrieved at the window's end
 * @param timeToRetrieval time from the window's start until the target first had the largest overlap above the
 *     threshold (resolution: the recording interval), or −1 if it never did
 */
public record WindowOutcome(int target, int dominant, double targetOverlap, double maxOverlap, boolean retrieved,
        double timeToRetrieval) {
}
