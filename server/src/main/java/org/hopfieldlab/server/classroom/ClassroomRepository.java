package org.hopfieldlab.server.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for classes, exercises, assignments and submissions. Access rules live in {@link ClassroomService}. */
@Repository
public class ClassroomRepository {
    private final JdbcClient jdbc;

    public ClassroomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static ClassRoom mapClass(ResultSet rs, int n) throws SQLException {
        return new ClassRoom(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                instant(rs, 6));
    }

    private static final String CLASS_COLUMNS = "c.id, c.teacher_id, c.name, c.join_code, c.allow_pseudonyms, "
            + "c.created_at";

    public long insertClass(long teacherId, String name, String joinCode, boolean allowPseudonyms) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into class_room (teacher_id, name, join_code, allow_pseudonyms, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(teacherId, name, joinCode, allowPseudonyms, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ClassRoom> findClass(long id) {
        return jdbc.sql("select " + CLASS_COLUMNS + " from class_room c where c.id = ?").param(id)
                .query(ClassroomRepository::mapClass).optional();
    }

    public Optional<ClassRoom> findByJoinCode(String code) {
        return jdbc.sql("select " + CLASS_COLUMNS + " from class_room c where c.join_code = ?").param(code)
                .query(ClassroomRepository::mapClass).optional();
    }

    public List<ClassRoom> classesTaught(long teacherId) {
        return jdbc.sql("select " + CLASS_COLUMNS + " from class_room c where c.teacher_id = ? order by c.id")
                .param(teacherId).query(ClassroomRepository::mapClass).list();
    }

    public List<ClassRoom> classesJoined(long userId) {
        return jdbc.sql("select " + CLASS_COLUMNS + " from class_room c join class_member m on m.class_id = c.id "
                + "where m.user_id = ? order by c.id").param(userId).query(ClassroomRepository::mapClass).list();
    }

    public Optional<String> username(long userId) {
        return jdbc.sql("select username from app_user where id = ?").param(userId).query(String.class).optional();
    }

    /**
     * Adds a member under this name; the row's name_key is {@link #nameKey} of it, and the unique index on
     * (class_id, name_key) (V11) refuses a second name equal in any letter case with a
     * {@link org.springframework.dao.DuplicateKeyException}, also when two joins race past {@link #nameTaken}.
     */
    public void insertMember(long classId, long userId, String displayName) {
        jdbc.sql("insert into class_member (class_id, user_id, display_name, name_key, joined_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(classId, userId, displayName, nameKey(displayName), Timestamp.from(Instant.now())).update();
    }

    /** An account-less user for a guest: its name cannot be made at sign-up and its password hash matches none. */
    public long insertGuestUser(String username) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (username, username_key, password_hash, created_at) values (?, ?, ?, ?)")
                .params(username, username, "!", Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertGuest(long userId, long classId, String tokenHash, String returnCodeHash,
            String returnCodeSealed) {
        jdbc.sql("insert into class_guest (user_id, class_id, token_hash, return_code_hash, return_code_sealed, "
                        + "created_at) values (?, ?, ?, ?, ?, ?)")
                .params(userId, classId, tokenHash, returnCodeHash, returnCodeSealed, Timestamp.from(Instant.now()))
                .update();
    }

    /** The guest of this class whose token has this hash. */
    public Optional<Long> findGuest(long classId, String tokenHash) {
        return jdbc.sql("select user_id from class_guest where class_id = ? and token_hash = ?")
                .params(classId, tokenHash).query(Long.class).optional();
    }

    /** A guest row as the return-code checks need it (token and code columns may be null). */
    public record GuestRow(long userId, long classId, String displayName, String returnCodeHash,
            String returnCodeSealed, boolean hasToken) {
    }

    private static final String GUEST_SELECT = "select g.user_id, g.class_id, m.display_name, g.return_code_hash, "
            + "g.return_code_sealed, g.token_hash from class_guest g join class_member m on m.class_id = g.class_id "
            + "and m.user_id = g.user_id ";

    private static GuestRow mapGuest(ResultSet rs, int n) throws SQLException {
        return new GuestRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6) != null);
    }

    /**
     * The one key by which a class compares its members' names "in any letter case": Java's lower case. Not SQL's
     * lower(), which differs by database and locale (PostgreSQL's lower('ΝΙΚΟΣ') is 'νικοσ', without the final
     * sigma, and its lower('İ') is 'i', where Java gives 'νικος' and "i̇"; in a C-locale database it lowers ASCII
     * only), so a name the join form let in would not be found again at the returning form.
     *
     * <p>Every class_member row stores this key in name_key (V11 filled it for older rows with this very method),
     * and the database keeps it unique per class. Changing this method therefore needs a migration that re-keys
     * the stored rows.
     */
    public static String nameKey(String displayName) {
        return displayName.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The guest of this class who shows this name, in any letter case: the member whose stored name_key equals
     * {@link #nameKey} of it, computed here in Java (never SQL's lower()).
     */
    public Optional<GuestRow> findGuestByName(long classId, String displayName) {
        return jdbc.sql(GUEST_SELECT + "where g.class_id = ? and m.name_key = ?").params(classId, nameKey(displayName))
                .query(ClassroomRepository::mapGuest).optional();
    }

    public Optional<GuestRow> findGuestRow(long classId, long userId) {
        return jdbc.sql(GUEST_SELECT + "where g.class_id = ? and g.user_id = ?").params(classId, userId)
                .query(ClassroomRepository::mapGuest).optional();
    }

    public List<GuestRow> guests(long classId) {
        return jdbc.sql(GUEST_SELECT + "where g.class_id = ? order by m.display_name").param(classId)
                .query(ClassroomRepository::mapGuest).list();
    }

    /** Sets a guest's cookie token (null: revoked) and return code (hash and sealed copy, either may be null). */
    public void updateGuestCredentials(long classId, long userId, String tokenHash, String returnCodeHash,
            String returnCodeSealed) {
        jdbc.sql("update class_guest set token_hash = ?, return_code_hash = ?, return_code_sealed = ? "
                        + "where class_id = ? and user_id = ?")
                .params(tokenHash, returnCodeHash, returnCodeSealed, classId, userId).update();
    }

    /** Revokes a guest's cookie token (and the code's copy sealed under it); whether a guest had that token. */
    public boolean revokeGuestToken(long classId, String tokenHash) {
        return jdbc.sql("update class_guest set token_hash = null, return_code_sealed = null "
                + "where class_id = ? and token_hash = ?").params(classId, tokenHash).update() > 0;
    }

    public int guestCount(long classId) {
        return jdbc.sql("select count(*) from class_guest where class_id = ?").param(classId).query(Integer.class)
                .single();
    }

    /** Whether a member of the class already shows this name, in any letter case ({@link #nameKey}). */
    public boolean nameTaken(long classId, String displayName) {
        return jdbc.sql("select count(*) from class_member where class_id = ? and name_key = ?")
                .params(classId, nameKey(displayName)).query(Integer.class).single() > 0;
    }

    private static final String MEMBER_COLUMNS = "class_id, user_id, display_name, joined_at, renamed_from";

    private static Member mapMember(ResultSet rs, int n) throws SQLException {
        return new Member(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs, 4), rs.getString(5));
    }

    public Optional<Member> findMember(long classId, long userId) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from class_member where class_id = ? and user_id = ?")
                .params(classId, userId).query(ClassroomRepository::mapMember).optional();
    }

    public List<Member> members(long classId) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from class_member where class_id = ? order by display_name")
                .param(classId).query(ClassroomRepository::mapMember).list();
    }

    /**
     * Marks that a member renamed by V11 has been told their new name; true only for the one call that marked it
     * (the notice is shown once, also when two tabs open at the same moment).
     */
    public boolean markRenameTold(long classId, long userId) {
        return jdbc.sql("update class_member set rename_told = true where class_id = ? and user_id = ? "
                + "and renamed_from is not null and rename_told = false").params(classId, userId).update() > 0;
    }

    /** The guests of this class whom V11 renamed, with the names they had chosen (V12's renamed_from). */
    public List<Member> renamedGuests(long classId) {
        return jdbc.sql("select m.class_id, m.user_id, m.display_name, m.joined_at, m.renamed_from from class_member m "
                        + "join class_guest g on g.class_id = m.class_id and g.user_id = m.user_id "
                        + "where m.class_id = ? and m.renamed_from is not null order by m.user_id")
                .param(classId).query(ClassroomRepository::mapMember).list();
    }

    private static ClassExercise mapExercise(ResultSet rs, int n) throws SQLException {
        return new ClassExercise(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6));
    }

    private static final String EXERCISE_COLUMNS = "id, class_id, exercise_id, title, document, updated_at";

    /** Inserts, or replaces the class's exercise with the same id; returns the row id. */
    public long upsertExercise(long classId, String exerciseId, String title, String document) {
        Timestamp now = Timestamp.from(Instant.now());
        Optional<ClassExercise> old = findExerciseByKey(classId, exerciseId);
        if (old.isPresent()) {
            jdbc.sql("update class_exercise set title = ?, document = ?, updated_at = ? where id = ?")
                    .params(title, document, now, old.get().id()).update();
            return old.get().id();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into class_exercise (class_id, exercise_id, title, document, updated_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(classId, exerciseId, title, document, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ClassExercise> findExerciseByKey(long classId, String exerciseId) {
        return jdbc.sql("select " + EXERCISE_COLUMNS + " from class_exercise where class_id = ? and exercise_id = ?")
                .params(classId, exerciseId).query(ClassroomRepository::mapExercise).optional();
    }

    public Optional<ClassExercise> findExercise(long classId, long id) {
        return jdbc.sql("select " + EXERCISE_COLUMNS + " from class_exercise where class_id = ? and id = ?")
                .params(classId, id).query(ClassroomRepository::mapExercise).optional();
    }

    public List<ClassExercise> exercises(long classId) {
        return jdbc.sql("select " + EXERCISE_COLUMNS + " from class_exercise where class_id = ? order by id")
                .param(classId).query(ClassroomRepository::mapExercise).list();
    }

    private static Assignment mapAssignment(ResultSet rs, int n) throws SQLException {
        return new Assignment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                instant(rs, 6), instant(rs, 7), instant(rs, 8));
    }

    private static final String ASSIGNMENT_SELECT = "select a.id, a.class_id, a.exercise_id, e.exercise_id, e.title, "
            + "a.due_at, a.created_at, a.withdrawn_at from assignment a join class_exercise e on e.id = a.exercise_id ";

    public long insertAssignment(long classId, long exerciseRowId, Instant dueAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into assignment (class_id, exercise_id, due_at, created_at) values (?, ?, ?, ?)")
                .params(classId, exerciseRowId, dueAt == null ? null : Timestamp.from(dueAt),
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The class's assignment of this exercise (V11 allows at most one). */
    public Optional<Assignment> findAssignmentOf(long classId, long exerciseRowId) {
        return jdbc.sql(ASSIGNMENT_SELECT + "where a.class_id = ? and a.exercise_id = ?").params(classId, exerciseRowId)
                .query(ClassroomRepository::mapAssignment).optional();
    }

    /** Sets (or, with null, clears) an assignment's due date. */
    public void updateDue(long assignmentId, Instant dueAt) {
        jdbc.sql("update assignment set due_at = ? where id = ?")
                .params(dueAt == null ? null : Timestamp.from(dueAt), assignmentId).update();
    }

    /** Withdraws an assignment (keeping it and its submissions); whether it was assigned until now. */
    public boolean withdraw(long assignmentId, Instant at) {
        return jdbc.sql("update assignment set withdrawn_at = ? where id = ? and withdrawn_at is null")
                .params(Timestamp.from(at), assignmentId).update() > 0;
    }

    /** Assigns a withdrawn assignment again, with this due date; whether it was withdrawn until now. */
    public boolean reinstate(long assignmentId, Instant dueAt) {
        return jdbc.sql("update assignment set withdrawn_at = null, due_at = ? where id = ? and withdrawn_at is not null")
                .params(dueAt == null ? null : Timestamp.from(dueAt), assignmentId).update() > 0;
    }

    /** How many tries, by how many students, an assignment has. */
    public int[] submissionCounts(long assignmentId) {
        return jdbc.sql("select count(*), count(distinct student_id) from submission where assignment_id = ?")
                .param(assignmentId).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    /** The class's assignments, withdrawn ones included. */
    public List<Assignment> assignments(long classId) {
        return jdbc.sql(ASSIGNMENT_SELECT + "where a.class_id = ? order by a.id").param(classId)
                .query(ClassroomRepository::mapAssignment).list();
    }

    public Optional<Assignment> findAssignment(long id) {
        return jdbc.sql(ASSIGNMENT_SELECT + "where a.id = ?").param(id).query(ClassroomRepository::mapAssignment)
                .optional();
    }

    private static Submission mapSubmission(ResultSet rs, int n) throws SQLException {
        return new Submission(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9));
    }

    private static final String SUBMISSION_COLUMNS = "s.id, s.assignment_id, s.student_id, s.task_id, s.answer, "
            + "s.status, s.summary, s.verdict, s.submitted_at";

    public long insertSubmission(long assignmentId, long studentId, String taskId, String answer, String status,
            String summary, String verdict) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into submission (assignment_id, student_id, task_id, answer, status, summary, verdict, "
                        + "submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(assignmentId, studentId, taskId, answer, status, summary, verdict,
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** One student's submissions to one class, oldest first. */
    public List<Submission> submissionsOf(long classId, long studentId) {
        return jdbc.sql("select " + SUBMISSION_COLUMNS + " from submission s join assignment a on a.id = "
                        + "s.assignment_id where a.class_id = ? and s.student_id = ? order by s.id")
                .params(classId, studentId).query(ClassroomRepository::mapSubmission).list();
    }

    /** Every submission to one class, oldest first. */
    public List<Submission> submissionsOfClass(long classId) {
        return jdbc.sql("select " + SUBMISSION_COLUMNS + " from submission s join assignment a on a.id = "
                        + "s.assignment_id where a.class_id = ? order by s.id")
                .param(classId).query(ClassroomRepository::mapSubmission).list();
    }
}
