package org.hopfieldlab.sim.spec;

/** Small enumerations of the spec, each with its text key. */
public final class Choices {
    private Choices() {
    }

    public enum MemoryKind {
        RANDOM("random"), ORTHOGONAL("orthogonal"), GLYPHS("glyphs"), CUSTOM("custom");
        public final String key;

        MemoryKind(String key) {
            this.key = key;
        }
    }

    public enum InitialState {
        /** x(0) ~ N(0, I), as in the paper. */
        GAUSS("gauss"),
        ZERO("zero"),
        /** x(0) = the cue (memory `cue` partially masked and/or flipped): classic pattern completion. */
        CUE("cue"),
        /** x(0) = a drawn picture (key cuepat), e.g. a scribbled letter to complete. */
        DRAWN("drawn");
        public final String key;

        InitialState(String key) {
            this.key = key;
        }
    }

    /** The map from overlaps to gains in the modern family. */
    public enum GainMap {
        LINEAR("linear"), SOFTMAX("softmax"), POLY("poly");
        public final String key;

        GainMap(String key) {
            this.key = key;
        }
    }

    public enum Update {
        ASYNC("async"), SYNC("sync");
        public final String key;

        Update(String key) {
            this.key = key;
        }
    }
}
