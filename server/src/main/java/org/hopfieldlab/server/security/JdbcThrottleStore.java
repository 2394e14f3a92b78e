package org.hopfieldlab.server.security;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link LoginThrottle}'s counts in the {@code login_throttle} table (V8), so that a restart keeps lockouts. */
public final class JdbcThrottleStore implements LoginThrottle.Store {
    private final JdbcClient jdbc;

    public JdbcThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LoginThrottle.Entry load(String key) {
        return jdbc.sql("select failures, last_failure_ms, locked_until_ms from login_throttle where throttle_key = ?")
                .param(key)
                .query((rs, n) -> new LoginThrottle.Entry(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3))))
                .optional().orElse(null);
    }

    @Override
    public void save(String key, LoginThrottle.Entry e) {
        Object[] values = {e.failures(), e.lastFailure().toEpochMilli(), e.lockedUntil().toEpochMilli(), key};
        String update = "update login_throttle set failures = ?, last_failure_ms = ?, locked_until_ms = ? "
                + "where throttle_key = ?";
        if (jdbc.sql(update).params(values).update() == 0) {
            try {
                jdbc.sql("insert into login_throttle (failures, last_failure_ms, locked_until_ms, throttle_key) "
                        + "values (?, ?, ?, ?)").params(values).update();
            } catch (DuplicateKeyException raced) {
                // another server on the same database inserted it first
                jdbc.sql(update).params(values).update();
            }
        }
    }

    @Override
    public void delete(String key) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(key).update();
    }

    @Override
    public void purge(Instant quietSince, Instant now) {
        jdbc.sql("delete from login_throttle where last_failure_ms < ? and locked_until_ms < ?")
                .params(quietSince.toEpochMilli(), now.toEpochMilli()).update();
    }

    @Override
    public void deleteMatching(String prefix, String suffix) {
        jdbc.sql("delete from login_throttle where throttle_key like ? escape '!'")
                .param(literal(prefix) + "%" + literal(suffix)).update();
    }

    /** Text matched literally by LIKE ... ESCAPE '!' (names may hold '_', which LIKE reads as any character). */
    private static String literal(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
