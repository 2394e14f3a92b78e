package org.hopfieldlab.sim.spec;

/** The groups of the key table, in the order a form shows them. */
public enum KeyGroup {
    FORMAT("Link format"),
    MODEL("Model"),
    MEMORIES("Memories"),
    DYNAMICS("Dynamics"),
    RUN("Run"),
    INPUT("Input"),
    START("Start state and cues"),
    MODERN("Modern gains"),
    DISCRETE("Discrete updates"),
    READOUT("Read-out"),
    VIEW("View (lab links only)");

    public final String label;

    KeyGroup(String label) {
        this.label = label;
    }

    public String key() {
        return name().toLowerCase();
    }
}
