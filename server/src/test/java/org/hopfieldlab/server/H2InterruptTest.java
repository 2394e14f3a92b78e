package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A thread interrupted inside a database write must not take the database down for everyone. With H2's default
 * file system an interrupt during a write closes the file channel, and H2 then closes the whole database ("The
 * database has been closed"): every later request of every user fails until a restart. Threads do get interrupted
 * (the sweep engine stops its workers that way, executors' shutdownNow, a servlet container's timeouts), so the
 * server's URL (application.properties) must use a file system an interrupt cannot close.
 */
class H2InterruptTest {
    @Test
    void interruptingAWriterLeavesTheDatabaseOpenForEveryoneElse() throws Exception {
        Path dir = Files.createTempDirectory("h2-interrupt");
        String url = H2SaveWorker.serverUrl(dir.toString());
        try (Connection other = DriverManager.getConnection(url, "sa", "")) {
            other.createStatement().execute("create table probe (id int primary key, payload varchar(2000) not null)");
            AtomicInteger acked = new AtomicInteger();
            AtomicInteger interruptedWrites = new AtomicInteger();
            AtomicReference<SQLException> closed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                        PreparedStatement ps = c.prepareStatement("insert into probe (id, payload) values (?, ?)")) {
                    for (int id = 0; id < 4000 && closed.get() == null; id++) {
                        ps.setInt(1, id);
                        ps.setString(2, "x".repeat(500 + id % 1000));
                        try {
                            ps.executeUpdate();
                            acked.incrementAndGet();
                        } catch (SQLException e) {
                            // an interrupted statement may fail by itself; a closed database is what must not happen
                            if (e.getErrorCode() == 90098 || e.getErrorCode() == 90028) {
                                closed.set(e);
                            }
                            interruptedWrites.incrementAndGet();
                        }
                        Thread.interrupted(); // the writer carries on, as a pooled thread would for its next task
                    }
                } catch (SQLException e) {
                    closed.compareAndSet(null, e);
                }
            }, "interrupted-writer");
            writer.start();
            int interrupts = 0;
            while (writer.isAlive()) {
                writer.interrupt();
                interrupts++;
                Thread.onSpinWait();
            }
            writer.join();
            System.out.printf("H2 under interrupts: %d interrupts, %d writes acknowledged, %d failed alone%n",
                    interrupts, acked.get(), interruptedWrites.get());
            assertTrue(closed.get() == null, () -> "the database was closed by an interrupt: " + closed.get());
            assertTrue(interrupts > 1000, "the writer was interrupted often: " + interrupts);
            try (ResultSet rs = other.createStatement().executeQuery("select count(*) from probe")) {
                rs.next();
                assertTrue(rs.getInt(1) >= acked.get(), "every acknowledged write is there");
            }
            other.createStatement().execute("insert into probe (id, payload) values (-1, 'after')");
            try (ResultSet rs = other.createStatement().executeQuery("select payload from probe where id = -1")) {
                assertTrue(rs.next());
                assertEquals("after", rs.getString(1), "another connection still reads and writes");
            }
        }
    }
}
