package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;

/**
 * The one rule for a value of a swept key given outside its axis, for every front end (the CLI's {@code sweep} and
 * {@code experiment}, the server's sweep form). Every cell sets a swept key from its axis, so:
 * <ul>
 * <li>a value the user gives for that key on its own (the CLI's {@code KEY=VALUE} overrides) would be ignored: it is
 * refused ({@link #refuseGiven}), naming the key, its axis and what to give instead;</li>
 * <li>the value a whole base experiment brings (a preset, a saved session, a pasted lab link or spec: every key has a
 * value there) is replaced in every cell, and the front end shows that it is not used ({@link #replaced}).</li>
 * </ul>
 */
public final class SweptKeys {
    private SweptKeys() {
    }

    /** Values of an axis listed in a message; the rest is "…". */
    static final int LISTED = 8;

    /** The axis that sets this key, or null. */
    public static SweepAxis axisOf(String key, List<SweepAxis> axes) {
        for (SweepAxis a : axes) {
            if (a.key().equals(key)) {
                return a;
            }
        }
        return null;
    }

    /**
     * Refuses values given on their own for swept keys ({@code givenKeys}: the keys the user typed a value for):
     * "noise=… would be ignored: noise is swept (noise=0,2,4), which sets it in every cell; {@code how}".
     *
     * @param how what to give instead, e.g. "change the axis (--x/--y) instead"
     */
    public static void refuseGiven(Collection<String> givenKeys, List<SweepAxis> axes, String how) {
        for (SweepAxis a : axes) {
            if (givenKeys.contains(a.key())) {
                throw new SpecException(a.key(), a.key() + "=… would be ignored: " + a.key() + " is swept ("
                        + a.key() + "=" + String.join(",", a.values()) + "), which sets it in every cell; " + how);
            }
        }
    }

    /**
     * What a whole base experiment's values of swept keys become, one line per axis whose key the base holds:
     * "noise = 8 of the base is not used: each cell takes noise from axis 1 (0, 2, 4, 8)". Empty when the base holds
     * none of them (a key that does not apply to it, an input weight without explicit-weights windows).
     */
    public static List<String> replaced(ExperimentSpec base, List<SweepAxis> axes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            SweepAxis a = axes.get(i);
            String value = baseValue(base, a.key());
            if (value == null) {
                continue;
            }
            List<String> vs = a.values();
            String listed = String.join(", ", vs.subList(0, Math.min(LISTED, vs.size())))
                    + (vs.size() > LISTED ? ", …" : "");
            out.add(a.key() + " = " + value + " of the base is not used: each cell takes " + a.key() + " from axis "
                    + (i + 1) + " (" + listed + ")");
        }
        return out;
    }

    /** The base's canonical text of a key, or null when the base holds no value of it. */
    static String baseValue(ExperimentSpec base, String key) {
        if (SweepDefinition.isWeightKey(key)) {
            int mu = Integer.parseInt(key.substring(1)) - 1;
            for (Window w : base.schedule()) {
                if (w.kind() == Window.Kind.WEIGHTS && mu < w.weights().size()) {
                    return SpecCodec.formatNumber(w.weights().get(mu));
                }
            }
            return null;
        }
        SpecKey k = SpecSchema.find(key);
        return k == null || !SpecSchema.specKeys().contains(k) || !k.applies(base) ? null : k.text(base);
    }
}
