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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.sim.spec.LabLink;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;
import org.hopfieldlab.sim.spec.ViewState;

/**
 * A shared session for anyone with the link. The session itself cannot be changed here; its lab (with the owner's
 * hidden and locked controls) is the visitor's to try, and the page says so: edits are a local experiment, and
 * Fork keeps them (the copy takes the lab's current spec). Signed out, "Sign in to fork" goes through
 * {@link SharedSignInView} and comes back here, edits included.
 */
@Route(value = "shared/:token", autoLayout = false)
@PageTitle("Shared experiment · Hopfield Lab")
@AnonymousAllowed
public class SharedSessionView extends VerticalLayout implements BeforeEnterObserver {
    private final SessionService sessions;
    private final CurrentUser currentUser;
    private String edited;

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
        // the brand as the signed-in pages' top bar writes it ("Hopfield" in the accent colour), not plain text
        Anchor home = new Anchor("", "");
        home.add(new Span("Hopfield"), new Span(" Lab"));
        home.addClassName("brand");
        com.vaadin.flow.component.Component right = user.isPresent() ? new Anchor("", "My sessions") : new Anchor("login", "Sign in");
        HorizontalLayout bar = new HorizontalLayout(home, right);
        bar.setWidthFull();
        bar.addClassName("shared-bar");
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE); // "Sign in" sat 2 px above the brand's line
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
        LabLink shared = SessionService.link(s.link());
        String sharedSpec = SpecCodec.format(shared.spec());
        // edits made before signing in come back with the visitor (shared/<token>/sign-in?spec=…)
        String carried = first(event.getLocation().getQueryParameters().getParameters().get("spec"));
        LabLink start = shared;
        if (carried != null) {
            try {
                start = LabLink.of(SessionService.link(carried).spec(), shared.view());
            } catch (SpecException e) {
                start = shared;
            }
        }
        edited = SpecCodec.format(start.spec());
        Span editedBadge = new Span("edited here · not saved");
        editedBadge.setId("shared-edited");
        editedBadge.getElement().getThemeList().add("badge contrast");
        editedBadge.setVisible(!edited.equals(sharedSpec));
        Button fork = new Button("Fork into my sessions", VaadinIcon.COPY.create());
        fork.setId("fork");
        fork.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fork.addClickListener(e -> {
            if (user.isEmpty()) {
                // the sign-in route needs an account: login, then back to this share with the edits
                String back = "shared/" + token + "/sign-in";
                getUI().ifPresent(ui -> ui.navigate(back, edited.equals(sharedSpec) ? QueryParameters.empty()
                        : QueryParameters.of("spec", edited)));
                return;
            }
            LabSession mine = sessions.fork(user.get().id(), token, edited);
            getUI().ifPresent(ui -> ui.navigate(LabView.class, QueryParameters.of("session",
                    Long.toString(mine.id()))));
        });
        if (user.isEmpty()) {
            fork.setText("Sign in to fork");
        }
        Anchor open = new Anchor(LabFrame.src(s.link()), "Open in the standalone lab");
        open.setTarget(AnchorTarget.BLANK);
        HorizontalLayout head = new HorizontalLayout(title, editedBadge, open, fork);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.expand(title);
        head.addClassName("shared-head");
        head.getStyle().set("flex-wrap", "wrap");
        Paragraph note = new Paragraph(note(user.isPresent(), shared));
        note.setId("shared-note");
        note.addClassName("shared-note");
        TextField spec = new TextField("Experiment link");
        spec.setId("shared-spec");
        spec.setValue(s.link());
        spec.setReadOnly(true);
        spec.setWidthFull();
        add(head, note);
        if (!s.notes().isBlank()) {
            Paragraph notes = new Paragraph(s.notes());
            notes.addClassName("notes");
            add(notes);
        }
        add(spec);
        LabFrame lab = new LabFrame(LabLink.format(start.spec(), shared.view()), false);
        lab.onState(raw -> {
            try {
                edited = SpecCodec.format(SessionService.link(raw).spec());
                editedBadge.setVisible(!edited.equals(sharedSpec));
            } catch (SpecException ignored) {
                // the lab validates with the same core; a spec it sends that fails here is not kept
            }
        });
        addAndExpand(lab);
    }

    /** What an edit in the embedded lab does here, and how to keep it; the owner's hidden and locked controls. */
    public static String note(boolean signedIn, LabLink link) {
        String what = "The lab below runs in your browser: try anything. Your edits are a local experiment — they "
                + "do not change the shared session, and they are gone when you leave this page. ";
        String keep = signedIn ? "To keep them, fork: the copy, with your edits, goes to your own sessions."
                : "To keep them, sign in and fork: you come back here, with your edits, and the copy goes to your "
                        + "own sessions.";
        ViewState v = link.view();
        String teacher = "";
        if (!v.hide().isEmpty() || !v.lock().isEmpty()) {
            teacher = " The owner set up this lab" + (v.hide().isEmpty() ? "" : " with " + names(v.hide())
                    + " hidden") + (v.lock().isEmpty() ? "" : (v.hide().isEmpty() ? " with " : " and ")
                    + names(v.lock()) + " locked") + ".";
        }
        return what + keep + teacher;
    }

    /** Names of controls as the key table labels them ("Noise s", "the input panel"). */
    private static String names(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String label = n;
            for (SpecKey.Choice c : SpecSchema.key("hide").choices()) {
                if (c.value().equals(n)) {
                    label = c.label();
                }
            }
            out.add(label);
        }
        return String.join(", ", out);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
