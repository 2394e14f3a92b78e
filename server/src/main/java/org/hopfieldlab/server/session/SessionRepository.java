package org.hopfieldlab.server.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for saved sessions. Every read and write by id also names the owner, so no query can cross accounts. */
@Repository
public class SessionRepository {
    private static final String COLUMNS = "id, owner_id, title, notes, spec, result_snapshot, share_token, "
            + "forked_from, created_at, updated_at, view_keys";

    private final JdbcClient jdbc;

    public SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static LabSession map(ResultSet rs, int n) throws SQLException {
        long forked = rs.getLong(8);
        Long forkedFrom = rs.wasNull() ? null : forked;
        return new LabSession(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), forkedFrom, rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), rs.getString(11));
    }

    public List<LabSession> listByOwner(long ownerId, String search) {
        String like = "%" + (search == null ? "" : search.trim().toLowerCase()) + "%";
        return jdbc.sql("select " + COLUMNS + " from lab_session where owner_id = ? and "
                        + "(lower(title) like ? or lower(notes) like ?) order by updated_at desc")
                .params(ownerId, like, like).query(SessionRepository::map).list();
    }

    public Optional<LabSession> findOwned(long ownerId, long id) {
        return jdbc.sql("select " + COLUMNS + " from lab_session where id = ? and owner_id = ?")
                .params(id, ownerId).query(SessionRepository::map).optional();
    }

    public Optional<LabSession> findByShareToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from lab_session where share_token = ?")
                .param(token).query(SessionRepository::map).optional();
    }

    public long insert(long ownerId, String title, String notes, String spec, String snapshot, Long forkedFrom) {
        return insert(ownerId, title, notes, spec, "", snapshot, forkedFrom);
    }

    /** Inserts a session whose lab link has view keys ({@code viewKeys}: canonical, "" for none). */
    public long insert(long ownerId, String title, String notes, String spec, String viewKeys, String snapshot,
            Long forkedFrom) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into lab_session (owner_id, title, notes, spec, view_keys, result_snapshot, forked_from, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ownerId, title, notes, spec, viewKeys == null ? "" : viewKeys, snapshot, forkedFrom, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates the editable fields of an owned session; false when it is not the owner's (or gone). */
    public boolean update(long ownerId, long id, String title, String notes, String spec, String snapshot) {
        return jdbc.sql("update lab_session set title = ?, notes = ?, spec = ?, result_snapshot = ?, updated_at = ? "
                        + "where id = ? and owner_id = ?")
                .params(title, notes, spec, snapshot, Timestamp.from(Instant.now()), id, ownerId).update() == 1;
    }

    /** As {@link #update(long, long, String, String, String, String)}, also setting the view keys. */
    public boolean update(long ownerId, long id, String title, String notes, String spec, String viewKeys,
            String snapshot) {
        return jdbc.sql("update lab_session set title = ?, notes = ?, spec = ?, view_keys = ?, result_snapshot = ?, "
                        + "updated_at = ? where id = ? and owner_id = ?")
                .params(title, notes, spec, viewKeys == null ? "" : viewKeys, snapshot, Timestamp.from(Instant.now()),
                        id, ownerId).update() == 1;
    }

    public boolean setShareToken(long ownerId, long id, String token) {
        return jdbc.sql("update lab_session set share_token = ? where id = ? and owner_id = ?")
                .params(token, id, ownerId).update() == 1;
    }

    public boolean delete(long ownerId, long id) {
        return jdbc.sql("delete from lab_session where id = ? and owner_id = ?").params(id, ownerId).update() == 1;
    }
}
