package org.hopfieldlab.batch.sweep;

/** A sweep refused before it starts because it exceeds a configured limit; the message names the limit. */
public final class SweepTooLargeException extends IllegalArgumentException {
    private final String key;

    public SweepTooLargeException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The form field to blame (cells, trials). */
    public String key() {
        return key;
    }
}
