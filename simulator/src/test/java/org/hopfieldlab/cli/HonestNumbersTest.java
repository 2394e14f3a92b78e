package org.hopfieldlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.batch.ExperimentReport;
import org.hopfieldlab.batch.ExperimentSweeps;
import org.hopfieldlab.batch.Stats;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.UnstableSpecs;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 10, "Honest numbers in every result": diverged trials are counted in text and JSON and make the exit code 3;
 * a window is labelled with the memory the spec asks for even when every trial diverged; the Wilson bounds are
 * exactly 0 and 1 at k = 0 and k = n; {@code run --json} numbers memories from 1 like the rest. Links refuse dt ≥ 2
 * now (StableStepTest), so diverging runs are built through {@link UnstableSpecs}: the safety net must stay honest.
 */
class HonestNumbersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every trial blows up in the first window (|1 − dt| = 4 per step). */
    private static final String ALL_DIVERGE = "model=idp&n=64&p=3&noise=0&dt=5&t=150&trials=6&in=0:d1,100:d2,125:d3";
    /** dt just above 2: trials blow up at their own steps, some only after the end (BatchRunnerTest measured it). */
    private static final String SOME_DIVERGE = "model=idp&n=64&p=3&noise=0.01&dt=2.01&t=3000&seed=5&trials=8"
            + "&in=0:d1";

    private record Printed(int code, String out, String err) {
    }

    private static Printed print(Object report, boolean json) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExperimentCommand.print(report, json, new PrintWriter(out), new PrintWriter(err));
        return new Printed(code, out.toString(), err.toString());
    }

    /** The CLI's one-cell experiment on the sweep engine. */
    private static ExperimentReport windows(ExperimentSpec spec) {
        return ExperimentSweeps.run("sequence", ExperimentSweeps.single(spec), 2, null);
    }

    @Test
    void wilsonBoundsAreExactAtTheEnds() {
        for (int n = 1; n <= 2000; n++) {
            double[] none = Stats.wilson(0, n);
            double[] all = Stats.wilson(n, n);
            assertEquals(0.0, none[0], 0.0, "0/" + n + ": lower bound exactly 0");
            assertEquals(1.0, all[1], 0.0, n + "/" + n + ": upper bound exactly 1");
            // the other ends, closed forms of the Wilson interval: z²/(n + z²) and n/(n + z²)
            double z2 = 1.959963984540054 * 1.959963984540054;
            assertEquals(z2 / (n + z2), none[1], 1e-15, "0/" + n + " upper");
            assertEquals(n / (n + z2), all[0], 1e-15, n + "/" + n + " lower");
        }
        // the issue's case: 0 of 6 printed ciLow = 2.8e-17
        assertEquals(0.0, Stats.wilson(0, 6)[0], 0.0);
    }

    @Test
    void everyTrialDivergedSaysSoAndNeverLabelsMemoryZero() throws Exception {
        ExperimentSpec spec = UnstableSpecs.parse(ALL_DIVERGE);
        ExperimentReport r = windows(spec);
        assertEquals(6, r.divergedTrials());
        assertFalse(r.trustworthy());
        assertTrue(r.divergence().startsWith("trial 0: the simulation diverged at t = "), r.divergence());
        for (int w = 0; w < 3; w++) {
            ExperimentReport.WindowView ws = r.windows(0).get(w);
            assertEquals(w + 1, ws.memory(), "the window's memory comes from the spec, not from the trials");
            assertEquals(6, ws.diverged());
            assertEquals(0, ws.completed());
            assertEquals(0.0, ws.ciLow(), 0.0);
        }
        Printed text = print(r, false);
        assertEquals(3, text.code());
        assertFalse(text.out().contains("memory 0"), text.out());
        assertTrue(text.out().contains("window 1 (t ≥ 0, memory 1): no result: all 6 trials diverged before it ended"),
                text.out());
        assertTrue(text.out().contains("NOT TRUSTWORTHY: 6 of 6 trials diverged"), text.out());
        assertTrue(text.err().startsWith("error: 6 of 6 trials diverged, so this result is not trustworthy"),
                text.err());
        assertTrue(text.err().contains("dt = 5.0"), text.err());

        Printed json = print(r, true);
        assertEquals(3, json.code());
        JsonNode root = JSON.readTree(json.out());
        assertEquals(6, root.get("divergedTrials").asInt());
        assertFalse(root.get("trustworthy").asBoolean());
        assertEquals("[[6,6,6]]", root.get("windowDiverged").toString());
        JsonNode cell = root.get("cells").get(0);
        assertEquals(6, cell.get("diverged").asInt());
        assertEquals("[0,0,0]", cell.get("windowRetrieved").toString());
        // JSON prints the exact double: 0.0, not 2.8E-17
        assertEquals("0.0", cell.get("ciLow").asText());
    }

    @Test
    void someTrialsDivergedAreCountedAsEachTrialAloneSays() throws Exception {
        ExperimentSpec spec = UnstableSpecs.parse(SOME_DIVERGE);
        int diverged = 0;
        int hits = 0;
        for (int t = 0; t < spec.trials(); t++) {
            TrialResult alone = TrialRunner.run(spec, t, false);
            diverged += alone.error() != null ? 1 : 0;
            hits += alone.error() == null && alone.windows().get(0).retrieved() ? 1 : 0;
        }
        assertTrue(diverged > 0 && diverged < spec.trials(), "some but not all diverge: " + diverged);
        ExperimentReport r = windows(spec);
        assertEquals(diverged, r.divergedTrials());
        ExperimentReport.WindowView w = r.windows(0).get(0);
        assertEquals(diverged, w.diverged());
        assertEquals(spec.trials() - diverged, w.completed());
        assertEquals(hits, w.retrieved());
        Printed text = print(r, false);
        assertEquals(3, text.code());
        assertTrue(text.out().contains("; " + diverged + " of 8 trials diverged before it ended (counted as not "
                + "retrieved)"), text.out());
        // a noise-sweep row says the same: its cells are built from the base and keep its unstable step
        ExperimentReport sweep = ExperimentSweeps.run("noise-sweep", ExperimentSweeps.noise(spec, "0.01,0.02",
                "idp"), 2, null);
        assertEquals(diverged, sweep.result().cells().get(0).diverged());
        Printed p = print(sweep, false);
        assertEquals(3, p.code());
        int all = sweep.divergedTrials();
        assertTrue(p.out().contains(diverged + " diverged") && p.out().contains("NOT TRUSTWORTHY: " + all
                + " of 16 trials diverged"), p.out());
        assertTrue(p.err().contains("first: noise=0.01, model=idp, trial "), p.err());
    }

    @Test
    void aSoundExperimentSaysSoAndExitsZero() throws Exception {
        HopfieldCliTest.Result r = HopfieldCliTest.cli("experiment", "sequence", "trials=3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(0, root.get("divergedTrials").asInt());
        assertTrue(root.get("trustworthy").asBoolean());
        assertTrue(root.get("divergence").isNull());
        assertEquals("[[0,0,0]]", root.get("windowDiverged").toString());
        HopfieldCliTest.Result text = HopfieldCliTest.cli("experiment", "sequence", "trials=3");
        assertEquals(0, text.code(), text.err());
        assertFalse(text.out().contains("diverged") || text.out().contains("TRUSTWORTHY"), text.out());
        assertEquals("", text.err());
    }

    @Test
    void runJsonNumbersMemoriesFromOne() throws Exception {
        ExperimentSpec spec = Presets.get("sequence").spec();
        HopfieldCliTest.Result r = HopfieldCliTest.cli("run", "sequence", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        TrialResult alone = TrialRunner.run(spec, 0, false);
        assertEquals(3, root.get("windows").size());
        for (int w = 0; w < 3; w++) {
            JsonNode win = root.get("windows").get(w);
            assertEquals(w + 1, win.get("window").asInt());
            assertEquals(spec.schedule().get(w).target() + 1, win.get("target").asInt(), "1-based target");
            assertEquals(w + 1, win.get("target").asInt(), "sequence: windows d1, d2, d3");
            assertEquals(alone.windows().get(w).dominant() + 1, win.get("dominant").asInt(), "1-based dominant");
            assertEquals(alone.windows().get(w).retrieved(), win.get("retrieved").asBoolean());
        }
        assertFalse(root.get("diverged").asBoolean());
        assertEquals(alone.checksum(), root.get("checksum").asText());
        // the text says the same numbers
        HopfieldCliTest.Result text = HopfieldCliTest.cli("run", "sequence");
        JsonNode w1 = root.get("windows").get(0);
        assertTrue(text.out().contains("window 1: target memory 1, dominant " + w1.get("dominant").asInt()),
                text.out());
    }

    @Test
    void aDivergedRunIsNotAResult() throws Exception {
        ExperimentSpec spec = UnstableSpecs.parse(ALL_DIVERGE);
        for (String mode : new String[] {"json", "text", "csv"}) {
            RunCommand cmd = new RunCommand();
            CommandLine cl = new CommandLine(cmd);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            cmd.json = mode.equals("json");
            cmd.csv = mode.equals("csv");
            int code = cmd.run(spec, 0, 1);
            assertEquals(3, code, mode);
            assertTrue(err.toString().startsWith("error: the run is not a result: the simulation diverged at t = ")
                    && err.toString().contains("dt = 5.0"), mode + ": " + err);
            if (mode.equals("json")) {
                JsonNode root = JSON.readTree(out.toString());
                assertTrue(root.get("diverged").asBoolean());
                assertEquals(0, root.get("windows").size(), "no window ended before the blow-up");
                assertEquals(3, root.get("windowsInSpec").asInt());
            } else if (mode.equals("text")) {
                assertTrue(out.toString().contains("window 1: no result: the run diverged before it ended"), out.toString());
                assertTrue(out.toString().contains("DIVERGED"), out.toString());
                assertFalse(out.toString().contains("checksum:"), out.toString());
            } else {
                List<String> lines = new ArrayList<>(List.of(out.toString().split("\\R")));
                assertEquals("t,window,m1,m2,m3,energy", lines.get(0));
                assertTrue(lines.size() >= 2, "rows up to the blow-up were streamed");
            }
        }
    }

    @Test
    void aStableSpecRoundTripsThroughTheReportSpec() throws Exception {
        // the report's spec replays: it parses back to the spec that ran
        ExperimentReport r = windows(Presets.get("sequence").spec().toBuilder().trials(2).build());
        assertEquals(Presets.get("sequence").spec().toBuilder().trials(2).build(),
                SpecCodec.parse(r.result().definition().base().toString()));
        assertEquals(Presets.get("sequence").spec().toBuilder().trials(2).build(),
                r.result().definition().cellSpec(0));
        assertTrue(r.trustworthy());
    }
}
