package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.sim.run.Simulation;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void everyPresetBuildsRoundTripsAndRuns() {
        List<Presets.Preset> all = Presets.all();
        assertTrue(all.size() >= 10);
        Set<String> names = new HashSet<>();
        for (Presets.Preset p : all) {
            assertTrue(names.add(p.name()), "duplicate preset " + p.name());
            assertFalse(p.title().isBlank());
            assertFalse(p.description().isBlank());
            String text = SpecCodec.format(p.spec());
            ExperimentSpec back = SpecCodec.parse(text);
            assertEquals(p.spec(), back, p.name());
            SpecCodecTest.assertSameFields(p.spec(), back);
            assertEquals(p, Presets.get(p.name()));
            // the simulation can be set up and takes a few steps without diverging
            Simulation sim = new Simulation(p.spec(), 0);
            sim.advance(5);
            for (double x : sim.state()) {
                assertTrue(Double.isFinite(x), p.name());
            }
        }
        assertTrue(names.containsAll(List.of("sequence", "sequence-no-noise", "classic-constant", "classic-pulsed",
                "glitch", "energy", "thresholds", "modern", "letters-cue", "discrete")));
    }

    @Test
    void presetsEncodeThePapersParameters() {
        ExperimentSpec s = Presets.get("sequence").spec();
        assertEquals(ModelKind.IDP, s.model());
        assertEquals(1024, s.n());
        assertEquals(10, s.p());
        assertEquals(10, s.beta(), 0.0);
        assertEquals(0.01, s.dt(), 0.0);
        assertEquals(8, s.noise(), 0.0);
        assertEquals(3, s.schedule().size());
        assertEquals(30, s.duration(), 0.0);
        assertEquals(0, Presets.get("sequence-no-noise").spec().noise(), 0.0);
        assertEquals(ModelKind.CLASSIC, Presets.get("classic-constant").spec().model());
        assertEquals(0, Presets.get("classic-constant").spec().pulse(), 0.0);
        assertEquals(1, Presets.get("classic-pulsed").spec().pulse(), 0.0);
        ExperimentSpec glitch = Presets.get("glitch").spec();
        assertEquals(25, glitch.duration(), 0.0);
        double[] starts = {0, 8, 10, 15, 19};
        int[] targets = {0, 1, 0, 1, 2};
        for (int w = 0; w < 5; w++) {
            assertEquals(starts[w], glitch.schedule().get(w).start(), 0.0);
            assertEquals(targets[w], glitch.schedule().get(w).target());
        }
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        SpecException e = assertThrows(SpecException.class, () -> Presets.get("nope"));
        assertEquals("preset", e.key());
        assertTrue(e.getMessage().contains("unknown preset 'nope'; known: sequence, "), e.getMessage());
    }
}
