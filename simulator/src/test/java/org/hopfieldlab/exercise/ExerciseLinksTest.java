package org.hopfieldlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.Deflater;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.exercise.ExerciseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercise links: compressed JSON in the lab link's fragment, decoded with bounds and clear messages. */
class ExerciseLinksTest {

    @Test
    void everyBuiltInExerciseRoundTripsThroughACompactLink() {
        for (String id : Course.ids()) {
            String json = Course.get(id).toJson();
            String link = ExerciseLinks.link("https://lab.example.org/index.html", json);
            assertTrue(link.startsWith("https://lab.example.org/index.html#exercise=z."), link);
            assertEquals(json, ExerciseLinks.decode(ExerciseLinks.payloadOf(link)));
            assertEquals(Course.get(id), ExerciseSources.load(link));
            assertTrue(link.length() < json.length(), id + ": compression pays (" + link.length() + " vs "
                    + json.length() + " characters)");
        }
    }

    @Test
    void thePayloadIsFoundInTheFragmentOrTheQueryAndNotInsideAnotherKey() {
        assertEquals("z.abc", ExerciseLinks.payloadOf("index.html?v=1&model=idp#exercise=z.abc"));
        assertEquals("glitch", ExerciseLinks.payloadOf("index.html#exercise=glitch&view=theory"));
        assertEquals("j.e30", ExerciseLinks.payloadOf("index.html?exercise=j.e30"));
        assertNull(ExerciseLinks.payloadOf("index.html?myexercise=z.abc"));
        assertNull(ExerciseLinks.payloadOf("index.html?v=1"));
        assertEquals(Course.get("glitch"), ExerciseSources.load("index.html#exercise=glitch"));
    }

    @Test
    void anUncompressedPayloadWorksToo() {
        String json = Course.json("capacity");
        String payload = "j." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(json, ExerciseLinks.decode(payload));
    }

    @Test
    void brokenPayloadsGetClearMessages() {
        assertMessage("z.!!!!", "not base64url");
        assertMessage("z." + Base64.getUrlEncoder().encodeToString("not deflate".getBytes(StandardCharsets.UTF_8)),
                "deflate-raw");
        String cut = ExerciseLinks.encode(Course.json("glitch"));
        assertMessage(cut.substring(0, cut.length() / 2), "cut short");
        assertMessage("x.abc", "must start with 'z.'");
        assertMessage("j." + Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}), "UTF-8");
        ExerciseException none = assertThrows(ExerciseException.class, () -> ExerciseSources.load("index.html#exercise=nope"));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
    }

    @Test
    void aDecompressionBombIsStoppedEarly() {
        // 50 MB of spaces deflate to about 50 KB; inflating stops at the limit instead of filling the memory
        byte[] spaces = new byte[50_000_000];
        java.util.Arrays.fill(spaces, (byte) ' ');
        Deflater d = new Deflater(9, true);
        d.setInput(spaces);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        String payload = "z." + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        assertMessage(payload, "inflates to more than");
    }

    @Test
    void filesAreReadAsUtf8WithASizeBound(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, Course.json("stability"));
        assertEquals(Course.get("stability"), ExerciseSources.load(ok.toString()));
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[1_000_000]);
        assertTrue(assertThrows(ExerciseException.class, () -> ExerciseSources.load(big.toString())).getMessage()
                .contains("at most"));
        Path latin = dir.resolve("latin.json");
        Files.write(latin, new byte[] {'{', (byte) 0xe9, '}'});
        assertTrue(assertThrows(ExerciseException.class, () -> ExerciseSources.load(latin.toString())).getMessage()
                .contains("not UTF-8"));
        ExerciseException missing = assertThrows(ExerciseException.class,
                () -> ExerciseSources.load(dir.resolve("none.json").toString()));
        assertTrue(missing.getMessage().contains("is not a built-in exercise"), missing.getMessage());
        assertEquals(Exercise.class, ExerciseSources.load("glitch").getClass());
    }

    private static void assertMessage(String payload, String words) {
        ExerciseException e = assertThrows(ExerciseException.class, () -> ExerciseLinks.decode(payload));
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
