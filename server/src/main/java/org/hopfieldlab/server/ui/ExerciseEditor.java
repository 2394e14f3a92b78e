package org.hopfieldlab.server.ui;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.exercise.ExerciseLinks;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;

/**
 * Writes an exercise: its JSON document, with the free (all others locked) and hidden keys chosen from the spec
 * schema's lists rather than typed, and a live preview — the lab itself with the exercise open, instructions beside
 * it — updated after each valid change. Whether the document is valid is the core's word ({@link Exercise#parse}).
 */
public class ExerciseEditor extends VerticalLayout {
    private final TextArea json = new TextArea("Exercise (JSON)");
    private final MultiSelectComboBox<String> free = new MultiSelectComboBox<>("Keys the student may change");
    private final MultiSelectComboBox<String> hidden = new MultiSelectComboBox<>("Hidden controls");
    private final Span status = new Span();
    private final IFrame preview = new IFrame();
    private boolean syncing;

    public ExerciseEditor(String initial) {
        setPadding(false);
        addClassName("exercise-editor");
        json.setId("exercise-json");
        json.setWidthFull();
        json.setHeight("16rem");
        json.setValueChangeMode(ValueChangeMode.LAZY);
        json.setValueChangeTimeout(600);
        free.setId("exercise-free");
        free.setItems(specKeys());
        free.setWidthFull();
        free.setHelperText("Every other spec key is locked in the lab and refused by the server's grader.");
        hidden.setId("exercise-hidden");
        hidden.setItems(hideable());
        hidden.setWidthFull();
        status.setId("exercise-status");
        preview.setId("exercise-preview");
        preview.setWidthFull();
        preview.setHeight("32rem");
        preview.getElement().setAttribute("title", "Preview of the exercise in the lab");
        Div frame = new Div(preview);
        frame.setWidthFull();
        frame.addClassName("lab-frame");
        add(json, free, hidden, status, frame);
        json.addValueChangeListener(e -> {
            if (!syncing) {
                documentChanged(true);
            }
        });
        free.addValueChangeListener(e -> {
            if (!syncing && e.isFromClient()) {
                setList("free", free.getValue());
            }
        });
        hidden.addValueChangeListener(e -> {
            if (!syncing && e.isFromClient()) {
                setList("hidden", hidden.getValue());
            }
        });
        json.setValue(initial);
        documentChanged(false);
        try {
            preview.setSrc(LabFrame.LAB_PATH + "#" + ExerciseLinks.KEY + "=" + ExerciseLinks.encode(initial));
        } catch (RuntimeException e) {
            preview.setSrc(LabFrame.LAB_PATH);
        }
    }

    /** Spec keys (no view keys, not "v"), in the schema's order. */
    static List<String> specKeys() {
        List<String> out = new ArrayList<>();
        for (SpecKey k : SpecSchema.specKeys()) {
            if (!k.name().equals("v") && !k.isView()) {
                out.add(k.name());
            }
        }
        return out;
    }

    /** What "hidden" may name: spec keys and the lab's panels. */
    static List<String> hideable() {
        List<String> out = specKeys();
        for (SpecKey.Choice c : SpecSchema.sections()) {
            out.add(c.value());
        }
        return out;
    }

    public String value() {
        return json.getValue();
    }

    TextArea jsonField() { return json; }
    MultiSelectComboBox<String> freePicker() { return free; }
    MultiSelectComboBox<String> hiddenPicker() { return hidden; }
    Span status() { return status; }

    /** As a teacher's pick in the free-keys list does: rewrites the document's "free" array. */
    void pickFree(Set<String> keys) {
        setList("free", keys);
    }

    private void setList(String field, Set<String> values) {
        try {
            JsonObject doc = Json.parse(json.getValue()).asObject();
            JsonArray arr = new JsonArray();
            for (String v : values) {
                arr.add(v);
            }
            doc.set(field, arr);
            syncing = true;
            json.setValue(doc.toString(com.eclipsesource.json.WriterConfig.PRETTY_PRINT));
        } catch (RuntimeException e) {
            status.setText("Fix the JSON first: " + e.getMessage());
            return;
        } finally {
            syncing = false;
        }
        documentChanged(true);
    }

    /** Validates with the core, copies free/hidden into the pickers, and refreshes the preview if valid. */
    private void documentChanged(boolean refreshPreview) {
        Exercise e;
        try {
            e = ClassroomService.parse(json.getValue());
        } catch (ClassroomException x) {
            status.setText(x.getMessage());
            status.getElement().setAttribute("data-valid", "false");
            return;
        }
        status.setText("Valid: " + e.title() + " (" + e.tasks().size() + " tasks)");
        status.getElement().setAttribute("data-valid", "true");
        syncing = true;
        try {
            free.setValue(new LinkedHashSet<>(e.freeKeys()));
            hidden.setValue(new LinkedHashSet<>(e.hiddenKeys()));
        } finally {
            syncing = false;
        }
        if (refreshPreview) {
            preview.getElement().executeJs("const w = this.contentWindow; if (w) w.postMessage({type: "
                    + "'hopfield-lab:exercise', exercise: $0}, window.location.origin);", json.getValue());
        }
    }

    /** Reads a list field of the document, for tests. */
    static List<String> list(String json, String field) {
        JsonValue v = Json.parse(json).asObject().get(field);
        List<String> out = new ArrayList<>();
        if (v != null) {
            v.asArray().forEach(x -> out.add(x.asString()));
        }
        return out;
    }
}
