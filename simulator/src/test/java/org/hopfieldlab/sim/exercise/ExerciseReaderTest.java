package org.hopfieldlab.sim.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading exercise documents: what is accepted, and for malformed or hostile ones a clear message and nothing run. */
class ExerciseReaderTest {

    @Test
    void readsAValidDocumentAndDerivesTheLocks() {
        Exercise e = Exercise.parse(Docs.all());
        assertEquals("t", e.id());
        assertEquals(3, e.tasks().size());
        assertEquals(List.of("noise"), e.freeKeys());
        assertTrue(e.lockedKeys().contains("model"));
        assertTrue(e.lockedKeys().contains("beta"));
        assertFalse(e.lockedKeys().contains("noise"));
        assertFalse(e.lockedKeys().contains("v"), "the version is no key a student could change");
        assertEquals(TaskKind.NUMERIC, e.task("n1").kind());
        assertEquals(MeasureKind.EXISTENCE_BETA, e.task("n1").answer().kind());
        assertEquals(0, e.task("n1").answer().memory(), "memories are 1-based in documents, 0-based inside");
    }

    @Test
    void theCanonicalDocumentReadsBackEqual() {
        Exercise e = Exercise.parse(Docs.all());
        Exercise again = Exercise.parse(e.toJson());
        assertEquals(e.toJson(), again.toJson());
        assertEquals(e, again);
        for (Exercise c : Course.all()) {
            assertEquals(c.toJson(), Exercise.parse(c.toJson()).toJson(), c.id());
        }
    }

    @Test
    void theViewHidesAnswersHintsAndConditions() {
        String view = Exercise.parse(Docs.all()).viewJson();
        assertFalse(view.contains("Solve β"), view);
        assertFalse(view.contains("Less noise"), view);
        assertFalse(view.contains("\"when\""), view);
        assertFalse(view.contains("existence-beta"), view);
        assertTrue(view.contains("\"locked\""), view);
        assertTrue(view.contains("\"asked\""), view);
    }

    @Test
    void textMayBeAnArrayOfLines() {
        Exercise e = Exercise.parse(Docs.all().replace("\"instructions\": \"Do it.\"",
                "\"instructions\": [\"Line one,\", \"\", \"line three.\"]"));
        assertEquals("Line one,\n\nline three.", e.instructions());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what | the change to a valid document | expected path | words in the message
        "script tag in the instructions|\"Do it.\"|\"<script>alert(1)</script>\"|instructions|raw HTML",
        "event handler in a prompt|\"β*?\"|\"<img src=x onerror=alert(1)>\"|tasks[0].prompt|raw HTML",
        "closing tag|\"Do it.\"|\"hello </div>\"|instructions|raw HTML",
        "javascript link|\"Do it.\"|\"[click](javascript:alert(1))\"|instructions|links may only use",
        "encoded javascript link|\"Do it.\"|\"[click](jav&#x61;script:alert(1))\"|instructions|links may only use",
        "remote image|\"Do it.\"|\"![x](https://evil.example/x.png)\"|instructions|remote content",
        "control character|\"Do it.\"|\"a\\u0000b\"|instructions|control character",
        "unknown task kind|\"numeric\"|\"essay\"|tasks[0].kind|unknown task kind 'essay'",
        "unknown field|\"title\": \"T\"|\"titel\": \"T\"|titel|unknown field 'titel'",
        "missing title|\"title\": \"T\", \"instructions\"|\"instructions\"|title|missing",
        "bad spec|mem=orthogonal|mem=orthogonal&bogus=1|spec|unknown key 'bogus'",
        "out-of-range spec|beta=10|beta=-1|spec|beta",
        "free key that is no spec key|[\"noise\"]|[\"loudness\"]|free[0]|not a spec key",
        "memory beyond p|\"memory\": 1}, \"tolerance\"|\"memory\": 4}, \"tolerance\"|tasks[0].answer.memory|allowed: 1 to 3",
        "unknown measure|existence-beta|vibes|tasks[0].answer.measure|unknown measure 'vibes'",
        "zero tolerance object|{\"abs\": 0.01}|{}|tasks[0].tolerance|needs",
        "negative tolerance|{\"abs\": 0.01}|{\"abs\": -1}|tasks[0].tolerance.abs|out of range",
        "bad id|\"id\": \"n1\"|\"id\": \"N 1\"|tasks[0].id|not an id",
    })
    void refusesWithAMessageNamingThePlace(String what, String from, String to, String path, String words) {
        String doc = Docs.withTask(Docs.NUMERIC);
        assertTrue(doc.contains(from), "test setup: '" + from + "' not in the document");
        ExerciseException e = assertThrows(ExerciseException.class, () -> Exercise.parse(doc.replace(from, to)), what);
        assertEquals(path, e.path(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(words), what + ": " + e.getMessage());
    }

    @Test
    void unknownAndNewerFormatsAreNamed() {
        String newer = Docs.all().replace("\"format\": 1", "\"format\": 2");
        ExerciseException e = assertThrows(ExerciseException.class, () -> Exercise.parse(newer));
        assertEquals("format", e.path());
        assertTrue(e.getMessage().contains("format 2, newer than this lab reads (format 1)"), e.getMessage());
        ExerciseException missing = assertThrows(ExerciseException.class,
                () -> Exercise.parse(Docs.all().replace("\"format\": 1, ", "")));
        assertTrue(missing.getMessage().contains("write \"format\": 1"), missing.getMessage());
        // the version is checked before anything else, so a newer document with new fields still says "newer"
        String future = Docs.all().replace("\"format\": 1", "\"format\": 3, \"rubric\": {}");
        assertTrue(assertThrows(ExerciseException.class, () -> Exercise.parse(future)).getMessage().contains("newer"));
    }

    @Test
    void aMegabyteOfTextIsRefusedBeforeParsing() {
        String big = "x".repeat(1_000_000);
        ExerciseException e = assertThrows(ExerciseException.class,
                () -> Exercise.parse(Docs.all().replace("Do it.", big)));
        assertEquals("", e.path());
        assertTrue(e.getMessage().contains("allowed: at most 200000"), e.getMessage());
        // instructions have their own, smaller limit
        String long20k = "y".repeat(ExerciseLimits.MAX_INSTRUCTIONS + 1);
        ExerciseException i = assertThrows(ExerciseException.class,
                () -> Exercise.parse(Docs.all().replace("Do it.", long20k)));
        assertEquals("instructions", i.path());
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        ExerciseException e = assertThrows(ExerciseException.class,
                () -> Exercise.parse(Docs.all().replace("[\"noise\"]", deep)));
        assertTrue(e.getMessage().contains("nests"), e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        ExerciseException e = assertThrows(ExerciseException.class, () -> Exercise.parse("{\"format\": 1, \"id\": }"));
        assertTrue(e.getMessage().contains("not valid JSON") && e.getMessage().contains("1:"), e.getMessage());
        assertThrows(ExerciseException.class, () -> Exercise.parse(""));
        assertThrows(ExerciseException.class, () -> Exercise.parse("[1, 2]"));
    }

    @Test
    void repeatedFieldsAndTaskIdsAreRefused() {
        ExerciseException e = assertThrows(ExerciseException.class,
                () -> Exercise.parse(Docs.all().replace("\"title\": \"T\"", "\"title\": \"T\", \"title\": \"U\"")));
        assertEquals("title", e.path());
        assertTrue(e.getMessage().contains("twice"));
        String twice = Docs.withTask(Docs.NUMERIC + ", " + Docs.NUMERIC);
        assertTrue(assertThrows(ExerciseException.class, () -> Exercise.parse(twice)).getMessage()
                .contains("used twice"));
    }

    @Test
    void lessThanInMathIsFine() {
        Exercise e = Exercise.parse(Docs.all().replace("Do it.", "If β α' < 1 there is no well; x <2 too. A [link](https://example.org/a?b=c) is fine."));
        assertTrue(e.instructions().contains("β α' < 1"));
    }

    @Test
    void choiceRulesAreEnforced() {
        String twoMarked = "{\"id\": \"c\", \"kind\": \"choice\", \"prompt\": \"?\", \"choices\": [{\"id\": \"a\", "
                + "\"text\": \"x\", \"correct\": true}, {\"id\": \"b\", \"text\": \"y\", \"correct\": true}]}";
        assertTrue(assertThrows(ExerciseException.class, () -> Exercise.parse(Docs.withTask(twoMarked)))
                .getMessage().contains("mark exactly one"));
        String none = twoMarked.replace(", \"correct\": true", "");
        assertTrue(assertThrows(ExerciseException.class, () -> Exercise.parse(Docs.withTask(none)))
                .getMessage().contains("no choice is right"));
        String one = "{\"id\": \"c\", \"kind\": \"choice\", \"prompt\": \"?\", \"choices\": [{\"id\": \"a\", "
                + "\"text\": \"x\"}]}";
        assertTrue(assertThrows(ExerciseException.class, () -> Exercise.parse(Docs.withTask(one)))
                .getMessage().contains("allowed: 2 to"));
    }

    @Test
    void measuresMustFitTheTaskSpec() {
        String theoryOnClassic = Docs.NUMERIC.replace("\"tolerance\"", "\"set\": \"model=classic\", \"tolerance\"");
        ExerciseException e = assertThrows(ExerciseException.class,
                () -> Exercise.parse(Docs.withTask(theoryOnClassic)));
        assertTrue(e.getMessage().contains("needs model=idp"), e.getMessage());
        String windowTooLarge = Docs.MAKE.replace("\"memory\": 1,", "\"memory\": 1, \"window\": 2,");
        assertTrue(assertThrows(ExerciseException.class, () -> Exercise.parse(Docs.withTask(windowTooLarge)))
                .getMessage().contains("window 2 does not exist"));
        String paramNotApplicable = Docs.MAKE.replace("{\"measure\": \"ends-in\", \"memory\": 1,",
                "{\"measure\": \"param\", \"key\": \"lambda\",");
        assertTrue(assertThrows(ExerciseException.class, () -> Exercise.parse(Docs.withTask(paramNotApplicable)))
                .getMessage().contains("does not apply"));
        String drawWithoutCue = "{\"id\": \"d\", \"kind\": \"draw\", \"prompt\": \"Draw.\", \"maxPixels\": 5,"
                + " \"condition\": {\"measure\": \"ends-in\", \"memory\": 1, \"op\": \">=\", \"value\": 1}}";
        assertTrue(assertThrows(ExerciseException.class, () -> Exercise.parse(Docs.withTask(drawWithoutCue)))
                .getMessage().contains("drawn cue"));
    }

    @Test
    void anExerciseThatWouldCostTooMuchToGradeIsRefused() {
        // 10000 trials × 3000 steps at N = 1024, P = 10: about 6·10¹¹ work units
        String heavy = Docs.MAKE.replace("\"condition\"", "\"set\": \"n=1024&mem=random&trials=10000&t=30\", \"condition\"");
        ExerciseException e = assertThrows(ExerciseException.class, () -> Exercise.parse(Docs.withTask(heavy)));
        assertEquals("tasks[0]", e.path());
        assertTrue(e.getMessage().contains("work units") && e.getMessage().contains("lower trials"), e.getMessage());
        // theory answers cost nothing, whatever the spec's size
        String theory = Docs.NUMERIC.replace("\"tolerance\"", "\"set\": \"trials=10000&t=300\", \"tolerance\"");
        assertEquals(1, Exercise.parse(Docs.withTask(theory)).tasks().size());
    }

    @Test
    void hiddenNamesAreSpecKeysOrLabSectionsFromTheSchema() {
        Exercise e = Exercise.parse(Docs.all().replace("\"free\": [\"noise\"]",
                "\"free\": [\"noise\"], \"hidden\": [\"theory\", \"presets\", \"beta\"]"));
        assertEquals(List.of("theory", "presets", "beta"), e.hiddenKeys());
        ExerciseException bad = assertThrows(ExerciseException.class, () -> Exercise.parse(Docs.all().replace(
                "\"free\": [\"noise\"]", "\"free\": [\"noise\"], \"hidden\": [\"everything\"]")));
        assertEquals("hidden[0]", bad.path());
        assertTrue(bad.getMessage().contains("panels: presets, memories"), bad.getMessage());
        // a lab section is no spec key: it cannot be freed
        ExerciseException section = assertThrows(ExerciseException.class,
                () -> Exercise.parse(Docs.all().replace("[\"noise\"]", "[\"theory\"]")));
        assertEquals("free[0]", section.path());
    }

    @Test
    void unknownTaskIdsAreNamed() {
        Exercise e = Exercise.parse(Docs.all());
        ExerciseException x = assertThrows(ExerciseException.class, () -> e.task("zz"));
        assertTrue(x.getMessage().contains("n1, m1, c1"), x.getMessage());
    }
}
