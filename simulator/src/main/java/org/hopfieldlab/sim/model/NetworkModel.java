package org.hopfieldlab.sim.model;

/** What every network model offers the simulation and the read-outs. */
public interface NetworkModel {
    /** Sets the external input u (length N), or null for no input. O(N·P), called when the input changes. */
    void setInput(double[] u);

    /** The gains α_μ the synapses currently use (IDP/modern: from the input; classic: all ones). Do not modify. */
    double[] gains();

    /** Overlaps m_μ = |ξ^μ · σ(x)| / N into {@code out} (length P). */
    void overlaps(double[] x, double[] out);

    /** The energy E(x; u) of the science file at state x with the current input. */
    double energy(double[] x);

    /**
     * {@link #overlaps} then {@link #energy} of the same state x, with the same operations in the same order (so the
     * same bits); rate models share σ(x) and Ξᵀσ(x) between the two instead of computing them twice.
     */
    default double overlapsAndEnergy(double[] x, double[] out) {
        overlaps(x, out);
        return energy(x);
    }

    /** The activation σ(x_i) of one neuron (tanh(β x) for continuous models, x itself for sign units). */
    double activation(double xi);
}
