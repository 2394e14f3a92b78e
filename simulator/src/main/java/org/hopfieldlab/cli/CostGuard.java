package org.hopfieldlab.cli;

import org.hopfieldlab.batch.RunCost;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * Refuses to start work estimated ({@link RunCost}) beyond {@link #LIMIT_SECONDS} unless the user passed
 * {@code --yes}: a run of days should never start without a word.
 */
final class CostGuard {
    /** Ten minutes. */
    static final double LIMIT_SECONDS = 600;

    private CostGuard() {
    }

    /**
     * @param what e.g. "this run", "experiment sequence (40 trials on 2 threads)"
     * @param extra appended to the message (e.g. the CSV's size), or ""
     * @throws SpecException naming --yes when the estimate is over the limit and yes is false
     */
    static void check(String what, double seconds, boolean yes, String extra) {
        if (yes || !(seconds > LIMIT_SECONDS)) {
            return;
        }
        throw new SpecException("--yes", what + " would take " + RunCost.human(seconds) + " (estimated before "
                + "starting; the limit without --yes is " + RunCost.human(LIMIT_SECONDS) + ")" + extra
                + ": pass --yes to run it anyway, or lower trials, t or n");
    }
}
