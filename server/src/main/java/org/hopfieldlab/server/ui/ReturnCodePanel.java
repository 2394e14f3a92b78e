package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;

/**
 * A guest's return code on their own page (the code comes from the service, unsealed with this browser's cookie):
 * open, with the advice to write it down, right after joining; behind "Show my return code" afterwards, so that a
 * classmate looking at the screen does not see it by chance.
 */
class ReturnCodePanel extends Div {
    ReturnCodePanel(Optional<String> code, boolean justJoined) {
        setId("return-code-panel");
        if (code.isEmpty()) {
            Paragraph none = new Paragraph("You have no return code yet. Ask your teacher for one: with it you can "
                    + "get back to your work from another browser.");
            none.setId("return-code-none");
            none.addClassName("hint");
            add(none);
            return;
        }
        Div box = new Div();
        box.setId("return-code-box");
        box.addClassName("return-code-box");
        Span value = new Span(code.get());
        value.setId("return-code-value");
        value.addClassName("return-code");
        Paragraph why = new Paragraph("Write it down with your name in this class. With both, you can get back to "
                + "your work from any browser or device, even after this one forgets you. Keep it to yourself.");
        Button show = new Button("Show my return code");
        show.setId("show-return-code");
        show.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button done = new Button(justJoined ? "I have written it down" : "Hide");
        done.setId("return-code-done");
        done.addThemeVariants(justJoined ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        box.add(new H3("Your return code"), value, why,
                done);
        done.addClickListener(e -> {
            box.setVisible(false);
            show.setVisible(true);
        });
        show.addClickListener(e -> {
            box.setVisible(true);
            show.setVisible(false);
        });
        box.setVisible(justJoined);
        show.setVisible(!justJoined);
        add(box, show);
    }
}
