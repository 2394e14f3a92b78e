package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged saves survive {@code kill -9}: a child JVM opens the database with the server's own JDBC URL and
 * saves rows, acknowledging each after its commit returns; it is killed with SIGKILL at random moments (while
 * saving) and restarted, over and over. Then every acknowledged row must be in the database. Scope: the embedded
 * database's storage settings (the layer that lost commits), not the HTTP path in front of it.
 */
class DurabilityKillTest {
    static List<Integer> acks(Path log) throws java.io.IOException {
        List<Integer> ids = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("ACK ") && line.length() > 4) {
                ids.add(Integer.parseInt(line.substring(4).strip()));
            }
        }
        return ids;
    }

    @Test
    void noAcknowledgedSaveIsLostAcrossKill9() throws Exception {
        Path dir = Files.createTempDirectory("durability");
        Random random = new Random(20261202);
        TreeSet<Integer> acked = new TreeSet<>();
        int kills = 0;
        int next = 1;
        while (acked.size() < 300 || kills < 12) {
            Path log = dir.resolve("worker-" + kills + ".log");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), H2SaveWorker.class.getName(), dir.toString(),
                    Integer.toString(next)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int target = 5 + random.nextInt(40); // kill after this many acknowledgements, plus a random delay
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (acks(log).size() < target) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, "the worker stopped early: "
                        + Files.readString(log));
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(8)); // land inside or just after a commit
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            // every acknowledgement the worker wrote before it died counts
            acked.addAll(acks(log));
            kills++;
            next = acked.last() + 1000; // fresh ids: a lost row cannot be rewritten by a later round
        }
        TreeSet<Integer> stored = new TreeSet<>();
        // (opened after the last kill, as a restarted server would)
        try (Connection c = DriverManager.getConnection(H2SaveWorker.serverUrl(dir.toString()), "sa", "");
                ResultSet rs = c.createStatement().executeQuery("select id from save_probe")) {
            while (rs.next()) {
                stored.add(rs.getInt(1));
            }
        }
        TreeSet<Integer> lost = new TreeSet<>(acked);
        lost.removeAll(stored);
        System.out.printf("durability: %d kill -9, %d acknowledged saves, %d stored, %d lost%n", kills, acked.size(),
                stored.size(), lost.size());
        assertTrue(acked.size() >= 200);
        assertEquals(new TreeSet<Integer>(), lost, "acknowledged saves lost after kill -9");
    }
}
