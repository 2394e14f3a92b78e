package org.hopfieldlab.sim.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;

/** A spec's canonical form as an ordered map key → value (keys that do not apply are absent). */
final class SpecMap {
    private SpecMap() {
    }

    static Map<String, String> of(ExperimentSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = SpecCodec.format(spec);
        int from = 0;
        while (from < q.length()) {
            int amp = q.indexOf('&', from);
            int end = amp < 0 ? q.length() : amp;
            int eq = q.indexOf('=', from);
            out.put(q.substring(from, eq), q.substring(eq + 1, end));
            from = end + 1;
        }
        return out;
    }
}
