package org.hopfieldlab.sim.exercise;

/**
 * One quantity of the vocabulary with its arguments, 0-based inside the core (1-based in documents and text).
 *
 * @param kind what is measured
 * @param memory ξ^μ (0-based) or −1
 * @param along ξ^ν (0-based) for eigenvalue and instability-gain, or −1
 * @param window input window (0-based), or −1 for "the last window" (resolved against the task's spec)
 * @param key spec key for "param", else ""
 */
public record Measure(MeasureKind kind, int memory, int along, int window, String key) {

    /** The window this measure reads, −1 resolved to the last window of a schedule of {@code windows}. */
    int windowIn(int windows) {
        return window < 0 ? windows - 1 : window;
    }

    /** A noun phrase for feedback: "the fraction of trials in which ξ2 is retrieved at the end of window 2". */
    String describe(int windows) {
        String w = "window " + (windowIn(windows) + 1);
        String mu = "ξ" + (memory + 1);
        String nu = "ξ" + (along + 1);
        switch (kind) {
            case RETRIEVED: return "trials in which the target of " + w + " is retrieved at its end";
            case ENDS_IN: return "trials that end " + w + " in " + mu;
            case OVERLAP: return "the mean overlap m" + (memory + 1) + " at the end of " + w;
            case ENERGY: return "the mean energy at the end of " + w;
            case ENERGY_RISE: return "the largest rise of the energy from one step to the next";
            case GAIN: return "the gain α" + (memory + 1) + " of " + w + "'s input";
            case SHIFTED_GAIN: return "the shifted gain α'" + (memory + 1) + " of " + w + "'s input";
            case EXISTENCE_BETA: return "the β at which the well of " + mu + " appears (" + w + "'s input)";
            case AMPLITUDE: return "the amplitude c of the " + mu + " equilibrium (" + w + "'s input)";
            case PREDICTED_OVERLAP: return "the predicted overlap tanh(βc) at the " + mu + " equilibrium (" + w + "'s input)";
            case EXISTS: return "whether the well of " + mu + " exists (" + w + "'s input)";
            case STABLE: return "whether the " + mu + " equilibrium is stable (" + w + "'s input)";
            case EIGENVALUE: return "the eigenvalue along " + nu + " at the " + mu + " equilibrium (" + w + "'s input)";
            case WELL_DEPTH: return "the energy depth of the " + mu + " well (" + w + "'s input)";
            case INSTABILITY_GAIN: return "the gain α" + (along + 1) + " at which the " + mu
                    + " equilibrium becomes unstable along " + nu + " (" + w + "'s input)";
            case PARAM: return "the value of " + key;
            default: return "the number of inked pixels in the drawn cue";
        }
    }
}
