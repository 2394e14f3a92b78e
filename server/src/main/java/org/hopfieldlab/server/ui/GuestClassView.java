package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.hopfieldlab.server.classroom.ClassRoom;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;

/**
 * A class seen by a pseudonymous student: the class whose id is in the address, and only if this browser's cookie
 * holds the token of one of its guests. Nothing else of the site opens to a guest: every other page needs an
 * account.
 */
@Route(value = "guest/:classId", autoLayout = false)
@PageTitle("Class · Hopfield Lab")
@AnonymousAllowed
public class GuestClassView extends VerticalLayout implements BeforeEnterObserver {
    private final ClassroomService classes;

    public GuestClassView(ClassroomService classes) {
        this.classes = classes;
        addClassName("class-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long classId = event.getRouteParameters().getLong("classId").orElse(-1L);
        Optional<Long> guest = GuestCookie.read(classId).flatMap(t -> classes.guest(classId, t));
        Span brand = new Span("Hopfield Lab");
        brand.addClassName("brand");
        brand.getStyle().set("white-space", "nowrap");
        if (guest.isEmpty()) {
            Paragraph p = new Paragraph("This browser is not in this class (any more). Open the join link your "
                    + "teacher gave you (it ends in /join/ and the class code) and choose \u201cI have joined "
                    + "before\u201d: your name and your return code bring you back to your work.");
            p.setId("guest-missing");
            add(brand, new H2("Class"), p);
            return;
        }
        long studentId = guest.get();
        String token = GuestCookie.read(classId).orElseThrow();
        ClassRoom room = classes.visibleClass(studentId, classId);
        Span who = new Span(classes.displayName(classId, studentId));
        who.setId("guest-self");
        who.getElement().getThemeList().add("badge");
        who.getElement().setAttribute("title", "Your name in this class (no account)");
        Button signOut = new Button("Sign out of this browser", e -> confirmSignOut(room, token, studentId));
        signOut.setId("guest-sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        signOut.getElement().setAttribute("title", "For a shared computer: this browser forgets you in this class");
        HorizontalLayout self = new HorizontalLayout(who, signOut);
        self.setAlignItems(FlexComponent.Alignment.CENTER);
        self.setSpacing(false);
        self.getStyle().set("flex-wrap", "wrap").set("justify-content", "flex-end").set("gap", "var(--lumo-space-xs)");
        HorizontalLayout bar = new HorizontalLayout(brand, self);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        // the cookie is checked again before each action: it may have been revoked while this page was open
        Runnable stillIn = () -> {
            if (!GuestCookie.read(classId).flatMap(t -> classes.guest(classId, t)).equals(Optional.of(studentId))) {
                throw new ClassroomException("This browser is no longer in the class (you signed out, came back "
                        + "in another browser, or your teacher gave you a new return code). Open the join link and "
                        + "choose \u201cI have joined before\u201d.");
            }
        };
        add(bar, new H2(room.name()));
        classes.takeRenameNotice(classId, studentId).ifPresent(n -> add(ClassView.renameNotice(n)));
        add(new ReturnCodePanel(classes.ownReturnCode(classId, token), GuestCookie.takeWelcome(classId)),
                new StudentWork(classes, studentId, room, stillIn));
    }

    /**
     * Asks before signing this browser out, and shows the return code first (while this browser can still unseal
     * it), since after signing out only the name and the code bring the student back to their work.
     */
    private void confirmSignOut(ClassRoom room, String token, long studentId) {
        if (!classes.guest(room.id(), token).equals(Optional.of(studentId))) {
            // already out (signed out or given a new code elsewhere): nothing to confirm, no code to show
            GuestCookie.clear(room.id());
            signedOut(room);
            return;
        }
        Dialog d = new Dialog();
        d.setId("sign-out-dialog");
        d.setHeaderTitle("Sign out of this browser?");
        d.setWidth("min(96vw, 30rem)");
        String name = classes.displayName(room.id(), studentId);
        Optional<String> code = classes.ownReturnCode(room.id(), token);
        Paragraph what = new Paragraph("This browser forgets you in " + room.name() + ", so that the next person "
                + "at this computer cannot see or change your work. Your work stays.");
        d.add(what);
        Button go = new Button();
        if (code.isPresent()) {
            Paragraph need = new Paragraph("To come back, here or on any other browser, you need your name and your "
                    + "return code. Write them down now:");
            Span who = new Span(name);
            who.setId("sign-out-name");
            who.addClassName("return-code-name");
            Span value = new Span(code.get());
            value.setId("sign-out-code");
            value.addClassName("return-code");
            Div box = new Div(who, value);
            box.addClassName("return-code-box");
            d.add(need, box);
            go.setText("I have written it down: sign out");
        } else {
            Paragraph none = new Paragraph("You have no return code yet: after signing out, only your teacher can "
                    + "let you back in, by giving you one. Ask them for a code first.");
            none.setId("sign-out-no-code");
            none.addClassName("form-error");
            d.add(none);
            go.setText("Sign out anyway");
        }
        go.setId("sign-out-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        go.addClickListener(e -> {
            classes.signOutGuest(room.id(), token);
            GuestCookie.clear(room.id());
            d.close();
            signedOut(room);
        });
        Button cancel = new Button("Stay signed in", e -> d.close());
        cancel.setId("sign-out-cancel");
        d.getFooter().add(cancel, go);
        d.open();
    }

    /** The page after signing out: nothing of the student's is left on it. */
    private void signedOut(ClassRoom room) {
        removeAll();
        Span brand = new Span("Hopfield Lab");
        brand.addClassName("brand");
        H2 title = new H2("Signed out of this browser");
        title.setId("guest-signed-out");
        Paragraph p = new Paragraph("This browser no longer opens your work in " + room.name() + ". To come back, "
                + "open the class's join link and choose \u201cI have joined before\u201d: your name and your return "
                + "code bring you back to your work.");
        p.setMaxWidth("40rem");
        Anchor join = new Anchor("join/" + room.joinCode(), "Go to the join page");
        join.setId("guest-signed-out-join");
        add(brand, title, p, join);
    }
}
