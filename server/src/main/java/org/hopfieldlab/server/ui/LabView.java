package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.sim.spec.LabLink;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.ViewState;

/**
 * The embedded lab with Save / Save as / Share. Opened as {@code /experiment?session=ID} for a saved session, or
 * with any lab link's query string ({@code /experiment?v=1&model=idp&...&hide=noise&lock=model}) to load that
 * experiment: the core's {@link LabLink} reads it strictly, view keys included, and a key given twice is refused.
 * The spec field holds the whole canonical link; the view keys (hide, lock, view, speed, engine) are saved with the
 * session and reach the embedded lab through its URL.
 */
@Route("experiment")
@PageTitle("Lab · Hopfield Lab")
@PermitAll
public class LabView extends VerticalLayout implements BeforeEnterObserver {
    private final SessionService sessions;
    private final AppUser user;
    private final TextField title = new TextField();
    private final TextField specField = new TextField("Experiment link");
    private final TextArea notes = new TextArea();
    private final Span status = new Span();
    private final Button share = new Button("Share", VaadinIcon.SHARE.create());
    private LabFrame lab;
    private Long sessionId;
    private String spec;
    private ViewState view = ViewState.defaults();

    public LabView(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.user = currentUser.require();
        addClassName("lab-view");
        setSizeFull();
        setPadding(true);
        setSpacing(false);

        title.setPlaceholder("Untitled experiment");
        title.setId("lab-title");
        title.setAriaLabel("Title");
        title.addClassName("title-field");
        Button save = new Button("Save", VaadinIcon.CHECK.create(), e -> save());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button saveAs = new Button("Save as…", e -> saveAs());
        saveAs.setId("save-as");
        share.setId("share");
        share.addClickListener(e -> openShare());
        Button sweep = new Button("Sweep…", VaadinIcon.GRID_BIG.create(), e -> {
            if (syncSpec()) {
                getUI().ifPresent(ui -> ui.navigate(SweepsView.class, QueryParameters.of("base", spec)));
            }
        });
        sweep.setId("sweep-this");
        sweep.setTooltipText("Sweep parameters of this experiment on the server");
        status.setId("lab-status");
        status.addClassName("status");
        HorizontalLayout top = new HorizontalLayout(title, status, save, saveAs, share, sweep);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(title);
        // on a phone the buttons wrap below the title instead of running off the screen's edge
        top.getStyle().set("flex-wrap", "wrap");
        title.setMinWidth("min(100%, 16rem)");

        specField.setId("spec");
        specField.setWidthFull();
        specField.setHelperText("The lab's canonical link: its spec, then view keys such as hide=… lock=… view=…; paste "
                + "a lab link to load it.");
        Button apply = new Button("Load", VaadinIcon.ARROW_FORWARD.create(), e -> applySpecField());
        apply.setId("spec-apply");
        HorizontalLayout specRow = new HorizontalLayout(specField, apply);
        specRow.setWidthFull();
        specRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        specRow.expand(specField);

        notes.setId("notes");
        notes.setWidthFull();
        notes.setPlaceholder("What is this experiment for?");
        Details notesBox = new Details("Notes", notes);
        notesBox.setWidthFull();
        add(top, specRow, notesBox);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        LabLink initial = LabLink.of(Presets.get("sequence").spec(), ViewState.defaults());
        String linkError = null;
        if (params.containsKey("session")) {
            try {
                LabSession s = sessions.get(user.id(), Long.parseLong(params.get("session").get(0)));
                sessionId = s.id();
                title.setValue(s.title());
                notes.setValue(s.notes());
                initial = SessionService.link(s.link());
            } catch (NumberFormatException | SessionService.NotFoundException e) {
                Notification.show("This session does not exist or is not yours.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        } else if (!params.isEmpty()) {
            // a lab share link's query string: the same experiment
            try {
                initial = SessionService.link(q(params));
            } catch (SpecException e) {
                linkError = "This link is not valid: " + e.getMessage();
            }
        }
        setLink(initial);
        if (linkError != null) {
            specField.setValue(q(params));
            specField.setErrorMessage(linkError);
            specField.setInvalid(true);
        }
        lab = new LabFrame(initial.format(), false);
        lab.onState(this::labState);
        addAndExpand(lab);
        updateStatus();
    }

    private static String q(Map<String, List<String>> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, vs) -> vs.forEach(v -> q.append(q.length() > 0 ? "&" : "").append(k).append('=').append(v)));
        return q.toString();
    }

    private void setLink(LabLink link) {
        spec = SpecCodec.format(link.spec());
        view = link.view();
        specField.setValue(link());
        specField.setInvalid(false);
    }

    /** The canonical link in force: the spec, then the view keys. */
    private String link() {
        return LabLink.format(SpecCodec.parse(spec), view);
    }

    /**
     * The lab reported its spec (the lab's messages carry the spec only; its view keys are the ones it was opened
     * with): keep it if valid (the lab validates too; this guards the database).
     */
    private void labState(String raw) {
        try {
            LabLink reported = LabLink.of(SessionService.link(raw).spec(), view);
            if (specField.isInvalid()) {
                spec = SpecCodec.format(reported.spec()); // keep the user's bad input and its message in view
            } else {
                setLink(reported);
            }
        } catch (SpecException e) {
            specField.setErrorMessage("The lab sent a spec the server rejects: " + e.getMessage());
            specField.setInvalid(true);
        }
    }

    private boolean applySpecField() {
        try {
            LabLink given = SessionService.link(specField.getValue());
            boolean viewChanged = !given.view().equals(view);
            setLink(given);
            if (lab != null) {
                if (viewChanged) {
                    lab.open(link()); // the lab reads view keys when it starts: reopen it with them
                } else {
                    lab.load(spec);
                }
            }
            return true;
        } catch (SpecException e) {
            specField.setErrorMessage(e.getMessage());
            specField.setInvalid(true);
            return false;
        }
    }

    /** The spec to save: the field if the user edited it, else the lab's latest. */
    private boolean syncSpec() {
        return specField.getValue().equals(link()) || applySpecField();
    }

    private void save() {
        if (!syncSpec()) {
            return;
        }
        try {
            title.setInvalid(false);
            if (sessionId == null) {
                LabSession s = sessions.create(user.id(), title.getValue(), notes.getValue(), link());
                sessionId = s.id();
                replaceUrl();
            } else {
                sessions.save(user.id(), sessionId, title.getValue(), notes.getValue(), link());
            }
            Notification.show("Saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            updateStatus();
        } catch (SessionService.SizeLimitException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (IllegalArgumentException e) {
            title.setErrorMessage(e.getMessage());
            title.setInvalid(true);
        }
    }

    private void saveAs() {
        if (!syncSpec()) {
            return;
        }
        Dialog d = new Dialog();
        d.setHeaderTitle("Save as a new session");
        TextField name = new TextField("Title");
        name.setId("save-as-title");
        name.setWidth("min(360px, 78vw)");
        name.setValue(title.getValue().isBlank() ? "" : title.getValue() + " (variant)");
        Button ok = new Button("Save", e -> {
            try {
                LabSession s = sessions.create(user.id(), name.getValue(), notes.getValue(), link());
                sessionId = s.id();
                title.setValue(s.title());
                replaceUrl();
                updateStatus();
                d.close();
                Notification.show("Saved as a new session").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                name.setErrorMessage(ex.getMessage());
                name.setInvalid(true);
            }
        });
        ok.setId("save-as-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(name);
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.open();
        name.focus();
    }

    private void openShare() {
        if (sessionId == null) {
            Notification.show("Save the session first; then it can be shared.", 4000, Notification.Position.MIDDLE);
            return;
        }
        new ShareDialog(sessions, user.id(), sessionId, this::updateStatus).open();
    }

    private void replaceUrl() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("experiment", QueryParameters.of("session",
                        Long.toString(sessionId)))));
    }

    private void updateStatus() {
        if (sessionId == null) {
            status.setText("Not saved yet");
            status.getElement().getThemeList().set("badge contrast", true);
        } else {
            boolean shared = sessions.get(user.id(), sessionId).shareToken() != null;
            status.setText("Session #" + sessionId + (shared ? " · shared" : ""));
            status.getElement().getThemeList().clear();
            status.getElement().getThemeList().add(shared ? "badge success" : "badge");
        }
    }
}
