package org.hopfieldlab.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweptKeys;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;
import org.junit.jupiter.api.Test;

/** The sweep form's axis keys and value checks come from the key table (compared with the table itself here). */
class SweepFormTest {
    static List<String> names(ExperimentSpec spec) {
        return SweepsView.axisKeys(spec).stream().map(SweepsView.AxisKey::name).toList();
    }

    @Test
    void theKeysAreTheTablesNumberAndChoiceKeysThatApply() {
        ExperimentSpec idp = Presets.get("sequence").spec();
        List<String> keys = names(idp);
        for (SpecKey k : SpecSchema.specKeys()) {
            boolean sweepable = (k.type() == SpecKey.Type.INT || k.type() == SpecKey.Type.NUMBER
                    || k.type() == SpecKey.Type.CHOICE) && k.applies(idp);
            boolean refusedBySweeps = List.of("v", "trials", "seed").contains(k.name());
            assertEquals(sweepable && !refusedBySweeps, keys.contains(k.name()), k.name() + " in " + keys);
        }
        // the modern softmax keys appear once the base spec is modern with softmax gains
        List<String> modern = names(SpecCodec.parse("v=1&model=modern&map=softmax"));
        assertTrue(modern.containsAll(List.of("map", "lambda", "gamma")), modern.toString());
        assertFalse(keys.contains("lambda"));
        // explicit-weights windows add one input weight per memory (the thresholds experiment has p = 3)
        List<String> thr = names(Presets.get("thresholds").spec());
        assertTrue(thr.containsAll(List.of("a1", "a2", "a3")) && !thr.contains("a4"), thr.toString());
        assertFalse(keys.contains("a1"));
    }

    /**
     * A base spec's value of a swept key is not used: the base field says so (the core's rule, SweptKeys, as the CLI
     * refuses such a value given as an override), for a pasted lab link or spec as for a preset.
     */
    @Test
    void theBaseFieldSaysItsValueOfASweptKeyIsNotUsed() {
        ExperimentSpec base = SpecCodec.parse("v=1&model=idp&n=256&p=3&noise=3&beta=10");
        List<SweepAxis> axes = List.of(SweepAxis.parse("noise=0,2,4"), SweepAxis.parse("beta=5,10"));
        String help = SweepsView.baseHelp(base, axes);
        assertEquals(SweepsView.BASE_HELP + " \u00b7 " + String.join("; ", SweptKeys.replaced(base, axes)), help);
        assertTrue(help.contains("noise = 3 of the base is not used: each cell takes noise from axis 1 (0, 2, 4)"),
                help);
        assertTrue(help.contains("beta = 10 of the base is not used: each cell takes beta from axis 2 (5, 10)"), help);
        // an axis on a key the base does not hold (softmax λ of an IDP base): nothing to say
        assertEquals(SweepsView.BASE_HELP, SweepsView.baseHelp(base, List.of(SweepAxis.parse("lambda=1,2"))));
    }

    @Test
    void labelsUnitsAndRangesAreTheTables() {
        SweepsView.AxisKey dt = SweepsView.axisKeys(Presets.get("sequence").spec()).stream()
                .filter(a -> a.name().equals("dt")).findFirst().orElseThrow();
        SpecKey k = SpecSchema.key("dt");
        assertEquals(k.label() + " (dt, " + k.unit() + ")", dt.title());
        assertEquals(k.rangeDoc(), dt.range());
        assertTrue(SweepsView.valuesHelp(dt).contains(k.rangeDoc()));
    }

    @Test
    void valuesAreCheckedAgainstTheKeysRange() {
        List<SweepsView.AxisKey> keys = SweepsView.axisKeys(Presets.get("sequence").spec());
        SweepsView.AxisKey noise = keys.stream().filter(a -> a.name().equals("noise")).findFirst().orElseThrow();
        noise.check("1000");
        SpecException high = assertThrows(SpecException.class, () -> noise.check("2000"));
        assertEquals("noise = 2000 is out of range; allowed: " + SpecSchema.key("noise").staticRangeText(),
                high.getMessage());
        assertThrows(SpecException.class, () -> noise.check("0x1p3"));
        SweepsView.AxisKey model = keys.stream().filter(a -> a.name().equals("model")).findFirst().orElseThrow();
        model.check("classic");
        SpecException bad = assertThrows(SpecException.class, () -> model.check("hopfield"));
        assertTrue(bad.getMessage().contains("is not one of: classic, idp, modern, discrete"), bad.getMessage());
        SweepsView.AxisKey n = keys.stream().filter(a -> a.name().equals("n")).findFirst().orElseThrow();
        assertThrows(SpecException.class, () -> n.check("2.5"));
    }
}
