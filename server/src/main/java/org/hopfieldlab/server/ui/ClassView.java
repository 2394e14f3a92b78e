package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
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
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hopfieldlab.exercise.ExerciseLinks;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.classroom.Assignment;
import org.hopfieldlab.server.classroom.ClassExercise;
import org.hopfieldlab.server.classroom.ClassRoom;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.hopfieldlab.server.classroom.Dashboard;
import org.hopfieldlab.server.classroom.Submission;
import org.hopfieldlab.server.security.CurrentUser;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.exercise.Task;

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
    // student
    private Assignment open;
    private final Select<String> task = new Select<>();
    private final TextField answer = new TextField("Answer");
    private final Grid<Submission> mine = new Grid<>();

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
            return false;
        }
    }

    // ---- teacher -----------------------------------------------------------------------------------------------

    private void teacherPage() {
        Span code = new Span(room.joinCode());
        code.setId("class-code");
        code.addClassName("join-code");
        Paragraph join = new Paragraph();
        join.add(new Span("Students join with the code "), code, new Span(" on the Classes page, or the link "
                + "/classes?join=" + room.joinCode() + (room.allowPseudonyms() ? " (pseudonyms allowed)." : ".")));

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

        DateTimePicker due = new DateTimePicker("Due (optional, UTC)");
        due.setId("assign-due");
        exerciseList.setPadding(false);
        exerciseList.setId("class-exercises");
        this.due = due;
        assignmentList.setPadding(false);
        assignmentList.setId("class-assignments");
        dashboard.setPadding(false);
        dashboard.setId("dashboard");
        add(new H2(room.name()), join, message, new H3("Exercises"), tools, due, exerciseList,
                new H3("Assignments"), assignmentList, new H3("Dashboard"), dashboard);
        refreshTeacher();
    }

    private DateTimePicker due;

    private void refreshTeacher() {
        exerciseList.removeAll();
        List<ClassExercise> list = classes.exercises(user.id(), room.id());
        if (list.isEmpty()) {
            exerciseList.add(new Paragraph("No exercises yet: import the built-in course or write one."));
        }
        for (ClassExercise ce : list) {
            Button assign = new Button("Assign", e -> run(() -> {
                Instant at = due.getValue() == null ? null : due.getValue().toInstant(ZoneOffset.UTC);
                classes.assign(user.id(), room.id(), ce.id(), at);
                refreshTeacher();
            }));
            assign.setId("assign-" + ce.exerciseId());
            assign.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button editB = new Button("Edit", e -> edit(ce.document()));
            editB.setId("edit-" + ce.exerciseId());
            editB.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout row = new HorizontalLayout(new Span(ce.title() + " (" + ce.exerciseId() + ")"), assign,
                    editB);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            exerciseList.add(row);
        }
        assignmentList.removeAll();
        for (Assignment a : classes.assignments(user.id(), room.id())) {
            assignmentList.add(new Span(a.title() + (a.dueAt() == null ? " — no due date" : " — due " + a.dueAt())));
        }
        refreshDashboard();
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
        grid.addColumn(Dashboard.Row::student).setHeader("Student").setFrozen(true).setAutoWidth(true);
        for (int i = 0; i < data.columns().size(); i++) {
            final int col = i;
            grid.addComponentColumn(r -> cell(r.cells().get(col))).setHeader(data.columns().get(i).label())
                    .setAutoWidth(true);
        }
        grid.addColumn(r -> r.solved() + " / " + data.columns().size()).setHeader("Solved").setAutoWidth(true);
        grid.setItems(data.rows());
        grid.setAllRowsVisible(true);
        DownloadHandler csv = DownloadHandler.fromInputStream(ev -> {
            byte[] bytes = classes.gradesCsv(user.id(), room.id()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "grades.csv", "text/csv", bytes.length);
        });
        Anchor export = new Anchor(csv, "Export grades (CSV)");
        export.setId("grades-csv");
        UnorderedList wrong = new UnorderedList();
        wrong.setId("common-wrong");
        for (Dashboard.WrongAnswer w : data.commonWrong()) {
            wrong.add(new ListItem(w.column().label() + ": “" + w.answer() + "” × " + w.count()));
        }
        dashboard.add(data.rows().isEmpty() ? new Paragraph("No students yet.") : grid, export,
                new H3("Most common wrong answers"), data.commonWrong().isEmpty() ? new Paragraph("None yet.") : wrong);
    }

    private static Span cell(Dashboard.Cell c) {
        Span s = new Span(c.status().isEmpty() ? "—" : (c.status().equals("right") ? "✓" : "✗") + " " + c.tries()
                + (c.tries() == 1 ? " try" : " tries") + " · " + ClassroomService.format(c.time()));
        s.getElement().setAttribute("data-status", c.status());
        s.addClassName("cell-" + (c.status().isEmpty() ? "none" : c.status()));
        return s;
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
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("student-assignments");
        List<Assignment> assignments = classes.assignments(user.id(), room.id());
        if (assignments.isEmpty()) {
            list.add(new Paragraph("Nothing assigned yet."));
        }
        Div work = new Div();
        work.setWidthFull();
        for (Assignment a : assignments) {
            Button b = new Button(a.title() + (a.dueAt() == null ? "" : " (due " + a.dueAt() + ")"),
                    e -> openAssignment(a, work));
            b.setId("open-" + a.id());
            list.add(b);
        }
        mine.setId("my-submissions");
        mine.addColumn(s -> s.submittedAt().toString().replace('T', ' ').substring(0, 19)).setHeader("When")
                .setAutoWidth(true);
        mine.addColumn(Submission::taskId).setHeader("Task").setAutoWidth(true);
        mine.addColumn(s -> ClassroomService.shortAnswerForView(s.answer())).setHeader("Answer");
        mine.addColumn(Submission::summary).setHeader("Server's verdict").setFlexGrow(3);
        mine.setAllRowsVisible(true);
        add(new H2(room.name()), list, message, work, new H3("Your submissions"), mine);
        refreshMine();
    }

    private void refreshMine() {
        mine.setItems(classes.mySubmissions(user.id(), room.id()));
    }

    private void openAssignment(Assignment a, Div work) {
        open = a;
        work.removeAll();
        Exercise e = classes.exercise(user.id(), a.id());
        IFrame lab = new IFrame(LabFrame.LAB_PATH + "#" + ExerciseLinks.KEY + "=" + ExerciseLinks.encode(e.toJson()));
        lab.setId("class-lab");
        lab.setWidthFull();
        lab.setHeight("70vh");
        lab.getElement().setAttribute("title", "Hopfield Lab: " + e.title());
        Div frame = new Div(lab);
        frame.addClassName("lab-frame");
        frame.setWidthFull();
        task.setLabel("Task");
        task.setId("submit-task");
        task.setItems(e.tasks().stream().map(Task::id).toList());
        task.setValue(e.tasks().get(0).id());
        answer.setId("submit-answer");
        answer.setWidth("min(100%, 30rem)");
        answer.setHelperText("A number, a choice letter, a spec or lab link; filled in by each check in the lab");
        Button submit = new Button("Submit to the teacher", ev -> run(() -> {
            Submission s = classes.submit(user.id(), open.id(), task.getValue(), answer.getValue());
            message.setText("");
            Span v = new Span(s.summary());
            v.setId("submit-verdict");
            v.getElement().setAttribute("data-status", s.status());
            work.getChildren().filter(c -> "submit-verdict".equals(c.getId().orElse(""))).toList()
                    .forEach(work::remove);
            work.add(v);
            refreshMine();
        }));
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(task, answer, submit);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        work.add(new H3(e.title()), frame, form);
        // the lab tells its parent each checked answer; it only fills the form, the server grades on Submit
        getElement().executeJs("""
                const host = this, frame = $0;
                const handler = (ev) => {
                  if (!frame.isConnected) { window.removeEventListener('message', handler); return; }
                  if (ev.source !== frame.contentWindow) return;
                  const d = ev.data;
                  if (d && d.type === 'hopfield-lab:answer' && typeof d.task === 'string'
                      && typeof d.answer === 'string') host.$server.labAnswer(d.task, d.answer);
                };
                window.addEventListener('message', handler);
                """, lab.getElement());
    }

    @ClientCallable
    private void labAnswer(String taskId, String value) {
        if (open == null || value.length() > 500_000) {
            return;
        }
        if (task.getListDataView().contains(taskId)) {
            task.setValue(taskId);
        }
        answer.setValue(value);
    }
}
