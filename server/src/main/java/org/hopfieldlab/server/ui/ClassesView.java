package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.classroom.ClassRoom;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.hopfieldlab.server.security.CurrentUser;

/**
 * Classes: the ones you teach and the ones you joined; create a class, or join one with its code
 * ({@code /classes?join=CODE} fills the code in, so a join link works).
 */
@Route("classes")
@PageTitle("Classes · Hopfield Lab")
@PermitAll
public class ClassesView extends VerticalLayout implements BeforeEnterObserver {
    private final ClassroomService classes;
    private final AppUser user;
    private final VerticalLayout taught = new VerticalLayout();
    private final VerticalLayout joined = new VerticalLayout();
    private final TextField code = new TextField("Class code");

    public ClassesView(ClassroomService classes, CurrentUser currentUser) {
        this.classes = classes;
        this.user = currentUser.require();
        addClassName("classes-view");

        TextField name = new TextField("New class");
        name.setId("class-name");
        name.setPlaceholder("e.g. Neural dynamics, autumn");
        Checkbox pseudonyms = new Checkbox("Allow pseudonymous students (no account needed)");
        pseudonyms.setId("class-pseudonyms");
        Button create = new Button("Create class", e -> run(name, () -> {
            ClassRoom c = classes.createClass(user.id(), name.getValue(), pseudonyms.getValue());
            getUI().ifPresent(ui -> ui.navigate(ClassView.class, c.id()));
        }));
        create.setId("create-class");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        code.setId("join-code");
        code.setPlaceholder("8 letters and digits");
        TextField pseudonym = new TextField("Name in the class (optional)");
        pseudonym.setId("join-pseudonym");
        pseudonym.setHelperText("Only if the teacher allows pseudonyms; empty: your account name");
        Button join = new Button("Join", e -> run(code, pseudonym, () -> {
            ClassRoom c = classes.join(user.id(), code.getValue(), pseudonym.getValue());
            getUI().ifPresent(ui -> ui.navigate(ClassView.class, c.id()));
        }));
        join.setId("join-class");

        FlexLayout forms = new FlexLayout(box(new H3("Teach a class"), name, pseudonyms, create),
                box(new H3("Join a class"), code, pseudonym, join));
        forms.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        forms.setWidthFull(); // side by side where they fit, one above the other on a phone
        forms.getStyle().set("gap", "var(--lumo-space-xl)");
        taught.setPadding(false);
        joined.setPadding(false);
        taught.setId("classes-taught");
        joined.setId("classes-joined");
        addClassName("page");
        add(new H2("Classes"), forms, new H3("You teach"), taught, new H3("You joined"), joined);
        refresh();
    }

    private static VerticalLayout box(com.vaadin.flow.component.Component... parts) {
        VerticalLayout v = new VerticalLayout(parts);
        v.setPadding(false);
        v.setWidth("min(100%, 22rem)");
        v.setAlignItems(FlexComponent.Alignment.STRETCH);
        return v;
    }

    /** Runs a form's action; a refusal shows under that form's main field, where the eye is. */
    private void run(TextField field, Runnable r) {
        run(field, field, r);
    }

    /**
     * Runs a form's action; a refusal shows under the field it is about: a refused name (taken, not allowed) under
     * the name field, anything else under the main field.
     */
    private void run(TextField field, TextField nameField, Runnable r) {
        try {
            field.setInvalid(false);
            nameField.setInvalid(false);
            r.run();
        } catch (ClassroomException e) {
            TextField at = e.isAboutName() ? nameField : field;
            at.setErrorMessage(e.getMessage());
            at.setInvalid(true);
        }
    }

    private void refresh() {
        fill(taught, classes.classesTaught(user.id()), true);
        fill(joined, classes.classesJoined(user.id()), false);
    }

    private static void fill(VerticalLayout target, List<ClassRoom> list, boolean teacher) {
        target.removeAll();
        if (list.isEmpty()) {
            target.add(new Paragraph(teacher ? "No classes yet: create one above." : "None yet: join with a code."));
        }
        for (ClassRoom c : list) {
            RouterLink link = new RouterLink(c.name(), ClassView.class, c.id());
            link.setId("class-link-" + c.id());
            HorizontalLayout row = new HorizontalLayout(link);
            if (teacher) {
                Span code = new Span(c.joinCode());
                code.addClassName("join-code");
                code.getElement().setAttribute("title", "Join code");
                Span label = new Span(new Span("code "), code);
                label.addClassNames("hint");
                label.getStyle().set("white-space", "nowrap");
                row.add(label);
            }
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("flex-wrap", "wrap");
            target.add(row);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("join").ifPresent(code::setValue);
    }
}
