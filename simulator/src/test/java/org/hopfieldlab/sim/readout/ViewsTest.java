package org.hopfieldlab.sim.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;

class ViewsTest {
    @Test
    void theEnergyPresetOpensItsLandscapeAndTheOthersTheirTheory() {
        assertEquals("landscape", Views.natural(Presets.get("energy").spec()));
        for (String name : new String[] {"sequence", "thresholds", "letters-cue", "discrete", "modern"}) {
            assertEquals("theory", Views.natural(Presets.get(name).spec()), name);
        }
    }

    @Test
    void theLandscapeSaysWhyItCannotBeDrawn() {
        assertEquals("", Views.landscapeUnavailable(Presets.get("energy").spec()));
        assertTrue(Views.landscapeUnavailable(SpecCodec.parse("n=2048&p=10&in=0:d1")).contains("N ≤ 1024"));
        assertTrue(Views.landscapeUnavailable(Presets.get("discrete").spec()).contains("discrete"));
        assertTrue(Views.landscapeUnavailable(SpecCodec.parse("n=64&p=1&in=0:d1")).contains("P ≥ 2"));
    }
}
