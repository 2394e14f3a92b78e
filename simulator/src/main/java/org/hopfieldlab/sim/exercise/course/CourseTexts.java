package org.hopfieldlab.sim.exercise.course;

/**
 * The built-in course's documents, in teaching order. Each is written in the exercise format exactly as a teacher
 * would write a file (as Java text blocks, so no backslashes or straight double quotes inside the texts).
 */
public final class CourseTexts {
    private CourseTexts() {
    }

    public static final String[] ALL = {
        HopfieldBasics.JSON,
        Capacity.JSON,
        ContinuousEnergy.JSON,
        ClassicFails.JSON,
        IdpExistence.JSON,
        Stability.JSON,
        NoiseSwitching.JSON,
        Glitch.JSON,
        ModernFamily.JSON,
    };
}
