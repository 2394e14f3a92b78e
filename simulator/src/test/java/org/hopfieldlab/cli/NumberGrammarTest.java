package org.hopfieldlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.batch.ExperimentSweeps;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

/**
 * One number grammar on all three paths: a spec value ({@code noise=…}), a CLI list ({@code --noise-values …}, now the experiment's sweep axis) and
 * a sweep axis ({@code --x noise=…}, list and range). Issue 7: {@code 0x1p3} ran with noise 8 on the CLI list and
 * was "not a number" on the sweep axis.
 */
class NumberGrammarTest {
    static final String[] ACCEPTED = {"8", "0.5", ".5", "5.", "+2", "-0", "1e-3", "2.5E1", "0.125"};
    static final String[] REFUSED = {"0x1p3", "0x10", "NaN", "Infinity", "-Infinity", "8d", "8f", "1_000", "1 5",
        "e5", ".", "-", "１", "1e999"};

    @Test
    void theSpecTheCliListAndTheSweepAxisAcceptTheSameNumbers() {
        for (String v : ACCEPTED) {
            double expected = Double.parseDouble(v);
            double spec = SpecCodec.parse("beta=1&in=0:w" + v + "_1_1_1_1_1_1_1_1_1").schedule().get(0).weights().get(0);
            assertEquals(expected, spec, 0.0, v);
            // --noise-values is the noise-sweep experiment's sweep axis
            assertEquals(expected, ExperimentSweeps.noise(Presets.get("sequence").spec(), v, "idp").cellSpec(0)
                    .noise(), 0.0, v);
            SweepAxis range = SweepAxis.parse("beta=" + v + ":" + v + ":1");
            assertEquals(expected == 0 ? 0.0 : expected, range.numeric(0), 0.0, v);
        }
    }

    @Test
    void theSpecTheCliListAndTheSweepAxisRefuseTheSameNumbers() {
        for (String v : REFUSED) {
            SpecException spec = assertThrows(SpecException.class, () -> SpecCodec.parse("noise=" + v), v);
            assertTrue(spec.getMessage().contains("is not a number"), spec.getMessage());
            SpecException list = assertThrows(SpecException.class, () -> ExperimentSweeps.noise(
                    Presets.get("sequence").spec(), "1," + v, "idp"), v);
            assertTrue(list.getMessage().contains("is not a number"), list.getMessage());
            assertEquals("--noise-values", list.key());
            SpecException axisRange = assertThrows(SpecException.class, () -> SweepAxis.parse("noise=" + v + ":8:3"), v);
            assertTrue(axisRange.getMessage().contains("is not a number"), axisRange.getMessage());
            // a listed axis value is a spec value: refused when the cells are built
            SpecException axisList = assertThrows(SpecException.class, () -> new SweepDefinition(
                    Presets.get("sequence").spec(), List.of(SweepAxis.parse("noise=1," + v)), 1, SeedPolicy.SAME), v);
            assertTrue(axisList.getMessage().contains("is not a number"), axisList.getMessage());
            // and an input-weight axis (a1 … aP) too
            SpecException weight = assertThrows(SpecException.class, () -> new SweepDefinition(
                    Presets.get("thresholds").spec(), List.of(SweepAxis.parse("a1=0.1," + v)), 1, SeedPolicy.SAME), v);
            assertTrue(weight.getMessage().contains("is not a number"), weight.getMessage());
        }
    }

    @Test
    void theCliSaysSoWithExitCode2() {
        HopfieldCliTest.Result r = HopfieldCliTest.cli("experiment", "noise-sweep", "--noise-values", "0x1p3", "trials=1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--noise-values: ") && r.err().contains("noise = '0x1p3' is not a number"),
                r.err());
        HopfieldCliTest.Result s = HopfieldCliTest.cli("sweep", "--x", "noise=0x1p3", "--trials", "1", "--estimate");
        assertEquals(2, s.code(), s.out() + s.err());
        assertTrue(s.err().contains("noise = '0x1p3' is not a number"), s.err());
    }
}
