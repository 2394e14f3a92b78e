package org.hopfieldlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.theory.Theory;
import org.junit.jupiter.api.Test;

/** The CLI end to end through {@link HopfieldCli#execute}, with System.out/err captured. */
class HopfieldCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
    }

    /** Runs the CLI with fresh stdout/stderr (picocli picks System.out/err up when a command first writes). */
    static synchronized Result cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = HopfieldCli.execute(args);
            System.out.flush();
            System.err.flush();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void experimentSequenceJsonReportsEveryWindow() throws Exception {
        Result r = cli("experiment", "sequence", "trials=4", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertTrue(root.isObject());
        assertEquals("sequence", root.get("experiment").asText());
        assertEquals(4, root.get("trialsPerCell").asInt());
        assertEquals(4, root.get("totalTrials").asInt());
        JsonNode cells = root.get("cells");
        assertEquals(1, cells.size());
        JsonNode cell = cells.get(0);
        ExperimentSpec spec = SpecCodec.parse(cell.get("spec").asText());
        assertEquals(Presets.get("sequence").spec().toBuilder().trials(4).build(), spec);
        assertEquals(SpecCodec.format(spec), root.get("base").asText());
        JsonNode windows = cell.get("windowRetrieved");
        assertEquals(3, windows.size());
        // recompute the counts with TrialRunner, one trial at a time
        List<TrialResult> trials = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            trials.add(TrialRunner.run(spec, t, false));
        }
        int all = 0;
        for (int w = 0; w < 3; w++) {
            int hits = 0;
            for (TrialResult t : trials) {
                hits += t.windows().get(w).retrieved() ? 1 : 0;
            }
            assertEquals(hits, windows.get(w).asInt(), "window " + (w + 1));
            all += hits;
        }
        assertEquals(all, cell.get("retrieved").asInt());
        assertEquals(all / 12.0, cell.get("fraction").asDouble(), 0.0);
        assertEquals(0, cell.get("diverged").asInt());
        assertEquals("[[0,0,0]]", root.get("windowDiverged").toString());
    }

    @Test
    void experimentCellsHaveTheSweepsJsonFields() throws Exception {
        // one result shape: an experiment's cells carry exactly the fields of `sweep --json` cells
        Result e = cli("experiment", "noise-sweep", "trials=1", "t=1", "in=0:d1", "--noise-values", "0,8", "--json");
        assertEquals(0, e.code(), e.err());
        Result s = cli("sweep", "--from", "sequence", "--x", "noise=0,8", "--y", "model=idp,classic", "--trials", "1",
                "t=1", "in=0:d1", "--json");
        assertEquals(0, s.code(), s.err());
        JsonNode experiment = JSON.readTree(e.out());
        JsonNode sweep = JSON.readTree(s.out());
        List<String> sweepFields = new ArrayList<>();
        sweep.fieldNames().forEachRemaining(sweepFields::add);
        for (String f : sweepFields) {
            assertTrue(experiment.has(f), f);
        }
        assertEquals(sweep.get("cells"), experiment.get("cells"), "same spec, seed and trials: the same cells");
        assertEquals(sweep.get("axes"), experiment.get("axes"));
    }

    @Test
    void noiseSweepJsonHasCellsPerModelAndNoise() throws Exception {
        Result r = cli("experiment", "noise-sweep", "trials=2", "--noise-values", "0,8", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode cells = JSON.readTree(r.out()).get("cells");
        assertEquals(4, cells.size());
        String[] models = {"idp", "idp", "classic", "classic"};
        String[] noises = {"0", "8", "0", "8"};
        for (int k = 0; k < 4; k++) {
            JsonNode p = cells.get(k);
            assertEquals(models[k], p.get("model").asText());
            assertEquals(noises[k], p.get("noise").asText());
            double f = p.get("fraction").asDouble();
            assertTrue(f >= 0 && f <= 1);
            // 2 trials × 3 windows: a fraction of sixths
            assertEquals(Math.round(f * 6), f * 6, 1e-9);
            assertEquals(6, p.get("windows").asInt());
        }
    }

    @Test
    void theoryJsonMatchesTheory() throws Exception {
        Result r = cli("theory", "n=256", "beta=10", "alpha=1.5,1,1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(256, root.get("n").asInt());
        JsonNode memories = root.get("memories");
        assertEquals(3, memories.size());
        double[] alpha = {1.5, 1, 1};
        for (int mu = 0; mu < 3; mu++) {
            JsonNode m = memories.get(mu);
            Theory.MemoryPrediction p = Theory.predict(alpha, 10, 256, mu);
            assertEquals(mu + 1, m.get("memory").asInt());
            assertEquals(p.exists(), m.get("exists").asBoolean());
            assertEquals(p.stable(), m.get("stable").asBoolean());
            // JSON doubles are shortest round-trip text: exact
            assertEquals(p.amplitude(), m.get("amplitude").asDouble(), 0.0);
            assertEquals(p.wellDepth(), m.get("wellDepth").asDouble(), 0.0);
            assertEquals(p.shiftedGain(), m.get("shiftedGain").asDouble(), 0.0);
            assertEquals(3, m.get("eigenvalues").size());
            for (int nu = 0; nu < 3; nu++) {
                assertEquals(p.eigenvalues()[nu], m.get("eigenvalues").get(nu).asDouble(), 0.0);
            }
        }
    }

    @Test
    void runCsvHasHeaderAndOneRowPerSample() {
        // the preset's windows start at 10 and 20, so a 2-unit run needs its own schedule
        Result r = cli("run", "sequence", "t=2", "in=0:d1,1:d2", "--csv");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertEquals("t,window,m1,m2,m3,m4,m5,m6,m7,m8,m9,m10,energy", lines[0]);
        // 200 steps at the default interval max(1, min(10, 200/300)) = 1: samples at steps 0..200
        assertEquals(1 + 201, lines.length);
        assertTrue(lines[1].startsWith("0,1,"), lines[1]);
        assertTrue(lines[lines.length - 1].startsWith("2,2,"), lines[lines.length - 1]);
        for (int k = 1; k < lines.length; k++) {
            String[] cells = lines[k].split(",");
            assertEquals(13, cells.length);
            for (String c : cells) {
                Double.parseDouble(c);
            }
        }
    }

    @Test
    void anUnstableStepIsRefusedBeforeRunningNamingDt() {
        // was: exit 0 (or 3 once |x| > 1e8) with plausible overlaps; dt ≥ 2 is now refused by the key table's rule
        for (String[] args : new String[][] {{"run", "model=idp&n=64&p=3&noise=0&dt=5&t=100&in=0:d1", "--json"},
            {"run", "sequence", "dt=5", "beta=1000"}, {"run", "sequence", "dt=2.5"},
            {"experiment", "sequence", "dt=2", "trials=2"}}) {
            Result r = cli(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + " → " + r.err());
            assertEquals("", r.out(), what);
            assertTrue(r.err().startsWith("error: dt = ") && r.err().contains(" is an unstable step for model=")
                    && r.err().contains("allowed: dt < 2"), what + " → " + r.err());
        }
    }

    @Test
    void specAndPresetsCommands() {
        Result r = cli("spec", "sequence", "noise=0", "seed=4");
        assertEquals(0, r.code(), r.err());
        assertEquals(SpecCodec.format(Presets.get("sequence").spec().toBuilder().noise(0).seed(4).build()),
                r.out().strip());
        Result p = cli("presets");
        assertEquals(0, p.code());
        for (Presets.Preset preset : Presets.all()) {
            assertTrue(p.out().contains(preset.name()), preset.name());
            assertTrue(p.out().contains(SpecCodec.format(preset.spec())));
        }
    }

    @Test
    void badInputExitsWithCode2AndOneErrorLine() {
        String[][] bad = {
            {"run", "sequence", "t=2", "--csv"},
            {"experiment", "sequence", "noise=abc"},
            {"experiment", "sequence", "trials=0"},
            {"experiment", "nonsense"},
            {"experiment", "noise-sweep", "--noise-values", "0,abc"},
            {"experiment", "noise-sweep", "--models", "idp,discrete"},
            {"experiment", "sequence", "--threads", "0"},
            {"theory", "n=256", "beta=0", "alpha=1"},
            {"theory", "n=256", "beta=10"},
            {"theory", "n=2.5", "alpha=1"},
            {"theory", "gamma=1", "alpha=1"},
            {"run", "nosuchpreset"},
            {"run", "sequence", "--trial", "5"},
            {"run", "sequence", "--every", "0"},
            {"run", "sequence", "noise"},
            {"spec", "sequence", "lambda=3"},
            {"spec", "v=2"},
        };
        for (String[] args : bad) {
            Result r = cli(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + " → " + r.err());
            assertEquals("", r.out(), what);
            String err = r.err().strip();
            assertTrue(err.startsWith("error: "), what + " → " + err);
            assertFalse(err.contains("\n"), what + ": one line, got " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), what + ": no stack trace");
        }
        assertTrue(cli("run", "sequence", "t=2", "--csv").err().contains("input window 2 starts at 10, not before"
                + " the end t = 2"));
    }

    @Test
    void usageErrorsExitWith2WithoutAStackTrace() {
        Result r = cli("experiment", "sequence", "--no-such-option");
        assertEquals(2, r.code());
        assertFalse(r.err().contains("\tat "));
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }
}
