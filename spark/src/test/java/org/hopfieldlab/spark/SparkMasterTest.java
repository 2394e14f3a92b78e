package org.hopfieldlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.hopfieldlab.cli.HopfieldCli;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

/**
 * A --master that is not a Spark master URL is one line and exit 2 before Spark starts (found: `--master bogus://x`
 * printed Spark's ERROR log and a 20-line stack trace, exit 1).
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
}
