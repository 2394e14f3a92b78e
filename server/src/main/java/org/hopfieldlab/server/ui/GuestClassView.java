package org.hopfieldlab.server.ui;

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
        HorizontalLayout bar = new HorizontalLayout(brand, who);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        // the cookie is checked again before each action: it may have been revoked while this page was open
        Runnable stillIn = () -> {
            if (!GuestCookie.read(classId).flatMap(t -> classes.guest(classId, t)).equals(Optional.of(studentId))) {
                throw new ClassroomException("This browser is no longer in the class (you came back in another "
                        + "browser, or your teacher gave you a new return code). Open the join link and choose "
                        + "\u201cI have joined before\u201d.");
            }
        };
        add(bar, new H2(room.name()),
                new ReturnCodePanel(classes.ownReturnCode(classId, token), GuestCookie.takeWelcome(classId)),
                new StudentWork(classes, studentId, room, stillIn));
    }
}
