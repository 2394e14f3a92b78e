package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopfieldlab.cli.HopfieldCli;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecEdit;
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

    /** sweep --json: numbers for numeric keys (in the key's type, canonical text), text for enumerated keys. */
    @Test
    void cliJsonGivesAxisValuesInTheirKeysType() throws Exception {
        Path out = dir.resolve("sweep.json");
        int rc = HopfieldCli.execute("sweep", "--from", "sequence", "--x", "noise=0.1:0.5:5", "--y", "p=3,4",
                "--trials", "1", "n=64", "t=2", "in=0:d1", "--threads", "1", "--json", "--out", out.toString(),
                "--no-progress");
        assertEquals(0, rc);
        String json = Files.readString(out);
        assertTrue(json.contains("\"values\" : [ 0.1, 0.2, 0.3, 0.4, 0.5 ]"), json);
        assertTrue(json.contains("\"values\" : [ 3, 4 ]"), json);
        JsonNode cell = new ObjectMapper().readTree(json).get("cells").get(7);
        assertTrue(cell.get("noise").isNumber() && cell.get("p").isIntegralNumber(), cell.toString());
        assertEquals(0.3, cell.get("noise").asDouble());
        assertEquals(4, cell.get("p").asInt());
    }

    /**
     * A journal written before JSON values were typed (the definition holds its axes as text, as given: 0.50 and
     * 1e-3) still resumes, and its JSON gives the values as numbers in canonical form.
     */
    @Test
    void anOldJournalResumesAndItsJsonHasNumbers() throws Exception {
        Path journal = dir.resolve("old.journal");
        String base = SpecCodec.format(SpecEdit.change(Presets.get("sequence").spec(), "n=64&p=3&t=2&in=0:d1"));
        Files.writeString(journal, "# hopfield-lab sweep part v1\nshard=0/1\nbase=" + base
                + "\nx=noise=0.50,1e-3\ny=model=idp,classic\ntrials=1\nseeds=same\ncells:\n");
        Path out = dir.resolve("resumed.json");
        assertEquals(0, HopfieldCli.execute("sweep", "--journal", journal.toString(), "--threads", "1", "--json",
                "--out", out.toString(), "--no-progress"));
        JsonNode root = new ObjectMapper().readTree(Files.readString(out));
        assertEquals("[0.5,0.001]", root.get("axes").get(0).get("values").toString());
        assertEquals("[\"idp\",\"classic\"]", root.get("axes").get(1).get("values").toString());
        assertEquals(0.001, root.get("cells").get(3).get("noise").asDouble());
        assertEquals("classic", root.get("cells").get(3).get("model").asText());
        assertTrue(Files.readString(journal).contains("x=noise=0.50,1e-3\n"), "the journal is read, not rewritten");
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
