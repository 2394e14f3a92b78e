package org.hopfieldlab.cli;

import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;

/** key=value overrides on top of a preset, through the same parser as share links. */
final class SpecArgs {
    private SpecArgs() {
    }

    static ExperimentSpec apply(ExperimentSpec base, List<String> overrides) {
        StringBuilder q = new StringBuilder();
        for (String o : overrides) {
            if (o.indexOf('=') <= 0) {
                throw new SpecException(o, "'" + o + "' is not a key=value override (e.g. noise=0 trials=40)");
            }
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(o);
        }
        return SpecCodec.parseOnto(base.toBuilder(), q.toString());
    }

    static boolean hasKey(List<String> overrides, String key) {
        for (String o : overrides) {
            if (o.startsWith(key + "=")) {
                return true;
            }
        }
        return false;
    }

    static double[] numbers(String key, String csv) {
        String[] parts = csv.split(",");
        double[] out = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                out[k] = Double.parseDouble(parts[k].trim());
            } catch (NumberFormatException e) {
                throw new SpecException(key, key + ": '" + parts[k] + "' is not a number");
            }
            if (!Double.isFinite(out[k])) {
                throw new SpecException(key, key + ": '" + parts[k] + "' is not a finite number");
            }
        }
        return out;
    }
}
