package org.hopfieldlab.server.classroom;

/** A classroom request that cannot be done, with a message meant for the person who made it. */
public class ClassroomException extends RuntimeException {
    private final boolean aboutName;

    public ClassroomException(String message) {
        this(message, false);
    }

    private ClassroomException(String message, boolean aboutName) {
        super(message);
        this.aboutName = aboutName;
    }

    /** A refusal of the name a student asked for (taken, not allowed, malformed), not of the class code. */
    public static ClassroomException aboutName(String message) {
        return new ClassroomException(message, true);
    }

    /** Whether the name, not the code, is what a join form should mark as wrong. */
    public boolean isAboutName() {
        return aboutName;
    }

    /** Not found, or not the caller's to see: both look the same, so nothing leaks between classes. */
    public static ClassroomException notFound(String what) {
        return new ClassroomException("This " + what + " does not exist or is not yours to see.");
    }
}
