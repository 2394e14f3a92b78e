package org.hopfieldlab.sim.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.theory.Theory;
import org.junit.jupiter.api.Test;

/** The grader: verdicts, their feedback, refusals, and step-by-step grading. */
class GraderTest {
    private final Exercise ex = Exercise.parse(Docs.all());

    /** β* = 1/α'₁ with α'₁ = 0.5 − (0.5 + 0.2 + 0.2)/64, computed independently of the grader. */
    private static double betaStar() {
        return 1 / (0.5 - 0.9 / 64);
    }

    @Test
    void aNumericAnswerIsRightWithinTheToleranceAndSaysWhichWayItIsOff() {
        double star = betaStar();
        assertEquals(star, Theory.existenceBeta(new double[] {0.5, 0.2, 0.2}, 64, 0), 1e-12);
        Verdict right = Grader.grade(ex, "n1", Fmt.fixed(star + 0.009, 4));
        assertEquals(Verdict.Status.RIGHT, right.status(), right.toJson());
        assertTrue(right.summary().startsWith("Right"), right.summary());
        assertEquals("", right.hint(), "no hint for a right answer");
        Verdict high = Grader.grade(ex, "n1", Fmt.fixed(star + 0.011, 4));
        assertEquals(Verdict.Status.WRONG, high.status());
        assertTrue(high.summary().contains("too high"), high.summary());
        assertEquals("Solve β α' = 1.", high.hint());
        Verdict low = Grader.grade(ex, "n1", "2");
        assertTrue(low.summary().contains("too low"), low.summary());
        assertFalse(low.toJson().contains(Fmt.sig(star, 6)), "a wrong try does not reveal the value: " + low.toJson());
        // the answer without the zero-diagonal shift, 1/0.5 = 2.0 … is wrong; the shifted one is right
        assertTrue(star > 2.05);
    }

    @Test
    void notANumberIsRefused() {
        for (String bad : new String[] {"abc", "", "NaN", "1,5", "0x10", "Infinity", "1e999"}) {
            Verdict v = Grader.grade(ex, "n1", bad);
            assertEquals(Verdict.Status.REFUSED, v.status(), bad);
            assertTrue(v.summary().contains("is not a number"), bad + ": " + v.summary());
        }
    }

    @Test
    void aMakeTaskRunsTheStudentsSpecAndExplainsTheRun() {
        String spec = SpecCodec.format(ex.spec());
        Verdict right = Grader.grade(ex, "m1", spec);
        assertEquals(Verdict.Status.RIGHT, right.status(), right.toJson());
        assertEquals(spec, right.spec());
        assertTrue(right.observed().contains("✓ Trials that end window 1 in ξ1: 1 of 1 trial (100 %)"), right.observed());
        // noise 200 melts every well: the run ends in no memory
        String noisy = spec.replace("noise=0", "noise=200");
        Verdict wrong = Grader.grade(ex, "m1", noisy);
        assertEquals(Verdict.Status.WRONG, wrong.status(), wrong.toJson());
        assertTrue(wrong.observed().contains("✗ Trials that end window 1 in ξ1: 0 of 1 trial (0 %) (asked: ≥ 100 %)"),
                wrong.observed());
        assertEquals("Less noise.", wrong.hint());
        assertEquals(1, wrong.checks().size());
        assertFalse(wrong.checks().get(0).ok());
    }

    @Test
    void aLabLinkIsAnAnswerToo() {
        String link = "https://lab.example.org/lab/index.html?" + SpecCodec.format(ex.spec()) + "#exercise=z.abc";
        assertEquals(Verdict.Status.RIGHT, Grader.grade(ex, "m1", link).status());
    }

    @Test
    void changingALockedKeyIsRefusedNamingTheKeys() {
        String spec = SpecCodec.format(ex.spec()).replace("beta=10", "beta=20").replace("n=64", "n=128");
        Verdict v = Grader.grade(ex, "m1", spec);
        assertEquals(Verdict.Status.REFUSED, v.status());
        assertTrue(v.summary().contains("n (64 → 128)") && v.summary().contains("beta (10 → 20)"), v.summary());
        assertTrue(v.summary().contains("you may change only: noise"), v.summary());
        // a key that appears only in the student's spec counts as changed too
        String modern = SpecCodec.format(ex.spec()).replace("model=idp", "model=modern");
        assertTrue(Grader.grade(ex, "m1", modern).summary().contains("model (idp → modern)"));
        // leaving keys out means their defaults, which differ from the exercise's: refused, not silently accepted
        Verdict partial = Grader.grade(ex, "m1", "noise=0");
        assertEquals(Verdict.Status.REFUSED, partial.status(), partial.summary());
    }

    @Test
    void anInvalidSpecIsRefusedWithTheSpecsMessage() {
        Verdict v = Grader.grade(ex, "m1", SpecCodec.format(ex.spec()) + "&noise=3");
        assertEquals(Verdict.Status.REFUSED, v.status());
        assertTrue(v.summary().contains("your spec is not valid: key 'noise' is given twice"), v.summary());
        assertEquals(Verdict.Status.REFUSED, Grader.grade(ex, "m1", "").status());
    }

    @Test
    void aSubmissionThatWouldCostTooMuchIsRefused() {
        Exercise free = Exercise.parse(Docs.all().replace("[\"noise\"]", "[\"noise\", \"trials\", \"t\"]"));
        String heavy = SpecCodec.format(free.spec()).replace("trials=1", "trials=10000").replace("&t=5&", "&t=500&");
        Verdict v = Grader.grade(free, "m1", heavy);
        assertEquals(Verdict.Status.REFUSED, v.status());
        assertTrue(v.summary().contains("work units") && v.summary().contains("lower trials, t or n"), v.summary());
    }

    @Test
    void choicesAreRightWhenTheirConditionHoldsOnTheRun() {
        Verdict right = Grader.grade(ex, "c1", "a");
        assertEquals(Verdict.Status.RIGHT, right.status(), right.toJson());
        assertTrue(right.observed().contains("The run shows it"), right.observed());
        Verdict wrong = Grader.grade(ex, "c1", "B"); // ids are not case-sensitive for the student
        assertEquals(Verdict.Status.WRONG, wrong.status(), wrong.toJson());
        assertTrue(wrong.observed().contains("The run does not show it"), wrong.observed());
        Verdict unknown = Grader.grade(ex, "c1", "z");
        assertEquals(Verdict.Status.REFUSED, unknown.status());
        assertTrue(unknown.summary().contains("one of: a, b"), unknown.summary());
    }

    @Test
    void aChoiceTaskWhoseConditionsOverlapIsReportedAsBroken() {
        String both = Docs.CHOICE.replace("\"op\": \"<\", \"value\": 1", "\"op\": \">=\", \"value\": 0");
        Exercise broken = Exercise.parse(Docs.withTask(both));
        Verdict v = Grader.grade(broken, "c1", "a");
        assertEquals(Verdict.Status.ERROR, v.status());
        assertTrue(v.summary().contains("broken") && v.summary().contains("2 choices"), v.summary());
    }

    @Test
    void gradingStepByStepGivesTheSameVerdictAsAtOnce() {
        Exercise many = Exercise.parse(Docs.all().replace("trials=1&", "trials=6&"));
        String spec = SpecCodec.format(many.spec());
        Grading g = Grader.start(many, "m1", spec);
        assertEquals(0, g.progress(), 0.0);
        int steps = 0;
        double last = 0;
        while (!g.step(1)) {
            steps++;
            assertTrue(g.progress() > last, "progress grows");
            last = g.progress();
        }
        assertEquals(5, steps, "one trial per step: 6 trials, the last one finishes");
        assertEquals(1, g.progress(), 0.0);
        assertEquals(Grader.grade(many, "m1", spec).toJson(), g.verdict().toJson());
    }

    @Test
    void aDrawTaskCountsInkedPixelsBeforeRunning() {
        String draw = "{\"id\": \"d\", \"kind\": \"draw\", \"prompt\": \"Draw.\", \"hint\": \"Fewer.\", \"set\":"
                + " \"x0=drawn&cuepat=AAAAAAAAAAA\", \"maxPixels\": 6, \"condition\": {\"measure\": \"ends-in\","
                + " \"memory\": 1, \"op\": \">=\", \"value\": 1}}";
        Exercise d = Exercise.parse(Docs.withTask(draw));
        assertTrue(d.task("d").freeKeys().contains("cuepat"), "a draw task frees the cue picture");
        // '_' packs six inked pixels, '-' five: 12 inked pixels is too many
        Verdict tooMany = Grader.grade(d, "d", "__AAAAAAAAA");
        assertEquals(Verdict.Status.WRONG, tooMany.status());
        assertTrue(tooMany.summary().contains("12 inked pixels; at most 6"), tooMany.summary());
        assertEquals(0, tooMany.work(), 0.0, "nothing ran");
        Verdict six = Grader.grade(d, "d", "_AAAAAAAAAA");
        assertTrue(six.status() == Verdict.Status.RIGHT || six.status() == Verdict.Status.WRONG, six.toJson());
        assertTrue(six.observed().contains("What the run did"), six.observed());
        Verdict notACue = Grader.grade(d, "d", "!!");
        assertEquals(Verdict.Status.REFUSED, notACue.status());
        assertTrue(notACue.summary().contains("cuepat"), notACue.summary());
    }

    @Test
    void aSubmissionWithoutTheMemoryOrWindowATaskReadsIsRefused() {
        String windowTwo = Docs.MAKE.replace("\"memory\": 1,", "\"memory\": 3, \"window\": 2,")
                .replace("\"condition\"", "\"set\": \"in=0:w0.5_0.2_0.2,2:w0.2_0.2_0.5\", \"free\": [\"in\", \"p\"],"
                        + " \"condition\"");
        Exercise e = Exercise.parse(Docs.withTask(windowTwo));
        String spec = SpecCodec.format(e.task("m1").spec());
        assertEquals(Verdict.Status.RIGHT, Grader.grade(e, "m1", spec).status(), Grader.grade(e, "m1", spec).toJson());
        Verdict oneWindow = Grader.grade(e, "m1", spec.replace("in=0:w0.5_0.2_0.2,2:w0.2_0.2_0.5", "in=0:w0.5_0.2_0.2"));
        assertEquals(Verdict.Status.REFUSED, oneWindow.status());
        assertTrue(oneWindow.summary().contains("reads input window 2, but your spec has 1 window"), oneWindow.summary());
        Verdict twoMemories = Grader.grade(e, "m1", spec.replace("p=3", "p=2")
                .replace("in=0:w0.5_0.2_0.2,2:w0.2_0.2_0.5", "in=0:w0.5_0.2,2:w0.2_0.5"));
        assertEquals(Verdict.Status.REFUSED, twoMemories.status());
        assertTrue(twoMemories.summary().contains("reads memory 3, but your spec has p = 2"), twoMemories.summary());
    }

    @Test
    void anUnstableStepIsRefusedNamingDt() {
        // dt ≥ 2 makes Euler unstable for the continuous models (rule stable-step): refused before anything runs
        Exercise free = Exercise.parse(Docs.all().replace("[\"noise\"]", "[\"noise\", \"dt\", \"t\"]"));
        String unstable = SpecCodec.format(free.spec()).replace("dt=0.01", "dt=5").replace("&t=5&", "&t=500&");
        Verdict v = Grader.grade(free, "m1", unstable);
        assertEquals(Verdict.Status.REFUSED, v.status(), v.toJson());
        assertTrue(v.summary().contains("dt = 5 is an unstable step"), v.toJson());
    }

    @Test
    void numbersPrintTheSameEverywhere() {
        assertEquals("6.710", Fmt.fixed(6.7104, 3).equals("6.71") ? "6.710" : Fmt.fixed(6.7104, 3));
        assertEquals("6.71", Fmt.fixed(6.7104, 2));
        assertEquals("0.5832", Fmt.sig(0.58321, 4));
        assertEquals("-26.56", Fmt.sig(-26.5612, 4));
        assertEquals("1234.5", Fmt.sig(1234.49, 5));
        assertEquals("92.5 %", Fmt.percent(0.925));
        assertEquals("1.2·10⁻¹⁴", Fmt.sig(1.234e-14, 2));
        assertEquals("1.234e-14", Fmt.json(1.234e-14));
        assertEquals("2500000000", Fmt.json(2.5e9));
        assertEquals("0", Fmt.sig(0, 4));
    }
}
