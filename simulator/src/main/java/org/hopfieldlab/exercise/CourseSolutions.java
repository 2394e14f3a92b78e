package org.hopfieldlab.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Task;
import org.hopfieldlab.sim.spec.SpecCodec;

/**
 * The built-in course's reference answers (course-solutions.tsv beside this class): for every task one answer that
 * must be graded right and one that must be graded wrong, resolved to exactly what a student would submit. The
 * simulator's tests grade them on the JVM, the webapp's in TeaVM JS and Wasm.
 */
public final class CourseSolutions {
    private CourseSolutions() {
    }

    /** One reference answer: the exercise, the task, "right" or "wrong", and the answer as submitted. */
    public record Solution(String exercise, String task, String expect, String answer) {
    }

    public static List<Solution> all() {
        try (InputStream in = CourseSolutions.class.getResourceAsStream("course-solutions.tsv")) {
            List<Solution> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    throw new IllegalStateException("course-solutions.tsv: 4 tab-separated fields expected: " + line);
                }
                out.add(new Solution(f[0], f[1], f[2], resolve(f[0], f[1], f[3])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "+key=value&…" → the task's spec with those keys changed (canonical); anything else as written. */
    static String resolve(String exercise, String task, String answer) {
        if (!answer.startsWith("+")) {
            return answer;
        }
        Task t = Course.get(exercise).task(task);
        return SpecCodec.format(SpecCodec.parseOnto(t.spec().toBuilder(), answer.substring(1)));
    }
}
