package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.sim.input.Window;
import org.junit.jupiter.api.Test;

/** Edits through the core: transitions, edit defaults, fitting to p and n, and the errors of an edit. */
class SpecEditTest {
    static final ExperimentSpec SEQ = Presets.get("sequence").spec();

    static String change(ExperimentSpec s, String q) {
        return SpecEdit.change(s, q).toString();
    }

    @Test
    void switchingToModernSetsTheModernDefaultsOnceForEveryFrontEnd() {
        // issue 7: the browser gave map=softmax&lambda=10&gamma=0.5, the CLI map=linear&gamma=1
        String modern = change(SEQ, "model=modern");
        assertEquals("v=1&model=modern&n=1024&p=10&mem=random&beta=10&noise=0.3&dt=0.01&t=30&seed=1&trials=1"
                + "&in=0:d1,10:d2,20:d3&pulse=0&x0=gauss&map=softmax&lambda=10&gamma=0.5&thr=0.9", modern);
        assertEquals(modern, LabLink.parse("preset=sequence&model=modern").spec().toString(), "link with preset");
        // the values come from the table, not from this test
        assertEquals(SpecSchema.key("map").editDefault(), SpecEdit.change(SEQ, "model=modern").gainMap().key);
        // explicit values win over the transition
        assertEquals(8, SpecEdit.change(SEQ, "model=modern&noise=8&map=linear").noise(), 0.0);
        assertEquals("linear", SpecEdit.change(SEQ, "model=modern&map=linear").gainMap().key);
        // leaving modern restores the continuous noise and drops the modern keys
        assertEquals(SEQ, SpecEdit.change(SpecEdit.change(SEQ, "model=modern"), "model=idp"));
    }

    @Test
    void discreteHasNoNoiseAndOneSweepPerStepAndComingBackRestores() {
        ExperimentSpec d = SpecEdit.change(SEQ, "model=discrete");
        assertEquals(0, d.noise(), 0.0);
        assertEquals(1, d.dt(), 0.0);
        assertEquals(30, d.duration(), 0.0, "t is kept: it counts update sweeps");
        assertEquals("async", d.update().key);
        assertEquals(SEQ, SpecEdit.change(d, "model=idp"));
        ExperimentSpec classic = SpecEdit.change(SEQ, "model=classic&noise=4");
        assertEquals(4, SpecEdit.change(classic, "model=idp").noise(), 0.0, "idp and classic share their defaults");
    }

    @Test
    void keysThatStartToApplyGetTheirEditDefaultsAndKeysThatStopApplyingGo() {
        ExperimentSpec cue = SpecEdit.change(SEQ, "x0=cue");
        assertEquals(0, cue.cue());
        assertEquals(0.3, cue.mask(), 0.0);
        assertEquals(0.1, cue.flip(), 0.0);
        assertEquals(SEQ, SpecEdit.change(cue, "x0=gauss"));
        ExperimentSpec poly = SpecEdit.change(SpecEdit.change(SEQ, "model=modern"), "map=poly");
        assertEquals(3, poly.degree());
        assertTrue(!poly.toString().contains("lambda"));
        // an empty value sets the key's edit default in its context
        assertEquals(0.3, SpecEdit.change(SpecEdit.change(SEQ, "model=modern&noise=5"), "noise=").noise(), 0.0);
    }

    @Test
    void aChangeOfPFitsTheScheduleTheGlyphsAndTheCue() {
        ExperimentSpec two = SpecEdit.change(SEQ, "p=2");
        assertEquals(List.of(Window.recipe(0, 0), Window.recipe(10, 1), Window.recipe(20, 0)), two.schedule());
        ExperimentSpec w = SpecEdit.change(SEQ, "in=0:w1_2_3_4_5_6_7_8_9_10");
        assertEquals(List.of(1.0, 2.0, 3.0), SpecEdit.change(w, "p=3").schedule().get(0).weights());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 1.0, 1.0),
                SpecEdit.change(w, "p=12").schedule().get(0).weights());
        ExperimentSpec letters = Presets.get("letters-cue").spec();
        assertEquals("HOP", SpecEdit.change(letters, "p=3").chars());
        assertEquals("HOPFIELDA", SpecEdit.change(letters, "p=9").chars());
        ExperimentSpec chars = SpecEdit.change(letters, "chars=AB");
        assertEquals(2, chars.p(), "p follows the characters");
        assertEquals(0, chars.schedule().get(0).target(), "the cue of P (memory 3) wraps to memory 1 of 2");
        ExperimentSpec cue = SpecEdit.change(SEQ, "x0=cue&cue=9");
        assertEquals(3, SpecEdit.change(cue, "p=5").cue(), "cued memory 9 wraps to 4 of 5");
    }

    @Test
    void aSwitchOfMemorySetMovesNToASizeTheSetAllows() {
        ExperimentSpec g = SpecEdit.change(SEQ, "mem=glyphs");
        assertEquals(900, g.n(), "1024 → 30×30 pixels");
        assertEquals("HOPFIELD", g.chars());
        assertEquals(8, g.p());
        ExperimentSpec o = SpecEdit.change(SpecEdit.change(SEQ, "n=300"), "mem=orthogonal");
        assertEquals(256, o.n());
        assertEquals(512, SpecEdit.change(SpecEdit.change(SEQ, "n=400"), "mem=orthogonal").n());
        assertEquals(3, SpecEdit.change(SpecEdit.change(SEQ, "n=4&p=4&in=0:d1"), "mem=orthogonal").p());
        SpecException custom = assertThrows(SpecException.class, () -> SpecEdit.change(SEQ, "mem=custom"));
        assertEquals("pat", custom.key());
        assertTrue(custom.getMessage().contains("mem=custom needs pat"), custom.getMessage());
    }

    @Test
    void aDrawnCueFollowsAChangeOfN() {
        StringBuilder signs = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            signs.append(i % 10 < 5 ? '+' : '-');
        }
        String cue = PatternCodec.encodeSigns(signs.toString());
        ExperimentSpec drawn = SpecEdit.change(SEQ, "n=100&p=3&x0=drawn&cuepat=" + cue);
        ExperimentSpec big = SpecEdit.change(drawn, "n=400");
        String back = PatternCodec.decodeSigns(big.cuePattern(), 400);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(x < 10 ? '+' : '-', back.charAt(y * 20 + x), "pixel " + x + "," + y);
            }
        }
        SpecException e = assertThrows(SpecException.class, () -> SpecEdit.change(drawn, "n=300"));
        assertEquals("cuepat", e.key());
        assertTrue(e.getMessage().contains("draw it again"), e.getMessage());
    }

    @Test
    void editErrorsNameTheKey() {
        SpecException e = assertThrows(SpecException.class, () -> SpecEdit.change(SEQ, "lambda=3"));
        assertEquals("lambda", e.key());
        assertTrue(e.getMessage().contains("only with model=modern and map=softmax"));
        assertEquals("hide", assertThrows(SpecException.class, () -> SpecEdit.change(SEQ, "hide=noise")).key());
        assertEquals("noise", assertThrows(SpecException.class, () -> SpecEdit.change(SEQ, "noise=1&noise=2")).key());
        Map<String, String> map = new LinkedHashMap<>();
        map.put("model", "discrete");
        map.put("noise", "5"); // the discrete model's temperature is at most 4
        assertEquals("noise", assertThrows(SpecException.class, () -> SpecEdit.change(SEQ, map)).key());
    }

    @Test
    void compareIsTheSameRunWithTheOtherModel() {
        assertEquals(Presets.get("classic-constant").spec(), SpecEdit.compareSpec(SEQ));
        assertEquals(SEQ, SpecEdit.compareSpec(Presets.get("classic-constant").spec()));
        ExperimentSpec modern = Presets.get("modern").spec();
        assertEquals(modern.noise(), SpecEdit.compareSpec(modern).noise(), 0.0, "no transition: the same run");
        assertNull(SpecEdit.compareSpec(Presets.get("discrete").spec()));
    }

    @Test
    void scheduleEdits() {
        assertEquals("0:d1,10:d2,20:d3,25:d4", SpecCodec.formatSchedule(ScheduleEdit.add(SEQ, Double.NaN, "").schedule()));
        assertEquals("0:d1,5:c2,10:d2,20:d3", SpecCodec.formatSchedule(
                SpecEdit.change(ScheduleEdit.add(SEQ, 5, "c2"), "").schedule()));
        assertEquals("0:d1,10:d2,15:off", SpecCodec.formatSchedule(ScheduleEdit.switchAt(SEQ, 0.1 * 150, "off").schedule()));
        assertEquals("0:d2,20:d3", SpecCodec.formatSchedule(ScheduleEdit.remove(SEQ, 0).schedule()));
        assertEquals("0:d1,12:w1.5_1_1_1_1_1_1_1_1_1,20:d3",
                SpecCodec.formatSchedule(ScheduleEdit.set(SEQ, 1, "12:w").schedule()));
        assertEquals("in", assertThrows(SpecException.class, () -> ScheduleEdit.set(SEQ, 1, "12:d11")).key());
        assertEquals("in", assertThrows(SpecException.class, () -> ScheduleEdit.switchAt(SEQ, 30, "d1")).key());
        assertEquals("in", assertThrows(SpecException.class,
                () -> ScheduleEdit.remove(SpecEdit.change(SEQ, "in=0:d1"), 0)).key());
        assertTrue(ScheduleEdit.toJson(SEQ).startsWith("[{\"index\":0,\"start\":0,\"startStep\":0,\"endStep\":1000,"));
    }
}
