package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
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
 * Every {@link GuestReturnServiceTest} again on a real PostgreSQL server (profile "postgres", a fresh schema of its
 * own, dropped afterwards), plus a check that V10 ran there. Skipped without a server, failing in CI or with
 * {@code HOPFIELD_DB_URL} set — the same rule as {@link PostgresProfileTest}.
 */
@SpringBootTest(classes = ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hopfield.sweep.threads=2", "hopfield.sweep.max-runs=5000"})
@ActiveProfiles("postgres")
@ExtendWith(GuestReturnPostgresTest.Available.class)
@DirtiesContext
class GuestReturnPostgresTest extends GuestReturnServiceTest {
    static final String SCHEMA = "hopfield_guest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static boolean schemaCreated;

    static final class Available implements ExecutionCondition {
        private static ConditionEvaluationResult result;

        @Override
        public synchronized ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (result == null) {
                try (Connection c = DriverManager.getConnection(PostgresProfileTest.URL, PostgresProfileTest.USER,
                        PostgresProfileTest.PASSWORD); Statement st = c.createStatement()) {
                    st.execute("create schema " + SCHEMA);
                    schemaCreated = true;
                    result = ConditionEvaluationResult.enabled("PostgreSQL schema " + SCHEMA);
                } catch (SQLException e) {
                    String reason = "PostgreSQL not usable at " + PostgresProfileTest.URL + " (" + e.getMessage()
                            + ")";
                    if (PostgresProfileTest.databaseRequired()) {
                        throw new IllegalStateException(reason + "; failing, not skipping (CI or HOPFIELD_DB_URL)",
                                e);
                    }
                    System.err.println("GuestReturnPostgresTest skipped: " + reason);
                    result = ConditionEvaluationResult.disabled(reason);
                }
            }
            return result;
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        String url = PostgresProfileTest.URL;
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> PostgresProfileTest.USER);
        registry.add("spring.datasource.password", () -> PostgresProfileTest.PASSWORD);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schemaCreated) {
            try (Connection c = DriverManager.getConnection(PostgresProfileTest.URL, PostgresProfileTest.USER,
                    PostgresProfileTest.PASSWORD); Statement st = c.createStatement()) {
                st.execute("drop schema " + SCHEMA + " cascade");
            }
        }
    }

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgresWithTheReturnCodeMigration() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
        List<String> versions = jdbc.sql("select \"version\" from \"flyway_schema_history\" where \"success\" = true")
                .query(String.class).list();
        assertTrue(versions.contains("10"), versions.toString());
        // a revoked cookie is a null token: the column takes it, and the unique index takes many of them
        assertEquals("YES", jdbc.sql("select is_nullable from information_schema.columns where table_schema = ? "
                + "and table_name = 'class_guest' and column_name = 'token_hash'").param(SCHEMA)
                .query(String.class).single());
    }
}
