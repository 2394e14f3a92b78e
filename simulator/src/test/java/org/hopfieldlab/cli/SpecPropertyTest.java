package org.hopfieldlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.LabLink;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.RandomSpecs;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecEdit;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's property, CLI front end: for random valid specs, {@code hopfield-cli spec} prints exactly the core's
 * canonical text (given the canonical text, or its pairs in any order). The lab (Chromium) and the server (saved
 * session) add their front ends to the same property with the same generator, {@link RandomSpecs#any}.
 */
class SpecPropertyTest {

    @Test
    void theCliSpecCommandPrintsTheCanonicalText() {
        Random r = new Random(7);
        for (int k = 0; k < 300; k++) {
            ExperimentSpec spec = RandomSpecs.any(r);
            String canonical = SpecCodec.format(spec);
            List<String> pairs = new ArrayList<>(Arrays.asList(canonical.split("&")));
            Collections.shuffle(pairs, r);
            String shuffled = String.join("&", pairs);
            HopfieldCliTest.Result res = HopfieldCliTest.cli("spec", k % 2 == 0 ? canonical : shuffled);
            assertEquals(0, res.code(), res.err());
            assertEquals(canonical, res.out().strip(), shuffled);
        }
    }

    /** Issue 7 regression: switching the sequence preset to modern gave softmax in the lab but linear on the CLI. */
    @Test
    void switchingToModernGivesTheSameSpecOnTheCliAsInTheLab() throws Exception {
        String lab = LabLink.parse("preset=sequence&model=modern").format();
        assertEquals(SpecCodec.format(SpecEdit.change(Presets.get("sequence").spec(), "model=modern")), lab);
        assertTrue(lab.contains("&map=softmax&lambda=10&gamma=0.5&"), lab);
        HopfieldCliTest.Result spec = HopfieldCliTest.cli("spec", "sequence", "model=modern");
        assertEquals(lab, spec.out().strip());
        HopfieldCliTest.Result run = HopfieldCliTest.cli("experiment", "sequence", "model=modern", "trials=1", "t=1",
                "in=0:d1", "--json");
        assertEquals(0, run.code(), run.err());
        String reported = new ObjectMapper().readTree(run.out()).get("cells").get(0).get("spec").asText();
        assertEquals(SpecCodec.format(SpecEdit.change(Presets.get("sequence").spec(),
                "model=modern&trials=1&t=1&in=0:d1")), reported);
    }
}
