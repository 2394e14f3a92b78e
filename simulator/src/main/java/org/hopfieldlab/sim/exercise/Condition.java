package org.hopfieldlab.sim.exercise;

import java.util.List;

/** A declared condition on a run's outcome: a comparison of one measure, or all/any of several conditions. */
public sealed interface Condition {

    /** {@code measure op value}. */
    record Compare(Measure measure, Op op, double value) implements Condition {
    }

    /** All ({@code all = true}) or any of the parts. */
    record Group(boolean all, List<Condition> parts) implements Condition {
    }
}
