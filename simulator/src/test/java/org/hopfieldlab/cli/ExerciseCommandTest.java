package org.hopfieldlab.cli;

import static org.hopfieldlab.cli.HopfieldCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Grader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exercise list|grade|show|link} end to end, with their exit codes. */
class ExerciseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listShowsTheCourseAndGivenFilesWithTheirTasks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, Course.json("idp-existence").replace("\"id\": \"idp-existence\"", "\"id\": \"mine\""));
        CliResult r = run("exercise", "list", "--json", file.toString());
        assertEquals(0, r.code, r.err);
        JsonNode all = JSON.readTree(r.out).get("exercises");
        assertEquals(Course.ids().size() + 1, all.size());
        JsonNode mine = all.get(all.size() - 1);
        assertEquals("mine", mine.get("id").asText());
        assertEquals(file.toString(), mine.get("source").asText());
        assertEquals("numeric", mine.get("tasks").get(0).get("kind").asText());
        assertTrue(mine.get("tasks").get(0).has("locked"));
        assertTrue(!mine.get("tasks").get(0).has("hint"), "the list shows no hints or answers");
        CliResult text = run("exercise", "list");
        assertTrue(text.out.contains("glitch  8. IDP: a glitch is not followed"), text.out);
        assertTrue(text.out.contains("draw-b"), text.out);
    }

    @Test
    void gradeExitsZeroWhenRightOneWhenWrongTwoWhenRefused() throws Exception {
        CliResult right = run("exercise", "grade", "idp-existence", "beta-star", "6.71", "--json");
        assertEquals(0, right.code, right.err);
        assertEquals("right", JSON.readTree(right.out).get("verdict").asText());
        assertEquals(Grader.grade(Course.get("idp-existence"), "beta-star", "6.71").toJson(), right.out.trim());
        CliResult wrong = run("exercise", "grade", "idp-existence", "beta-star", "6.67");
        assertEquals(1, wrong.code);
        assertTrue(wrong.out.contains("Not yet: 6.67 is too low.") && wrong.out.contains("Hint: Solve β α'1 = 1"),
                wrong.out);
        String locked = Course.get("idp-existence").task("vanish").spec().toString().replace("beta=10", "beta=20");
        CliResult refused = run("exercise", "grade", "idp-existence", "vanish", locked);
        assertEquals(2, refused.code);
        assertTrue(refused.out.contains("changes locked keys: beta (10 → 20)"), refused.out);
    }

    @Test
    void badInputExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        CliResult noTask = run("exercise", "grade", "glitch", "nope", "a");
        assertEquals(2, noTask.code);
        assertTrue(noTask.err.contains("has no task 'nope'; its tasks: during, m-a, after"), noTask.err);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": 1, \"id\": \"x\", \"title\": \"<script>alert(1)</script>\"}");
        CliResult hostile = run("exercise", "list", bad.toString());
        assertEquals(2, hostile.code);
        assertTrue(hostile.err.contains(bad + ": title: contains HTML"), hostile.err);
        assertTrue(!hostile.err.contains("Exception"), "no stack trace: " + hostile.err);
        CliResult unknown = run("exercise", "grade", "no-such-thing", "t", "1");
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.contains("is not a built-in exercise"), unknown.err);
    }

    @Test
    void showAndLinkGiveDocumentsThatGradeTheSame(@TempDir Path dir) throws Exception {
        CliResult show = run("exercise", "show", "stability");
        assertEquals(0, show.code, show.err);
        Path copy = dir.resolve("copy.json");
        Files.writeString(copy, show.out);
        CliResult link = run("exercise", "link", copy.toString(), "--base", "https://lab.example.org/");
        assertEquals(0, link.code, link.err);
        String url = link.out.trim();
        assertTrue(url.startsWith("https://lab.example.org/#exercise=z."), url);
        CliResult graded = run("exercise", "grade", url, "alpha-star", "0.364");
        assertEquals(0, graded.code, graded.out + graded.err);
        assertEquals("index.html#exercise=glitch", run("exercise", "link", "glitch").out.trim());
    }

    private record CliResult(int code, String out, String err) {
    }

    private static CliResult run(String... args) {
        HopfieldCliTest.Result r = cli(args);
        return new CliResult(r.code(), r.out(), r.err());
    }
}
