package org.hopfieldlab.server.sweep;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hopfieldlab.batch.sweep.CellResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for sweeps and their cells. Reads by id name the owner; the engine's writes go by sweep id. */
@Repository
public class SweepRepository {
    private static final String COLUMNS = "s.id, s.owner_id, s.title, s.definition, s.status, s.error, s.cells_total, "
            + "s.runs_total, s.created_at, s.finished_at, "
            // a whole cell has runs_total / cells_total trials; fewer means a partial cell of a cancelled sweep
            + "(select count(*) from sweep_cell c where c.sweep_id = s.id and c.trials * s.cells_total >= s.runs_total), "
            + "(select count(*) from sweep_cell c where c.sweep_id = s.id and c.trials * s.cells_total < s.runs_total), "
            + "s.engine";

    private final JdbcClient jdbc;

    public SweepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static SweepRecord map(ResultSet rs, int n) throws SQLException {
        Timestamp fin = rs.getTimestamp(10);
        return new SweepRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getLong(8), rs.getTimestamp(9).toInstant(),
                fin == null ? null : fin.toInstant(), rs.getInt(11), rs.getInt(12), rs.getString(13));
    }

    public long insert(long ownerId, String title, String definition, int cells, long runs) {
        return insert(ownerId, title, definition, cells, runs, "local");
    }

    /** @param engine 'local' or 'spark MASTER' */
    public long insert(long ownerId, String title, String definition, int cells, long runs, String engine) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sweep (owner_id, title, definition, status, cells_total, runs_total, created_at, "
                        + "engine) values (?, ?, ?, 'QUEUED', ?, ?, ?, ?)")
                .params(ownerId, title, definition, cells, runs, Timestamp.from(Instant.now()), engine)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<SweepRecord> listByOwner(long ownerId) {
        return jdbc.sql("select " + COLUMNS + " from sweep s where s.owner_id = ? order by s.created_at desc")
                .param(ownerId).query(SweepRepository::map).list();
    }

    public Optional<SweepRecord> findOwned(long ownerId, long id) {
        return jdbc.sql("select " + COLUMNS + " from sweep s where s.id = ? and s.owner_id = ?")
                .params(id, ownerId).query(SweepRepository::map).optional();
    }

    /** Sweeps a crash or restart interrupted, oldest first. */
    public List<SweepRecord> findUnfinished() {
        return jdbc.sql("select " + COLUMNS + " from sweep s where s.status in ('QUEUED', 'RUNNING') "
                + "order by s.created_at").query(SweepRepository::map).list();
    }

    /** Sweeps of one owner still queued or running (for the per-user caps). */
    public int countUnfinished(long ownerId) {
        return jdbc.sql("select count(*) from sweep where owner_id = ? and status in ('QUEUED', 'RUNNING')")
                .param(ownerId).query(Integer.class).single();
    }

    /** Marks a queued sweep running; never touches one already cancelled (or otherwise ended). */
    public void markRunning(long id) {
        jdbc.sql("update sweep set status = 'RUNNING' where id = ? and status = 'QUEUED'").param(id).update();
    }

    /**
     * Records the engine's end of a sweep unless the user cancelled it: a cancel is written at once by
     * {@link #setStatus} and wins over a completion that raced with it.
     */
    public void finish(long id, String status, String error) {
        jdbc.sql("update sweep set status = ?, error = ?, finished_at = ? where id = ? and status <> 'CANCELLED'")
                .params(status, error, Timestamp.from(Instant.now()), id).update();
    }

    public void setStatus(long id, String status, String error, boolean finished) {
        jdbc.sql("update sweep set status = ?, error = ?, finished_at = ? where id = ?")
                .params(status, error, finished ? Timestamp.from(Instant.now()) : null, id).update();
    }

    public void setEngine(long id, String engine) {
        jdbc.sql("update sweep set engine = ? where id = ?").params(engine, id).update();
    }

    public boolean delete(long ownerId, long id) {
        return jdbc.sql("delete from sweep where id = ? and owner_id = ?").params(id, ownerId).update() == 1;
    }

    /** One finished cell, in one statement: it is either fully stored or not at all. */
    public void insertCell(long sweepId, CellResult c) {
        StringBuilder w = new StringBuilder();
        for (Integer k : c.windowRetrieved()) {
            w.append(w.length() > 0 ? "," : "").append(k);
        }
        jdbc.sql("insert into sweep_cell (sweep_id, cell, trials, windows, retrieved, fraction, ci_low, ci_high, "
                        + "window_retrieved, diverged, seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(sweepId, c.cell(), c.trials(), c.windows(), c.retrieved(), c.fraction(), c.ciLow(),
                        c.ciHigh(), w.toString(), c.diverged(), c.seconds())
                .update();
    }

    public List<CellResult> cells(long sweepId) {
        return jdbc.sql("select cell, trials, windows, retrieved, fraction, ci_low, ci_high, window_retrieved, "
                        + "diverged, seconds from sweep_cell where sweep_id = ? order by cell")
                .param(sweepId)
                .query((rs, n) -> {
                    List<Integer> w = new ArrayList<>();
                    for (String s : rs.getString(8).split(",")) {
                        if (!s.isEmpty()) {
                            w.add(Integer.parseInt(s));
                        }
                    }
                    return new CellResult(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getDouble(5),
                            rs.getDouble(6), rs.getDouble(7), w, rs.getInt(9), rs.getDouble(10));
                }).list();
    }
}
