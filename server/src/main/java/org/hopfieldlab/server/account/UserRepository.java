package org.hopfieldlab.server.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key a name is looked up and kept unique by: its lower-case form ("Alice" and "ALICE" are one). */
    public static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** The account with this name in any letter case. */
    public Optional<AppUser> findByUsername(String username) {
        return jdbc.sql("select id, username, password_hash, created_at from app_user where username_key = ?")
                .param(key(username))
                .query((rs, n) -> new AppUser(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public long insert(String username, String passwordHash) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (username, username_key, password_hash, created_at) values (?, ?, ?, ?)")
                .params(username, key(username), passwordHash, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
