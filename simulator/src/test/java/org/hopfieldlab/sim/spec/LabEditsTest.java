package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lab's window editor (ScheduleEdit.edit), its cue dialog (CueEdit.use) and the speed table (ViewState). */
class LabEditsTest {
    static final ExperimentSpec SEQ = Presets.get("sequence").spec();
    static final String CUE = PatternCodec.encodeSigns("+".repeat(512) + "-".repeat(512));

    static String in(ExperimentSpec s) {
        return SpecCodec.formatSchedule(s.schedule());
    }

    @Test
    void oneFieldOfAWindowChangesAndTheRestStays() {
        assertEquals("0:d1,10:c2,20:d3", in(ScheduleEdit.edit(SEQ, 1, "kind", "c")), "a memory window keeps its memory");
        assertEquals("0:d1,10:d2,20:d7", in(ScheduleEdit.edit(SEQ, 2, "memory", " 7 ")));
        assertEquals("0:d1,12.5:d2,20:d3", in(ScheduleEdit.edit(SEQ, 1, "start", "12.5")));
        assertEquals("0:d1,10:off,20:d3", in(ScheduleEdit.edit(SEQ, 1, "kind", "off")));
        ExperimentSpec w = ScheduleEdit.edit(SEQ, 0, "kind", "w");
        assertEquals("0:w1.5_1_1_1_1_1_1_1_1_1,10:d2,20:d3", in(w), "a first guess, memory 1 leading");
        assertEquals(in(w), in(ScheduleEdit.edit(w, 0, "kind", "w")), "weights stay weights");
        ExperimentSpec p3 = SpecEdit.change(SEQ, "p=3");
        assertEquals("0:w2_0.5_1,10:d2,20:d3", in(ScheduleEdit.edit(ScheduleEdit.edit(p3, 0, "kind", "w"), 0,
                "weights", " 2  0.5_1;")), "spaces, '_' and ';' separate weights");
        ExperimentSpec off = ScheduleEdit.edit(SEQ, 1, "kind", "off");
        assertEquals("0:d1,10:d1,20:d3", in(ScheduleEdit.edit(off, 1, "kind", "d")), "no memory before: memory 1");
    }

    @Test
    void aBadEditSaysWhatIsWrongAndNamesTheKey() {
        SpecException e = assertThrows(SpecException.class, () -> ScheduleEdit.edit(SEQ, 1, "memory", "11"));
        assertEquals("in", e.key());
        assertTrue(e.getMessage().contains("1 to p = 10"), e.getMessage());
        e = assertThrows(SpecException.class, () -> ScheduleEdit.edit(SEQ, 1, "kind", "x"));
        assertTrue(e.getMessage().contains("d, c, w, p, off"), e.getMessage());
        e = assertThrows(SpecException.class, () -> ScheduleEdit.edit(SEQ, 1, "colour", "red"));
        assertTrue(e.getMessage().contains("start, kind, memory, weights"), e.getMessage());
        e = assertThrows(SpecException.class, () -> ScheduleEdit.edit(SEQ, 1, "start", "25e"));
        assertEquals("in", e.key());
        e = assertThrows(SpecException.class, () -> ScheduleEdit.edit(SEQ, 1, "kind", "p"));
        assertEquals("cuepat", e.key(), "a drawn-cue window needs a picture: " + e.getMessage());
        assertThrows(SpecException.class, () -> ScheduleEdit.edit(SEQ, 3, "kind", "d"));
        assertThrows(SpecException.class, () -> ScheduleEdit.edit(SpecEdit.change(SEQ, "p=3"), 0, "weights", "1 2"));
    }

    @Test
    void theKindsTheEditorOffersAreTheGrammarsKinds() {
        String kinds = ScheduleEdit.kindsJson();
        for (String code : new String[] {"d", "c", "w", "p", "off"}) {
            assertTrue(kinds.contains("\"code\":\"" + code + "\""), code);
            // every kind the editor offers can be set (p with a cue in the spec)
            ExperimentSpec withCue = CueEdit.use(SEQ, CUE, true, false, 0, -1);
            ExperimentSpec set = ScheduleEdit.edit(withCue, 1, "kind", code);
            assertTrue(in(set).startsWith("0:d1,10:" + code), in(set));
        }
    }

    @Test
    void aDrawnCueIsUsedAsStartInputOrBoth() {
        ExperimentSpec start = CueEdit.use(SEQ, CUE, true, false, 0, -1);
        assertEquals("drawn", start.initialState().key);
        assertEquals(CUE, start.cuePattern());
        assertEquals(in(SEQ), in(start), "the schedule is kept");
        ExperimentSpec input = CueEdit.use(SEQ, CUE, false, true, 5, -1);
        assertEquals("0:d1,5:p,10:d2,20:d3", in(input));
        assertEquals("gauss", input.initialState().key);
        assertEquals("0:d1,10:p,20:d3", in(CueEdit.use(SEQ, CUE, false, true, 10.004, -1)),
                "a window starting on the same step is replaced");
        assertEquals(in(input), in(CueEdit.use(input, CUE, true, true, 15, -1)), "a drawn window is there already");
        ExperimentSpec both = CueEdit.use(input, CUE, true, true, 0, -1);
        ExperimentSpec startOnly = CueEdit.use(both, CUE, true, false, 0, -1);
        assertEquals("0:d1,5:off,10:d2,20:d3", in(startOnly), "the drawn window goes off");
        assertEquals("gauss", CueEdit.use(both, CUE, false, true, 0, -1).initialState().key,
                "a drawn start goes back to the default start");
        assertEquals("0:p,10:d2,20:d3", in(CueEdit.use(SEQ, CUE, false, true, 0, 0)), "window 1 becomes the cue");
        SpecException e = assertThrows(SpecException.class, () -> CueEdit.use(SEQ, CUE, false, false, 0, -1));
        assertTrue(e.getMessage().contains("start state, the input, or both"));
        assertThrows(SpecException.class, () -> CueEdit.use(SEQ, "AB", true, false, 0, -1), "a picture of n signs");
    }

    @Test
    void speedLevelsAreOneTable() {
        assertEquals(1, ViewState.stepsPerFrame(0), 0.0);
        assertEquals(8, ViewState.stepsPerFrame(ViewState.defaults().speed()), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, ViewState.stepsPerFrame(ViewState.maxSpeed()), 0.0);
        assertEquals(SpecSchema.key("speed").max(), ViewState.maxSpeed(), 0.0);
        for (int k = 1; k < ViewState.maxSpeed(); k++) {
            assertTrue(ViewState.stepsPerFrame(k) > ViewState.stepsPerFrame(k - 1));
        }
        assertEquals("steps per frame, 0 … 9 (1 … 512; 9 = as fast as possible)", SpecSchema.key("speed").help());
        assertThrows(SpecException.class, () -> ViewState.stepsPerFrame(ViewState.maxSpeed() + 1));
    }
}
