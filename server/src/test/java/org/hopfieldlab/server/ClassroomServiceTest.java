package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hopfieldlab.exercise.CourseSolutions;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.classroom.Assignment;
import org.hopfieldlab.server.classroom.ClassExercise;
import org.hopfieldlab.server.classroom.ClassRoom;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.hopfieldlab.server.classroom.Dashboard;
import org.hopfieldlab.server.classroom.ReturnCodes;
import org.hopfieldlab.server.classroom.Submission;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Task;
import org.hopfieldlab.sim.exercise.TaskKind;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Classes through the service on the real (H2) database: the server grades every kind of task itself (the course's
 * reference right and wrong answers), refuses locked-key changes and forged answers, and keeps classes and students
 * apart.
 */
@ServerTest
class ClassroomServiceTest {
    @Autowired
    AccountService accounts;
    @Autowired
    ClassroomService classes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    javax.sql.DataSource dataSource;

    long teacher;
    long alice;
    long bob;
    ClassRoom room;
    Assignment basics;

    static String unique(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36);
    }

    @BeforeEach
    void setUp() {
        teacher = accounts.signUp(unique("teacher"), "long password");
        alice = accounts.signUp(unique("alice"), "long password");
        bob = accounts.signUp(unique("bob"), "long password");
        room = classes.createClass(teacher, "Neural networks 101", true);
        ClassExercise e = classes.importBuiltIn(teacher, room.id(), "hopfield-basics");
        basics = classes.assign(teacher, room.id(), e.id(), null);
        classes.join(alice, room.joinCode(), "");
        classes.join(bob, room.joinCode().toLowerCase(), "Student B");
    }

    static String reference(String exercise, String task, String expect) {
        return CourseSolutions.all().stream()
                .filter(s -> s.exercise().equals(exercise) && s.task().equals(task) && s.expect().equals(expect))
                .findFirst().orElseThrow().answer();
    }

    Assignment assignBuiltIn(String id) {
        ClassExercise e = classes.importBuiltIn(teacher, room.id(), id);
        return classes.assign(teacher, room.id(), e.id(), null);
    }

    void gradesRightAndWrong(Assignment a, String exercise, String task, TaskKind kind) {
        assertEquals(kind, Course.get(exercise).task(task).kind());
        Submission right = classes.submit(alice, a.id(), task, reference(exercise, task, "right"));
        assertEquals("right", right.status(), right.summary());
        Submission wrong = classes.submit(alice, a.id(), task, reference(exercise, task, "wrong"));
        assertEquals("wrong", wrong.status(), wrong.summary());
        assertTrue(wrong.verdictJson().contains("\"verdict\":\"wrong\""), wrong.verdictJson());
    }

    @Test
    void choiceTask() {
        gradesRightAndWrong(basics, "hopfield-basics", "completes", TaskKind.CHOICE);
    }

    @Test
    void makeItHappenTask() {
        gradesRightAndWrong(basics, "hopfield-basics", "damage", TaskKind.MAKE);
    }

    @Test
    void drawTask() {
        gradesRightAndWrong(basics, "hopfield-basics", "draw-b", TaskKind.DRAW);
    }

    @Test
    void numericTask() {
        gradesRightAndWrong(assignBuiltIn("continuous-energy"), "continuous-energy", "bottom", TaskKind.NUMERIC);
    }

    @Test
    void aLockedKeyChangeIsRefusedAndNotStored() {
        Task t = Course.get("hopfield-basics").task("damage");
        assertTrue(t.lockedKeys().contains("seed"), t.lockedKeys().toString());
        String forged = SpecCodec.format(SpecCodec.parseOnto(t.spec().toBuilder(), "flip=0.3&mask=0&seed=99"));
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.submit(alice, basics.id(), "damage", forged));
        assertTrue(e.getMessage().contains("locked") && e.getMessage().contains("seed"), e.getMessage());
        assertEquals(List.of(), classes.mySubmissions(alice, room.id()));
    }

    @Test
    void aSpecOfAnotherExerciseIsRefused() {
        String capacitySpec = reference("capacity", "many", "right");
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.submit(alice, basics.id(), "damage", capacitySpec));
        assertTrue(e.getMessage().startsWith("Refused"), e.getMessage());
    }

    @Test
    void aClientClaimingSuccessIsNotBelieved() {
        // what a forged client might send instead of an answer: the server grades only the answer
        assertThrows(ClassroomException.class, () -> classes.submit(alice, basics.id(), "completes",
                "{\"verdict\":\"right\"}"));
        Submission s = classes.submit(alice, basics.id(), "completes", "b");
        assertEquals("wrong", s.status());
    }

    @Test
    void unknownTaskAndEmptyAnswerGetMessages() {
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.submit(alice, basics.id(), "nope", "a"));
        assertTrue(e.getMessage().contains("completes"), e.getMessage());
        e = assertThrows(ClassroomException.class, () -> classes.submit(alice, basics.id(), "completes", " "));
        assertEquals("The answer is empty.", e.getMessage());
    }

    @Test
    void aStudentSeesOnlyTheirOwnSubmissions() {
        classes.submit(alice, basics.id(), "completes", "a");
        classes.submit(bob, basics.id(), "completes", "b");
        List<Submission> mine = classes.mySubmissions(alice, room.id());
        assertEquals(1, mine.size());
        assertEquals(alice, mine.get(0).studentId());
        assertEquals("right", mine.get(0).status());
        assertEquals("wrong", classes.mySubmissions(bob, room.id()).get(0).status());
        // a student is not the teacher: no dashboard, no CSV, no member list
        assertThrows(ClassroomException.class, () -> classes.dashboard(alice, room.id()));
        assertThrows(ClassroomException.class, () -> classes.gradesCsv(bob, room.id()));
        assertThrows(ClassroomException.class, () -> classes.members(alice, room.id()));
    }

    @Test
    void classesArePrivate() {
        long otherTeacher = accounts.signUp(unique("teacher2"), "long password");
        long outsider = accounts.signUp(unique("carol"), "long password");
        ClassRoom other = classes.createClass(otherTeacher, "Other class", false);
        classes.join(outsider, other.joinCode(), "");
        // an outsider (member of another class) cannot see, submit to or read this class
        assertThrows(ClassroomException.class, () -> classes.visibleClass(outsider, room.id()));
        assertThrows(ClassroomException.class, () -> classes.assignments(outsider, room.id()));
        assertThrows(ClassroomException.class, () -> classes.exercise(outsider, basics.id()));
        assertThrows(ClassroomException.class, () -> classes.submit(outsider, basics.id(), "completes", "a"));
        assertThrows(ClassroomException.class, () -> classes.mySubmissions(outsider, room.id()));
        // another teacher cannot read the dashboard, add exercises or assign here
        assertThrows(ClassroomException.class, () -> classes.dashboard(otherTeacher, room.id()));
        assertThrows(ClassroomException.class,
                () -> classes.importBuiltIn(otherTeacher, room.id(), "capacity"));
        assertThrows(ClassroomException.class, () -> classes.assign(otherTeacher, other.id(), basics.exerciseId(),
                null));
        assertEquals(List.of(other), classes.classesJoined(outsider));
        assertEquals(List.of(room), classes.classesTaught(teacher));
    }

    @Test
    void joinRules() {
        long dave = accounts.signUp(unique("dave"), "long password");
        ClassRoom strict = classes.createClass(teacher, "No pseudonyms", false);
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.join(dave, strict.joinCode(), "Anon"));
        assertTrue(e.getMessage().contains("does not allow pseudonyms"), e.getMessage());
        assertTrue(e.isAboutName(), "the join form marks the name field");
        e = assertThrows(ClassroomException.class, () -> classes.join(dave, "ZZZZZZZZ", ""));
        assertTrue(e.getMessage().startsWith("No class has the code ZZZZZZZZ"), e.getMessage());
        assertFalse(e.isAboutName(), "the join form marks the code field");
        e = assertThrows(ClassroomException.class, () -> classes.join(dave, room.joinCode(), "Student B"));
        assertTrue(e.getMessage().contains("already uses the name"), e.getMessage());
        assertTrue(e.isAboutName());
        e = assertThrows(ClassroomException.class, () -> classes.join(dave, room.joinCode(), "<script>"));
        assertTrue(e.getMessage().startsWith("A pseudonym has"), e.getMessage());
        assertTrue(e.isAboutName());
        assertEquals(room, classes.join(dave, room.joinCode(), "D"));
        assertEquals(room, classes.join(dave, room.joinCode(), "D")); // joining twice is harmless
        assertEquals(List.of("D", "Student B"), classes.members(teacher, room.id()).stream()
                .map(m -> m.displayName()).filter(n -> n.length() < 10).toList());
    }

    @Test
    void badExercisesGetTheCoresMessageAndAreNotStored() {
        int before = classes.exercises(teacher, room.id()).size();
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.saveExercise(teacher, room.id(), "{\"format\":1}"));
        assertTrue(e.getMessage().startsWith("The exercise is not valid"), e.getMessage());
        String unknownKind = Course.json("capacity").replace("\"kind\": \"choice\"", "\"kind\": \"essay\"");
        assertFalse(unknownKind.equals(Course.json("capacity")), "the replacement must hit");
        e = assertThrows(ClassroomException.class, () -> classes.saveExercise(teacher, room.id(), unknownKind));
        assertTrue(e.getMessage().contains("essay"), e.getMessage());
        e = assertThrows(ClassroomException.class,
                () -> classes.saveExercise(teacher, room.id(), "x".repeat(1_000_000)));
        assertTrue(e.getMessage().contains("at most 200000"), e.getMessage());
        assertEquals(before, classes.exercises(teacher, room.id()).size());
    }

    @Test
    void dueDatePassedClosesSubmissions() {
        // a class of its own: in this one the exercise is already assigned, without a due date, and stays so
        ClassRoom late = classes.createClass(teacher, "Due soon", false);
        classes.join(alice, late.joinCode(), "");
        Assignment a = classes.assign(teacher, late.id(), classes.importBuiltIn(teacher, late.id(),
                "hopfield-basics").id(), Instant.now().plus(200, ChronoUnit.MILLIS));
        assertEquals("right", classes.submit(alice, a.id(), "completes", "a").status());
        try {
            Thread.sleep(300);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.submit(alice, a.id(), "completes", "a"));
        // the due date as the teacher set it and the dashboard shows it, not the bare instant
        assertEquals("This assignment was due " + ClassroomService.formatDue(a.dueAt()) + "; submissions are closed.",
                e.getMessage());
        assertFalse(e.getMessage().matches(".*\\d{4}-\\d\\d-\\d\\dT.*"), e.getMessage());
        assertEquals("5 Dec 2026, 10:00 UTC", ClassroomService.formatDue(Instant.parse("2026-12-05T10:00:30.5Z")));
        ClassExercise other = classes.importBuiltIn(teacher, late.id(), "continuous-energy");
        e = assertThrows(ClassroomException.class, () -> classes.assign(teacher, late.id(), other.id(),
                Instant.now().minusSeconds(60)));
        assertEquals("The due date is in the past.", e.getMessage());
    }

    /**
     * One assignment per exercise and class. Again with the same due date (a double click, a second tab) is the
     * same assignment; with another due date a message says how it is assigned and nothing changes; and two
     * requests at the same moment, which both pass the service's look-up, still make one assignment (the
     * database's unique index, V11), both answered with it.
     */
    @Test
    void anExerciseIsAssignedOnce() throws Exception {
        assertEquals(basics, classes.assign(teacher, room.id(), basics.exerciseId(), null));
        ClassroomException e = assertThrows(ClassroomException.class, () -> classes.assign(teacher, room.id(),
                basics.exerciseId(), Instant.now().plus(1, ChronoUnit.DAYS)));
        assertTrue(e.getMessage().contains("is already assigned to this class, without a due date; an exercise is "
                + "assigned once, so nothing was changed"), e.getMessage());
        Instant due = Instant.now().plus(7, ChronoUnit.DAYS);
        Assignment energy = classes.assign(teacher, room.id(), classes.importBuiltIn(teacher, room.id(),
                "continuous-energy").id(), due);
        assertEquals(energy, classes.assign(teacher, room.id(), energy.exerciseId(), due));
        e = assertThrows(ClassroomException.class, () -> classes.assign(teacher, room.id(), energy.exerciseId(),
                null));
        assertTrue(e.getMessage().contains("already assigned to this class, due "
                + ClassroomService.formatDue(energy.dueAt()) + ";"), e.getMessage());
        assertEquals(List.of(basics, energy), classes.assignments(teacher, room.id()));
        // the database refuses a second row by itself
        assertThrows(org.springframework.dao.DuplicateKeyException.class, () -> jdbc.sql("insert into assignment "
                + "(class_id, exercise_id, created_at) values (?, ?, ?)").params(room.id(), basics.exerciseId(),
                java.sql.Timestamp.from(Instant.now())).update());

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                ClassRoom r = classes.createClass(teacher, "Assign race " + round, false);
                long exercise = classes.importBuiltIn(teacher, r.id(), "hopfield-basics").id();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Callable<Assignment> click = () -> {
                    start.await();
                    return classes.assign(teacher, r.id(), exercise, null);
                };
                var first = pool.submit(click);
                var second = pool.submit(click);
                assertEquals(first.get(), second.get(), "round " + round);
                assertEquals(1, classes.assignments(teacher, r.id()).size(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two guests join one class at the same moment as 'Ana' and 'ANA', many times over: each time exactly one gets
     * in and the other gets the message a taken name gets, although both pass the service's check before either
     * has inserted (the database's unique (class_id, name_key) index decides, V11), and the loser leaves nothing
     * behind (no member, no guest, no app_user row).
     */
    @Test
    void twoGuestsJoiningAsAnaAndANAAtOnceGetOneName() throws Exception {
        int rounds = 25;
        String guestUsers = "select count(*) from app_user where username like '~guest~%'";
        int usersBefore = jdbc.sql(guestUsers).query(Integer.class).single();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                ClassRoom r = classes.createClass(teacher, "Join race " + round, true);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<Object>> joins = new java.util.ArrayList<>();
                for (String name : List.of("Ana", "ANA")) {
                    joins.add(pool.submit(() -> {
                        start.await();
                        try {
                            return classes.joinAsGuest(r.joinCode(), name);
                        } catch (ClassroomException x) {
                            return x;
                        }
                    }));
                }
                List<Object> results = List.of(joins.get(0).get(), joins.get(1).get());
                List<ClassroomService.GuestJoin> won = results.stream()
                        .filter(ClassroomService.GuestJoin.class::isInstance)
                        .map(ClassroomService.GuestJoin.class::cast)
                        .toList();
                assertEquals(1, won.size(), "round " + round + ": " + results);
                String loser = won.get(0).displayName().equals("Ana") ? "ANA" : "Ana";
                ClassroomException refused = (ClassroomException) results.get(loser.equals("Ana") ? 0 : 1);
                assertEquals(ClassroomService.guestNameTaken(loser), refused.getMessage(), "round " + round);
                assertEquals(List.of(won.get(0).displayName()), classes.members(teacher, r.id()).stream()
                        .map(m -> m.displayName()).toList(), "round " + round);
                assertEquals(1, (int) jdbc.sql("select count(*) from class_guest where class_id = ?").param(r.id())
                        .query(Integer.class).single(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(usersBefore + rounds, (int) jdbc.sql(guestUsers).query(Integer.class).single());
    }

    /**
     * A member whom V11 renamed to "name#userId" (their name clashed in some letter case with an earlier member's;
     * V12 keeps the chosen name in renamed_from): they are told their new name once, on their next visit; the
     * teacher's dashboard shows the name they had chosen; and a guest who types that old name with their return
     * code still gets back in (as the renamed member; the one who kept the name gets in with their own code).
     */
    @Test
    void aMemberRenamedByV11IsToldOnceAndTheTeacherSeesWho() {
        ClassRoom r = classes.createClass(teacher, "Renamed", true);
        ClassroomService.GuestJoin kept = classes.joinAsGuest(r.joinCode(), "NIKOS");
        ClassroomService.GuestJoin other = classes.joinAsGuest(r.joinCode(), "Nikos-2");
        classes.join(alice, r.joinCode(), "Alex");
        // what V11 and V12 leave of a later 'nikos' (and of an account 'alex' that clashed with another 'Alex')
        String renamed = "nikos#" + other.userId();
        jdbc.sql("update class_member set display_name = ?, name_key = ?, renamed_from = ? where class_id = ? "
                + "and user_id = ?").params(renamed, renamed, "nikos", r.id(), other.userId()).update();
        jdbc.sql("update class_member set display_name = ?, name_key = ?, renamed_from = ? where class_id = ? "
                + "and user_id = ?").params("Alex#" + alice, "alex#" + alice, "Alex", r.id(), alice).update();

        assertEquals(Optional.of(ClassroomService.renameNotice("nikos", renamed, true)),
                classes.takeRenameNotice(r.id(), other.userId()));
        assertTrue(ClassroomService.renameNotice("nikos", renamed, true).contains("\u201c" + renamed + "\u201d"));
        assertEquals(Optional.empty(), classes.takeRenameNotice(r.id(), other.userId()), "told once");
        assertEquals(Optional.of(ClassroomService.renameNotice("Alex", "Alex#" + alice, false)),
                classes.takeRenameNotice(r.id(), alice));
        assertEquals(Optional.empty(), classes.takeRenameNotice(r.id(), kept.userId()), "not renamed: nothing");

        Map<String, String> renamedFrom = new java.util.HashMap<>();
        classes.dashboard(teacher, r.id()).rows().forEach(row -> renamedFrom.put(row.student(),
                String.valueOf(row.renamedFrom())));
        assertEquals(Map.of("NIKOS", "null", renamed, "nikos", "Alex#" + alice, "Alex"), renamedFrom);

        // the old name and the renamed guest's code: back in as the renamed guest; with the keeper's code, the keeper
        ClassroomService.GuestJoin back = classes.returnAsGuest(r.joinCode(), "Nikos", other.returnCode(), "10.9.8.7");
        assertEquals(other.userId(), back.userId());
        assertEquals(renamed, back.displayName());
        assertEquals(kept.userId(), classes.returnAsGuest(r.joinCode(), "nikos", kept.returnCode(), "10.9.8.7")
                .userId());
        ClassroomException wrong = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(r.joinCode(), "nikos", ReturnCodes.display(ReturnCodes.generate()),
                        "10.9.8.7"));
        assertEquals(ClassroomService.WRONG_RETURN, wrong.getMessage());
    }

    /** The grades file is named after its class, in characters every browser keeps in a download's name. */
    @Test
    void theGradesFileIsNamedAfterTheClass() {
        assertEquals("grades-neural-networks-101.csv", ClassroomService.gradesFileName("Neural networks 101"));
        assertEquals("grades-ecole-d-ete-2026.csv", ClassroomService.gradesFileName("  École d'été: 2026! "));
        assertEquals("grades.csv", ClassroomService.gradesFileName("Νευρωνικά"));
        String longName = ClassroomService.gradesFileName("x".repeat(39) + " " + "y".repeat(30));
        assertEquals("grades-" + "x".repeat(39) + ".csv", longName);
    }

    /**
     * A teacher's open dashboard is told of a new member as of a new submission (an account's join and a guest's,
     * the latter once its transaction has committed), so "No students yet" gives way to the first student without
     * a reload.
     */
    @Test
    void theDashboardIsToldOfANewMember() throws InterruptedException {
        ClassRoom r = classes.createClass(teacher, "Live joins", true);
        java.util.concurrent.BlockingQueue<Integer> members = new java.util.concurrent.LinkedBlockingQueue<>();
        Runnable stop = classes.onSubmission(id -> {
            if (id == r.id()) {
                members.add(classes.dashboard(teacher, r.id()).rows().size());
            }
        });
        try {
            classes.join(alice, r.joinCode(), "");
            assertEquals(1, members.poll(10, java.util.concurrent.TimeUnit.SECONDS), "told of the account's join");
            classes.joinAsGuest(r.joinCode(), "Guest Gail");
            assertEquals(2, members.poll(10, java.util.concurrent.TimeUnit.SECONDS), "told of the guest's join");
        } finally {
            stop.run();
        }
    }

    /**
     * The grades CSV names, in a last "joined as" column, the name a member whom V11 renamed had chosen (empty for
     * the others), so the teacher can tell who "nikos#105" is in a spreadsheet too; the existing columns keep their
     * order, and a chosen name that a spreadsheet would run as a formula is defused like every other cell.
     */
    @Test
    void theGradesCsvSaysWhomV11RenamedInAnAppendedJoinedAsColumn() {
        ClassRoom r = classes.createClass(teacher, "Renamed grades", true);
        classes.assign(teacher, r.id(), classes.importBuiltIn(teacher, r.id(), "hopfield-basics").id(), null);
        classes.joinAsGuest(r.joinCode(), "NIKOS");
        ClassroomService.GuestJoin other = classes.joinAsGuest(r.joinCode(), "Nikos-2");
        ClassroomService.GuestJoin formula = classes.joinAsGuest(r.joinCode(), "Formula");
        String renamed = "nikos#" + other.userId();
        String rename = "update class_member set display_name = ?, name_key = ?, renamed_from = ? where class_id = ? "
                + "and user_id = ?";
        jdbc.sql(rename).params(renamed, renamed, "nikos", r.id(), other.userId()).update();
        jdbc.sql(rename).params("sum#" + formula.userId(), "sum#" + formula.userId(), "=SUM(A1,A2)", r.id(),
                formula.userId()).update();

        List<Dashboard.Column> columns = classes.dashboard(teacher, r.id()).columns();
        StringBuilder head = new StringBuilder("student");
        for (Dashboard.Column c : columns) {
            head.append(',').append(c.label()).append(" status,").append(c.label()).append(" tries");
        }
        head.append(",solved,tasks,joined as");
        // then the columns appended after it: the due date (none here) and each task's late tries
        head.append(",hopfield-basics due");
        for (Dashboard.Column c : columns) {
            head.append(',').append(c.label()).append(" late tries");
        }
        String untried = String.join("", java.util.Collections.nCopies(columns.size(), ",,0"));
        String after = "," + String.join("", java.util.Collections.nCopies(columns.size(), ",0"));
        List<String> lines = List.of(classes.gradesCsv(teacher, r.id()).split("\r\n", -1));
        assertEquals(List.of(head.toString(),
                "NIKOS" + untried + ",0," + columns.size() + "," + after,
                renamed + untried + ",0," + columns.size() + ",nikos" + after,
                "sum#" + formula.userId() + untried + ",0," + columns.size() + ",\"'=SUM(A1,A2)\"" + after,
                ""), lines);
    }

    @Test
    void importingTheWholeCourse() {
        List<ClassExercise> all = classes.importCourse(teacher, room.id());
        assertEquals(Course.ids(), all.stream().map(ClassExercise::exerciseId).toList());
        // importing again replaces, it does not duplicate
        classes.importCourse(teacher, room.id());
        assertEquals(Course.ids().size(), classes.exercises(teacher, room.id()).size());
    }

    @Test
    void dashboardAndCsv() {
        classes.submit(alice, basics.id(), "completes", "b");
        classes.submit(alice, basics.id(), "completes", "a");
        classes.submit(bob, basics.id(), "completes", "b");
        Dashboard d = classes.dashboard(teacher, room.id());
        assertEquals(Course.get("hopfield-basics").tasks().size(), d.columns().size());
        int col = d.columns().stream().map(Dashboard.Column::taskId).toList().indexOf("completes");
        Dashboard.Row a = d.rows().stream().filter(r -> r.studentId() == alice).findFirst().orElseThrow();
        Dashboard.Row b = d.rows().stream().filter(r -> r.studentId() == bob).findFirst().orElseThrow();
        assertEquals("right", a.cells().get(col).status());
        assertEquals(2, a.cells().get(col).tries());
        assertEquals("wrong", b.cells().get(col).status());
        assertEquals(1, b.cells().get(col).tries());
        assertEquals("", b.cells().get((col + 1) % d.columns().size()).status());
        assertEquals("Student B", b.student());
        Dashboard.WrongAnswer top = d.commonWrong().get(0);
        assertEquals("completes", top.column().taskId());
        assertEquals("b", top.answer());
        assertEquals(2, top.count());

        String csv = classes.gradesCsv(teacher, room.id());
        String[] lines = csv.split("\r\n");
        assertEquals(1 + d.rows().size(), lines.length);
        assertTrue(lines[0].startsWith("student,hopfield-basics / completes status,hopfield-basics / completes tries"),
                lines[0]);
        assertTrue(csv.contains("\r\nStudent B,wrong,1,"), csv);
    }

    /**
     * The teacher changes a due date, clears it, and may set one already past (which closes submissions); nobody
     * else may change it. Refused outright before.
     */
    @Test
    void theTeacherChangesAndClearsADueDate() {
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Assignment a = classes.changeDue(teacher, basics.id(), later);
        assertEquals(basics.id(), a.id());
        assertEquals(later, a.dueAt());
        assertEquals(later, classes.assignments(alice, room.id()).get(0).dueAt());
        assertEquals("right", classes.submit(alice, basics.id(), "completes", "a").status());

        // a date already past closes submissions at once
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        classes.changeDue(teacher, basics.id(), past);
        ClassroomException closed = assertThrows(ClassroomException.class,
                () -> classes.submit(alice, basics.id(), "completes", "a"));
        assertTrue(closed.getMessage().contains("submissions are closed"), closed.getMessage());
        // no due date: open again
        assertEquals(null, classes.changeDue(teacher, basics.id(), null).dueAt());
        assertEquals("right", classes.submit(alice, basics.id(), "completes", "a").status());

        // a student, another teacher: as if there were no such assignment
        long otherTeacher = accounts.signUp(unique("teacher3"), "long password");
        assertThrows(ClassroomException.class, () -> classes.changeDue(alice, basics.id(), later));
        assertThrows(ClassroomException.class, () -> classes.changeDue(otherTeacher, basics.id(), later));
        assertEquals(null, classes.assignments(teacher, room.id()).get(0).dueAt());
    }

    /**
     * Withdrawing keeps every submission in the database: the exercise leaves the students' assignments, the
     * dashboard and the grades file, a student's open page may not submit to it, their own list of submissions
     * keeps their tries; assigning it again brings the same assignment back with all of that work. The teacher is
     * asked first, with what happens to the work already submitted.
     */
    @Test
    void withdrawingKeepsTheWorkAndAssigningAgainBringsItBack() {
        classes.submit(alice, basics.id(), "completes", "b");
        classes.submit(alice, basics.id(), "completes", "a");
        classes.submit(bob, basics.id(), "completes", "b");
        int columns = classes.dashboard(teacher, room.id()).columns().size();
        String question = classes.withdrawQuestion(teacher, basics.id());
        assertTrue(question.contains("2 students have submitted 3 tries to it. Nothing is deleted"), question);
        assertTrue(question.contains("Assigning the exercise again brings it back with all of that work."),
                question);
        assertThrows(ClassroomException.class, () -> classes.withdraw(alice, basics.id()));
        assertThrows(ClassroomException.class, () -> classes.withdrawQuestion(bob, basics.id()));

        Assignment w = classes.withdraw(teacher, basics.id());
        assertTrue(w.withdrawn());
        assertEquals(w, classes.withdraw(teacher, basics.id()), "withdrawing twice changes nothing");
        assertEquals(List.of(), classes.assignments(alice, room.id()));
        assertEquals(List.of(), classes.assignments(teacher, room.id()));
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.submit(alice, basics.id(), "completes", "a"));
        assertEquals(ClassroomService.WITHDRAWN, e.getMessage());
        assertEquals(ClassroomService.WITHDRAWN, assertThrows(ClassroomException.class,
                () -> classes.exercise(alice, basics.id())).getMessage());
        assertEquals(2, classes.mySubmissions(alice, room.id()).size());
        assertEquals(3, jdbc.sql("select count(*) from submission where assignment_id = ?").param(basics.id())
                .query(Integer.class).single());
        Dashboard d = classes.dashboard(teacher, room.id());
        assertEquals(0, d.columns().size());
        assertEquals(List.of(), d.commonWrong());
        assertFalse(classes.gradesCsv(teacher, room.id()).contains("hopfield-basics"));
        assertThrows(ClassroomException.class, () -> classes.changeDue(teacher, basics.id(), null));
        // the dashboard says what is withdrawn with students' work kept (only its teacher may ask)
        List<ClassroomService.WithdrawnWork> kept = classes.withdrawnWithWork(teacher, room.id());
        assertEquals(1, kept.size());
        assertEquals(basics.id(), kept.get(0).assignment().id());
        assertEquals(3, kept.get(0).tries());
        assertEquals(2, kept.get(0).students());
        assertThrows(ClassroomException.class, () -> classes.withdrawnWithWork(alice, room.id()));

        // assigned again (with a new due date): the same assignment, with the work
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Assignment back = classes.assign(teacher, room.id(), basics.exerciseId(), due);
        assertEquals(basics.id(), back.id());
        assertFalse(back.withdrawn());
        assertEquals(due, back.dueAt());
        assertEquals(List.of(back), classes.assignments(alice, room.id()));
        assertEquals(List.of(), classes.withdrawnWithWork(teacher, room.id()));
        d = classes.dashboard(teacher, room.id());
        assertEquals(columns, d.columns().size());
        int col = d.columns().stream().map(Dashboard.Column::taskId).toList().indexOf("completes");
        Dashboard.Row a = d.rows().stream().filter(r -> r.studentId() == alice).findFirst().orElseThrow();
        assertEquals("right", a.cells().get(col).status());
        assertEquals(2, a.cells().get(col).tries());
        assertEquals("right", classes.submit(alice, basics.id(), "completes", "a").status());

        ClassRoom empty = classes.createClass(teacher, "Nothing yet", false);
        Assignment fresh = classes.assign(teacher, empty.id(), classes.importBuiltIn(teacher, empty.id(),
                "hopfield-basics").id(), null);
        assertEquals("Withdraw \u201c" + fresh.title() + "\u201d? Students will no longer see it in their assignments or be "
                + "able to submit to it, and it leaves the dashboard and the grades file. No student has submitted "
                + "anything to it yet. Assigning the exercise again brings it back.",
                classes.withdrawQuestion(teacher, fresh.id()));
    }

    /**
     * Tries made after the due date are late: counted per student and task on the dashboard, and in appended
     * columns of the grades file with each assignment's due date (the old columns keep their places). A teacher
     * who sets the date they meant after the fact sees who was late.
     */
    @Test
    void lateTriesAreMarkedOnTheDashboardAndInTheCsv() throws InterruptedException {
        classes.submit(alice, basics.id(), "completes", "b");
        Thread.sleep(30);
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(30);
        classes.submit(alice, basics.id(), "completes", "a");
        classes.submit(bob, basics.id(), "damage", reference("hopfield-basics", "damage", "wrong"));
        String before = classes.gradesCsv(teacher, room.id());
        classes.changeDue(teacher, basics.id(), due);

        Dashboard d = classes.dashboard(teacher, room.id());
        int completes = d.columns().stream().map(Dashboard.Column::taskId).toList().indexOf("completes");
        int damage = d.columns().stream().map(Dashboard.Column::taskId).toList().indexOf("damage");
        assertTrue(d.columns().stream().allMatch(c -> due.equals(c.dueAt())), d.columns().toString());
        Dashboard.Row a = d.rows().stream().filter(r -> r.studentId() == alice).findFirst().orElseThrow();
        Dashboard.Row b = d.rows().stream().filter(r -> r.studentId() == bob).findFirst().orElseThrow();
        assertEquals(2, a.cells().get(completes).tries());
        assertEquals(1, a.cells().get(completes).lateTries());
        assertTrue(a.cells().get(completes).late());
        assertEquals(0, a.cells().get(damage).lateTries());
        assertFalse(a.cells().get(damage).late());

        List<String> lines = List.of(classes.gradesCsv(teacher, room.id()).split("\r\n"));
        List<String> old = List.of(before.split("\r\n"));
        String[] head = lines.get(0).split(",", -1);
        int n = d.columns().size();
        // the old columns first, unchanged; then one due column for the one assignment, then one late per task
        assertTrue(lines.get(0).startsWith(old.get(0).split(",joined as")[0] + ",joined as,hopfield-basics due,"),
                lines.get(0));
        assertEquals(4 + 2 * n + 1 + n, head.length);
        assertEquals("hopfield-basics / completes late tries", head[4 + 2 * n + 1 + completes]);
        String dueCell = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(due);
        for (Dashboard.Row r : List.of(a, b)) {
            String[] f = lines.stream().filter(l -> l.startsWith(r.student() + ",")).findFirst().orElseThrow()
                    .split(",", -1);
            assertEquals(head.length, f.length);
            assertEquals(dueCell, f[4 + 2 * n]);
            assertEquals(r == a ? "1" : "0", f[4 + 2 * n + 1 + completes]);
            assertEquals(r == b ? "1" : "0", f[4 + 2 * n + 1 + damage], "bob's try came after the due date too");
        }
    }

    /**
     * OWASP's list of characters that make a spreadsheet run a cell as a formula includes a leading tab and
     * carriage return, besides = + - @: every one is defused with a leading ', in any cell of the grades file.
     */
    @Test
    void theCsvDefusesALeadingTabOrCarriageReturn() {
        ClassRoom r = classes.createClass(teacher, "Tab grades", true);
        ClassroomService.GuestJoin tab = classes.joinAsGuest(r.joinCode(), "Tab");
        ClassroomService.GuestJoin cr = classes.joinAsGuest(r.joinCode(), "Cr");
        String rename = "update class_member set renamed_from = ? where class_id = ? and user_id = ?";
        jdbc.sql(rename).params("\t=cmd|' /C calc'!A0", r.id(), tab.userId()).update();
        jdbc.sql(rename).params("\r=1+1", r.id(), cr.userId()).update();
        String csv = classes.gradesCsv(teacher, r.id());
        assertTrue(csv.endsWith("\r\n"));
        // rows end in CR LF; the CR cell has a CR of its own (quoted), so rows are split where a name starts
        List<String> lines = List.of(csv.substring(0, csv.length() - 2).split("\r\n(?=[A-Z])"));
        assertEquals("Tab,0,0,'\t=cmd|' /C calc'!A0", lines.stream().filter(l -> l.startsWith("Tab,")).findFirst()
                .orElseThrow());
        assertEquals("Cr,0,0,\"'\r=1+1\"", lines.stream().filter(l -> l.startsWith("Cr,")).findFirst()
                .orElseThrow());
        for (String plain : List.of("=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertTrue(ClassroomService.csv(plain).matches("(?s)\"?'.*"), plain);
        }
        assertEquals("a\tb", ClassroomService.csv("a\tb"));
    }

    /**
     * The downloaded grades file starts with a UTF-8 byte order mark, so Excel reads names outside ASCII ("ΝΙΚΟΣ",
     * "İpek") as they are instead of in the computer's legacy code page; the rest is the CSV, defused as before.
     */
    @Test
    void theGradesFileHasAByteOrderMarkForExcel() {
        ClassRoom r = classes.createClass(teacher, "Unicode grades", true);
        classes.joinAsGuest(r.joinCode(), "ΝΙΚΟΣ");
        classes.joinAsGuest(r.joinCode(), "İpek");
        String rename = "update class_member set renamed_from = ? where class_id = ? and display_name = ?";
        jdbc.sql(rename).params("=HYPERLINK(\"x\")", r.id(), "İpek").update();
        byte[] file = classes.gradesCsvFile(teacher, r.id());
        assertTrue(file.length > 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF,
                "no UTF-8 byte order mark");
        String text = new String(file, 3, file.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(classes.gradesCsv(teacher, r.id()), text);
        assertTrue(text.startsWith("student,"), text);
        assertTrue(text.contains("\r\nΝΙΚΟΣ,0,0,\r\n"), text);
        assertTrue(text.contains("\r\nİpek,0,0,\"'=HYPERLINK(\"\"x\"\")\"\r\n"), text); // still defused
        assertEquals(-1, text.indexOf('\uFEFF')); // the mark once, before the first cell only
    }

    /** Due dates in UTC and the reader's own time zone, the date repeated only where it differs. */
    @Test
    void dueDatesShowTheReadersTimeToo() {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        assertEquals("5 Dec 2026, 10:00 UTC (11:00 your time)",
                ClassroomService.formatDue(at, java.time.ZoneId.of("Europe/Berlin")));
        assertEquals("5 Dec 2026, 10:00 UTC (05:00 your time)",
                ClassroomService.formatDue(at, java.time.ZoneId.of("America/New_York")));
        assertEquals("5 Dec 2026, 22:00 UTC (6 Dec, 07:00 your time)",
                ClassroomService.formatDue(Instant.parse("2026-12-05T22:00:00Z"), java.time.ZoneId.of("Asia/Tokyo")));
        assertEquals("31 Dec 2026, 20:00 UTC (1 Jan 2027, 09:00 your time)",
                ClassroomService.formatDue(Instant.parse("2026-12-31T20:00:00Z"),
                        java.time.ZoneId.of("Pacific/Auckland")));
        // summer time: the zone's rule at that instant, not its offset today
        assertEquals("5 Jul 2026, 10:00 UTC (12:00 your time)",
                ClassroomService.formatDue(Instant.parse("2026-07-05T10:00:00Z"), java.time.ZoneId.of("Europe/Berlin")));
        assertEquals("5 Dec 2026, 10:00 UTC", ClassroomService.formatDue(at, java.time.ZoneId.of("Europe/London")));
        assertEquals("5 Dec 2026, 10:00 UTC", ClassroomService.formatDue(at, null));
        assertEquals("5 Dec 2026, 10:00 UTC (15:30 your time)",
                ClassroomService.formatDue(at, java.time.ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void aGuestJoinsWithoutAnAccountAndIsKnownOnlyByTheirToken() {
        ClassroomService.GuestJoin g = classes.joinAsGuest(room.joinCode().toLowerCase(), "Guest One");
        assertTrue(g.token().matches("[A-Za-z0-9_-]{43}"), g.token()); // 32 random bytes, base64url
        assertEquals(Optional.of(g.userId()), classes.guest(room.id(), g.token()));
        ClassroomService.GuestJoin g2 = classes.joinAsGuest(room.joinCode(), "Guest Two");
        assertNotEquals(g.token(), g2.token());
        // the database keeps only the token's SHA-256
        String stored = jdbc.sql("select token_hash from class_guest where user_id = ?").param(g.userId())
                .query(String.class).single();
        assertNotEquals(g.token(), stored);
        assertEquals(64, stored.length());
        // a changed, short, missing token, or the token shown to another class, finds nobody
        ClassRoom other = classes.createClass(teacher, "Other class", true);
        char c0 = g.token().charAt(0);
        assertEquals(Optional.empty(), classes.guest(room.id(), (c0 == 'A' ? "B" : "A") + g.token().substring(1)));
        assertEquals(Optional.empty(), classes.guest(room.id(), g.token().substring(1)));
        assertEquals(Optional.empty(), classes.guest(room.id(), null));
        assertEquals(Optional.empty(), classes.guest(other.id(), g.token()));

        // a guest solves and submits like any member, and sees only their own submissions
        assertEquals("right", classes.submit(g.userId(), basics.id(), "completes", "a").status());
        assertEquals("wrong", classes.submit(g2.userId(), basics.id(), "completes", "b").status());
        List<Submission> mine = classes.mySubmissions(g.userId(), room.id());
        assertEquals(1, mine.size());
        assertEquals(g.userId(), mine.get(0).studentId());
        assertEquals("Guest One", classes.displayName(room.id(), g.userId()));
        // nothing of another class, and nothing a teacher sees
        Assignment foreign = classes.assign(teacher, other.id(),
                classes.importBuiltIn(teacher, other.id(), "hopfield-basics").id(), null);
        assertThrows(ClassroomException.class, () -> classes.visibleClass(g.userId(), other.id()));
        assertThrows(ClassroomException.class, () -> classes.submit(g.userId(), foreign.id(), "completes", "a"));
        assertThrows(ClassroomException.class, () -> classes.mySubmissions(g.userId(), other.id()));
        assertThrows(ClassroomException.class, () -> classes.dashboard(g.userId(), room.id()));
        assertEquals(List.of(), classes.classesTaught(g.userId()));
        // the teacher's dashboard shows the guests under their names, graded by the server
        Dashboard d = classes.dashboard(teacher, room.id());
        int col = d.columns().stream().map(Dashboard.Column::taskId).toList().indexOf("completes");
        assertEquals("right", d.rows().stream().filter(r -> r.student().equals("Guest One")).findFirst()
                .orElseThrow().cells().get(col).status());
        assertEquals("wrong", d.rows().stream().filter(r -> r.student().equals("Guest Two")).findFirst()
                .orElseThrow().cells().get(col).status());
    }

    @Test
    void aGuestCannotSignIn() {
        ClassroomService.GuestJoin g = classes.joinAsGuest(room.joinCode(), "No Password");
        String name = jdbc.sql("select username from app_user where id = ?").param(g.userId()).query(String.class)
                .single();
        assertTrue(ClassroomService.isGuestName(name), name);
        assertThrows(UsernameNotFoundException.class, () -> userDetails.loadUserByUsername(name));
        assertThrows(UsernameNotFoundException.class, () -> userDetails.loadUserByUsername(name.toLowerCase()));
        // and no sign-up can take a guest's name
        assertThrows(RuntimeException.class, () -> accounts.signUp(name, "long password"));
    }

    /**
     * A join whose name (any case) another join has inserted but not yet committed: the insert waits for that
     * transaction, and when it commits the join gets the taken-name message. On H2, which gives up waiting after its
     * lock timeout (about 2 s) where PostgreSQL waits on, a join held longer gets the same message, not a database
     * error.
     */
    @Test
    void aJoinRacingAnUncommittedJoinOfTheNameIsToldItIsTaken() throws Exception {
        ClassRoom r = classes.createClass(teacher, "Slow commit", true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            uncommittedMember(other, r.id(), "Ana");
            var join = pool.submit(() -> classes.joinAsGuest(r.joinCode(), "ANA"));
            Thread.sleep(300);
            other.commit();
            var e = assertThrows(java.util.concurrent.ExecutionException.class, join::get);
            assertEquals(ClassroomService.guestNameTaken("ANA"), e.getCause().getMessage());
            assertTrue(e.getCause() instanceof ClassroomException, e.getCause().toString());
            assertEquals(List.of("Ana"), classes.members(teacher, r.id()).stream().map(m -> m.displayName()).toList());

        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * H2 gives up waiting for another join's uncommitted row after its lock timeout (about 2 s) where PostgreSQL
     * waits on. That says nothing about the name: the other join may roll back, or be the same account's join under
     * another name in another tab. The join tries again, and gets the name once it is free; held up for longer than
     * its tries, it is told to try again, never that the name is taken.
     */
    @Test
    void aJoinHeldUpLongerThanH2sLockTimeoutIsNotToldTheNameIsTaken() throws Exception {
        ClassRoom r = classes.createClass(teacher, "Slow rollback", true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection other = dataSource.getConnection()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(other.getMetaData().getDatabaseProductName().equals("H2"));
            other.setAutoCommit(false);
            // a join of 'Bea' that rolls back after 3 s, past one lock timeout: 'bea' gets in
            uncommittedMember(other, r.id(), "Bea");
            var join = pool.submit(() -> classes.joinAsGuest(r.joinCode(), "bea"));
            Thread.sleep(3_000);
            other.rollback();
            assertEquals("bea", join.get().displayName());
            assertTrue(classes.guest(r.id(), join.get().token()).isPresent());

            // the same account joining in two tabs under two names, the first tab slow and then rolled back
            long dave = accounts.signUp(unique("dave"), "long password");
            uncommittedMember(other, r.id(), dave, "Dave in tab 1");
            var tab2 = pool.submit(() -> classes.join(dave, r.joinCode(), "Dave in tab 2"));
            Thread.sleep(3_000);
            other.rollback();
            assertEquals(r, tab2.get());
            assertEquals(List.of("Dave in tab 2", "bea"), classes.members(teacher, r.id()).stream()
                    .map(m -> m.displayName()).sorted().toList());

            // held up for good: try again, not "taken"; once the other join is gone the name is free
            uncommittedMember(other, r.id(), "Cid");
            ClassroomException busy = assertThrows(ClassroomException.class,
                    () -> classes.joinAsGuest(r.joinCode(), "cid"));
            assertEquals(ClassroomService.JOIN_BUSY, busy.getMessage());
            other.rollback();
            assertEquals("cid", classes.joinAsGuest(r.joinCode(), "cid").displayName());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An account joining the class twice at the same moment (two tabs, a double click): the second insert waits for
     * the first's row and then fails on it. The second join lands in the class like the first, under the first's
     * name, without an error; and a join of the same account under another name after it is a no-op as before.
     */
    @Test
    void anAccountJoiningTwiceAtOnceJustLandsInTheClass() throws Exception {
        ClassRoom r = classes.createClass(teacher, "Two tabs", true);
        long dave = accounts.signUp(unique("dave"), "long password");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            uncommittedMember(other, r.id(), dave, "Dave");
            var tab2 = pool.submit(() -> classes.join(dave, r.joinCode(), "Dave"));
            Thread.sleep(300);
            other.commit();
            assertEquals(r, tab2.get());
            assertEquals(List.of("Dave"), classes.members(teacher, r.id()).stream().map(m -> m.displayName()).toList());
        } finally {
            pool.shutdownNow();
        }
        // and two real joins of one account at one moment, many times: both land in the class, once
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                ClassRoom c = classes.createClass(teacher, "Two tabs " + round, false);
                long eve = accounts.signUp(unique("eve"), "long password");
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<ClassRoom>> tabs = new java.util.ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    tabs.add(two.submit(() -> {
                        start.await();
                        return classes.join(eve, c.joinCode(), "");
                    }));
                }
                assertEquals(c, tabs.get(0).get(), "round " + round);
                assertEquals(c, tabs.get(1).get(), "round " + round);
                assertEquals(1, classes.members(teacher, c.id()).size(), "round " + round);
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** What a join of another request has written, on a connection whose transaction the test ends itself. */
    private static void uncommittedMember(java.sql.Connection c, long classId, String name) throws Exception {
        uncommittedMember(c, classId, newGuestUser(c), name);
    }

    private static long newGuestUser(java.sql.Connection c) throws Exception {
        long user;
        try (java.sql.PreparedStatement ps = c.prepareStatement("insert into app_user (username, username_key, "
                + "password_hash, created_at) values (?, ?, '!', ?)", new String[] {"id"})) {
            String username = ClassroomService.GUEST_PREFIX + unique("slow");
            ps.setString(1, username);
            ps.setString(2, username);
            ps.setTimestamp(3, java.sql.Timestamp.from(Instant.now()));
            ps.executeUpdate();
            try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                user = keys.getLong(1);
            }
        }
        return user;
    }

    private static void uncommittedMember(java.sql.Connection c, long classId, long user, String name)
            throws Exception {
        try (java.sql.PreparedStatement ps = c.prepareStatement("insert into class_member (class_id, user_id, "
                + "display_name, name_key, joined_at) values (?, ?, ?, ?, ?)")) {
            ps.setLong(1, classId);
            ps.setLong(2, user);
            ps.setString(3, name);
            ps.setString(4, org.hopfieldlab.server.classroom.ClassroomRepository.nameKey(name));
            ps.setTimestamp(5, java.sql.Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    @Test
    void guestJoinRules() {
        ClassRoom strict = classes.createClass(teacher, "Accounts only", false);
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.joinAsGuest(strict.joinCode(), "Anon"));
        assertTrue(e.getMessage().contains("sign in with an account"), e.getMessage());
        e = assertThrows(ClassroomException.class, () -> classes.joinAsGuest(room.joinCode(), "student b"));
        assertTrue(e.getMessage().contains("already uses the name"), e.getMessage()); // "Student B", any case
        e = assertThrows(ClassroomException.class, () -> classes.joinAsGuest(room.joinCode(), "  "));
        assertTrue(e.getMessage().startsWith("Choose the name"), e.getMessage());
        e = assertThrows(ClassroomException.class, () -> classes.joinAsGuest(room.joinCode(), "<b>x</b>"));
        assertTrue(e.getMessage().startsWith("A pseudonym has"), e.getMessage());
        e = assertThrows(ClassroomException.class, () -> classes.joinAsGuest("ZZZZZZZZ", "Anon"));
        assertTrue(e.getMessage().startsWith("No class has the code ZZZZZZZZ"), e.getMessage());
        // a refused join leaves nothing behind
        assertEquals(2, classes.members(teacher, room.id()).size());
        assertEquals(0, classes.members(teacher, strict.id()).size());
        assertEquals(0, (int) jdbc.sql("select count(*) from class_guest where class_id in (?, ?)")
                .params(room.id(), strict.id()).query(Integer.class).single());
    }
}
