package org.hopfieldlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.cli.HopfieldCli;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

/**
 * A --master that is not a Spark master URL is one line and exit 2 before Spark starts (found: `--master bogus://x`
 * printed Spark's ERROR log and a 20-line stack trace, exit 1). So is a spark:// master that cannot be reached, within
 * seconds (found: a closed port or a host that does not resolve took 77 s of Spark's retry logs, ~160 lines, exit 1).
 */
class SparkMasterTest {
    @Test
    void masterUrlsSparkParsesAreAcceptedOthersRefused() {
        for (String ok : new String[] {"local", "local[2]", "local[*]", "local[4,3]", "local-cluster[2,1,1024]",
            "spark://127.0.0.1:7077", "spark://h1:7077,h2:7077", "spark://[::1]:7077", "yarn",
            "k8s://https://10.0.0.1:443"}) {
            assertEquals(ok, SparkBackend.conf(ok).get("spark.master"));
        }
        for (String bad : new String[] {"bogus://x", "local[0]", "local[two]", "spark://", "spark:/host:7077",
            "127.0.0.1:7077", "localhost", "spark://host", ""}) {
            SpecException e = assertThrows(SpecException.class, () -> SparkBackend.conf(bad), bad);
            assertTrue(e.getMessage().startsWith("--master '" + bad + "' is not a Spark master URL"), e.getMessage());
        }
    }

    @Test
    void aBadMasterFromTheCliIsOneLineAndExit2() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = SparkMain.execute(SparkSweepTest.with("--master", "bogus://x"));
        } finally {
            System.setErr(old);
        }
        String e = err.toString().strip();
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: --master 'bogus://x' is not a Spark master URL"), e);
        assertFalse(e.contains("SparkException"), e);
    }

    /** A port nothing listens on: bound, then closed. */
    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** SparkMain's exit code and stderr (stripped) for the test sweep on this master, and how long it took. */
    record Run(int code, String err, double seconds) {
    }

    static Run sweepOn(String master) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        long t0 = System.nanoTime();
        int code;
        try {
            code = SparkMain.execute(SparkSweepTest.with("--master", master));
        } finally {
            System.setErr(old);
        }
        return new Run(code, err.toString().strip(), (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void aMasterOnAClosedPortIsOneLineAndExit2WithinSeconds() throws Exception {
        int port = closedPort();
        String master = "spark://127.0.0.1:" + port;
        Run r = sweepOn(master);
        assertTrue(r.seconds() < 15, r.seconds() + " s: " + r.err());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("error: the Spark master " + master + " is not reachable: 127.0.0.1:" + port + " connection "
                + "refused; nothing ran (is the master running, and is the URL right?)", r.err());
    }

    @Test
    void aMasterThatDoesNotResolveIsOneLineAndExit2WithinSeconds() {
        Run r = sweepOn("spark://no-such-host.invalid:7077");
        assertTrue(r.seconds() < 15, r.seconds() + " s: " + r.err());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: the Spark master spark://no-such-host.invalid:7077 is not reachable: "
                + "no-such-host.invalid:7077 does not resolve; nothing ran"), r.err());
    }

    @Test
    void anHaListIsRefusedOnlyWhenNoMasterIsReachable() throws Exception {
        int closed = closedPort();
        try (ServerSocket live = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = live.getLocalPort();
            // one master that accepts is enough (Spark finds the leader among them), wherever it is in the list
            MasterCheck.requireReachable("spark://127.0.0.1:" + closed + ",127.0.0.1:" + port, Duration.ofSeconds(3));
            MasterCheck.requireReachable("spark://localhost:" + port + ",no-such-host.invalid:7077",
                    Duration.ofSeconds(3));
            MasterCheck.requireReachable("spark://127.0.0.1:" + port, Duration.ofSeconds(3));
            assertEquals(null, MasterCheck.probe("127.0.0.1", port, Duration.ofSeconds(3)));
        }
        String dead = "spark://no-such-host.invalid:7077,127.0.0.1:" + closed;
        SpecException e = assertThrows(SpecException.class,
                () -> MasterCheck.requireReachable(dead, Duration.ofSeconds(3)));
        assertEquals("--master", e.key());
        assertEquals("none of the Spark masters " + dead + " is reachable: no-such-host.invalid:7077 does not resolve, "
                + "127.0.0.1:" + closed + " connection refused; nothing ran (is the master running, and is the URL "
                + "right?)", e.getMessage());
    }

    /** A master whose accept queue is full drops new connections' SYNs, as a firewall does: that is a timeout. */
    @Test
    void aMasterThatDoesNotAnswerTimesOut() throws Exception {
        List<Socket> filling = new ArrayList<>();
        try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = deaf.getLocalPort();
            String why = null;
            for (int i = 0; i < 10 && why == null; i++) { // never accept(): the queue fills after a connection or two
                why = MasterCheck.probe("127.0.0.1", port, Duration.ofMillis(500));
                if (why == null) {
                    Socket s = new Socket();
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
                    filling.add(s);
                }
            }
            assertEquals("timed out after 500 ms", why);
            long t0 = System.nanoTime();
            SpecException e = assertThrows(SpecException.class,
                    () -> MasterCheck.requireReachable("spark://127.0.0.1:" + port, Duration.ofSeconds(1)));
            assertTrue((System.nanoTime() - t0) / 1e9 < 3, e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port + " timed out after 1 s"), e.getMessage());
        } finally {
            for (Socket s : filling) {
                s.close();
            }
        }
    }

    @Test
    void onlySparkStandaloneMastersAreChecked() {
        for (String m : new String[] {"local", "local[2]", "local[*]", "local-cluster[2,1,1024]", "yarn",
            "k8s://https://no-such-host.invalid:443"}) {
            MasterCheck.requireReachable(m, Duration.ofMillis(1)); // would fail if it tried to connect
        }
    }
}
