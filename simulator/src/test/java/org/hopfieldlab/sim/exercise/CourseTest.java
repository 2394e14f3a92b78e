package org.hopfieldlab.sim.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.exercise.CourseSolutions;
import org.hopfieldlab.exercise.CourseSolutions.Solution;
import org.junit.jupiter.api.Test;

/**
 * The built-in course: at least 8 exercises, and for every task a reference answer that is graded right and one
 * that is graded wrong (the same file is graded in the TeaVM JS and Wasm builds by the webapp's Node check).
 */
class CourseTest {

    @Test
    void everyTaskHasARightAndAWrongReferenceAnswerThatGradeSo() {
        List<Solution> solutions = CourseSolutions.all();
        Set<String> covered = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Solution s : solutions) {
            long t1 = System.nanoTime();
            Verdict v = Grader.grade(Course.get(s.exercise()), s.task(), s.answer());
            System.out.printf("  %-18s %-12s %-5s %-7s %5.2f s  %.3g work units%n", s.exercise(), s.task(), s.expect(),
                    v.status().key, (System.nanoTime() - t1) / 1e9, v.work());
            if (!v.status().key.equals(s.expect())) {
                failures.add(s.exercise() + "/" + s.task() + " " + s.expect() + " answer " + s.answer() + " → "
                        + v.toJson());
            }
            if (v.status() == Verdict.Status.WRONG) {
                assertTrue(!v.hint().isEmpty(), s.exercise() + "/" + s.task() + ": a wrong try shows the hint");
            }
            covered.add(s.exercise() + "/" + s.task() + "/" + s.expect());
        }
        System.out.printf("CourseTest: %d reference answers graded on the JVM in %.1f s%n", solutions.size(),
                (System.nanoTime() - t0) / 1e9);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (Exercise e : Course.all()) {
            for (Task t : e.tasks()) {
                for (String expect : new String[] {"right", "wrong"}) {
                    assertTrue(covered.contains(e.id() + "/" + t.id() + "/" + expect),
                            "no " + expect + " reference answer for " + e.id() + "/" + t.id());
                }
            }
        }
    }

    @Test
    void theCourseTeachesThePaperInOrder() {
        assertEquals(List.of("hopfield-basics", "capacity", "continuous-energy", "classic-fails", "idp-existence",
                "stability", "noise-switching", "glitch", "modern-family"), Course.ids());
        for (Exercise e : Course.all()) {
            assertEquals(e, Exercise.parse(Course.json(e.id())), e.id());
            for (Task t : e.tasks()) {
                assertTrue(!t.hint().isEmpty(), e.id() + "/" + t.id() + " has a hint for a wrong try");
                boolean[] sim = Grading.simulationFlags(t);
                assertTrue(Evaluation.work(t.spec(), sim[0], sim[1]) <= ExerciseLimits.MAX_WORK, e.id() + "/" + t.id());
            }
        }
    }
}
