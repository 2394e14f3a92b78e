package org.hopfieldlab.sim.exercise;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;

/** The names "free" and "hidden" may use, from the spec schema: spec keys, and for "hidden" also the lab's sections. */
final class ExerciseKeys {
    private ExerciseKeys() {
    }

    static boolean isSpecKey(String key) {
        return !key.equals("v") && SpecSchema.find(key) != null && !SpecSchema.find(key).isView();
    }

    static boolean isPanel(String name) {
        for (SpecKey.Choice c : SpecSchema.sections()) {
            if (c.value().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Spec keys a numeric measure ("param") may read: the schema's whole and decimal numbers. */
    static boolean isNumericKey(String key) {
        SpecKey k = isSpecKey(key) ? SpecSchema.find(key) : null;
        return k != null && (k.type() == SpecKey.Type.INT || k.type() == SpecKey.Type.NUMBER);
    }

    static String numericKeys() {
        List<String> out = new ArrayList<>();
        for (SpecKey k : SpecSchema.specKeys()) {
            if (isNumericKey(k.name())) {
                out.add(k.name());
            }
        }
        return String.join(", ", out);
    }

    static String specKeys() {
        return String.join(", ", lockedBut(List.of()));
    }

    static String panels() {
        List<String> out = new ArrayList<>();
        for (SpecKey.Choice c : SpecSchema.sections()) {
            out.add(c.value());
        }
        return String.join(", ", out);
    }

    /** All spec keys (canonical order, without "v") that are not in {@code free}. */
    static List<String> lockedBut(List<String> free) {
        List<String> out = new ArrayList<>();
        for (SpecKey k : SpecSchema.specKeys()) {
            if (!k.name().equals("v") && !free.contains(k.name())) {
                out.add(k.name());
            }
        }
        return out;
    }
}
