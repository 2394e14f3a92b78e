package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hopfieldlab.server.classroom.ClassRoom;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.hopfieldlab.server.security.CurrentUser;

/**
 * The join link {@code /join/CODE}. Signed in: joins with the account (the Classes page). Not signed in: where the
 * teacher allows pseudonymous students, a name unique in the class is all it takes (no account, no password); where
 * not, the page asks to sign in. A browser that already joined this class as a guest goes straight to it; a guest
 * whose browser forgot them comes back with their name and return code ("I have joined before").
 */
@Route(value = "join/:code?", autoLayout = false)
@PageTitle("Join a class · Hopfield Lab")
@AnonymousAllowed
public class JoinView extends VerticalLayout implements BeforeEnterObserver {
    private final ClassroomService classes;
    private final CurrentUser currentUser;

    public JoinView(ClassroomService classes, CurrentUser currentUser) {
        this.classes = classes;
        this.currentUser = currentUser;
        addClassName("join-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String code = event.getRouteParameters().get("code").orElse("");
        if (currentUser.get().isPresent()) {
            event.forwardTo("classes", QueryParameters.of("join", code));
            return;
        }
        H1 brand = new H1("Hopfield Lab");
        brand.addClassName("auth-brand");
        VerticalLayout card = new VerticalLayout();
        card.addClassName("card");
        card.setId("join-card");
        card.setWidth("min(100%, 26rem)");
        add(brand, card);
        ClassRoom room;
        try {
            room = classes.classForCode(code);
        } catch (ClassroomException e) {
            codeForm(card, e.getMessage());
            return;
        }
        if (GuestCookie.read(room.id()).flatMap(t -> classes.guest(room.id(), t)).isPresent()) {
            event.forwardTo("guest/" + room.id());
            return;
        }
        H2 title = new H2("Join " + room.name());
        title.setId("join-title");
        Anchor signIn = new Anchor("classes?join=" + room.joinCode(), "Sign in and join with your account");
        signIn.setId("join-sign-in");
        if (!room.allowPseudonyms()) {
            Paragraph p = new Paragraph("This class asks students to sign in with an account.");
            p.setId("join-needs-account");
            card.add(title, p, signIn, new Anchor("signup", "Create an account"));
            return;
        }
        TextField returnName = new TextField("Your name in this class");
        Details joinedBefore = returnForm(room, returnName);
        TextField name = new TextField("Your name in this class");
        name.setId("guest-name");
        name.setHelperText("Any name your teacher will recognise; no account or password needed");
        name.setMaxLength(ClassroomService.MAX_NAME);
        name.setWidthFull();
        Span error = new Span();
        error.setId("join-error");
        error.addClassName("form-error");
        Button join = new Button("Join the class", e -> {
            try {
                ClassroomService.GuestJoin g = classes.joinAsGuest(room.joinCode(), name.getValue());
                GuestCookie.write(room.id(), g.token());
                GuestCookie.markWelcome(room.id()); // their page opens with the return code to write down
                // a fresh page load, so the browser sends the new cookie with it
                getUI().ifPresent(ui -> ui.getPage().setLocation("guest/" + room.id()));
            } catch (ClassroomException x) {
                error.setText(x.getMessage());
                if (x.getMessage().equals(ClassroomService.guestNameTaken(name.getValue().trim()))) {
                    // maybe their own name, from a browser that forgot them: the way back opens, name filled in
                    returnName.setValue(name.getValue().trim());
                    joinedBefore.setOpened(true);
                }
            }
        });
        join.setId("guest-join");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.setWidthFull();
        Paragraph note = new Paragraph("This browser remembers you in this class (a cookie). You also get a "
                + "return code: with it and your name you get back to your work from any browser.");
        note.addClassName("hint");
        card.add(title, name, join, error, note, joinedBefore, signIn);
    }

    /** "I have joined before": name and return code give this browser a fresh cookie for the guest. */
    private Details returnForm(ClassRoom room, TextField name) {
        name.setId("return-name");
        name.setMaxLength(ClassroomService.MAX_NAME);
        name.setWidthFull();
        TextField code = new TextField("Your return code");
        code.setId("return-code");
        code.setPlaceholder("ABCDE-FGHJK");
        code.setMaxLength(40);
        code.setWidthFull();
        code.getElement().setAttribute("autocapitalize", "characters");
        code.getElement().setAttribute("autocomplete", "off");
        code.getElement().setAttribute("spellcheck", "false");
        Span error = new Span();
        error.setId("return-error");
        error.addClassName("form-error");
        Button back = new Button("Get back to my work", e -> {
            try {
                ClassroomService.GuestJoin g = classes.returnAsGuest(room.joinCode(), name.getValue(),
                        code.getValue(), GuestCookie.clientAddress());
                GuestCookie.write(room.id(), g.token());
                getUI().ifPresent(ui -> ui.getPage().setLocation("guest/" + room.id()));
            } catch (ClassroomException x) {
                error.setText(x.getMessage());
            }
        });
        back.setId("guest-return");
        back.setWidthFull();
        Paragraph lost = new Paragraph("Lost your return code, or locked out after wrong tries? Your teacher can "
                + "give you a new code.");
        lost.addClassName("hint");
        VerticalLayout body = new VerticalLayout(name, code, back, error, lost);
        body.setPadding(false);
        Details d = new Details("I have joined before", body);
        d.setId("joined-before");
        return d;
    }

    private void codeForm(VerticalLayout card, String problem) {
        TextField code = new TextField("Class code");
        code.setId("join-code-anon");
        code.setWidthFull();
        Span error = new Span(problem);
        error.setId("join-error");
        error.addClassName("form-error");
        Button go = new Button("Continue", e -> getUI().ifPresent(ui -> ui.navigate("join/"
                + code.getValue().replaceAll("[^A-Za-z0-9]", ""))));
        go.setId("join-continue");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new H2("Join a class"), code, go, error);
    }
}
