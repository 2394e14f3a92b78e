package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.hopfieldlab.server.classroom.ClassroomRepository;

/**
 * V11: the database itself keeps (1) a class's member names unique in any letter case and (2) one assignment per
 * exercise and class, which until now only the service checked before inserting (two requests at the same moment
 * both got in). A Java migration, found by Flyway beside the SQL ones (classpath:db/migration), because the key of a
 * name must be the Java key {@link ClassroomRepository#nameKey}: SQL's lower() differs from it on PostgreSQL (V3's
 * username_key used lower(); 'ΝΙΚΟΣ' and 'İpek' are where they part), and the column must agree with what the
 * server computes for every later join. Portable between H2 and PostgreSQL (SET DATA TYPE and SET NOT NULL are
 * accepted by both, as in V3 and V6).
 */
public class V11__class_name_keys_and_single_assignments extends BaseJavaMigration {
    /** A clashing name gets this and the member's user id appended; no name the forms accept contains it. */
    static final String CLASH_MARK = "#";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        memberNameKeys(c);
        oneAssignmentPerExercise(c);
    }

    /**
     * class_member.name_key = nameKey(display_name), unique per class.
     *
     * <p>Rows from before this version may already clash: until today the check compared with SQL's lower(), which
     * on PostgreSQL let 'ΝΙΚΟΣ' and 'νικος' (or 'İpek' and 'i̇pek') into one class, and two joins at the same moment
     * could both pass the check. In each class the member who joined first (then the lower user id) keeps their name
     * and its key; each later one is renamed to "name#userId" (for example "νικος#57"), V3's way with clashing
     * account names: nothing is lost (the old name is its beginning, and memberships, submissions and return codes
     * hang on the user id, not the name), the teacher sees both students apart on the dashboard, and neither join
     * form can ever make such a name ('#' is not allowed in pseudonyms nor in account names). The renamed guest
     * returns with that name and their return code; the teacher can read it to them from the dashboard.
     * display_name widens from 64 to 100 characters so that a 64-character name still fits with its mark; new names
     * stay at most 64 (ClassroomService.MAX_NAME). name_key has room for a lower case that is longer than its name
     * ('İ' lowers to two characters).
     */
    private static void memberNameKeys(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("alter table class_member alter column display_name set data type varchar(100)");
            st.execute("alter table class_member add column name_key varchar(250)");
        }
        record Row(long classId, long userId, String name) {
        }
        Map<Long, List<Row>> byClass = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select class_id, user_id, display_name from class_member "
                        + "order by class_id, joined_at, user_id")) {
            while (rs.next()) {
                byClass.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            }
        }
        try (PreparedStatement key = c.prepareStatement(
                        "update class_member set name_key = ? where class_id = ? and user_id = ?");
                PreparedStatement rename = c.prepareStatement(
                        "update class_member set display_name = ?, name_key = ? where class_id = ? and user_id = ?")) {
            for (List<Row> rows : byClass.values()) {
                // a new name must clash with no key already given nor with any old name of the class (still to
                // come in this loop, or equal to it exactly, which the old unique (class_id, display_name) forbids)
                Set<String> oldKeys = new HashSet<>();
                for (Row r : rows) {
                    oldKeys.add(ClassroomRepository.nameKey(r.name()));
                }
                Set<String> given = new HashSet<>();
                for (Row r : rows) {
                    String k = ClassroomRepository.nameKey(r.name());
                    if (given.add(k)) {
                        key.setString(1, k);
                        key.setLong(2, r.classId());
                        key.setLong(3, r.userId());
                        key.executeUpdate();
                        continue;
                    }
                    String name = r.name() + CLASH_MARK + r.userId();
                    while (given.contains(ClassroomRepository.nameKey(name))
                            || oldKeys.contains(ClassroomRepository.nameKey(name))) {
                        name = name + CLASH_MARK; // only if names with marks were already stored: never so far
                    }
                    given.add(ClassroomRepository.nameKey(name));
                    rename.setString(1, name);
                    rename.setString(2, ClassroomRepository.nameKey(name));
                    rename.setLong(3, r.classId());
                    rename.setLong(4, r.userId());
                    rename.executeUpdate();
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("alter table class_member alter column name_key set not null");
            st.execute("create unique index class_member_name_key_unique on class_member (class_id, name_key)");
        }
    }

    /**
     * At most one assignment per (class, exercise).
     *
     * <p>An exercise assigned more than once (a double click, a second tab, or a second Assign to set another due
     * date) becomes its earliest assignment (lowest id): the later ones' submissions move to it, unchanged (each
     * was graded against the same exercise row, so every verdict still holds), and then the emptied later rows are
     * deleted. The kept assignment takes the latest due date of the group, or none if one of them had none, so no
     * student loses a chance to submit that one of the copies still gave; the dashboard, which showed the exercise's
     * tasks once per copy, shows them once with every try.
     */
    private static void oneAssignmentPerExercise(Connection c) throws SQLException {
        record Dup(long keep, long classId, long exerciseId) {
        }
        List<Dup> groups = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select min(id), class_id, exercise_id from assignment "
                        + "group by class_id, exercise_id having count(*) > 1")) {
            while (rs.next()) {
                groups.add(new Dup(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        String group = "from assignment o where o.class_id = ? and o.exercise_id = ?";
        try (PreparedStatement due = c.prepareStatement("update assignment set due_at = case when exists (select 1 "
                        + group + " and o.due_at is null) then null else (select max(o.due_at) " + group + ") end "
                        + "where id = ?");
                PreparedStatement move = c.prepareStatement("update submission set assignment_id = ? "
                        + "where assignment_id in (select o.id " + group + " and o.id <> ?)");
                PreparedStatement drop = c.prepareStatement("delete from assignment where class_id = ? "
                        + "and exercise_id = ? and id <> ?")) {
            for (Dup d : groups) {
                due.setLong(1, d.classId());
                due.setLong(2, d.exerciseId());
                due.setLong(3, d.classId());
                due.setLong(4, d.exerciseId());
                due.setLong(5, d.keep());
                due.executeUpdate();
                move.setLong(1, d.keep());
                move.setLong(2, d.classId());
                move.setLong(3, d.exerciseId());
                move.setLong(4, d.keep());
                move.executeUpdate();
                drop.setLong(1, d.classId());
                drop.setLong(2, d.exerciseId());
                drop.setLong(3, d.keep());
                drop.executeUpdate();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("create unique index assignment_exercise_unique on assignment (class_id, exercise_id)");
        }
    }
}
