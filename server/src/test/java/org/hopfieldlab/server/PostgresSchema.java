package org.hopfieldlab.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL schema for each test class that runs on the "postgres" profile: {@code @ExtendWith} it, call
 * {@link #datasource} from the class's {@code @DynamicPropertySource} and {@link #drop} from its {@code @AfterAll}.
 *
 * <p>The server is the profile's: {@code HOPFIELD_DB_URL} (default {@code jdbc:postgresql://localhost:5432/hopfield}),
 * {@code HOPFIELD_DB_USER}, {@code HOPFIELD_DB_PASSWORD} (default {@code hopfield}/{@code hopfield}); the user needs
 * the right to create a schema in that database. The class runs only if creating its schema works; otherwise it is
 * <em>skipped</em> with the reason (a developer without PostgreSQL), except in CI ({@code CI=true}) or when
 * {@code HOPFIELD_DB_URL} is set: then it fails.
 */
final class PostgresSchema implements ExecutionCondition {
    // the same defaults as application-postgres.properties
    static final String URL = env("HOPFIELD_DB_URL", "jdbc:postgresql://localhost:5432/hopfield");
    static final String USER = env("HOPFIELD_DB_USER", "hopfield");
    static final String PASSWORD = env("HOPFIELD_DB_PASSWORD", "hopfield");

    /** Each test class's schema name, and whether creating it worked (probed once per class). */
    private static final Map<Class<?>, String> NAMES = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ConditionEvaluationResult> PROBED = new ConcurrentHashMap<>();

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

    /** The schema of this test class: {@code hopfield_<class>_<random>} (lower case, as PostgreSQL folds it). */
    static String name(Class<?> test) {
        return NAMES.computeIfAbsent(test, t -> "hopfield_" + t.getSimpleName().toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PROBED.computeIfAbsent(context.getRequiredTestClass(), PostgresSchema::create);
    }

    private static ConditionEvaluationResult create(Class<?> test) {
        String schema = name(test);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
            return ConditionEvaluationResult.enabled("PostgreSQL at " + URL + ", schema " + schema);
        } catch (SQLException e) {
            String reason = "PostgreSQL not usable at " + URL + " as user " + USER + " (" + e.getMessage()
                    + "). Start it and create the role and database (server/README.md, PostgreSQL), or set "
                    + "HOPFIELD_DB_URL/HOPFIELD_DB_USER/HOPFIELD_DB_PASSWORD.";
            if (databaseRequired()) {
                throw new IllegalStateException(reason + " Failing, not skipping: CI=true or HOPFIELD_DB_URL is set.",
                        e);
            }
            System.err.println(test.getSimpleName() + " skipped: " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    /** The profile's server, with the class's schema first on the search path (Flyway migrates it). */
    static void datasource(DynamicPropertyRegistry registry, Class<?> test) {
        String schema = name(test);
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** Drops the class's schema, if it was created. */
    static void drop(Class<?> test) throws SQLException {
        ConditionEvaluationResult probed = PROBED.get(test);
        if (probed != null && !probed.isDisabled()) {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                    Statement st = c.createStatement()) {
                st.execute("drop schema " + name(test) + " cascade");
            }
        }
    }
}
