package org.hopfieldlab.sim.spec;

/** A spec that cannot be accepted: the message names the key, the value and the allowed range. */
public final class SpecException extends IllegalArgumentException {
    private final String key;

    public SpecException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The offending key (or "" when the problem is not tied to one key). */
    public String key() {
        return key;
    }
}
