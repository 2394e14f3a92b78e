package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.hopfieldlab.sim.run.Simulation;
import org.junit.jupiter.api.Test;

/**
 * Rule stable-step: Euler on dx/dt = −x + (bounded drift) multiplies the leak by 1 − dt per step, so a continuous
 * model needs |1 − dt| &lt; 1, i.e. dt &lt; 2. The rule lives in the key table, so the codec (links, server, CLI),
 * the edits (lab controls, CLI overrides) and the lab's control ranges all refuse dt ≥ 2 with one message.
 */
class StableStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyContinuousModelRefusesDtFromTwoUpNamingDt() {
        for (String model : new String[] {"idp", "classic", "modern"}) {
            for (String dt : new String[] {"2", "2.5", "5", "10"}) {
                SpecException e = assertThrows(SpecException.class,
                        () -> SpecCodec.parse("model=" + model + "&dt=" + dt + "&t=100&in=0:d1"), model + " dt=" + dt);
                assertEquals("dt", e.key());
                assertTrue(e.getMessage().startsWith("dt = " + dt + " is an unstable step for model=" + model
                        + ": each Euler step multiplies the leak by 1 − dt = "), e.getMessage());
                assertTrue(e.getMessage().endsWith("allowed: dt < 2 (dt ≤ 0.1 follows the dynamics closely)"),
                        e.getMessage());
            }
            SpecCodec.parse("model=" + model + "&dt=1.999&t=100&in=0:d1");
            SpecCodec.parse("model=" + model + "&dt=" + Numbers.format(Math.nextDown(2.0)) + "&t=100&in=0:d1");
        }
        // the issue's repro: a plausible-looking 6-step run; now refused before anything runs
        SpecException e = assertThrows(SpecException.class,
                () -> SpecEdit.change(Presets.get("sequence").spec(), "dt=5&beta=1000"));
        assertEquals("dt", e.key());
        assertTrue(e.getMessage().contains("1 − dt = -4"), e.getMessage());
    }

    @Test
    void theDiscreteModelHasNoLeakAndKeepsItsRange() {
        ExperimentSpec s = SpecCodec.parse("model=discrete&noise=0&dt=10&t=100&in=0:d1");
        assertEquals(10, s.dt(), 0.0);
        // switching to a continuous model through an edit resets dt to the edit default, so nothing is refused
        ExperimentSpec idp = SpecEdit.change(s, "model=idp");
        assertTrue(idp.dt() < 2, "dt after the switch: " + idp.dt());
        // but a link that keeps dt = 10 for idp is refused
        assertThrows(SpecException.class, () -> SpecCodec.parse("model=idp&dt=10&t=100&in=0:d1"));
    }

    @Test
    void theControlsShowTheOpenBoundTwoForContinuousModelsOnly() throws Exception {
        JsonNode idp = dtControl(SpecCodec.parse("model=idp&in=0:d1"));
        assertEquals(2, idp.get("max").asDouble(), 0.0);
        assertTrue(idp.get("maxOpen").asBoolean(), "dt < 2, not ≤ 2");
        assertTrue(idp.get("rule").asText().contains("continuous models need dt < 2"), idp.get("rule").asText());
        JsonNode discrete = dtControl(SpecCodec.parse("model=discrete&noise=0&dt=1&t=10&in=0:d1"));
        assertEquals(10, discrete.get("max").asDouble(), 0.0);
        assertFalse(discrete.get("maxOpen").asBoolean(), "dt ≤ 10 for the discrete model");
        // the rule is in the table every front end reads
        JsonNode rules = JSON.readTree(SchemaDocs.toJson()).get("rules");
        boolean found = false;
        for (JsonNode r : rules) {
            if (r.get("name").asText().equals("stable-step")) {
                found = true;
                assertEquals("model=classic, idp or modern", r.get("appliesWhen").asText());
            }
        }
        assertTrue(found, "rule stable-step in the schema JSON");
        assertTrue(SchemaDocs.markdownTable().contains("with model=classic, idp or modern: continuous models need dt < 2"));
    }

    @Test
    void noPresetNorGoldenChecksumUsesAnUnstableStep() throws Exception {
        for (Presets.Preset p : Presets.all()) {
            ExperimentSpec s = p.spec();
            assertTrue(s.model() == ModelKind.DISCRETE || s.dt() < 2, p.name());
        }
        int lines = 0;
        try (InputStream in = StableStepTest.class.getResourceAsStream("/golden-checksums.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // every golden link still parses (so it still replays, bit for bit: GoldenChecksumsTest)
                SpecCodec.parse(line.split("\t")[0]);
                lines++;
            }
        }
        assertTrue(lines >= 10, "golden lines: " + lines);
    }

    @Test
    void justBelowTwoTheStateStaysBoundedAsTheoryPromises() {
        // x ← (1 − dt) x + dt·b with |b| ≤ Σ|W σ| ≤ p: for dt = 1.9 the state stays within max(|x(0)|, dt·p/(2 − dt))
        // (no noise); at dt = 2.5 the same run grows by |1 − dt| = 1.5 per step, 1.5^40 ≈ 10⁷ in 40 steps (only the tests' escape hatch builds it)
        String q = "model=idp&n=64&p=3&noise=0&dt=1.9&t=190&seed=5&in=0:d1";
        Simulation ok = new Simulation(SpecCodec.parse(q), 0);
        ok.advance(ok.totalSteps());
        double bound = Math.max(5, 1.9 * 3 / 0.1) * 1.0001;
        for (double x : ok.state()) {
            assertTrue(Math.abs(x) <= bound, "x = " + x + " beyond " + bound);
        }
        Simulation bad = new Simulation(UnstableSpecs.parse(q.replace("dt=1.9&t=190", "dt=2.5&t=100")), 0);
        double max = 0;
        try {
            bad.advance(bad.totalSteps());
            for (double x : bad.state()) {
                max = Math.max(max, Math.abs(x));
            }
        } catch (org.hopfieldlab.sim.run.DivergenceException diverged) {
            max = Double.POSITIVE_INFINITY;
        }
        assertTrue(max > 1e6, "dt = 2.5 grows: max |x| = " + max);
    }

    private static JsonNode dtControl(ExperimentSpec s) throws Exception {
        for (JsonNode k : JSON.readTree(SchemaDocs.controlsJson(s)).get("keys")) {
            if (k.get("name").asText().equals("dt")) {
                return k;
            }
        }
        throw new AssertionError("no dt control");
    }
}
