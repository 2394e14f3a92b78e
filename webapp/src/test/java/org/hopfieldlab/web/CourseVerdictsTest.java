package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.exercise.CourseSolutions;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Grader;
import org.hopfieldlab.sim.exercise.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Grades the course's reference answers on the JVM and writes each verdict's JSON to {@code course.verdicts}
 * (target/course-verdicts.jsonl); the integration-test phase then grades the same answers in the TeaVM JS and Wasm
 * builds under Node (check-course.mjs) and requires the very same JSON text: same verdict, same feedback.
 */
class CourseVerdictsTest {

    @Test
    void writesTheJvmVerdictsOfTheReferenceAnswers() throws Exception {
        List<String> lines = new ArrayList<>();
        for (CourseSolutions.Solution s : CourseSolutions.all()) {
            Verdict v = Grader.grade(Course.get(s.exercise()), s.task(), s.answer());
            assertEquals(s.expect(), v.status().key, s.exercise() + "/" + s.task() + ": " + v.toJson());
            lines.add(new JsonObject().add("exercise", s.exercise()).add("task", s.task()).add("expect", s.expect())
                    .add("answer", s.answer()).add("verdict", v.toJson()).toString());
        }
        Path out = Path.of(System.getProperty("course.verdicts", "target/course-verdicts.jsonl"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
    }
}
