package org.hopfieldlab.sim.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.sim.exercise.course.CourseTexts;

/**
 * The built-in course: exercises that teach the paper in order, written in the same JSON format teachers use
 * (see {@link CourseTexts}) and read by the same parser.
 */
public final class Course {
    private Course() {
    }

    private static final Map<String, String> JSON = new LinkedHashMap<>();
    private static final Map<String, Exercise> PARSED = new LinkedHashMap<>();

    static {
        for (String text : CourseTexts.ALL) {
            Exercise e = Exercise.parse(text);
            JSON.put(e.id(), text);
            PARSED.put(e.id(), e);
        }
    }

    /** Ids in course order. */
    public static List<String> ids() {
        return new ArrayList<>(JSON.keySet());
    }

    public static boolean has(String id) {
        return JSON.containsKey(id);
    }

    /** The exercise's JSON text as written. */
    public static String json(String id) {
        return JSON.get(check(id));
    }

    public static Exercise get(String id) {
        return PARSED.get(check(id));
    }

    public static List<Exercise> all() {
        return new ArrayList<>(PARSED.values());
    }

    private static String check(String id) {
        if (!JSON.containsKey(id)) {
            throw new ExerciseException("", "no built-in exercise '" + id + "'; built-in: " + String.join(", ",
                    JSON.keySet()));
        }
        return id;
    }
}
