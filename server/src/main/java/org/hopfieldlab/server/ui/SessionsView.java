package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;

/** The signed-in user's saved sessions: search, sort, open, rename, duplicate, share, delete (with undo). */
@Route("")
@PageTitle("Sessions · Hopfield Lab")
@PermitAll
public class SessionsView extends VerticalLayout {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z").withZone(ZoneId.systemDefault());

    private final SessionService sessions;
    private final AppUser user;
    private final Grid<LabSession> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span empty = new Span("No sessions yet. Open the lab, set up an experiment and press Save.");

    public SessionsView(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.user = currentUser.require();
        setSizeFull();
        addClassName("page");

        H2 heading = new H2("My sessions");
        search.setPlaceholder("Search titles and notes");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("session-search");
        search.setWidth("min(100%, 280px)");
        search.addValueChangeListener(e -> refresh());
        Button create = new Button("New experiment", VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(LabView.class)));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout head = new HorizontalLayout(heading, search, create);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.expand(heading);
        // on a phone the search and the button go below the heading instead of off the screen's edge
        head.getStyle().set("flex-wrap", "wrap");

        // the title and, under it, what the experiment is: one column, so the title is not cut to "Accuracy vs n…"
        // beside a fixed-width experiment column, and on a phone the actions (frozen to the right edge) stay in view
        Grid.Column<LabSession> title = grid.addComponentColumn(SessionsView::titleCell).setHeader("Session")
                .setSortable(true).setComparator(Comparator.comparing((LabSession s) -> s.title().toLowerCase()))
                .setFlexGrow(1).setWidth("14rem").setTooltipGenerator(s -> s.title() + "\n" + summary(s.spec()));
        grid.addComponentColumn(s -> {
            Span b = new Span(s.shareToken() != null ? "shared" : "private");
            b.getElement().getThemeList().add(s.shareToken() != null ? "badge success" : "badge contrast");
            HorizontalLayout h = new HorizontalLayout(b);
            h.setSpacing(false);
            h.getStyle().set("gap", "var(--lumo-space-xs)");
            if (s.resultSnapshot() != null) {
                Span r = new Span("results");
                r.getElement().getThemeList().add("badge");
                h.add(r);
            }
            return h;
        }).setHeader("Access").setAutoWidth(true).setFlexGrow(0);
        // a fixed width: auto width measured an empty grid and cut the header to "Upda…"
        Grid.Column<LabSession> updated = grid.addColumn(s -> WHEN.format(s.updatedAt())).setHeader("Updated")
                .setSortable(true).setComparator(Comparator.comparing(LabSession::updatedAt)).setWidth("13rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.sort(List.of(new GridSortOrder<>(updated, SortDirection.DESCENDING)));
        grid.setId("sessions-grid");
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        // as tall as its rows (no empty bordered box under one session), up to a screen's height (app.css), then it
        // scrolls inside
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        title.setKey("title");
        empty.addClassName("empty");
        empty.setId("sessions-empty");
        add(head, empty, grid);
        refresh();
    }

    /** A session's title with its experiment under it. */
    private static Div titleCell(LabSession s) {
        return twoLines(s.title(), summary(s.spec()));
    }

    /** A list's title with what it is under it, in smaller secondary text; both wrap rather than cut. */
    static Div twoLines(String title, String under) {
        Span name = new Span(title);
        name.addClassName("cell-title");
        Span what = new Span(under);
        what.addClassName("cell-sub");
        Div d = new Div(name, what);
        d.addClassName("cell-two-lines");
        return d;
    }

    static String summary(String specText) {
        try {
            ExperimentSpec s = SpecCodec.parse(specText);
            return s.model().key.toUpperCase() + " · N = " + s.n() + " · P = " + s.p() + " · s = "
                    + SpecCodec.formatNumber(s.noise()) + " · β = " + SpecCodec.formatNumber(s.beta());
        } catch (RuntimeException e) {
            return specText;
        }
    }

    private HorizontalLayout actions(LabSession s) {
        Button open = small(VaadinIcon.FLASK, "Open in the lab", e -> open(s));
        open.setClassName("open-session");
        Button rename = small(VaadinIcon.EDIT, "Rename", e -> rename(s));
        Button copy = small(VaadinIcon.COPY, "Duplicate", e -> {
            sessions.duplicate(user.id(), s.id());
            refresh();
            Notification.show("Duplicated");
        });
        Button shareBtn = small(VaadinIcon.SHARE, "Share", e -> new ShareDialog(sessions, user.id(), s.id(),
                this::refresh).open());
        shareBtn.setClassName("share-session");
        Button delete = small(VaadinIcon.TRASH, "Delete", e -> delete(s));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setClassName("delete-session");
        HorizontalLayout h = new HorizontalLayout(open, rename, copy, shareBtn, delete);
        h.setSpacing(false);
        return h;
    }

    private static Button small(VaadinIcon icon, String label,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> l) {
        Button b = new Button(icon.create(), l);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        b.setTooltipText(label);
        b.setAriaLabel(label);
        return b;
    }

    private void open(LabSession s) {
        getUI().ifPresent(ui -> ui.navigate(LabView.class, QueryParameters.of("session", Long.toString(s.id()))));
    }

    private void rename(LabSession s) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Rename");
        TextField name = new TextField("Title");
        name.setValue(s.title());
        name.setWidth("min(340px, 78vw)");
        Button ok = new Button("Rename", e -> {
            try {
                sessions.rename(user.id(), s.id(), name.getValue());
                d.close();
                refresh();
            } catch (IllegalArgumentException ex) {
                name.setErrorMessage(ex.getMessage());
                name.setInvalid(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(name);
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.open();
    }

    private void delete(LabSession s) {
        LabSession gone = sessions.delete(user.id(), s.id());
        refresh();
        Notification n = new Notification();
        n.setDuration(8000);
        n.setPosition(Notification.Position.BOTTOM_START);
        Button undo = new Button("Undo", e -> {
            sessions.restore(user.id(), gone);
            refresh();
            n.close();
        });
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        n.add(new HorizontalLayout(new Span("Deleted “" + gone.title() + "”"), undo));
        n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        n.open();
    }

    private void refresh() {
        List<LabSession> items = sessions.list(user.id(), search.getValue());
        grid.setItems(items);
        empty.setText(search.isEmpty() ? "No sessions yet. Open the lab, set up an experiment and press Save."
                : "No session matches “" + search.getValue() + "”.");
        empty.setVisible(items.isEmpty());
        // no empty table under the message: the message is the page's content until a session is listed
        grid.setVisible(!items.isEmpty());
    }
}
