package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.flywaydb.core.Flyway;
import org.hopfieldlab.server.account.UserRepository;
import org.hopfieldlab.server.classroom.ClassroomRepository;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionRepository;
import org.hopfieldlab.server.sweep.SweepRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migrations and repositories against a real database: run on the embedded H2 file database by
 * {@link RepositoryMigrationTest} and on PostgreSQL (profile "postgres") by {@link PostgresProfileTest}.
 */
abstract class RepositoryChecks {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserRepository users;
    @Autowired
    SessionRepository sessions;
    @Autowired
    SweepRepository sweeps;
    @Autowired
    DataSource dataSource;

    /** The database product these checks must run on, as JDBC names it ("H2", "PostgreSQL"). */
    abstract String expectedProduct();

    /** A new, empty database of the same kind (not the server's), to be migrated step by step by a test. */
    record FreshDatabase(String url, String user, String password, AutoCloseable drop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            drop.close();
        }
    }

    abstract FreshDatabase freshDatabase() throws SQLException;

    @Test
    void runsOnTheExpectedDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals(expectedProduct(), c.getMetaData().getDatabaseProductName(), c.getMetaData().getURL());
        }
    }

    @Test
    void flywayAppliedTheMigration() {
        List<String> versions = jdbc.sql("select \"version\" from \"flyway_schema_history\" where \"success\" = true")
                .query(String.class).list();
        assertTrue(versions.contains("1"), versions.toString());
        assertTrue(versions.contains("2"), versions.toString());
        assertEquals(1, jdbc.sql("select 1").query(Integer.class).single());
    }

    @Test
    void usersAreUnique() {
        users.insert("repo-user", "{noop}x");
        assertThrows(DuplicateKeyException.class, () -> users.insert("repo-user", "{noop}y"));
        assertEquals("{noop}x", users.findByUsername("repo-user").orElseThrow().passwordHash());
    }

    @Test
    void sessionRoundTripAndOwnerScopedWrites() {
        long owner = users.insert("repo-owner", "{noop}x");
        long other = users.insert("repo-other", "{noop}x");
        long id = sessions.insert(owner, "Noise helps", "notes", "v=1&model=idp", null, null);
        LabSession s = sessions.findOwned(owner, id).orElseThrow();
        assertEquals("Noise helps", s.title());
        assertEquals("notes", s.notes());
        assertTrue(sessions.findOwned(other, id).isEmpty());
        assertEquals(false, sessions.update(other, id, "hijacked", "", "v=1", null));
        assertEquals(false, sessions.delete(other, id));
        assertEquals("Noise helps", sessions.findOwned(owner, id).orElseThrow().title());
        assertEquals(1, sessions.listByOwner(owner, "NOISE").size());
        assertEquals(0, sessions.listByOwner(owner, "absent").size());
        assertTrue(sessions.setShareToken(owner, id, "tok-abcdefghijklmnopqrstuvwxyz"));
        assertEquals(id, sessions.findByShareToken("tok-abcdefghijklmnopqrstuvwxyz").orElseThrow().id());
        long second = sessions.insert(owner, "b", "", "v=1", null, null);
        assertThrows(DataIntegrityViolationException.class,
                () -> sessions.setShareToken(owner, second, "tok-abcdefghijklmnopqrstuvwxyz"));
    }

    @Test
    void sessionsKeepTheirViewKeys() {
        long owner = users.insert("repo-viewer", "{noop}x");
        long plain = sessions.insert(owner, "plain", "", "v=1&model=idp", null, null);
        assertEquals("", sessions.findOwned(owner, plain).orElseThrow().viewKeys(), "V2's default for old rows");
        long id = sessions.insert(owner, "taught", "", "v=1&model=idp", "hide=noise&lock=model", null, null);
        assertEquals("v=1&model=idp&hide=noise&lock=model", sessions.findOwned(owner, id).orElseThrow().link());
        assertTrue(sessions.update(owner, id, "taught", "", "v=1&model=classic", "view=theory", null));
        assertEquals("view=theory", sessions.findOwned(owner, id).orElseThrow().viewKeys());
        // the update without view keys leaves them as they are
        assertTrue(sessions.update(owner, id, "renamed", "", "v=1&model=classic", null));
        assertEquals("view=theory", sessions.findOwned(owner, id).orElseThrow().viewKeys());
    }

    @Test
    void sweepCellsAreWrittenOnceAndCascade() {
        long owner = users.insert("repo-sweeper", "{noop}x");
        String def = SweepPresets.get("beta").definition().format();
        long id = sweeps.insert(owner, "beta", def, 19, 152);
        CellResult c = new CellResult(3, 8, 8, 5, 0.625, 0.3, 0.86, List.of(5), 0, 0.12);
        sweeps.insertCell(id, c);
        assertThrows(DuplicateKeyException.class, () -> sweeps.insertCell(id, c));
        assertEquals(List.of(c), sweeps.cells(id));
        assertEquals(1, sweeps.findOwned(owner, id).orElseThrow().cellsDone());
        assertTrue(sweeps.findUnfinished().stream().anyMatch(r -> r.id() == id));
        sweeps.setStatus(id, "COMPLETED", null, true);
        assertTrue(sweeps.findUnfinished().stream().noneMatch(r -> r.id() == id));
        assertTrue(sweeps.delete(owner, id));
        assertEquals(0, jdbc.sql("select count(*) from sweep_cell where sweep_id = ?").param(id)
                .query(Integer.class).single());
    }

    /**
     * V11 on a V10 database that holds what the old checks let in: member names equal in another letter case (the
     * PostgreSQL lower() bug: 'ΝΙΚΟΣ'/'νικος', 'İpek'/'i̇pek'; a race: 'Ana'/'ANA'/'ana') and exercises assigned
     * more than once, with submissions on every copy. The migration succeeds, the first member keeps each name, the
     * later ones are renamed "name#userId", every submission stays (moved to the kept assignment, which takes the
     * latest due date or none), and afterwards the database refuses both kinds of duplicate by itself.
     */
    @Test
    void v11MigratesAV10DatabaseWithClashingNamesAndRepeatedAssignments() throws Exception {
        try (FreshDatabase fresh = freshDatabase()) {
            DriverManagerDataSource ds = new DriverManagerDataSource(fresh.url(), fresh.user(), fresh.password());
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("10").load().migrate();
            JdbcClient db = JdbcClient.create(ds);
            Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
            Map<Long, String> names = new java.util.LinkedHashMap<>();
            String longName = "Z".repeat(64);
            String[] joined = {"Ana", "ANA", "ana", "ΝΙΚΟΣ", "νικος", "\u0130pek", "i\u0307pek", longName,
                longName.toLowerCase(), "Bob"};
            for (int i = 0; i < joined.length; i++) {
                names.put(101L + i, joined[i]);
            }
            db.sql("insert into app_user (id, username, username_key, password_hash, created_at) "
                    + "values (?, ?, ?, ?, ?)").params(100L, "v11-teacher", "v11-teacher", "!", Timestamp.from(t0))
                    .update();
            for (long id = 101; id <= 111; id++) {
                db.sql("insert into app_user (id, username, username_key, password_hash, created_at) "
                        + "values (?, ?, ?, ?, ?)").params(id, "~guest~v11-" + id, "~guest~v11-" + id, "!",
                        Timestamp.from(t0)).update();
            }
            for (long c : new long[] {200, 201}) {
                db.sql("insert into class_room (id, teacher_id, name, join_code, allow_pseudonyms, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)").params(c, 100L, "Class " + c, "V11CODE" + (c - 200), true,
                        Timestamp.from(t0)).update();
            }
            // class 200: joined in this order, except that user 102 ('ANA') joined one second before 101 ('Ana')
            for (Map.Entry<Long, String> m : names.entrySet()) {
                long offset = m.getKey() == 102 ? 0 : m.getKey() == 101 ? 1 : m.getKey() - 100;
                db.sql("insert into class_member (class_id, user_id, display_name, joined_at) values (?, ?, ?, ?)")
                        .params(200L, m.getKey(), m.getValue(), Timestamp.from(t0.plusSeconds(offset))).update();
            }
            // class 201: 'ana' alone there is no clash with class 200
            db.sql("insert into class_member (class_id, user_id, display_name, joined_at) values (?, ?, ?, ?)")
                    .params(201L, 111L, "ana", Timestamp.from(t0)).update();
            for (long e : new long[] {300, 301, 302}) {
                db.sql("insert into class_exercise (id, class_id, exercise_id, title, document, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?)").params(e, 200L, "ex-" + e, "Exercise " + e, "{}",
                        Timestamp.from(t0)).update();
            }
            Instant early = t0.plusSeconds(86_400);
            Instant late = t0.plusSeconds(2 * 86_400);
            // exercise 300 three times (due early, late, early), 301 twice (due early, none), 302 once (due early)
            Object[][] assignments = {{400L, 300L, early}, {401L, 300L, late}, {402L, 300L, early},
                {403L, 301L, early}, {404L, 301L, null}, {405L, 302L, early}};
            for (Object[] a : assignments) {
                db.sql("insert into assignment (id, class_id, exercise_id, due_at, created_at) values (?, ?, ?, ?, ?)")
                        .params(a[0], 200L, a[1], a[2] == null ? null : Timestamp.from((Instant) a[2]),
                                Timestamp.from(t0)).update();
            }
            long submissionId = 500;
            for (Object[] a : assignments) {
                for (long student : new long[] {101, 105}) {
                    db.sql("insert into submission (id, assignment_id, student_id, task_id, answer, status, summary, "
                            + "verdict, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(submissionId++,
                            a[0], student, "t", "answer to " + a[0], "wrong", "s", "{}", Timestamp.from(t0)).update();
                }
            }

            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

            assertTrue(db.sql("select \"version\" from \"flyway_schema_history\" where \"success\" = true")
                    .query(String.class).list().contains("11"));
            Map<Long, String> after = new java.util.TreeMap<>();
            db.sql("select user_id, display_name, name_key from class_member where class_id = 200").query(rs -> {
                long user = rs.getLong(1);
                after.put(user, rs.getString(2));
                assertEquals(ClassroomRepository.nameKey(rs.getString(2)), rs.getString(3), "the key of user " + user);
            });
            Map<Long, String> expected = new java.util.TreeMap<>(names);
            expected.put(101L, "Ana#101"); // 'ANA' (102) joined first
            expected.put(103L, "ana#103");
            expected.put(105L, "νικος#105");
            expected.put(107L, "i\u0307pek#107");
            expected.put(109L, longName.toLowerCase() + "#109");
            assertEquals(expected, after);
            // V12: each renamed member keeps the name they had chosen, to be told once and shown to the teacher
            Map<Long, String> renamedFrom = new java.util.TreeMap<>();
            db.sql("select user_id, renamed_from, rename_told from class_member where class_id = 200").query(rs -> {
                if (rs.getString(2) != null) {
                    renamedFrom.put(rs.getLong(1), rs.getString(2));
                }
                assertEquals(false, rs.getBoolean(3));
            });
            assertEquals(Map.of(101L, "Ana", 103L, "ana", 105L, "νικος", 107L, "i\u0307pek", 109L,
                    longName.toLowerCase()), renamedFrom);
            assertEquals(List.of("ana"), db.sql("select name_key from class_member where class_id = 201")
                    .query(String.class).list());

            record Row(long id, long exercise, Instant due) {
            }
            List<Row> kept = db.sql("select id, exercise_id, due_at from assignment order by id")
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())).list();
            assertEquals(List.of(new Row(400, 300, late), new Row(403, 301, null), new Row(405, 302, early)), kept);
            // every submission is still there, its answer untouched, now on its exercise's one assignment
            assertEquals(12, db.sql("select count(*) from submission").query(Integer.class).single());
            Map<Long, Long> keptOf = Map.of(400L, 400L, 401L, 400L, 402L, 400L, 403L, 403L, 404L, 403L, 405L, 405L);
            db.sql("select assignment_id, answer from submission").query(rs -> {
                long was = Long.parseLong(rs.getString(2).substring("answer to ".length()));
                assertEquals(keptOf.get(was), rs.getLong(1), rs.getString(2));
            });

            // from now on the database refuses both duplicates itself
            assertThrows(DataIntegrityViolationException.class, () -> db.sql("insert into class_member (class_id, "
                    + "user_id, display_name, name_key, joined_at) values (?, ?, ?, ?, ?)").params(200L, 111L, "BOB",
                    "bob", Timestamp.from(t0)).update());
            assertThrows(DataIntegrityViolationException.class, () -> db.sql("insert into assignment (id, class_id, "
                    + "exercise_id, due_at, created_at) values (?, ?, ?, ?, ?)").params(499L, 200L, 302L, null,
                    Timestamp.from(t0)).update());
            db.sql("insert into class_member (class_id, user_id, display_name, name_key, joined_at) "
                    + "values (?, ?, ?, ?, ?)").params(201L, 110L, "BOB", "bob", Timestamp.from(t0)).update();
        }
    }
}
