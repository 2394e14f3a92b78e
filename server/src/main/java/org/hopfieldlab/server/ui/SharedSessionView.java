package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;

/** A shared session, read-only, for anyone with the link; signed-in visitors can fork it into their own sessions. */
@Route(value = "shared/:token", autoLayout = false)
@PageTitle("Shared experiment · Hopfield Lab")
@AnonymousAllowed
public class SharedSessionView extends VerticalLayout implements BeforeEnterObserver {
    private final SessionService sessions;
    private final CurrentUser currentUser;

    public SharedSessionView(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        setSizeFull();
        addClassName("shared-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<AppUser> user = currentUser.get();
        Anchor home = new Anchor("", "Hopfield Lab");
        home.addClassName("brand");
        com.vaadin.flow.component.Component right = user.isPresent() ? new Anchor("", "My sessions") : new Anchor("login", "Sign in");
        HorizontalLayout bar = new HorizontalLayout(home, right);
        bar.setWidthFull();
        bar.addClassName("shared-bar");
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(bar);
        String token = event.getRouteParameters().get("token").orElse("");
        LabSession s;
        try {
            s = sessions.shared(token);
        } catch (SessionService.NotFoundException e) {
            Div gone = new Div(new H2("This link does not work"),
                    new Paragraph("The share link was revoked by its owner, or it is mistyped."));
            gone.setId("share-invalid");
            gone.addClassName("card");
            add(gone);
            return;
        }
        H2 title = new H2(s.title());
        title.setId("shared-title");
        Span badge = new Span("read-only");
        badge.getElement().getThemeList().add("badge contrast");
        Button fork = new Button("Fork into my sessions", VaadinIcon.COPY.create());
        fork.setId("fork");
        fork.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fork.addClickListener(e -> {
            if (user.isEmpty()) {
                getUI().ifPresent(ui -> ui.navigate(LoginView.class));
                return;
            }
            LabSession mine = sessions.fork(user.get().id(), token);
            getUI().ifPresent(ui -> ui.navigate(LabView.class, QueryParameters.of("session",
                    Long.toString(mine.id()))));
        });
        if (user.isEmpty()) {
            fork.setText("Sign in to fork");
        }
        Anchor open = new Anchor(LabFrame.src(s.spec()), "Open in the standalone lab");
        open.setTarget(AnchorTarget.BLANK);
        HorizontalLayout head = new HorizontalLayout(title, badge, open, fork);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.expand(title);
        TextField spec = new TextField("Experiment spec");
        spec.setId("shared-spec");
        spec.setValue(s.spec());
        spec.setReadOnly(true);
        spec.setWidthFull();
        add(head);
        if (!s.notes().isBlank()) {
            Paragraph notes = new Paragraph(s.notes());
            notes.addClassName("notes");
            add(notes);
        }
        add(spec);
        addAndExpand(new LabFrame(s.spec(), true));
    }
}
