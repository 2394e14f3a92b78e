package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.hopfieldlab.exercise.ExerciseLinks;
import org.hopfieldlab.server.classroom.Assignment;
import org.hopfieldlab.server.classroom.ClassRoom;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.hopfieldlab.server.classroom.Submission;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.exercise.Task;

/**
 * A student's part of a class, for an account member and a pseudonymous guest alike: the assignments, the lab with
 * the exercise open, a submit form (filled from the lab's last check) and the student's own submissions. The
 * student id comes from the caller, who has established it; {@link ClassroomService} checks membership again. A
 * guest's page also passes a check run before each action (their cookie may have been revoked while the page was
 * open: the teacher gave them a new return code, or they came back in another browser).
 */
class StudentWork extends VerticalLayout {
    private final ClassroomService classes;
    private final long studentId;
    private final ClassRoom room;
    private final Span message = new Span();
    private Assignment open;
    private final Select<String> task = new Select<>();
    private final TextField answer = new TextField("Answer");
    private final Grid<Submission> mine = new Grid<>();
    private final Runnable checkAccess;

    StudentWork(ClassroomService classes, long studentId, ClassRoom room) {
        this(classes, studentId, room, () -> { });
    }

    /** @param checkAccess throws a {@link ClassroomException} (its message shown) when the student may no longer act */
    StudentWork(ClassroomService classes, long studentId, ClassRoom room, Runnable checkAccess) {
        this.checkAccess = checkAccess;
        this.classes = classes;
        this.studentId = studentId;
        this.room = room;
        setPadding(false);
        message.setId("class-message");
        message.addClassName("form-error");
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("student-assignments");
        List<Assignment> assignments = classes.assignments(studentId, room.id());
        if (assignments.isEmpty()) {
            list.add(new Paragraph("Nothing assigned yet."));
        }
        Div work = new Div();
        work.setWidthFull();
        for (Assignment a : assignments) {
            Button b = new Button(a.title(),
                    e -> {
                        try {
                            checkAccess.run();
                            message.setText("");
                            openAssignment(a, work);
                        } catch (ClassroomException x) {
                            message.setText(x.getMessage());
                        }
                    });
            b.setId("open-" + a.id());
            if (a.dueAt() == null) {
                list.add(b);
                continue;
            }
            // beside the button (which does not wrap), so that a phone wraps it under the title: the due date in UTC
            // and the student's own time, "due 5 Dec 2026, 10:00 UTC (11:00 your time)"; one whose due date has
            // passed says it is closed, before the student opens it and tries to submit
            Span due = new Span((closed(a) ? "closed, was due " : "due ") + ClassView.due(a.dueAt()));
            due.setId("open-due-" + a.id());
            HorizontalLayout row = new HorizontalLayout(b, due);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.getStyle().set("flex-wrap", "wrap").set("row-gap", "0");
            list.add(row);
        }
        mine.setId("my-submissions");
        mine.addColumn(s -> s.submittedAt().toString().replace('T', ' ').substring(0, 19) + " UTC").setHeader("When")
                .setAutoWidth(true);
        mine.addColumn(Submission::taskId).setHeader("Task").setAutoWidth(true);
        mine.addColumn(s -> ClassroomService.shortAnswerForView(s.answer())).setHeader("Answer");
        mine.addColumn(Submission::summary).setHeader("Server's verdict").setFlexGrow(3)
                .setTooltipGenerator(Submission::summary);
        mine.setAllRowsVisible(true);
        mine.setEmptyStateText("Nothing submitted yet. Open an assignment, check your answer in the lab, then "
                + "submit it to the teacher.");
        H3 assigned = new H3("Assignments");
        if (!assignments.isEmpty()) {
            Paragraph how = new Paragraph("Open one to work on it in the lab. An assignment with a due date takes "
                    + "answers until then: submissions close at the due date.");
            how.setId("student-assignments-hint");
            how.addClassName("hint");
            list.addComponentAsFirst(how);
        }
        add(assigned, list, message, work, new H3("Your submissions"), mine);
        refreshMine();
    }

    private void refreshMine() {
        mine.setItems(classes.mySubmissions(studentId, room.id()));
    }

    private void openAssignment(Assignment a, Div work) {
        open = a;
        work.removeAll();
        Exercise e = classes.exercise(studentId, a.id());
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
        Button submit = new Button("Submit to the teacher", ev -> {
            message.setText("");
            work.getChildren().filter(c -> "submit-verdict".equals(c.getId().orElse(""))).toList()
                    .forEach(work::remove);
            try {
                checkAccess.run();
                Submission s = classes.submit(studentId, open.id(), task.getValue(), answer.getValue());
                Span v = new Span(s.summary());
                v.setId("submit-verdict");
                v.getElement().setAttribute("data-status", s.status());
                work.add(v);
                refreshMine();
            } catch (ClassroomException x) {
                message.setText(x.getMessage());
            }
        });
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(task, answer, submit);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        Paragraph when = new Paragraph(a.dueAt() == null ? "No due date: you can submit at any time."
                : closed(a) ? "Submissions closed at the due date, " + ClassView.due(a.dueAt()) + "."
                : "Due " + ClassView.due(a.dueAt()) + ": you can submit until then; submissions close at the due "
                        + "date.");
        when.setId("submit-due");
        when.addClassName("hint");
        // the message (a refusal, a closed assignment) shows under the form the student just used, not above the lab
        work.add(new H3(e.title()), frame, when, form, message);
        // the lab tells its parent each checked answer; it only fills the form, the server grades on Submit
        getElement().executeJs("""
                const host = this, frame = $0;
                const handler = (ev) => {
                  if (!frame.isConnected) { window.removeEventListener('message', handler); return; }
                  if (ev.source !== frame.contentWindow || ev.origin !== window.location.origin) return;
                  const d = ev.data;
                  if (d && d.type === 'hopfield-lab:answer' && typeof d.task === 'string'
                      && typeof d.answer === 'string') host.$server.labAnswer(d.task, d.answer);
                };
                window.addEventListener('message', handler);
                """, lab.getElement());
    }

    /** Whether the assignment's due date has passed (submissions are closed). */
    private static boolean closed(Assignment a) {
        return a.dueAt() != null && java.time.Instant.now().isAfter(a.dueAt());
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
