package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.server.account.UserRepository;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionRepository;
import org.hopfieldlab.server.sweep.SweepRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

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
}
