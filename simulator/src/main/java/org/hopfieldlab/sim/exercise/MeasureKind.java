package org.hopfieldlab.sim.exercise;

/**
 * The vocabulary of quantities an exercise may ask about: declared data, never code. Each is computed by the core
 * from a spec — by running its trials ({@link Source#SIMULATION}), from the theory for one window's input
 * ({@link Source#THEORY}, model=idp, the gains of trial 0), or from the spec itself ({@link Source#SPEC}).
 */
public enum MeasureKind {
    /** Fraction of trials in which the window's own target memory is retrieved at the window's end. */
    RETRIEVED("retrieved", Source.SIMULATION, false, false, "fraction"),
    /** Fraction of trials in which the memory has the largest overlap, above thr, at the window's end. */
    ENDS_IN("ends-in", Source.SIMULATION, true, false, "fraction"),
    /** Mean overlap m_μ at the window's end. */
    OVERLAP("overlap", Source.SIMULATION, true, false, "number"),
    /** Mean energy E at the window's end. */
    ENERGY("energy", Source.SIMULATION, false, false, "number"),
    /** Largest rise of the energy from one step to the next over the whole run, largest over the trials. */
    ENERGY_RISE("energy-rise", Source.SIMULATION, false, false, "number"),
    /** α_μ = ξ^μ·u/N of the window's input. */
    GAIN("gain", Source.THEORY, true, false, "number"),
    /** α'_μ = α_μ − (1/N) Σ_ρ α_ρ (the zero diagonal's shift). */
    SHIFTED_GAIN("shifted-gain", Source.THEORY, true, false, "number"),
    /** The β at which ξ^μ's well appears: 1/α'_μ. */
    EXISTENCE_BETA("existence-beta", Source.THEORY, true, false, "number"),
    /** c of the equilibrium x* = c ξ^μ (0 when it does not exist). */
    AMPLITUDE("amplitude", Source.THEORY, true, false, "number"),
    /** Overlap at the equilibrium, tanh(β c). */
    PREDICTED_OVERLAP("predicted-overlap", Source.THEORY, true, false, "number"),
    /** 1 when ξ^μ's equilibrium exists (β α'_μ &gt; 1), else 0. */
    EXISTS("exists", Source.THEORY, true, false, "flag"),
    /** 1 when ξ^μ's equilibrium exists and is stable, else 0. */
    STABLE("stable", Source.THEORY, true, false, "flag"),
    /** Jacobian eigenvalue along ξ^ν at ξ^μ's equilibrium. */
    EIGENVALUE("eigenvalue", Source.THEORY, true, true, "number"),
    /** Energy depth of ξ^μ's well. */
    WELL_DEPTH("well-depth", Source.THEORY, true, false, "number"),
    /** The gain α_ν (others fixed) at which ξ^μ's equilibrium loses stability along ξ^ν (NaN if its well vanishes first). */
    INSTABILITY_GAIN("instability-gain", Source.THEORY, true, true, "number"),
    /** A numeric spec value (key). */
    PARAM("param", Source.SPEC, false, false, "number"),
    /** Number of inked (+1) pixels of the drawn cue (cuepat). */
    CUE_PIXELS("cue-pixels", Source.SPEC, false, false, "number");

    /** Where the value comes from. */
    public enum Source { SIMULATION, THEORY, SPEC }

    public final String key;
    public final Source source;
    /** Needs "memory". */
    public final boolean needsMemory;
    /** Needs "along" (a second memory). */
    public final boolean needsAlong;
    /** "fraction" (shown as trials and %), "flag" (yes/no) or "number". */
    public final String type;

    MeasureKind(String key, Source source, boolean needsMemory, boolean needsAlong, String type) {
        this.key = key;
        this.source = source;
        this.needsMemory = needsMemory;
        this.needsAlong = needsAlong;
        this.type = type;
    }

    /** Whether this measure is about one input window (all but the spec ones and the whole-run energy rise). */
    public boolean usesWindow() {
        return source != Source.SPEC && this != ENERGY_RISE;
    }

    static MeasureKind byKey(String key) {
        for (MeasureKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    static String keys() {
        StringBuilder sb = new StringBuilder();
        for (MeasureKind k : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.key);
        }
        return sb.toString();
    }
}
