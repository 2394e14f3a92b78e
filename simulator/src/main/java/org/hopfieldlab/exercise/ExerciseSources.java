package org.hopfieldlab.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.exercise.ExerciseException;
import org.hopfieldlab.sim.exercise.ExerciseLimits;

/** Finds an exercise named on a command line or in a request: a built-in id, a JSON file, or an exercise link. */
public final class ExerciseSources {
    private ExerciseSources() {
    }

    /** The exercise's JSON text. */
    public static String json(String source) {
        if (Course.has(source)) {
            return Course.json(source);
        }
        String payload = ExerciseLinks.payloadOf(source);
        if (payload != null) {
            if (ExerciseLinks.isBuiltInId(payload)) {
                if (!Course.has(payload)) {
                    throw new ExerciseException("link", "the link names the built-in exercise '" + payload
                            + "', which does not exist; built-in: " + String.join(", ", Course.ids()));
                }
                return Course.json(payload);
            }
            return ExerciseLinks.decode(payload);
        }
        Path file = Path.of(source);
        if (Files.isRegularFile(file)) {
            return readFile(file);
        }
        throw new ExerciseException("", "'" + source + "' is not a built-in exercise (" + String.join(", ",
                Course.ids()) + "), an exercise file or an exercise link (…#exercise=…)");
    }

    public static Exercise load(String source) {
        return Exercise.parse(json(source));
    }

    private static String readFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > (long) ExerciseLimits.MAX_DOCUMENT * 4) {
                throw new ExerciseException("", file + " is " + size + " bytes; an exercise may have at most "
                        + ExerciseLimits.MAX_DOCUMENT + " characters");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ExerciseException("", file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ExerciseException("", "cannot read " + file + ": " + e.getMessage());
        }
    }
}
