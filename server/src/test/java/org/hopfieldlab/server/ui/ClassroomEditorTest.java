package org.hopfieldlab.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;
import org.junit.jupiter.api.Test;

/** The exercise editor: keys come from the spec schema, picks rewrite the document, the core judges validity. */
class ClassroomEditorTest {
    @Test
    void pickersOfferTheSchemasKeysAndPanels() {
        List<String> keys = ExerciseEditor.specKeys();
        assertFalse(keys.contains("v"));
        for (SpecKey k : SpecSchema.specKeys()) {
            assertEquals(!k.isView() && !k.name().equals("v"), keys.contains(k.name()), k.name());
        }
        List<String> hideable = ExerciseEditor.hideable();
        assertTrue(hideable.containsAll(keys));
        for (SpecKey.Choice c : SpecSchema.sections()) {
            assertTrue(hideable.contains(c.value()), c.value());
        }
    }

    @Test
    void aPickRewritesTheDocumentAndTheCoreAcceptsIt() {
        ExerciseEditor ed = new ExerciseEditor(Course.json("capacity"));
        assertEquals(Set.of("p"), ed.freePicker().getValue());
        assertEquals("true", ed.status().getElement().getAttribute("data-valid"));
        ed.pickFree(new LinkedHashSet<>(List.of("p", "noise")));
        assertEquals(List.of("p", "noise"), ExerciseEditor.list(ed.value(), "free"));
        assertEquals(List.of("p", "noise"), Exercise.parse(ed.value()).freeKeys());
        assertEquals("true", ed.status().getElement().getAttribute("data-valid"), ed.status().getText());
    }

    @Test
    void anInvalidDocumentShowsTheCoresMessage() {
        ExerciseEditor ed = new ExerciseEditor(Course.json("capacity"));
        ed.jsonField().setValue(Course.json("capacity").replace("\"free\": [\"p\"]", "\"free\": [\"nonsense\"]"));
        assertEquals("false", ed.status().getElement().getAttribute("data-valid"));
        assertTrue(ed.status().getText().contains("nonsense"), ed.status().getText());
        ed.jsonField().setValue("{");
        assertEquals("false", ed.status().getElement().getAttribute("data-valid"));
        assertTrue(ed.status().getText().startsWith("The exercise is not valid"), ed.status().getText());
    }
}
