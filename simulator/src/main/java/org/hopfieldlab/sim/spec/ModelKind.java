package org.hopfieldlab.sim.spec;

/** The network models of the lab. */
public enum ModelKind {
    /** dx/dt = −x + W σ(x) + u: the input is added to the state. */
    CLASSIC("classic"),
    /** dx/dt = −x + W(u) σ(x): the input reshapes the synapses (Betteti et al. 2025). */
    IDP("idp"),
    /** IDP with gains α = F(Ξᵀ d / N), d = γ u + (1 − γ) σ(x): links IDP to modern Hopfield networks. */
    MODERN("modern"),
    /** Sign units with asynchronous or synchronous updates: the textbook Hopfield network. */
    DISCRETE("discrete");

    public final String key;

    ModelKind(String key) {
        this.key = key;
    }
}
