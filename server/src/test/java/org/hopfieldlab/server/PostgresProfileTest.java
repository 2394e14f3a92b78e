package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepRunner;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RepositoryChecks} with the "postgres" profile on a real PostgreSQL server: the whole server starts on it,
 * Flyway migrates a fresh schema of its own ({@link PostgresSchema}, dropped afterwards), the repository
 * checks run there, and one small sweep runs through the service (cells written by the worker threads).
 * Skipped without a server, failing in CI or with {@code HOPFIELD_DB_URL} set ({@link PostgresSchema} says which
 * server and how).
 */
@SpringBootTest(classes = ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hopfield.sweep.threads=2", "hopfield.sweep.max-runs=5000"})
@ActiveProfiles("postgres")
@ExtendWith(PostgresSchema.class)
@DirtiesContext // close the context (and its pool) after this class: its schema is dropped
class PostgresProfileTest extends RepositoryChecks {
    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PostgresSchema.datasource(registry, PostgresProfileTest.class);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        PostgresSchema.drop(PostgresProfileTest.class);
    }

    @Override
    String expectedProduct() {
        return "PostgreSQL";
    }

    /** A second schema of this class's, beside the server's, dropped when the test closes it. */
    @Override
    FreshDatabase freshDatabase() throws SQLException {
        String schema = PostgresSchema.name(PostgresProfileTest.class) + "_fresh";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER,
                PostgresSchema.PASSWORD); java.sql.Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        }
        return new FreshDatabase(PostgresSchema.URL + (PostgresSchema.URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, PostgresSchema.USER, PostgresSchema.PASSWORD, () -> {
                    try (java.sql.Connection c = java.sql.DriverManager.getConnection(PostgresSchema.URL,
                            PostgresSchema.USER, PostgresSchema.PASSWORD);
                            java.sql.Statement st = c.createStatement()) {
                        st.execute("drop schema " + schema + " cascade");
                    }
                });
    }

    @Autowired
    AccountService accounts;
    @Autowired
    SweepService sweepService;

    /** A real sweep: the worker threads write their cells to PostgreSQL, the stored result equals the CLI's. */
    @Test
    void sweepThroughTheServiceStoresEveryCell() throws InterruptedException {
        long user = accounts.signUp("pg-sweeper", "long password");
        SweepDefinition d = SweepServiceFixture.small();
        long id = sweepService.start(user, "small", d);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        SweepRecord r = sweepService.get(user, id);
        while (!r.finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = sweepService.get(user, id);
        }
        assertEquals("COMPLETED", r.status());
        assertEquals(d.cellCount(), r.cellsDone());
        assertEquals(SweepExport.csv(SweepRunner.run(d, 1, null)), SweepExport.csv(sweepService.result(user, id)));
    }
}
