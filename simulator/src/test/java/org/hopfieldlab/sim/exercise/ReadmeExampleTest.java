package org.hopfieldlab.sim.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's full example of an exercise is a valid document whose tasks grade as the README says. */
class ReadmeExampleTest {

    static String example() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("### Writing an exercise");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        int end = readme.indexOf("```", start);
        assertTrue(section > 0 && start > section && end > start, "README has the example");
        return readme.substring(start, end);
    }

    @Test
    void theExampleReadsAndGrades() throws Exception {
        Exercise e = Exercise.parse(example());
        assertEquals("complete-b", e.id());
        assertEquals(List.of("choice", "numeric", "make", "draw"),
                e.tasks().stream().map(t -> t.kind().key).toList());
        assertEquals(Verdict.Status.RIGHT, Grader.grade(e, "which", "a").status());
        assertEquals(Verdict.Status.WRONG, Grader.grade(e, "which", "b").status());
        // the cue of the course's draw task: 12 pixels of B that H, O and T lack
        assertEquals(Verdict.Status.RIGHT, Grader.grade(e, "draw-b", "AAAAAAACBIABSnMAA").status());
        String flip = e.spec().toString().replace("mask=0.3&flip=0.1", "mask=0&flip=0.3");
        assertEquals(Verdict.Status.RIGHT, Grader.grade(e, "damage", flip).status(), Grader.grade(e, "damage", flip).toJson());
        Verdict energy = Grader.grade(e, "energy", "-84.6");
        assertEquals(Verdict.Status.RIGHT, energy.status(), energy.toJson());
    }
}
