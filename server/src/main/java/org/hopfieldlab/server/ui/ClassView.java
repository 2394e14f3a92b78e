package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.classroom.Assignment;
import org.hopfieldlab.server.classroom.ClassExercise;
import org.hopfieldlab.server.classroom.ClassRoom;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.hopfieldlab.server.classroom.Dashboard;
import org.hopfieldlab.server.classroom.DueTime;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.sim.exercise.Course;

/**
 * One class. Its teacher gets exercises (import, write, edit), assignments and the dashboard, updated live as
 * submissions arrive; a student gets the assignments, the lab with the exercise open, a submit form (filled from the
 * lab's last check) and their own submissions. Everything is decided by {@link ClassroomService}.
 */
@Route("class")
@PageTitle("Class · Hopfield Lab")
@PermitAll
public class ClassView extends VerticalLayout implements HasUrlParameter<Long> {
    private final ClassroomService classes;
    private final AppUser user;
    private final Span message = new Span();
    private ClassRoom room;
    private Runnable unsubscribe;
    // teacher
    private final VerticalLayout dashboard = new VerticalLayout();
    private final VerticalLayout exerciseList = new VerticalLayout();
    private final VerticalLayout assignmentList = new VerticalLayout();

    public ClassView(ClassroomService classes, CurrentUser currentUser) {
        this.classes = classes;
        this.user = currentUser.require();
        addClassName("class-view");
        message.setId("class-message");
        message.addClassName("form-error");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        try {
            room = classes.visibleClass(user.id(), id == null ? -1 : id);
        } catch (ClassroomException e) {
            add(new H2("Class"), new Paragraph(e.getMessage()));
            return;
        }
        if (classes.teaches(user.id(), room)) {
            teacherPage();
        } else {
            studentPage();
        }
    }

    private boolean run(Runnable r) {
        try {
            message.setText("");
            r.run();
            return true;
        } catch (ClassroomException e) {
            message.setText(e.getMessage());
            // the message is at the top of the page; an Assign far down the list would otherwise seem to do nothing
            message.scrollIntoView();
            return false;
        }
    }

    // ---- teacher -----------------------------------------------------------------------------------------------

    private void teacherPage() {
        Span code = new Span(room.joinCode());
        code.setId("class-code");
        code.addClassName("join-code");
        Paragraph join = new Paragraph();
        // the whole address, to copy into an e-mail or onto a slide (a bare path was no link a student could open)
        String joinUrl = ShareDialog.origin() + "/join/" + room.joinCode();
        Anchor link = new Anchor(joinUrl, joinUrl);
        link.setId("class-join-link");
        link.addClassName("break-anywhere");
        join.add(new Span("Students join with the code "), code, new Span(" on the Classes page, or the link "),
                link, new Span(room.allowPseudonyms() ? ": with an account, or under a pseudonym without one."
                        : ": with an account (pseudonymous students are not allowed)."));

        ComboBox<String> builtIn = new ComboBox<>();
        builtIn.setItems(Course.ids());
        builtIn.setItemLabelGenerator(id -> Course.get(id).title());
        builtIn.setPlaceholder("A built-in exercise");
        builtIn.setId("builtin-exercise");
        Button importOne = new Button("Import", e -> run(() -> {
            if (builtIn.getValue() == null) {
                throw new ClassroomException("Choose a built-in exercise first.");
            }
            classes.importBuiltIn(user.id(), room.id(), builtIn.getValue());
            refreshTeacher();
        }));
        importOne.setId("import-one");
        Button importAll = new Button("Import the whole built-in course", e -> run(() -> {
            classes.importCourse(user.id(), room.id());
            refreshTeacher();
        }));
        importAll.setId("import-course");
        Button write = new Button("Write an exercise", e -> edit(Course.json(Course.ids().get(0))
                .replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"my-exercise\"")));
        write.setId("write-exercise");
        HorizontalLayout tools = new HorizontalLayout(builtIn, importOne, importAll, write);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        tools.getStyle().set("flex-wrap", "wrap");

        zone = DueTime.zoneOrUtc(browserZone());
        zoneKnown = browserZone() != null;
        DateTimePicker due = duePicker("Due (optional)", DUE_HELP, null);
        due.setId("assign-due");
        due.setWidth("min(100%, 24rem)"); // its date and time fields share the width, so a phone does not scroll sideways
        this.due = due;
        // the due date heads the list of the Assign buttons it is for, in one box (not among the import tools), and
        // stays in view above them while the teacher scrolls down a long list to the Assign they press
        Div dueBar = new Div(due);
        dueBar.setId("assign-due-bar");
        dueBar.getStyle().set("position", "sticky").set("top", "0").set("z-index", "1")
                .set("background", "var(--lumo-base-color)").set("padding-bottom", "var(--lumo-space-xs)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        exerciseList.setPadding(false);
        exerciseList.setId("class-exercises");
        Div assignBox = new Div(dueBar, exerciseList);
        assignBox.setId("assign-box");
        assignBox.setWidthFull();
        assignBox.getStyle().set("box-sizing", "border-box").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0 var(--lumo-space-s) "
                        + "var(--lumo-space-s)");
        assignmentList.setPadding(false);
        assignmentList.setId("class-assignments");
        dashboard.setPadding(false);
        dashboard.setId("dashboard");
        add(new H2(room.name()), join, message, new H3("Exercises"), tools, assignBox,
                new H3("Assignments"), assignmentList, new H3("Dashboard"), dashboard);
        refreshTeacher();
    }

    private DateTimePicker due;
    /** The zone the teacher types due dates in: the browser's, or UTC where it is not known. */
    private ZoneId zone = ZoneOffset.UTC;
    private boolean zoneKnown;

    /**
     * A due-date field in the teacher's own time zone, its label naming the zone and its offset at the date chosen
     * ("Due (optional), your time: Europe/Berlin, UTC+1"); under it {@code help}, and once a date is chosen what it
     * is in UTC and the teacher's time, or why it cannot be (a time the clocks skip), or which of a time that occurs
     * twice it is ({@link DueTime}). {@code keep}: the stored due date the field starts with (or null).
     */
    private DateTimePicker duePicker(String name, String help, Instant keep) {
        DateTimePicker p = new DateTimePicker();
        p.setValue(DueTime.toLocal(keep, zone));
        Runnable explain = () -> {
            LocalDateTime v = p.getValue();
            Instant at = null;
            String says;
            try {
                at = DueTime.toInstant(v, zone, keep);
                String twice = DueTime.twiceNote(v, zone, at);
                says = at == null ? help : due(at) + "." + (twice == null ? "" : " " + twice) + " " + help;
            } catch (ClassroomException x) {
                says = x.getMessage();
            }
            p.setLabel(name + (zoneKnown ? ", your time: " + DueTime.zoneLabel(zone, at)
                    : ", in UTC: your browser's time zone is not known"));
            p.setHelperText(says);
        };
        explain.run();
        p.addValueChangeListener(e -> explain.run());
        return p;
    }

    /** The instant a due-date field means (null: none); a time the clocks skip is refused with a message. */
    private Instant dueOf(DateTimePicker p, Instant keep) {
        return DueTime.toInstant(p.getValue(), zone, keep);
    }

    private void refreshTeacher() {
        exerciseList.removeAll();
        List<ClassExercise> list = classes.exercises(user.id(), room.id());
        if (list.isEmpty()) {
            exerciseList.add(new Paragraph("No exercises yet: import the built-in course or write one."));
        }
        List<Assignment> assigned = classes.assignments(user.id(), room.id());
        for (ClassExercise ce : list) {
            // an exercise already assigned shows so (with its due date), not another Assign that would add it twice
            Assignment already = assigned.stream().filter(a -> a.exerciseId() == ce.id()).findFirst().orElse(null);
            com.vaadin.flow.component.Component state;
            if (already == null) {
                Button assign = new Button("Assign", e -> run(() -> {
                    Instant at = dueOf(due, null);
                    classes.assign(user.id(), room.id(), ce.id(), at);
                    refreshTeacher();
                }));
                assign.setId("assign-" + ce.exerciseId());
                assign.addThemeVariants(ButtonVariant.LUMO_SMALL);
                state = assign;
            } else {
                com.vaadin.flow.component.icon.Icon check = VaadinIcon.CHECK.create();
                check.setSize("var(--lumo-icon-size-s)");
                Span badge = new Span(check, new Span(already.dueAt() == null ? "Assigned"
                        : "Assigned, due " + due(already.dueAt())));
                badge.getElement().setAttribute("title", "Change its due date or withdraw it under Assignments");
                // a due date with the local time wraps on a phone instead of sticking out of the page
                badge.getStyle().set("white-space", "normal").set("max-width", "100%").set("box-sizing", "border-box");
                badge.getElement().getThemeList().add("badge success");
                badge.setId("assigned-" + ce.exerciseId());
                state = badge;
            }
            Button editB = new Button("Edit", e -> edit(ce.document()));
            editB.setId("edit-" + ce.exerciseId());
            editB.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout row = new HorizontalLayout(new Span(ce.title() + " (" + ce.exerciseId() + ")"), state,
                    editB);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.getStyle().set("flex-wrap", "wrap");
            exerciseList.add(row);
        }
        assignmentList.removeAll();
        if (assigned.isEmpty()) {
            assignmentList.add(new Paragraph("Nothing assigned yet: press Assign beside an exercise (with a due date "
                    + "at the top of the list, or none)."));
        }
        for (Assignment a : assigned) {
            Span what = new Span(a.title() + (a.dueAt() == null ? " — no due date" : " — due " + due(a.dueAt())));
            what.setId("assignment-" + a.exerciseKey());
            Button change = new Button(a.dueAt() == null ? "Set due date" : "Change due date", e -> changeDue(a));
            change.setId("due-" + a.exerciseKey());
            change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button withdraw = new Button("Withdraw", e -> withdraw(a));
            withdraw.setId("withdraw-" + a.exerciseKey());
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            HorizontalLayout row = new HorizontalLayout(what, change, withdraw);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.getStyle().set("flex-wrap", "wrap").set("row-gap", "0");
            assignmentList.add(row);
        }
        refreshDashboard();
    }

    private static final String DUE_HELP = "For what you assign below; leave it empty for none. Students can "
            + "submit until the due date; submissions close then.";

    /**
     * A due date as people read it: in UTC and in the browser's own time zone (the one due dates are typed in),
     * "5 Dec 2026, 10:00 UTC (11:00 your time)".
     */
    static String due(Instant at) {
        return ClassroomService.formatDue(at, browserZone());
    }

    /**
     * The browser's time zone, from the details Vaadin fetches from it when the UI starts
     * ({@code Page.getExtendedClientDetails()}); null (UTC only) where it is not known.
     */
    static ZoneId browserZone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return null;
        }
        var details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        try {
            return id == null || id.isBlank() ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The teacher changes an assignment's due date (in their own time zone, like the Assign field) or clears it. */
    private void changeDue(Assignment a) {
        Dialog d = new Dialog();
        d.setId("due-dialog");
        d.setHeaderTitle("Due date of \u201c" + a.title() + "\u201d");
        d.setWidth("min(96vw, 30rem)");
        String help = "Submissions close at the due date. A later date, or none, opens them again; a date already "
                + "past closes them now, and tries made after it show as late.";
        DateTimePicker when = duePicker("Due", help, a.dueAt());
        when.setId("due-change");
        when.setWidthFull();
        Span err = new Span();
        err.setId("due-error");
        err.addClassName("form-error");
        when.addValueChangeListener(e -> err.setText("")); // the field's helper says what is wrong with a new value
        Button save = new Button("Save", e -> {
            try {
                if (when.getValue() == null) {
                    throw new ClassroomException("Choose a date and time, or press \u201cNo due date\u201d.");
                }
                classes.changeDue(user.id(), a.id(), dueOf(when, a.dueAt()));
                d.close();
                refreshTeacher();
            } catch (ClassroomException x) {
                // a time the clocks skip: the field's helper already gives the reason, right above
                err.setText(x.getMessage().equals(when.getHelperText())
                        ? "Not saved: that time does not exist (see above)." : x.getMessage());
            }
        });
        save.setId("due-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button("No due date", e -> {
            try {
                classes.changeDue(user.id(), a.id(), null);
                d.close();
                refreshTeacher();
            } catch (ClassroomException x) {
                err.setText(x.getMessage());
            }
        });
        clear.setId("due-clear");
        d.add(when, err);
        d.getFooter().add(new Button("Cancel", e -> d.close()), clear, save);
        d.open();
    }

    /** The teacher withdraws an assignment, after a question that says what happens to the students' work. */
    private void withdraw(Assignment a) {
        String question;
        try {
            question = classes.withdrawQuestion(user.id(), a.id());
        } catch (ClassroomException x) {
            message.setText(x.getMessage());
            return;
        }
        Dialog d = new Dialog();
        d.setId("withdraw-dialog");
        d.setHeaderTitle("Withdraw the assignment?");
        d.setWidth("min(96vw, 32rem)");
        Paragraph what = new Paragraph(question);
        what.setId("withdraw-question");
        Span err = new Span();
        err.addClassName("form-error");
        Button confirm = new Button("Withdraw", e -> {
            try {
                classes.withdraw(user.id(), a.id());
                d.close();
                refreshTeacher();
            } catch (ClassroomException x) {
                err.setText(x.getMessage());
            }
        });
        confirm.setId("withdraw-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        d.add(what, err);
        d.getFooter().add(new Button("Cancel", e -> d.close()), confirm);
        d.open();
    }

    private void edit(String document) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Exercise");
        d.setWidth("min(96vw, 70rem)");
        ExerciseEditor editor = new ExerciseEditor(document);
        Span err = new Span();
        err.addClassName("form-error");
        Button save = new Button("Save", e -> {
            try {
                classes.saveExercise(user.id(), room.id(), editor.value());
                d.close();
                refreshTeacher();
            } catch (ClassroomException x) {
                err.setText(x.getMessage());
            }
        });
        save.setId("exercise-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(editor, err);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private void refreshDashboard() {
        dashboard.removeAll();
        Dashboard data = classes.dashboard(user.id(), room.id());
        Grid<Dashboard.Row> grid = new Grid<>();
        grid.setId("dashboard-grid");
        grid.addComponentColumn(ClassView::studentCell).setHeader("Student").setFrozen(true).setAutoWidth(true);
        for (int i = 0; i < data.columns().size(); i++) {
            final int col = i;
            grid.addComponentColumn(r -> cell(r.cells().get(col))).setHeader(header(data.columns().get(i)))
                    .setAutoWidth(true);
        }
        grid.addColumn(r -> r.solved() + " / " + data.columns().size()).setHeader("Solved").setAutoWidth(true);
        Map<Long, ClassroomService.GuestStatus> guests = classes.guests(user.id(), room.id()).stream()
                .collect(Collectors.toMap(ClassroomService.GuestStatus::userId, g -> g));
        if (!guests.isEmpty()) {
            grid.addComponentColumn(r -> guests.containsKey(r.studentId()) ? reissueButton(guests.get(r.studentId()))
                    : new Span()).setHeader("Return code").setAutoWidth(true)
                    .setFrozenToEnd(true); // in view however many task columns scroll sideways
        }
        grid.setItems(data.rows());
        grid.setAllRowsVisible(true);
        DownloadHandler csv = DownloadHandler.fromInputStream(ev -> {
            byte[] bytes = classes.gradesCsvFile(user.id(), room.id()); // UTF-8 with a BOM, for Excel
            return new DownloadResponse(new ByteArrayInputStream(bytes), ClassroomService.gradesFileName(room.name()),
                    "text/csv", bytes.length);
        });
        Anchor export = new Anchor(csv, "Export grades (CSV)");
        export.setId("grades-csv");
        UnorderedList wrong = new UnorderedList();
        wrong.setId("common-wrong");
        for (Dashboard.WrongAnswer w : data.commonWrong()) {
            wrong.add(new ListItem(w.column().label() + ": “" + w.answer() + "” × " + w.count()));
        }
        Paragraph legend = new Paragraph("✓ solved, ✗ tried but not solved yet, — not tried; then the number of "
                + "tries and the time from the first try to the first right one (not solved yet: to the last try); "
                + "\u201clate\u201d: how many tries came after the due date (submissions close at the due date, so "
                + "only moving a date before tries already made gives any). Due dates above are in your time; hover "
                + "for the full date.");
        legend.setId("dashboard-legend");
        legend.addClassName("hint");
        // grid and legend straight in the dashboard's column (a wrapper let the grid grow past the page's width)
        // no students: no export of an empty sheet, but what to do to get some (it updates when the first one joins)
        if (data.rows().isEmpty()) {
            Paragraph none = new Paragraph("No students yet — share the join code " + room.joinCode()
                    + " (or the link above). Their progress shows here, and grades can be exported once someone "
                    + "has joined.");
            none.setId("dashboard-empty");
            dashboard.add(none);
        } else {
            grid.setWidthFull();
            dashboard.add(grid, legend, export);
        }
        List<ClassroomService.WithdrawnWork> withdrawn = classes.withdrawnWithWork(user.id(), room.id());
        if (!withdrawn.isEmpty()) {
            UnorderedList kept = new UnorderedList();
            for (ClassroomService.WithdrawnWork w : withdrawn) {
                ListItem li = new ListItem("\u201c" + w.assignment().title() + "\u201d (" + w.assignment().exerciseKey()
                        + "): withdrawn, " + w.tries() + (w.tries() == 1 ? " try" : " tries") + " from " + w.students()
                        + (w.students() == 1 ? " student" : " students") + " kept");
                li.setId("withdrawn-" + w.assignment().exerciseKey());
                kept.add(li);
            }
            Paragraph why = new Paragraph("Withdrawn assignments are not on the dashboard or in the grades file. "
                    + "Nothing is deleted: assign the exercise again to bring them back with these tries.");
            why.addClassName("hint");
            Div note = new Div(new Span("Withdrawn, with students\u2019 tries kept:"), kept, why);
            note.setId("dashboard-withdrawn");
            dashboard.add(note);
        }
        dashboard.add(new H3("Most common wrong answers"),
                data.commonWrong().isEmpty() ? new Paragraph("None yet.") : wrong);
    }

    /**
     * The student's name; for one whom V11 renamed (their name clashed in some letter case with an earlier
     * member's), also the name they had chosen, so that the teacher can tell who "νικος#105" is.
     */
    private static com.vaadin.flow.component.Component studentCell(Dashboard.Row r) {
        if (r.renamedFrom() == null) {
            return new Span(r.student());
        }
        Span name = new Span(r.student());
        Span was = new Span("renamed: joined as \u201c" + r.renamedFrom() + "\u201d");
        was.addClassName("hint");
        was.addClassName("renamed-from");
        was.getStyle().set("display", "block");
        Div cell = new Div(name, was);
        cell.getElement().setAttribute("title", "The name clashed with an earlier student's in capital or small "
                + "letters, so the server added # and a number. The student is told once when they next open the "
                + "class.");
        return cell;
    }

    /** For a student without an account: a new return code (e.g. they lost theirs), shown once to the teacher. */
    private Button reissueButton(ClassroomService.GuestStatus g) {
        Button b = new Button(g.hasReturnCode() ? "New code" : "Give a code", e -> reissue(g));
        b.setId("reissue-" + g.userId());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.getElement().setAttribute("title", "A new return code for " + g.displayName());
        return b;
    }

    private void reissue(ClassroomService.GuestStatus g) {
        Dialog d = new Dialog();
        d.setId("reissue-dialog");
        d.setHeaderTitle("New return code for " + g.displayName());
        d.setWidth("min(96vw, 30rem)");
        Paragraph what = new Paragraph(g.displayName() + "'s old return code stops working, and so does every "
                + "browser " + g.displayName() + " is in the class with. With their name and the new code they get "
                + "back to their work, at once even if wrong tries had locked their name. Their work stays.");
        Span err = new Span();
        err.addClassName("form-error");
        Button cancel = new Button("Cancel", e -> d.close());
        Button make = new Button("Make a new code");
        make.setId("reissue-confirm");
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        make.addClickListener(e -> {
            try {
                String code = classes.reissueReturnCode(user.id(), room.id(), g.userId());
                Span value = new Span(code);
                value.setId("reissued-code");
                value.addClassName("return-code");
                Paragraph once = new Paragraph("Give this code to " + g.displayName() + ". It is shown only now; "
                        + "you can make another one at any time.");
                d.removeAll();
                d.add(value, once);
                d.getFooter().removeAll();
                Button close = new Button("Close", x -> d.close());
                close.setId("reissue-close");
                close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                d.getFooter().add(close);
                refreshDashboard();
            } catch (ClassroomException x) {
                err.setText(x.getMessage());
            }
        });
        d.add(what, err);
        d.getFooter().add(cancel, make);
        d.open();
    }

    private static Span cell(Dashboard.Cell c) {
        Span s = new Span(c.status().isEmpty() ? "—" : (c.status().equals("right") ? "✓" : "✗") + " " + c.tries()
                + (c.tries() == 1 ? " try" : " tries") + (c.time() == null ? "" : " · " + ClassroomService.format(c.time())));
        s.getElement().setAttribute("data-status", c.status());
        s.addClassName("cell-" + (c.status().isEmpty() ? "none" : c.status()));
        if (c.late()) {
            Span late = new Span(c.lateTries() == c.tries() ? "late" : c.lateTries() + " late");
            late.getElement().getThemeList().add("badge error small");
            late.addClassName("cell-late");
            late.getElement().setAttribute("title", c.lateTries() + " of the " + c.tries()
                    + (c.tries() == 1 ? " try" : " tries") + " came after the due date");
            s.add(new Span(" "), late);
            s.getElement().setAttribute("data-late", Integer.toString(c.lateTries()));
        }
        return s;
    }

    /**
     * A task column's header: the task, and under it the assignment's due date, short and in the reader's time
     * ("due 6 Jan, 09:00"), the whole one (UTC and local) in its tooltip; or "no due date".
     */
    private static com.vaadin.flow.component.Component header(Dashboard.Column c) {
        Span label = new Span(c.label());
        ZoneId zone = browserZone();
        Span dueLine = new Span(c.dueAt() == null ? "no due date" : "due " + DueTime.shortDue(c.dueAt(), zone,
                Instant.now().atZone(DueTime.zoneOrUtc(zone)).getYear()));
        dueLine.addClassName("hint");
        dueLine.addClassName("column-due");
        dueLine.getStyle().set("display", "block").set("font-weight", "normal");
        Div head = new Div(label, dueLine);
        if (c.dueAt() != null) {
            head.getElement().setAttribute("title", c.exerciseId() + " is due " + due(c.dueAt()));
        }
        return head;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = classes.onSubmission(classId -> {
            if (room != null && classId == room.id() && classes.teaches(user.id(), room)) {
                ui.access(this::refreshDashboard);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }

    // ---- student -----------------------------------------------------------------------------------------------

    private void studentPage() {
        add(new H2(room.name()));
        classes.takeRenameNotice(room.id(), user.id()).ifPresent(n -> add(renameNotice(n)));
        add(new StudentWork(classes, user.id(), room));
    }

    /** The one-time notice of a member whom V11 renamed (also on a guest's page). */
    static Paragraph renameNotice(String text) {
        Paragraph p = new Paragraph(text);
        p.setId("rename-notice");
        p.addClassName("notice");
        p.getStyle().set("color", "var(--lumo-body-text-color)").set("background", "var(--lumo-primary-color-10pct)")
                .set("max-width", "48rem");
        return p;
    }
}
