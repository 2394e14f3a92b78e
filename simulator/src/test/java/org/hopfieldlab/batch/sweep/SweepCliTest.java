package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopfieldlab.cli.HopfieldCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless CLI runs the same engine: same definition, same CSV, whatever the thread count. */
class SweepCliTest {
    @TempDir
    Path dir;

    @Test
    void cliCsvEqualsEngineCsv() throws Exception {
        Path out = dir.resolve("sweep.csv");
        int rc = HopfieldCli.execute("sweep", "--from", "sequence", "--x", "noise=0,2,4,8", "--y", "model=idp,classic",
                "--trials", "3", "--seeds", "per-cell", "n=128", "p=6", "t=9", "in=0:d1,3:d2,6:d3", "--threads", "1",
                "--out", out.toString(), "--no-progress");
        assertEquals(0, rc);
        SweepDefinition d = SweepEngineTest.small(3);
        assertEquals(SweepExport.csv(SweepRunner.run(d, 2, null)), Files.readString(out));
    }

    @Test
    void badInputGivesOneClearLine() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int rc;
        try {
            rc = HopfieldCli.execute("sweep", "--x", "noise=0,oops", "--trials", "2", "--estimate");
        } finally {
            System.setErr(old);
        }
        assertEquals(2, rc);
        assertTrue(err.toString().contains("noise"), err.toString());
        assertTrue(!err.toString().contains("at org."), err.toString());
    }
}
