package org.hopfieldlab.sim.spec;

/**
 * Specs that links refuse: a continuous model with dt ≥ 2 (rule stable-step). Only the tests of the divergence
 * safety net (the run loop, the batched kernel, the pools and the reports that count diverged trials) build them.
 */
public final class UnstableSpecs {
    private UnstableSpecs() {
    }

    /** Parses a query as {@link SpecCodec#parse} does, but lets dt ≥ 2 through for a continuous model. */
    public static ExperimentSpec parse(String query) {
        ExperimentSpec.Builder b = ExperimentSpec.builder();
        b.allowUnstableStep = true;
        return SpecCodec.parseOnto(b, query);
    }

    /** Builds as {@link ExperimentSpec.Builder#build} does, but lets dt ≥ 2 through. */
    public static ExperimentSpec build(ExperimentSpec.Builder b) {
        b.allowUnstableStep = true;
        try {
            return b.build();
        } finally {
            b.allowUnstableStep = false;
        }
    }
}
