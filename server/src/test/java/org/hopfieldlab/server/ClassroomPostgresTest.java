package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every {@link ClassroomServiceTest} again on a real PostgreSQL server (profile "postgres", a fresh schema of its
 * own, dropped afterwards), plus a check that the V5 migration ran there. Skipped without a server, failing in CI
 * or with {@code HOPFIELD_DB_URL} set — the rule of {@link PostgresSchema}.
 */
@SpringBootTest(classes = ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hopfield.sweep.threads=2", "hopfield.sweep.max-runs=5000"})
@ActiveProfiles("postgres")
@ExtendWith(PostgresSchema.class)
@DirtiesContext
class ClassroomPostgresTest extends ClassroomServiceTest {
    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PostgresSchema.datasource(registry, ClassroomPostgresTest.class);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        PostgresSchema.drop(ClassroomPostgresTest.class);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgresWithTheClassroomMigration() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
        List<String> versions = jdbc.sql("select \"version\" from \"flyway_schema_history\" where \"success\" = true")
                .query(String.class).list();
        assertTrue(versions.contains("5"), versions.toString());
        assertEquals(0, jdbc.sql("select count(*) from submission where status not in ('right', 'wrong')")
                .query(Integer.class).single());
    }
}
