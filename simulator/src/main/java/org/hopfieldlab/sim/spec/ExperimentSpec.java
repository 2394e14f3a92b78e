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

    private final ModelKind model;
    private final int n;
    private final int p;
    private final MemoryKind memories;
    private final String chars;
    private final String patterns;
    private final double beta;
    private final double noise;
    private final double dt;
    private final double duration;
    private final int seed;
    private final int trials;
    private final List<Window> schedule;
    private final double pulse;
    private final InitialState initialState;
    private final int cue;
    private final double mask;
    private final double flip;
    private final double cueAmplitude;
    private final String cuePattern;
    private final GainMap gainMap;
    private final double lambda;
    private final int degree;
    private final double gamma;
    private final Update update;
    private final double threshold;

    private ExperimentSpec(Builder b) {
        model = b.model;
        n = b.n;
        p = b.p;
        memories = b.memories;
        chars = b.chars;
        patterns = b.patterns;
        beta = b.beta;
        noise = b.noise;
        dt = b.dt;
        duration = b.duration;
        seed = b.seed;
        trials = b.trials;
        schedule = Collections.unmodifiableList(new ArrayList<>(b.schedule));
        pulse = b.pulse;
        initialState = b.initialState;
        cue = b.cue;
        mask = b.mask;
        flip = b.flip;
        cueAmplitude = b.cueAmplitude;
        cuePattern = b.cuePattern;
        gainMap = b.gainMap;
        lambda = b.lambda;
        degree = b.degree;
        gamma = b.gamma;
        update = b.update;
        threshold = b.threshold;
    }

    public ModelKind model() { return model; }
    public int n() { return n; }
    public int p() { return p; }
    public MemoryKind memories() { return memories; }
    /** Glyph characters (memory set GLYPHS), one memory each. */
    public String chars() { return chars; }
    /** Custom memories as packed text (see {@link PatternCodec}). */
    public String patterns() { return patterns; }
    public double beta() { return beta; }
    public double noise() { return noise; }
    public double dt() { return dt; }
    /** Total simulated time T. */
    public double duration() { return duration; }
    public int seed() { return seed; }
    public int trials() { return trials; }
    public List<Window> schedule() { return schedule; }
    /** Pulsed delivery: the input is on only for the first {@code pulse} time units of each window (0 = constant). */
    public double pulse() { return pulse; }
    public InitialState initialState() { return initialState; }
    /** The cued memory (0-based) for x0=cue, or −1. */
    public int cue() { return cue; }
    public double mask() { return mask; }
    public double flip() { return flip; }
    public double cueAmplitude() { return cueAmplitude; }
    /** A drawn cue picture, packed like {@link PatternCodec} (one memory), for x0=drawn and input windows "p". */
    public String cuePattern() { return cuePattern; }
    public GainMap gainMap() { return gainMap; }
    public double lambda() { return lambda; }
    public int degree() { return degree; }
    public double gamma() { return gamma; }
    public Update update() { return update; }
    /** Overlap a window's target must exceed (and be the largest) for the window to count as retrieved. */
    public double threshold() { return threshold; }

    /** Number of integration steps, round(T / dt). */
    public int steps() {
        return (int) Math.round(duration / dt);
    }

    /** Step index at which window w starts. */
    public int windowStartStep(int w) {
        return (int) Math.round(schedule.get(w).start() / dt);
    }

    /** Step index at which window w ends (exclusive). */
    public int windowEndStep(int w) {
        return w + 1 < schedule.size() ? windowStartStep(w + 1) : steps();
    }

    public Builder toBuilder() {
        return new Builder(this);
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

    /** Mutable builder; {@link #build()} validates and normalises. */
    public static final class Builder {
        ModelKind model = ModelKind.IDP;
        int n = 1024;
        int p = 10;
        MemoryKind memories = MemoryKind.RANDOM;
        String chars = "";
        String patterns = "";
        double beta = 10;
        double noise = 8;
        double dt = 0.01;
        double duration = 30;
        int seed = 1;
        int trials = 1;
        List<Window> schedule = new ArrayList<>();
        double pulse = 0;
        InitialState initialState = InitialState.GAUSS;
        int cue = -1;
        double mask = 0;
        double flip = 0;
        double cueAmplitude = 1;
        String cuePattern = "";
        GainMap gainMap = GainMap.LINEAR;
        double lambda = 1;
        int degree = 3;
        double gamma = 1;
        Update update = Update.ASYNC;
        double threshold = 0.9;

        Builder() {
            schedule.add(Window.recipe(0, 0));
            schedule.add(Window.recipe(10, 1));
            schedule.add(Window.recipe(20, 2));
        }

        Builder(ExperimentSpec s) {
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

        /** Validates every value against {@link Limits} and normalises settings that do not apply. */
        public ExperimentSpec build() {
            Limits.validate(this);
            Builder d = new Builder();
            if (model != ModelKind.MODERN) {
                gainMap = d.gainMap;
                lambda = d.lambda;
                degree = d.degree;
                gamma = d.gamma;
            } else {
                if (gainMap != GainMap.SOFTMAX) {
                    lambda = d.lambda;
                }
                if (gainMap != GainMap.POLY) {
                    degree = d.degree;
                }
            }
            if (model != ModelKind.DISCRETE) {
                update = d.update;
            }
            if (memories != MemoryKind.GLYPHS) {
                chars = d.chars;
            }
            if (memories != MemoryKind.CUSTOM) {
                patterns = d.patterns;
            }
            if (initialState != InitialState.CUE) {
                cue = d.cue;
            }
            if (!usesCue()) {
                mask = d.mask;
                flip = d.flip;
            }
            if (!hasWindow(Window.Kind.CUE) && !hasWindow(Window.Kind.DRAWN)) {
                cueAmplitude = d.cueAmplitude;
            }
            if (!usesDrawnCue()) {
                cuePattern = d.cuePattern;
            }
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
