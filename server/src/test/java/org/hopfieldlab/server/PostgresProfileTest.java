package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepRunner;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RepositoryChecks} with the "postgres" profile on a real PostgreSQL server: the whole server starts on it,
 * Flyway migrates a fresh schema of its own ({@code hopfield_test_<random>}, dropped afterwards), the repository
 * checks run there, and one small sweep runs through the service (cells written by the worker threads).
 *
 * <p>The server is the profile's: {@code HOPFIELD_DB_URL} (default {@code jdbc:postgresql://localhost:5432/hopfield}),
 * {@code HOPFIELD_DB_USER}, {@code HOPFIELD_DB_PASSWORD} (default {@code hopfield}/{@code hopfield}); the user needs
 * the right to create a schema in that database. When it is unreachable the test is <em>skipped</em> (a developer
 * without PostgreSQL), except in CI ({@code CI=true}) or when {@code HOPFIELD_DB_URL} is set: then it fails.
 */
@SpringBootTest(classes = ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hopfield.sweep.threads=2", "hopfield.sweep.max-runs=5000"})
@ActiveProfiles("postgres")
@ExtendWith(PostgresProfileTest.PostgresAvailable.class)
@DirtiesContext // close the context (and its pool) after this class: its schema is dropped
class PostgresProfileTest extends RepositoryChecks {
    // the same defaults as application-postgres.properties
    static final String URL = env("HOPFIELD_DB_URL", "jdbc:postgresql://localhost:5432/hopfield");
    static final String USER = env("HOPFIELD_DB_USER", "hopfield");
    static final String PASSWORD = env("HOPFIELD_DB_PASSWORD", "hopfield");
    static final String SCHEMA = "hopfield_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static boolean schemaCreated;

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Unreachable PostgreSQL is an error, not a skip, in CI or when a database was configured explicitly. */
    static boolean databaseRequired() {
        String ci = System.getenv("CI");
        boolean inCi = ci != null && switch (ci.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            default -> false;
        };
        return inCi || System.getenv("HOPFIELD_DB_URL") != null;
    }

    /**
     * Runs the class only if PostgreSQL is usable, probed once by creating this class's schema; otherwise skips it
     * with the reason, or fails it where the database is required.
     */
    static final class PostgresAvailable implements ExecutionCondition {
        private static ConditionEvaluationResult result;

        @Override
        public synchronized ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (result == null) {
                result = probe();
            }
            return result;
        }

        private static ConditionEvaluationResult probe() {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                    Statement st = c.createStatement()) {
                st.execute("create schema " + SCHEMA);
                schemaCreated = true;
                return ConditionEvaluationResult.enabled("PostgreSQL at " + URL + ", schema " + SCHEMA);
            } catch (SQLException e) {
                String reason = "PostgreSQL not usable at " + URL + " as user " + USER + " (" + e.getMessage()
                        + "). Start it and create the role and database (server/README.md, PostgreSQL), or set "
                        + "HOPFIELD_DB_URL/HOPFIELD_DB_USER/HOPFIELD_DB_PASSWORD.";
                if (databaseRequired()) {
                    throw new IllegalStateException(reason + " Failing, not skipping: CI=true or HOPFIELD_DB_URL "
                            + "is set.", e);
                }
                System.err.println("PostgresProfileTest skipped: " + reason);
                return ConditionEvaluationResult.disabled(reason);
            }
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        // the profile's server, with this class's schema first on the search path (Flyway migrates it)
        registry.add("spring.datasource.url",
                () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schemaCreated) {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                    Statement st = c.createStatement()) {
                st.execute("drop schema " + SCHEMA + " cascade");
            }
        }
    }

    @Override
    String expectedProduct() {
        return "PostgreSQL";
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
