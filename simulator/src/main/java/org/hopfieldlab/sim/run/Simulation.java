package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.input.Cues;
import org.hopfieldlab.sim.input.ResolvedInput;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.model.ClassicModel;
import org.hopfieldlab.sim.model.ContinuousModel;
import org.hopfieldlab.sim.model.DiscreteModel;
import org.hopfieldlab.sim.model.IdpModel;
import org.hopfieldlab.sim.model.ModernModel;
import org.hopfieldlab.sim.model.NetworkModel;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.PatternCodec;

/**
 * One trial of an experiment, stepped on demand (the browser advances it in time slices, the CLI in one go).
 * Randomness comes from three independent streams of (seed, trial): memories, inputs, dynamics — so changing the
 * noise keeps the same memories and inputs, and every trial is reproducible on its own, in any order or thread.
 */
public final class Simulation {
    public static final int STREAM_MEMORIES = 1;
    public static final int STREAM_INPUTS = 2;
    public static final int STREAM_DYNAMICS = 3;

    private final ExperimentSpec spec;
    private final MemorySet memories;
    private final ResolvedInput inputs;
    private final NetworkModel model;
    private final ContinuousModel continuous;
    private final DiscreteModel discrete;
    private final EulerMaruyama integrator;
    private final SeededRandom dynamics;
    private final double[] x;
    private final InputEvents events;
    private final int trial;
    private final int totalSteps;
    private int step;
    private int nextEvent;

    public Simulation(ExperimentSpec spec, int trial) {
        this.spec = spec;
        this.trial = trial;
        this.memories = memoriesFor(spec, trial);
        double[] drawnCue = spec.cuePattern().isEmpty() ? null : PatternCodec.decodeCue(spec.cuePattern(), spec.n());
        this.inputs = ResolvedInput.resolve(spec.schedule(), memories, spec.mask(), spec.flip(), spec.cueAmplitude(),
                drawnCue, new SeededRandom(spec.seed(), STREAM_INPUTS, trial));
        this.dynamics = new SeededRandom(spec.seed(), STREAM_DYNAMICS, trial);
        this.model = modelFor(spec, memories);
        this.continuous = model instanceof ContinuousModel ? (ContinuousModel) model : null;
        this.discrete = model instanceof DiscreteModel ? (DiscreteModel) model : null;
        this.integrator = continuous != null ? new EulerMaruyama(memories.n()) : null;
        this.totalSteps = spec.steps();
        this.events = new InputEvents(spec, inputs);
        this.x = initialState(spec, memories, drawnCue, dynamics);
        events.apply(0, model);
        this.nextEvent = events.nextAfter(0);
    }

    /** The memory set of a trial: random sets are drawn per trial, the others are fixed. */
    public static MemorySet memoriesFor(ExperimentSpec spec, int trial) {
        MemoryKind kind = spec.memories();
        if (kind == MemoryKind.ORTHOGONAL) {
            return MemorySet.orthogonal(spec.n(), spec.p());
        }
        if (kind == MemoryKind.GLYPHS) {
            int side = (int) Math.round(Math.sqrt(spec.n()));
            return MemorySet.glyphs(spec.chars(), side / 10);
        }
        if (kind == MemoryKind.CUSTOM) {
            int side = (int) Math.round(Math.sqrt(spec.n()));
            return MemorySet.custom(PatternCodec.decode(spec.patterns(), spec.n(), spec.p()),
                    side * side == spec.n() ? side : 0);
        }
        return MemorySet.random(spec.n(), spec.p(), new SeededRandom(spec.seed(), STREAM_MEMORIES, trial));
    }

    private static NetworkModel modelFor(ExperimentSpec spec, MemorySet memories) {
        ModelKind kind = spec.model();
        if (kind == ModelKind.CLASSIC) {
            return new ClassicModel(memories, spec.beta());
        }
        if (kind == ModelKind.MODERN) {
            return new ModernModel(memories, spec.beta(), spec.gainMap(), spec.lambda(), spec.degree(), spec.gamma());
        }
        if (kind == ModelKind.DISCRETE) {
            return new DiscreteModel(memories, spec.update() == Update.SYNC, spec.noise());
        }
        return new IdpModel(memories, spec.beta());
    }

    private static double[] initialState(ExperimentSpec spec, MemorySet memories, double[] drawnCue,
            SeededRandom rng) {
        int n = memories.n();
        double[] x0 = new double[n];
        if (spec.initialState() == InitialState.GAUSS) {
            for (int i = 0; i < n; i++) {
                x0[i] = rng.nextGaussian();
            }
        } else if (spec.initialState() == InitialState.CUE) {
            x0 = Cues.cue(memories, spec.cue(), spec.mask(), spec.flip(), rng);
        } else if (spec.initialState() == InitialState.DRAWN) {
            x0 = drawnCue.clone();
        }
        if (spec.model() == ModelKind.DISCRETE) {
            // sign units: undecided entries (masked or zero) start at a random sign
            for (int i = 0; i < n; i++) {
                x0[i] = x0[i] > 0 ? 1.0 : (x0[i] < 0 ? -1.0 : rng.nextSign());
            }
        }
        return x0;
    }

    /**
     * The stepper: advances up to {@code maxSteps} steps (fewer at the end of the run), in tight loops from one input
     * event to the next, switching the input at each event. Throws {@link DivergenceException} when the state blows
     * up; the state then holds the last finite values' successors and must not be used. Front ends drive runs through
     * a {@link RunLoop}, which calls this between sample points.
     */
    public int advance(int maxSteps) {
        int done = 0;
        double dt = spec.dt();
        double noise = spec.noise();
        while (done < maxSteps && step < totalSteps) {
            int end = Math.min(totalSteps, nextEvent);
            if (end - step > maxSteps - done) {
                end = step + (maxSteps - done);
            }
            int from = step;
            if (continuous != null) {
                for (; step < end; step++) {
                    if (!integrator.step(continuous, x, dt, noise, dynamics)) {
                        throw new DivergenceException((step + 1) * dt, dt, EulerMaruyama.BOUND);
                    }
                }
            } else {
                for (; step < end; step++) {
                    discrete.sweep(x, dynamics);
                }
            }
            done += step - from;
            if (step == nextEvent) {
                events.apply(step, model);
                nextEvent = events.nextAfter(step);
            }
        }
        return done;
    }

    /**
     * Moves the step counter of a simulation whose state a batched kernel advances (lane by lane, outside this
     * object) and applies the input events up to it, so that window, input and time read as for a single run.
     */
    void syncTo(int target) {
        step = target;
        while (nextEvent <= target) {
            events.apply(nextEvent, model);
            nextEvent = events.nextAfter(nextEvent);
        }
    }

    /** The next input event step (Integer.MAX_VALUE when none is left). */
    int nextEvent() {
        return nextEvent;
    }

    /** The generator of the dynamics (noise draws): the batched kernel draws each lane's noise from its own. */
    SeededRandom dynamics() {
        return dynamics;
    }

    /** The integrator of a rate model, or null for sign units. */
    EulerMaruyama integrator() {
        return integrator;
    }

    /** The rate model, or null for sign units. */
    ContinuousModel continuousModel() {
        return continuous;
    }

    /** Advances to the given step (capped at the end of the run). */
    public void advanceTo(int targetStep) {
        advance(Math.min(targetStep, totalSteps) - step);
    }

    public boolean finished() {
        return step >= totalSteps;
    }

    public int step() {
        return step;
    }

    public double time() {
        return step * spec.dt();
    }

    public int totalSteps() {
        return totalSteps;
    }

    /** The window in force at the current step. */
    public int window() {
        return events.window();
    }

    public boolean inputOn() {
        return events.on();
    }

    /** The trial index this simulation runs. */
    public int trial() {
        return trial;
    }

    /** The live state x (do not modify). */
    public double[] state() {
        return x;
    }

    public ExperimentSpec spec() {
        return spec;
    }

    public MemorySet memories() {
        return memories;
    }

    public ResolvedInput inputs() {
        return inputs;
    }

    public NetworkModel model() {
        return model;
    }

    public void overlaps(double[] out) {
        model.overlaps(x, out);
    }

    public double energy() {
        return model.energy(x);
    }

    /** {@link #overlaps} and {@link #energy} of the state now, sharing σ(x) and Ξᵀσ(x) (the same bits). */
    public double overlapsAndEnergy(double[] out) {
        return model.overlapsAndEnergy(x, out);
    }

    /** Signed projection ξ^μ · x / N of the state (not σ(x)) on memory μ: the amplitude c of x ≈ c ξ^μ. */
    public double projection(int mu) {
        int n = memories.n();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s = memories.get(mu, i) * x[i] + s;
        }
        return s / n;
    }

    /** 32-bit FNV-1a over the raw bits of x, as 8 hex digits: equal on every runtime iff the run is bit-identical. */
    public String checksum() {
        return Checksum.of(x);
    }
}
