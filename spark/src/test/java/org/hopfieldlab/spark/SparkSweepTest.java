package org.hopfieldlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepPart;
import org.hopfieldlab.batch.sweep.SweepRunner;
import org.hopfieldlab.batch.sweep.SweepShard;
import org.hopfieldlab.cli.HopfieldCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark local[2] runs a 2-axis sweep's cells as tasks: the same CSV, byte for byte, as the local engine. */
class SparkSweepTest {
    @TempDir
    Path dir;

    static final String[] SWEEP = {"sweep", "--from", "sequence", "--x", "noise=0,2,4,8", "--y", "model=idp,classic",
        "--trials", "3", "--seeds", "per-cell", "n=128", "p=6", "t=9", "in=0:d1,3:d2,6:d3", "--no-progress"};

    static String[] with(String... more) {
        String[] a = new String[SWEEP.length + more.length];
        System.arraycopy(SWEEP, 0, a, 0, SWEEP.length);
        System.arraycopy(more, 0, a, SWEEP.length, more.length);
        return a;
    }

    @Test
    void sparkLocal2GivesTheLocalEnginesCsvAndJson() throws Exception {
        Path local = dir.resolve("local.csv");
        Path spark = dir.resolve("spark.csv");
        assertEquals(0, HopfieldCli.execute(with("--threads", "2", "--out", local.toString())));
        assertEquals(0, SparkMain.execute(with("--master", "local[2]", "--out", spark.toString())));
        String csv = Files.readString(local);
        assertEquals(9, csv.lines().count(), csv);
        assertEquals(csv, Files.readString(spark));

        // independent of the CLI: the engine's own CSV for the definition the journal holds
        Path journal = dir.resolve("spark.journal");
        Path again = dir.resolve("again.csv");
        assertEquals(0, SparkMain.execute(with("--master", "local[2]", "--journal", journal.toString(), "--out",
                again.toString())));
        SweepDefinition def = SweepPart.read(journal).definition();
        assertEquals(SweepExport.csv(SweepRunner.run(def, 1, null)), Files.readString(again));
        assertEquals(8, SweepPart.read(journal).cells().size());

        // a Spark shard merges with a local shard into the same bytes
        Path p0 = dir.resolve("p0");
        Path p1 = dir.resolve("p1");
        Path merged = dir.resolve("merged.csv");
        assertEquals(0, SparkMain.execute(with("--master", "local[2]", "--shard", "0/2", "--out", p0.toString())));
        assertEquals(0, HopfieldCli.execute(with("--shard", "1/2", "--threads", "1", "--out", p1.toString())));
        assertEquals(List.of(0, 2, 4, 6), List.copyOf(SweepPart.read(p0).cells().keySet()));
        assertEquals(new SweepShard(0, 2), SweepPart.read(p0).shard());
        assertEquals(0, HopfieldCli.execute("sweep", "merge", p1.toString(), p0.toString(), "--out",
                merged.toString()));
        assertEquals(csv, Files.readString(merged));

        // the JSON too: Spark's (from its journal) and the merge of a Spark and a local shard are the local engine's,
        // axis values typed (numbers for noise, strings for model)
        Path localJson = dir.resolve("local.json");
        Path sparkJson = dir.resolve("spark.json");
        Path mergedJson = dir.resolve("merged.json");
        assertEquals(0, HopfieldCli.execute(with("--threads", "2", "--json", "--out", localJson.toString())));
        assertEquals(0, SparkMain.execute(with("--master", "local[2]", "--journal", journal.toString(), "--json",
                "--out", sparkJson.toString())));
        assertEquals(0, HopfieldCli.execute("sweep", "merge", p1.toString(), p0.toString(), "--json", "--out",
                mergedJson.toString()));
        String json = Files.readString(localJson);
        assertEquals(json, Files.readString(sparkJson));
        assertEquals(json, Files.readString(mergedJson));
        assertTrue(json.contains("\"noise\" : 8,") && json.contains("\"model\" : \"classic\","), json);
    }

    @Test
    void noMasterIsAClearError() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        int rc;
        try {
            rc = SparkMain.execute(with("--out", dir.resolve("x.csv").toString()));
        } finally {
            System.setErr(old);
        }
        assertEquals(2, rc);
        assertTrue(err.toString().contains("--engine spark needs --master URL"), err.toString());
    }
}
