package org.hopfieldlab.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweptKeys;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecEdit;
import org.hopfieldlab.sim.spec.SpecException;

/** key=value overrides on top of a preset: edits through the core ({@link SpecEdit#change}), as in the lab. */
final class SpecArgs {
    private SpecArgs() {
    }

    static ExperimentSpec apply(ExperimentSpec base, List<String> overrides) {
        StringBuilder q = new StringBuilder();
        for (String o : overrides) {
            if (o.indexOf('=') <= 0) {
                throw new SpecException(o, "'" + o + "' is not a key=value override (e.g. noise=0 trials=40)");
            }
            if (o.indexOf('=') == o.length() - 1) {
                // in an edit an empty value means "the key's default": from a shell that is an unset variable
                // (noise=$NOISE), which must not silently run the default
                String key = o.substring(0, o.length() - 1);
                throw new SpecException(key, "'" + o + "' has no value; give " + key + "=VALUE (see `schema` for "
                        + "its default and range)");
            }
            if (o.indexOf('&') >= 0) {
                throw new SpecException(o, "'" + o + "' holds '&': give each override as its own KEY=VALUE argument");
            }
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(o);
        }
        return SpecEdit.change(base, q.toString());
    }

    /**
     * Refuses an override of a swept key: every cell sets it from its axis, so the override would be ignored (the rule
     * of {@link SweptKeys}, which the server's sweep form follows too).
     *
     * @param how what to give instead, e.g. "change the axis (--x/--y) instead"
     */
    static void refuseSwept(List<String> overrides, List<SweepAxis> axes, String how) {
        SweptKeys.refuseGiven(keys(overrides), axes, how);
    }

    /** The keys the overrides give a value for. */
    static Set<String> keys(List<String> overrides) {
        Set<String> out = new LinkedHashSet<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq > 0) {
                out.add(o.substring(0, eq));
            }
        }
        return out;
    }

    static boolean hasKey(List<String> overrides, String key) {
        for (String o : overrides) {
            if (o.startsWith(key + "=")) {
                return true;
            }
        }
        return false;
    }
}
