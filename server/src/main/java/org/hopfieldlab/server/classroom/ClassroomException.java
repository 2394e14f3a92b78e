package org.hopfieldlab.server.classroom;

/** A classroom request that cannot be done, with a message meant for the person who made it. */
public class ClassroomException extends RuntimeException {
    public ClassroomException(String message) {
        super(message);
    }

    /** Not found, or not the caller's to see: both look the same, so nothing leaks between classes. */
    public static ClassroomException notFound(String what) {
        return new ClassroomException("This " + what + " does not exist or is not yours to see.");
    }
}
