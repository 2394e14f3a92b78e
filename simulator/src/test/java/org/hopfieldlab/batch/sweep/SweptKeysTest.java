package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.SpecSchema;
import org.junit.jupiter.api.Test;

/** One rule for a swept key's value outside its axis: given on its own it is refused, from a whole base shown. */
class SweptKeysTest {
    @Test
    void aValueGivenOnItsOwnForASweptKeyIsRefused() {
        List<SweepAxis> axes = List.of(SweepAxis.parse("noise=0,2,4"), SweepAxis.parse("model=idp,classic"));
        SweptKeys.refuseGiven(Set.of("beta", "n"), axes, "change the axis instead");
        SpecException e = assertThrows(SpecException.class,
                () -> SweptKeys.refuseGiven(Set.of("beta", "model"), axes, "change the axis instead"));
        assertEquals("model", e.key());
        assertEquals("model=… would be ignored: model is swept (model=idp,classic), which sets it in every cell; "
                + "change the axis instead", e.getMessage());
    }

    @Test
    void theBasesValuesOfSweptKeysAreNamedAsNotUsed() {
        ExperimentSpec base = Presets.get("sequence").spec();
        String noise = SpecSchema.key("noise").text(base);
        List<String> notUsed = SweptKeys.replaced(base, List.of(SweepAxis.parse("noise=0:9:10"),
                SweepAxis.parse("model=idp,classic")));
        assertEquals(List.of("noise = " + noise + " of the base is not used: each cell takes noise from axis 1 "
                + "(0, 1, 2, 3, 4, 5, 6, 7, …)", "model = " + base.model().key + " of the base is not used: each cell "
                + "takes model from axis 2 (idp, classic)"), notUsed);
        // an input weight: the base's weight in its explicit-weights windows
        ExperimentSpec thr = Presets.get("thresholds").spec();
        String a2 = SpecCodec.formatNumber(thr.schedule().stream().filter(w -> w.kind() == org.hopfieldlab.sim.input.Window.Kind.WEIGHTS).findFirst()
                .orElseThrow().weights().get(1));
        assertEquals(List.of("a2 = " + a2 + " of the base is not used: each cell takes a2 from axis 1 (0.5, 1)"),
                SweptKeys.replaced(thr, List.of(SweepAxis.parse("a2=0.5,1"))));
        // a key the base does not hold (lambda applies to the modern softmax model only)
        assertEquals(List.of(), SweptKeys.replaced(base, List.of(SweepAxis.parse("lambda=1,2"))));
    }
}
