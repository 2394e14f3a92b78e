package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.spec.JsonText;
import org.hopfieldlab.sim.spec.PatternCodec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/**
 * The schema helper's exports on the JVM: their answers are checked here, then written with the calls to
 * {@code target/schema-export-cases.json}, which {@code src/test/node/check-schema-exports.mjs} replays against the
 * real TeaVM builds (JS and Wasm GC) in the integration-test phase: the lab gets the same answers as the JVM.
 */
class SchemaExportsTest {

    /** One export call with its JVM answer; {@code session} (a spec) creates a simulation first and passes its id. */
    record Case(String name, String call, Object[] args, Object expect, String session, int advance) {
    }

    private final List<Case> cases = new ArrayList<>();

    private Object call(String name, String call, Object... args) {
        Object result = invoke(call, args);
        cases.add(new Case(name, call, args, result, null, 0));
        return result;
    }

    private static Object invoke(String call, Object[] a) {
        return switch (call) {
            case "schemaJson" -> LabExports.schemaJson();
            case "readLink" -> LabExports.readLink((String) a[0]);
            case "canonicalLink" -> LabExports.canonicalLink((String) a[0]);
            case "controls" -> LabExports.controls((String) a[0]);
            case "change" -> LabExports.change((String) a[0], (String) a[1]);
            case "schedule" -> LabExports.schedule((String) a[0]);
            case "scheduleAdd" -> LabExports.scheduleAdd((String) a[0], (Double) a[1], (String) a[2]);
            case "scheduleSwitch" -> LabExports.scheduleSwitch((String) a[0], (Double) a[1], (String) a[2]);
            case "scheduleRemove" -> LabExports.scheduleRemove((String) a[0], (Integer) a[1]);
            case "scheduleSet" -> LabExports.scheduleSet((String) a[0], (Integer) a[1], (String) a[2]);
            case "packCue" -> LabExports.packCue((String) a[0]);
            case "unpackCue" -> LabExports.unpackCue((String) a[0], (Integer) a[1]);
            case "resizeCue" -> LabExports.resizeCue((String) a[0], (Integer) a[1], (Integer) a[2]);
            case "compareSpec" -> LabExports.compareSpec((String) a[0]);
            case "lastError" -> LabExports.lastError();
            // the lab helper's exports for the panel built from the schema (issue 7, part 2)
            case "windowKinds" -> LabExports.windowKinds();
            case "scheduleEdit" -> LabExports.scheduleEdit((String) a[0], (Integer) a[1], (String) a[2], (String) a[3]);
            case "useCue" -> LabExports.useCue((String) a[0], (String) a[1], (Integer) a[2], (Integer) a[3],
                    (Double) a[4], (Integer) a[5]);
            case "labLink" -> LabExports.labLink((String) a[0], (String) a[1], (String) a[2], (String) a[3],
                    (Integer) a[4], (String) a[5]);
            case "speedSteps" -> LabExports.speedSteps((Integer) a[0]);
            default -> throw new IllegalArgumentException(call);
        };
    }

    private Object session(String name, String spec, int advance, String call, Object... args) {
        int id = LabExports.create(spec, 0);
        assertTrue(id >= 0, LabExports.lastError());
        LabExports.advance(id, advance);
        Object result = switch (call) {
            case "existenceLine" -> LabExports.existenceLine(id);
            case "synapses" -> LabExports.synapses(id, (Integer) args[0], (String) args[1], (String) args[2]);
            case "synapseChange" -> LabExports.synapseChange(id, (Integer) args[0], (String) args[1]);
            case "barsShow" -> LabExports.barsShow(id);
            case "barLine" -> LabExports.barLine(id);
            case "landscapeRange" -> LabExports.landscapeRange(id);
            default -> throw new IllegalArgumentException(call);
        };
        LabExports.dispose(id);
        cases.add(new Case(name, call, args, result, spec, advance));
        return result;
    }

    @Test
    void exportsAnswerAsTheCoreDoesAndTheCasesAreWrittenForNode() throws IOException {
        String sequence = Presets.get("sequence").spec().toString();

        // the key table
        String schema = (String) call("schema", "schemaJson");
        assertTrue(schema.contains("\"name\":\"noise\""));
        assertTrue(schema.contains("\"kind\":\"view\""));

        // the modern-defaults drift of issue 7 cannot come back: the lab's edit is the CLI's override
        String modern = (String) call("switch to modern", "change", sequence, "model=modern");
        assertTrue(modern.contains("&noise=0.3&") && modern.contains("&map=softmax&lambda=10&gamma=0.5&"), modern);
        String discrete = (String) call("switch to discrete", "change", sequence, "model=discrete");
        assertTrue(discrete.contains("&noise=0&dt=1&"), discrete);
        assertEquals(sequence, call("back from discrete", "change", discrete, "model=idp"));
        call("glyphs", "change", sequence, "mem=glyphs");
        call("fewer memories", "change", sequence, "p=2");
        assertEquals("", call("bad edit", "change", sequence, "noise=abc"));
        assertTrue(((String) call("bad edit message", "lastError")).contains("noise = 'abc' is not a number"));
        assertEquals("", call("inapplicable edit", "change", sequence, "lambda=3"));

        // whole links, good and bad
        String read = (String) call("repeated and bad view keys", "readLink",
                "n=1024&n=512&engine=foo&view=nonsense&speed=abc&hide=noise,zork");
        for (String key : new String[] {"\"key\":\"n\"", "\"key\":\"engine\"", "\"key\":\"view\"", "\"key\":\"speed\"",
            "\"key\":\"hide\""}) {
            assertTrue(read.contains(key), key + " in " + read);
        }
        call("custom without pictures", "readLink", "mem=custom&pat=zzz");
        call("preset and teacher keys", "readLink", "preset=energy&noise=1&hide=noise&lock=model&view=landscape");
        String link = (String) call("canonical link", "canonicalLink", "view=theory&hide=beta,noise&" + sequence);
        assertEquals(sequence + "&hide=beta,noise&view=theory", link, "hide in table order");
        assertEquals("", call("repeated key", "canonicalLink", "n=64&n=64"));

        // control state
        String controls = (String) call("controls", "controls", sequence);
        assertTrue(controls.contains("\"name\":\"p\",\"value\":\"10\",\"applies\":true"), controls);
        call("controls of a cue", "controls", Presets.get("letters-cue").spec().toString());

        // the input schedule
        call("schedule", "schedule", Presets.get("glitch").spec().toString());
        assertTrue(((String) call("add", "scheduleAdd", sequence, Double.NaN, "")).contains("in=0:d1,10:d2,20:d3,25:d4"));
        call("add at", "scheduleAdd", sequence, 5.0, "c2");
        assertTrue(((String) call("switch now", "scheduleSwitch", sequence, 15.000000000000002, "off"))
                .contains("in=0:d1,10:d2,15:off&"));
        call("remove first", "scheduleRemove", sequence, 0);
        call("set", "scheduleSet", sequence, 1, "12:w1_2_3_4_5_6_7_8_9_10");
        assertEquals("", call("bad window", "scheduleSet", sequence, 1, "12:d11"));

        // cues
        String signs = "+-+--++-+++-----+-+-+-+++--+-+-+--++-";
        String packed = (String) call("pack", "packCue", signs);
        assertEquals(PatternCodec.encodeSigns(signs), packed);
        assertEquals(signs, call("unpack", "unpackCue", packed, signs.length()));
        assertEquals("", call("unpack wrong n", "unpackCue", packed, 100));
        call("resize", "resizeCue", PatternCodec.encodeSigns("+".repeat(50) + "-".repeat(50)), 100, 400);

        // compare mode
        assertEquals(SpecCodec.format(Presets.get("classic-constant").spec()), call("compare", "compareSpec", sequence));
        assertEquals("", call("no compare for discrete", "compareSpec", Presets.get("discrete").spec().toString()));

        // the two formulas
        String thresholds = Presets.get("thresholds").spec().toString();
        double line = (Double) session("existence line", thresholds, 10, "existenceLine");
        assertEquals(0.1 + 0.25 / 256, line, 1e-12, "1/β + Σα/N with α = (0.15, 0.05, 0.05), N = 256");
        String syn = (String) session("synapses", Presets.get("energy").spec().toString(), 5, "synapses", 16, "0,1", "");
        assertTrue(syn.startsWith("{\"size\":16,\"neurons\":["), syn);

        // the lab's panel: window editor, cue dialog, links with view keys, speed, bars, synapse change, landscape
        assertTrue(((String) call("window kinds", "windowKinds")).contains("\"code\":\"off\""));
        assertTrue(((String) call("edit kind", "scheduleEdit", sequence, 1, "kind", "c")).contains("in=0:d1,10:c2,20:d3"));
        call("edit weights", "scheduleEdit", (String) call("to weights", "scheduleEdit", sequence, 0, "kind", "w"), 0,
                "weights", "2 1_1;1 1 1 1 1 1 1");
        assertEquals("", call("edit bad memory", "scheduleEdit", sequence, 2, "memory", "0"));
        String cue = PatternCodec.encodeSigns("+-".repeat(512));
        assertTrue(((String) call("use cue", "useCue", sequence, cue, 1, 1, 5.0, -1)).contains("in=0:d1,5:p,10:d2"));
        assertEquals("", call("use cue for nothing", "useCue", sequence, cue, 0, 0, 0.0, -1));
        assertEquals(sequence + "&hide=beta&lock=model&view=compare&speed=5",
                call("lab link", "labLink", sequence, "beta", "model", "compare", 5, "auto"));
        assertEquals(sequence, call("lab link of defaults", "labLink", sequence, "", "", "", 3, "auto"));
        assertEquals("", call("lab link bad view", "labLink", sequence, "", "", "sideways", 3, "auto"));
        assertEquals(8.0, call("speed 3", "speedSteps", 3));
        // a subnormal value: TeaVM's Double.toString writes 17 digits, the canonical text must still be the JVM's
        String tiny = "x0=cue&cue=1&mask=" + org.hopfieldlab.sim.spec.Numbers.format(1.453e-321);
        assertTrue(((String) call("subnormal canonical", "canonicalLink", tiny)).contains("mask=0.000"));
        String twoWindows = "n=256&p=4&noise=0&dt=0.05&t=4&in=0:d1,2:d3";
        assertEquals("gains", session("bars idp", twoWindows, 5, "barsShow"));
        assertEquals("input", session("bars classic", "model=classic&" + twoWindows, 5, "barsShow"));
        session("bar line", twoWindows, 50, "barLine");
        assertTrue(((Double) session("no bar line for classic", "model=classic&" + twoWindows, 5, "barLine")).isNaN());
        session("landscape range", twoWindows, 50, "landscapeRange");
        session("landscape range classic", "model=classic&" + twoWindows, 50, "landscapeRange");
        String change = (String) session("synapse change", twoWindows, 50, "synapseChange", 16, "0,2");
        assertTrue(change.startsWith("{\"sample\":{\"size\":16,") && change.contains("\"previous\":["), change);
        assertEquals("", session("no change in window 1", twoWindows, 5, "synapseChange", 16, "0"));

        JsonText j = new JsonText().array();
        for (Case c : cases) {
            j.object().field("name", c.name()).field("call", c.call()).key("args").array();
            for (Object a : c.args()) {
                value(j, a);
            }
            j.end().key("expect");
            value(j, c.expect());
            if (c.session() != null) {
                j.field("session", c.session()).field("advance", c.advance());
            }
            j.end();
        }
        Path out = Path.of(System.getProperty("schema.cases", "target/schema-export-cases.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, j.end().toString(), StandardCharsets.UTF_8);
    }

    /** Strings as JSON strings; numbers as {"i": int} or {"d": double or "NaN"}, so Node passes the right type. */
    private static void value(JsonText j, Object v) {
        if (v instanceof String s) {
            j.value(s);
        } else if (v instanceof Integer i) {
            j.object().field("i", i).end();
        } else if (v instanceof Double d) {
            j.object().key("d");
            if (d.isNaN()) {
                j.value("NaN");
            } else {
                j.value(d);
            }
            j.end();
        } else {
            throw new IllegalArgumentException(String.valueOf(v));
        }
    }
}
