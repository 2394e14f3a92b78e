package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;

/**
 * An immutable, versioned description of a whole experiment. Its one text form is {@link SpecCodec#format}; every
 * spec is validated on {@link Builder#build()} and normalised (settings that do not apply to the chosen model or
 * input are reset to their defaults), so {@code parse(format(spec)).equals(spec)} holds for every spec.
 */
public final class ExperimentSpec {
    public static final int VERSION = 1;

    /** The values, frozen: a private copy no one else holds. */
    private final Builder v;

    private ExperimentSpec(Builder b) {
        v = new Builder(b);
        v.schedule = Collections.unmodifiableList(new ArrayList<>(b.schedule));
    }

    /** The values of this spec (read-only by convention; for the key table in this package). */
    Builder values() {
        return v;
    }

    public ModelKind model() { return v.model; }
    public int n() { return v.n; }
    public int p() { return v.p; }
    public MemoryKind memories() { return v.memories; }
    /** Glyph characters (memory set GLYPHS), one memory each. */
    public String chars() { return v.chars; }
    /** Custom memories as packed text (see {@link PatternCodec}). */
    public String patterns() { return v.patterns; }
    public double beta() { return v.beta; }
    public double noise() { return v.noise; }
    public double dt() { return v.dt; }
    /** Total simulated time T. */
    public double duration() { return v.duration; }
    public int seed() { return v.seed; }
    public int trials() { return v.trials; }
    public List<Window> schedule() { return v.schedule; }
    /** Pulsed delivery: the input is on only for the first {@code pulse} time units of each window (0 = constant). */
    public double pulse() { return v.pulse; }
    public InitialState initialState() { return v.initialState; }
    /** The cued memory (0-based) for x0=cue, or −1. */
    public int cue() { return v.cue; }
    public double mask() { return v.mask; }
    public double flip() { return v.flip; }
    public double cueAmplitude() { return v.cueAmplitude; }
    /** A drawn cue picture, packed like {@link PatternCodec} (one memory), for x0=drawn and input windows "p". */
    public String cuePattern() { return v.cuePattern; }
    public GainMap gainMap() { return v.gainMap; }
    public double lambda() { return v.lambda; }
    public int degree() { return v.degree; }
    public double gamma() { return v.gamma; }
    public Update update() { return v.update; }
    /** Overlap a window's target must exceed (and be the largest) for the window to count as retrieved. */
    public double threshold() { return v.threshold; }

    /** Number of integration steps, round(T / dt). */
    public int steps() {
        return (int) Math.round(v.duration / v.dt);
    }

    /** Step index at which window w starts. */
    public int windowStartStep(int w) {
        return (int) Math.round(v.schedule.get(w).start() / v.dt);
    }

    /** Step index at which window w ends (exclusive). */
    public int windowEndStep(int w) {
        return w + 1 < v.schedule.size() ? windowStartStep(w + 1) : steps();
    }

    public Builder toBuilder() {
        Builder b = new Builder(v);
        // only a builder given the permission (tests of the divergence safety net) builds a continuous dt ≥ 2 spec:
        // specs derived from it (a sweep's cells) keep it; every parse path, and every other spec, still refuse it
        b.allowUnstableStep = v.model != ModelKind.DISCRETE && !(v.dt < Limits.MAX_STABLE_DT);
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExperimentSpec)) {
            return false;
        }
        return SpecCodec.format(this).equals(SpecCodec.format((ExperimentSpec) o));
    }

    @Override
    public int hashCode() {
        return SpecCodec.format(this).hashCode();
    }

    @Override
    public String toString() {
        return SpecCodec.format(this);
    }

    /**
     * Mutable builder; {@link #build()} validates and normalises. It starts from the link defaults of the key
     * table ({@link SpecSchema}): the defaults are declared there, not here.
     */
    public static final class Builder {
        ModelKind model;
        int n;
        int p;
        MemoryKind memories;
        String chars;
        String patterns;
        double beta;
        double noise;
        double dt;
        double duration;
        int seed;
        int trials;
        List<Window> schedule;
        double pulse;
        InitialState initialState;
        int cue;
        double mask;
        double flip;
        double cueAmplitude;
        String cuePattern;
        GainMap gainMap;
        double lambda;
        int degree;
        double gamma;
        Update update;
        double threshold;
        /**
         * Not a key: lets tests of the divergence safety net build a dt ≥ 2 run (never in a link; {@link #toBuilder}
         * of such a spec sets it again, so cells derived from it can run too).
         */
        boolean allowUnstableStep;

        Builder() {
            SpecSchema.applyDefaults(this);
        }

        Builder(Builder s) {
            model = s.model;
            n = s.n;
            p = s.p;
            memories = s.memories;
            chars = s.chars;
            patterns = s.patterns;
            beta = s.beta;
            noise = s.noise;
            dt = s.dt;
            duration = s.duration;
            seed = s.seed;
            trials = s.trials;
            schedule = new ArrayList<>(s.schedule);
            pulse = s.pulse;
            initialState = s.initialState;
            cue = s.cue;
            mask = s.mask;
            flip = s.flip;
            cueAmplitude = s.cueAmplitude;
            cuePattern = s.cuePattern;
            gainMap = s.gainMap;
            lambda = s.lambda;
            degree = s.degree;
            gamma = s.gamma;
            update = s.update;
            threshold = s.threshold;
        }

        public Builder model(ModelKind v) { model = v; return this; }
        public Builder n(int v) { n = v; return this; }
        public Builder p(int v) { p = v; return this; }
        public Builder memories(MemoryKind v) { memories = v; return this; }
        public Builder chars(String v) { chars = v; return this; }
        public Builder patterns(String v) { patterns = v; return this; }
        public Builder beta(double v) { beta = v; return this; }
        public Builder noise(double v) { noise = v; return this; }
        public Builder dt(double v) { dt = v; return this; }
        public Builder duration(double v) { duration = v; return this; }
        public Builder seed(int v) { seed = v; return this; }
        public Builder trials(int v) { trials = v; return this; }
        public Builder schedule(List<Window> v) { schedule = new ArrayList<>(v); return this; }
        public Builder pulse(double v) { pulse = v; return this; }
        public Builder initialState(InitialState v) { initialState = v; return this; }
        public Builder cue(int v) { cue = v; return this; }
        public Builder mask(double v) { mask = v; return this; }
        public Builder flip(double v) { flip = v; return this; }
        public Builder cueAmplitude(double v) { cueAmplitude = v; return this; }
        public Builder cuePattern(String v) { cuePattern = v; return this; }
        public Builder gainMap(GainMap v) { gainMap = v; return this; }
        public Builder lambda(double v) { lambda = v; return this; }
        public Builder degree(int v) { degree = v; return this; }
        public Builder gamma(double v) { gamma = v; return this; }
        public Builder update(Update v) { update = v; return this; }
        public Builder threshold(double v) { threshold = v; return this; }

        /** Validates every value against the key table and normalises settings that do not apply. */
        public ExperimentSpec build() {
            SpecSchema.validate(this);
            SpecSchema.normalise(this);
            return new ExperimentSpec(this);
        }

        boolean hasWindow(Window.Kind kind) {
            for (Window w : schedule) {
                if (w.kind() == kind) {
                    return true;
                }
            }
            return false;
        }

        boolean usesCue() {
            return initialState == InitialState.CUE || hasWindow(Window.Kind.CUE);
        }

        boolean usesDrawnCue() {
            return initialState == InitialState.DRAWN || hasWindow(Window.Kind.DRAWN);
        }
    }
}
