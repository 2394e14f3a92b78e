package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;
import org.junit.jupiter.api.Test;

class ExperimentSpecTest {

    @Test
    void settingsThatDoNotApplyAreResetToDefaults() {
        ExperimentSpec d = ExperimentSpec.builder().build();
        ExperimentSpec s = ExperimentSpec.builder().model(ModelKind.IDP).gainMap(GainMap.POLY).lambda(7).degree(5)
                .gamma(0.3).update(Update.SYNC).chars("XYZ").patterns("abc").cue(2).mask(0.5).flip(0.2)
                .cueAmplitude(9).build();
        assertEquals(d, s);
        assertEquals(d.gainMap(), s.gainMap());
        assertEquals(d.lambda(), s.lambda(), 0.0);
        assertEquals(d.degree(), s.degree());
        assertEquals(d.gamma(), s.gamma(), 0.0);
        assertEquals(d.update(), s.update());
        assertEquals("", s.chars());
        assertEquals("", s.patterns());
        assertEquals(-1, s.cue());
        assertEquals(0.0, s.mask(), 0.0);
        assertEquals(0.0, s.flip(), 0.0);
        assertEquals(1.0, s.cueAmplitude(), 0.0);
        // modern keeps map and gamma; lambda only for softmax, degree only for poly
        ExperimentSpec m = ExperimentSpec.builder().model(ModelKind.MODERN).gainMap(GainMap.SOFTMAX).lambda(7)
                .degree(5).gamma(0.3).build();
        assertEquals(7, m.lambda(), 0.0);
        assertEquals(3, m.degree());
        assertEquals(0.3, m.gamma(), 0.0);
        ExperimentSpec poly = m.toBuilder().gainMap(GainMap.POLY).degree(5).build();
        assertEquals(1, poly.lambda(), 0.0);
        assertEquals(5, poly.degree());
        // mask/flip apply with a cue window too; camp only with a cue window
        ExperimentSpec cueWindow = ExperimentSpec.builder().schedule(List.of(Window.cue(0, 1))).mask(0.5).flip(0.2)
                .cueAmplitude(9).build();
        assertEquals(0.5, cueWindow.mask(), 0.0);
        assertEquals(9, cueWindow.cueAmplitude(), 0.0);
        ExperimentSpec cueStart = ExperimentSpec.builder().initialState(InitialState.CUE).cue(1).mask(0.5)
                .cueAmplitude(9).build();
        assertEquals(0.5, cueStart.mask(), 0.0);
        assertEquals(1, cueStart.cueAmplitude(), 0.0);
    }

    @Test
    void stepsAndWindowBoundaries() {
        ExperimentSpec s = ExperimentSpec.builder().dt(0.01).duration(25).schedule(List.of(Window.recipe(0, 0),
                Window.recipe(8, 1), Window.recipe(10, 0), Window.recipe(15, 1), Window.recipe(19, 2))).build();
        assertEquals(2500, s.steps());
        int[] starts = {0, 800, 1000, 1500, 1900};
        int[] ends = {800, 1000, 1500, 1900, 2500};
        for (int w = 0; w < 5; w++) {
            assertEquals(starts[w], s.windowStartStep(w));
            assertEquals(ends[w], s.windowEndStep(w));
        }
        // round(T / dt), not truncation: 0.3 / 0.1 = 2.9999999999999996
        assertEquals(3, ExperimentSpec.builder().dt(0.1).duration(0.3).schedule(List.of(Window.off(0))).build()
                .steps());
    }

    @Test
    void equalityIsByCanonicalText() {
        ExperimentSpec a = ExperimentSpec.builder().seed(3).build();
        ExperimentSpec b = ExperimentSpec.builder().seed(3).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(SpecCodec.format(a), a.toString());
        assertNotEquals(a, ExperimentSpec.builder().seed(4).build());
        assertNotEquals(a, "not a spec");
        assertEquals(MemoryKind.RANDOM, a.memories());
    }
}
