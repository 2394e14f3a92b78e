package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The key table is the one source: the builder's defaults, the codec's keys and order, validation and
 * applicability follow it (a key's default, range or rule written anywhere else and drifting fails here), its JSON
 * is complete, and the README's key table is generated from it.
 */
class SchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void builderDefaultsAreTheTablesDefaults() {
        ExperimentSpec.Builder b = ExperimentSpec.builder();
        for (SpecKey k : SpecSchema.specKeys()) {
            assertEquals(k.required() ? k.defaultText : k.defaultText(), k.text(b), k.name());
        }
        List<String> names = new ArrayList<>();
        for (SpecKey k : SpecSchema.specKeys()) {
            names.add(k.name());
        }
        assertEquals(names, List.of(SpecCodec.KEYS), "the codec's keys are the table's, in its order");
    }

    @Test
    void everyStaticRangeIsWhatValidationEnforces() {
        Random r = new Random(3);
        for (SpecKey k : SpecSchema.specKeys()) {
            if (!k.isNumeric() || k.name().equals("v")) {
                continue;
            }
            // a spec where the key applies
            ExperimentSpec base = specWhereApplies(k, r);
            // the key's own bounds (static and the bounding key); rules between keys have their own tests
            double hi = k.upper(base.values());
            double lo = k.min();
            if (hi == hi) {
                String over = k.type() == SpecKey.Type.INT ? Long.toString((long) hi + 1) : Numbers.format(hi * 1.5 + 1);
                SpecException e = assertThrows(SpecException.class,
                        () -> SpecCodec.parseOnto(base.toBuilder(), k.name() + "=" + over), k.name() + "=" + over);
                assertEquals(k.name(), e.key(), e.getMessage());
            }
            if (lo == lo) {
                String under = k.type() == SpecKey.Type.INT ? Long.toString((long) lo - 1)
                        : Numbers.format(k.minOpen() ? lo : lo - 1);
                SpecException e = assertThrows(SpecException.class,
                        () -> SpecCodec.parseOnto(base.toBuilder(), k.name() + "=" + under), k.name() + "=" + under);
                assertEquals(k.name(), e.key(), e.getMessage());
            }
        }
    }

    private static ExperimentSpec specWhereApplies(SpecKey k, Random r) {
        for (int tries = 0; tries < 10_000; tries++) {
            ExperimentSpec s = RandomSpecs.any(r);
            if (k.applies(s) && s.n() <= 4096) {
                return s;
            }
        }
        throw new AssertionError("no spec where " + k.name() + " applies");
    }

    @Test
    void applicabilityDecidesTheCanonicalTextAndTheLinkErrors() {
        Random r = new Random(11);
        for (int n = 0; n < 500; n++) {
            ExperimentSpec s = RandomSpecs.any(r);
            String text = SpecCodec.format(s);
            for (SpecKey k : SpecSchema.specKeys()) {
                assertEquals(k.applies(s), text.startsWith(k.name() + "=") || text.contains("&" + k.name() + "="),
                        k.name() + " in " + text);
            }
        }
        for (SpecKey k : SpecSchema.specKeys()) {
            if (!k.appliesWhen().isEmpty()) {
                ExperimentSpec none = SpecCodec.parse("");
                assertFalse(k.applies(none), k.name());
                String valid = k.editDefault() != null ? k.editDefault() : "A";
                SpecException e = assertThrows(SpecException.class, () -> SpecCodec.parse(k.name() + "=" + valid));
                assertEquals(k.name(), e.key());
                assertTrue(e.getMessage().contains(k.whyNot()), e.getMessage());
            }
        }
    }

    @Test
    void theJsonHasOneCompleteObjectPerKey() throws IOException {
        JsonNode root = JSON.readTree(SchemaDocs.toJson());
        assertEquals(ExperimentSpec.VERSION, root.get("version").asInt());
        JsonNode keys = root.get("keys");
        assertEquals(SpecSchema.all().size(), keys.size());
        int views = 0;
        for (JsonNode k : keys) {
            for (String field : new String[] {"name", "kind", "type", "default", "editDefault", "min", "max", "range",
                "choices", "unit", "label", "help", "group", "appliesWhen", "whyNot", "since"}) {
                assertTrue(k.has(field), k.get("name") + " has " + field);
            }
            assertFalse(k.get("label").asText().isEmpty(), k.toString());
            assertFalse(k.get("help").asText().isEmpty(), k.toString());
            views += k.get("kind").asText().equals("view") ? 1 : 0;
        }
        assertEquals(List.of("preset", "hide", "lock", "view", "speed", "engine"),
                SpecSchema.viewKeys().stream().map(SpecKey::name).toList());
        assertEquals(6, views);
        assertEquals(SpecSchema.rules().size(), root.get("rules").size());
        JsonNode controls = JSON.readTree(SchemaDocs.controlsJson(Presets.get("letters-cue").spec()));
        assertEquals(SpecSchema.specKeys().size(), controls.get("keys").size());
        for (JsonNode c : controls.get("keys")) {
            if (c.get("name").asText().equals("p")) {
                assertEquals(36, c.get("max").asInt(), "p ≤ 36 glyphs at n = 400");
            }
            if (c.get("name").asText().equals("pulse")) {
                assertEquals(10, c.get("max").asInt(), "pulse ≤ t = 10");
            }
        }
    }

    @Test
    void theReadmeKeyTableIsGeneratedFromTheSchema() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String begin = "<!-- spec-table: generated by `hopfield-cli schema --markdown`; SchemaTest checks it -->\n";
        String end = "<!-- /spec-table -->";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        assertTrue(b >= 0 && e > b, "README.md has the spec-table markers");
        assertEquals(SchemaDocs.markdownTable(), text.substring(b + begin.length(), e),
                "README's key table differs from the schema: paste the output of "
                        + "`java -jar simulator/target/hopfield-cli.jar schema --markdown` between the markers");
    }
}
