package org.hopfieldlab.web;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.exercise.ExerciseException;
import org.hopfieldlab.sim.exercise.Grader;
import org.hopfieldlab.sim.exercise.Grading;
import org.hopfieldlab.sim.input.ResolvedInput;
import org.hopfieldlab.sim.math.LoopShape;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.CueEdit;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.JsonText;
import org.hopfieldlab.sim.spec.LabLink;
import org.hopfieldlab.sim.spec.Numbers;
import org.hopfieldlab.sim.spec.PatternCodec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.ScheduleEdit;
import org.hopfieldlab.sim.spec.SchemaDocs;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecEdit;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.spec.ViewState;
import org.hopfieldlab.sim.readout.PreviousGains;
import org.hopfieldlab.sim.readout.Recall;
import org.hopfieldlab.sim.readout.Views;
import org.hopfieldlab.sim.spec.SpecDiff;
import org.hopfieldlab.sim.theory.SynapseSample;
import org.hopfieldlab.sim.theory.Theory;
import org.hopfieldlab.sim.theory.TheoryVerdict;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * TeaVM entry point of the in-browser lab: every {@code @JSExport public static} method becomes an export of
 * {@code hopfield.js} and of {@code hopfield.wasm}. The page drives simulations by integer handle.
 *
 * <p>Exports take and return only {@code int}, {@code double} and {@code String}: no {@code long} (a BigInt in JS),
 * no arrays. Bulk data is read element by element (calls are cheap in both targets). Errors never throw into the
 * page: a failing call returns −1 / "" / NaN and {@link #lastError()} says why, naming the spec key.
 */
public final class LabExports {
    private LabExports() {
    }

    private static final List<LabSession> SESSIONS = new ArrayList<>();
    private static String lastError = "";
    private static String lastErrorKey = "";
    private static double[] scratch = new double[0];

    static {
        // TeaVM's Wasm and JS run in V8, which does not vectorise: the core's scalar loop shapes (same bits) suit it.
        // In the static initializer, since the page never calls main: it runs before the first export does.
        LoopShape.scalarLoops();
    }

    /** Required by TeaVM as the entry point; the exports are what the page uses. */
    public static void main(String[] args) {
    }

    @JSExport
    public static String version() {
        return "hopfield-lab spec v" + ExperimentSpec.VERSION;
    }

    /** Smoke test for the build: the Node harness checks {@code addTest(1.5, 2.25) == 3.75} on JS and Wasm. */
    @JSExport
    public static double addTest(double a, double b) {
        return a + b;
    }

    // ---- errors ----

    /** The message of the last failed call ("" if none). */
    @JSExport
    public static String lastError() {
        return lastError;
    }

    /** The spec key the last error is about ("" if none or not tied to a key). */
    @JSExport
    public static String lastErrorKey() {
        return lastErrorKey;
    }

    private static void fail(RuntimeException e) {
        lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        lastErrorKey = e instanceof SpecException ? ((SpecException) e).key() : "";
    }

    private static void ok() {
        lastError = "";
        lastErrorKey = "";
    }

    // ---- specs and presets ----

    /** The canonical form of a query string, or "" (see lastError) when it is invalid. */
    @JSExport
    public static String canonical(String query) {
        try {
            String s = SpecCodec.format(SpecCodec.parse(query));
            ok();
            return s;
        } catch (RuntimeException e) {
            fail(e);
            return "";
        }
    }

    /** Preset names, comma-separated, in display order. */
    @JSExport
    public static String presetNames() {
        StringBuilder sb = new StringBuilder();
        for (Presets.Preset p : Presets.all()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(p.name());
        }
        return sb.toString();
    }

    @JSExport
    public static String presetSpec(String name) {
        return Presets.get(name).spec().toString();
    }

    @JSExport
    public static String presetTitle(String name) {
        return Presets.get(name).title();
    }

    @JSExport
    public static String presetDescription(String name) {
        return Presets.get(name).description();
    }

    /** Packs drawn memories: {@code signs} holds '+'/'-' characters, n per memory, memories back to back. */
    @JSExport
    public static String packPatterns(String signs, int n) {
        int p = signs.length() / n;
        double[][] m = new double[p][n];
        for (int mu = 0; mu < p; mu++) {
            for (int i = 0; i < n; i++) {
                m[mu][i] = signs.charAt(mu * n + i) == '+' ? 1.0 : -1.0;
            }
        }
        return PatternCodec.encode(m);
    }

    // ---- simulations ----

    /** Creates a simulation of trial {@code trial}; returns its handle, or −1 (see lastError). */
    @JSExport
    public static int create(String query, int trial) {
        try {
            ExperimentSpec spec = SpecCodec.parse(query);
            if (trial < 0 || trial >= spec.trials()) {
                throw new SpecException("trials", "trial " + trial + " is out of range; allowed: 0 to "
                        + (spec.trials() - 1));
            }
            LabSession s = new LabSession(spec, trial);
            if (scratch.length < spec.n()) {
                scratch = new double[spec.n()];
            }
            ok();
            for (int id = 0; id < SESSIONS.size(); id++) {
                if (SESSIONS.get(id) == null) {
                    SESSIONS.set(id, s);
                    return id;
                }
            }
            SESSIONS.add(s);
            return SESSIONS.size() - 1;
        } catch (RuntimeException e) {
            fail(e);
            return -1;
        }
    }

    @JSExport
    public static void dispose(int id) {
        if (id >= 0 && id < SESSIONS.size()) {
            SESSIONS.set(id, null);
        }
    }

    private static LabSession get(int id) {
        return SESSIONS.get(id);
    }

    /**
     * Advances up to {@code steps} steps through the core's run loop (which records samples on the way); returns
     * the number done, or −1 when the run diverged (see lastError).
     */
    @JSExport
    public static int advance(int id, int steps) {
        LabSession s = get(id);
        int done = s.loop.run(steps);
        if (s.loop.divergence() != null) {
            lastError = s.loop.divergence();
            lastErrorKey = "";
            return -1;
        }
        ok();
        return done;
    }

    // ---- the recorded series (the core's Recorder; the page fetches new samples once per frame) ----

    /** Number of series samples recorded so far (sample 0 is step 0). */
    @JSExport
    public static int samples(int id) {
        return get(id).recorder.samples();
    }

    /** Steps between series samples (besides the last step). */
    @JSExport
    public static int sampleEvery(int id) {
        return get(id).seriesEvery;
    }

    @JSExport
    public static double sampleTime(int id, int k) {
        return get(id).recorder.sampleTime(k);
    }

    @JSExport
    public static int sampleStep(int id, int k) {
        return get(id).recorder.sampleStep(k);
    }

    @JSExport
    public static double sampleOverlap(int id, int k, int mu) {
        return get(id).recorder.sampleOverlaps(k)[mu];
    }

    @JSExport
    public static double sampleEnergy(int id, int k) {
        return get(id).recorder.sampleEnergy(k);
    }

    @JSExport
    public static int sampleWindow(int id, int k) {
        return get(id).recorder.sampleWindow(k);
    }

    /** Projection ξ^μ·x/N at sample k on the first (j = 0) or second (j = 1) tracked memory; NaN if none. */
    @JSExport
    public static double sampleProjection(int id, int k, int j) {
        return get(id).track.at(k, j);
    }

    /** Chooses the two memories whose projections are recorded from now on (−1: none). */
    @JSExport
    public static void track(int id, int mu1, int mu2) {
        get(id).track.choose(mu1, mu2);
    }

    @JSExport
    public static String spec(int id) {
        return get(id).spec.toString();
    }

    @JSExport
    public static int step(int id) {
        return get(id).sim.step();
    }

    @JSExport
    public static int totalSteps(int id) {
        return get(id).sim.totalSteps();
    }

    @JSExport
    public static double time(int id) {
        return get(id).sim.time();
    }

    @JSExport
    public static int n(int id) {
        return get(id).spec.n();
    }

    @JSExport
    public static int p(int id) {
        return get(id).spec.p();
    }

    /** Picture width of the memories (0: no natural layout; the page uses the nearest square). */
    @JSExport
    public static int width(int id) {
        return get(id).sim.memories().width();
    }

    @JSExport
    public static int window(int id) {
        return get(id).sim.window();
    }

    @JSExport
    public static int windows(int id) {
        return get(id).spec.schedule().size();
    }

    @JSExport
    public static double windowStart(int id, int w) {
        return get(id).spec.schedule().get(w).start();
    }

    /** The memory window w asks for (0-based), −1 for none. */
    @JSExport
    public static int windowTarget(int id, int w) {
        return get(id).sim.inputs().target(w);
    }

    /** Mixture weight a_μ of window w, or NaN when the window's input is not a mixture. */
    @JSExport
    public static double windowWeight(int id, int w, int mu) {
        ResolvedInput in = get(id).sim.inputs();
        double[] a = in.weights(w);
        return a == null ? Double.NaN : a[mu];
    }

    @JSExport
    public static int inputOn(int id) {
        return get(id).sim.inputOn() ? 1 : 0;
    }

    /** Recomputes the read-outs (overlaps, activations and their grey levels) from the current state. */
    @JSExport
    public static void refresh(int id) {
        get(id).refresh();
    }

    @JSExport
    public static double overlap(int id, int mu) {
        return get(id).overlaps[mu];
    }

    /** E(x; u) of the state now (computed on each call). */
    @JSExport
    public static double energy(int id) {
        return get(id).sim.energy();
    }

    /** σ(x_i) as of the last refresh. */
    @JSExport
    public static double activation(int id, int i) {
        return get(id).activations[i];
    }

    @JSExport
    public static double state(int id, int i) {
        return get(id).sim.state()[i];
    }

    /** The gain α_μ the synapses use now. */
    @JSExport
    public static double gain(int id, int mu) {
        return get(id).sim.model().gains()[mu];
    }

    @JSExport
    public static double memory(int id, int mu, int i) {
        return get(id).sim.memories().get(mu, i);
    }

    /** α_μ the input of window w alone would set: ξ^μ · u_w / N (0 when the window's input is off). */
    @JSExport
    public static double inputGain(int id, int w, int mu) {
        return get(id).inputGain(w, mu);
    }

    /** Signed projection ξ^μ · x / N of the state x (not σ(x)) on memory μ: the amplitude c of x ≈ c ξ^μ. */
    @JSExport
    public static double projection(int id, int mu) {
        return get(id).sim.projection(mu);
    }

    @JSExport
    public static int finished(int id) {
        return get(id).sim.finished() ? 1 : 0;
    }

    /**
     * The state's σ(x) as of the last refresh as 8-bit grey levels (read them through a Uint8Array), one call per
     * frame: a string of hex digits cost more than eight steps at N = 4096. In Wasm this is a copy; in the JS build
     * TeaVM hands out a view on the core's own byte[], so callers copy before keeping or transferring it.
     */
    @JSExport
    public static Int8Array activationLevels(int id) {
        return Int8Array.copyFromJavaArray(get(id).levels);
    }

    @JSExport
    public static double energyAt(int id, int mu1, int mu2, double a, double b) {
        return get(id).energyAt(mu1, mu2, a, b, scratch);
    }

    @JSExport
    public static String checksum(int id) {
        return get(id).sim.checksum();
    }

    // ==== schema helper (issue 7): the key table, whole links, edits, the input schedule, cues, and two formulas ====
    // The page asks the core for every default, range, rule and formula: nothing of the spec is written in JS.
    // Structured answers are JSON strings; a failing call returns "" (or NaN) and lastError()/lastErrorKey() say why.

    /** One exported call that answers text: its result, or "" with lastError() saying why. */
    private interface TextCall {
        String run();
    }

    private static String text(TextCall call) {
        try {
            String s = call.run();
            ok();
            return s;
        } catch (RuntimeException e) {
            fail(e);
            return "";
        }
    }

    /** The key table: {"version","groups","keys":[one object per key, spec and view],"rules","sections"}. */
    @JSExport
    public static String schemaJson() {
        return SchemaDocs.toJson();
    }

    /**
     * Reads a whole lab link forgivingly (spec and view keys): {"spec","link","view":{preset,hide,lock,view,speed,
     * engine},"errors":[{key,message}],"dropped":[keys]}. Never fails: what cannot be used is dropped and reported.
     */
    @JSExport
    public static String readLink(String query) {
        ok();
        return LabLink.read(query).toJson();
    }

    /** The canonical link of a whole valid link (spec, then view keys), or "" (see lastError). */
    @JSExport
    public static String canonicalLink(String query) {
        return text(() -> LabLink.parse(query).format());
    }

    /**
     * The state of every control for a spec: {"spec","keys":[{name,value,applies,whyNot,min,max,minOpen,maxOpen,
     * step,scale,typicalMin,typicalMax,choices,label,help,unit,group,rule,editDefault}]}, or "" (see lastError).
     */
    @JSExport
    public static String controls(String spec) {
        return text(() -> SchemaDocs.controlsJson(SpecCodec.parse(spec)));
    }

    /**
     * An edit through the core: {@code changes} is a query string ("model=modern&noise=2"; an empty value = the
     * key's edit default). Returns the canonical spec, or "" (see lastError, lastErrorKey).
     */
    @JSExport
    public static String change(String spec, String changes) {
        return text(() -> SpecCodec.format(SpecEdit.change(SpecCodec.parse(spec), changes)));
    }

    /** The input windows as JSON (see ScheduleEdit.toJson), or "" (see lastError). */
    @JSExport
    public static String schedule(String spec) {
        return text(() -> ScheduleEdit.toJson(SpecCodec.parse(spec)));
    }

    /** Inserts a window at t (NaN: halfway to the end) with input what ("" = the next memory); canonical spec or "". */
    @JSExport
    public static String scheduleAdd(String spec, double t, String what) {
        return text(() -> SpecCodec.format(ScheduleEdit.add(SpecCodec.parse(spec), t, what)));
    }

    /** "Switch the input now": windows from t on are replaced by one window with input what; spec or "". */
    @JSExport
    public static String scheduleSwitch(String spec, double t, String what) {
        return text(() -> SpecCodec.format(ScheduleEdit.switchAt(SpecCodec.parse(spec), t, what)));
    }

    /** Removes window index (0-based); spec or "". */
    @JSExport
    public static String scheduleRemove(String spec, int index) {
        return text(() -> SpecCodec.format(ScheduleEdit.remove(SpecCodec.parse(spec), index)));
    }

    /** Replaces window index by "start:what" (or "what", keeping the start); spec or "". */
    @JSExport
    public static String scheduleSet(String spec, int index, String window) {
        return text(() -> SpecCodec.format(ScheduleEdit.set(SpecCodec.parse(spec), index, window)));
    }

    /** Packs a drawn cue ('+'/'-' per pixel) as the spec's cuepat value. */
    @JSExport
    public static String packCue(String signs) {
        ok();
        return PatternCodec.encodeSigns(signs);
    }

    /** Unpacks a cuepat value of n pixels to '+'/'-' characters, or "" (see lastError). */
    @JSExport
    public static String unpackCue(String packed, int n) {
        return text(() -> PatternCodec.decodeSigns(packed, n));
    }

    /** A square cue picture resized from fromN to toN pixels (nearest neighbour), or "" when not both squares. */
    @JSExport
    public static String resizeCue(String packed, int fromN, int toN) {
        String s = PatternCodec.resample(packed, fromN, toN);
        ok();
        return s == null ? "" : s;
    }

    /** The same run with the other model for compare mode (classic ↔ IDP), or "" when there is none. */
    @JSExport
    public static String compareSpec(String spec) {
        return text(() -> {
            ExperimentSpec other = SpecEdit.compareSpec(SpecCodec.parse(spec));
            return other == null ? "" : SpecCodec.format(other);
        });
    }

    /** The existence line over the gain bars for the gains in force now: 1/β + Σα/N (IDP and modern). */
    @JSExport
    public static double existenceLine(int id) {
        LabSession s = get(id);
        return Theory.existenceLine(s.sim.model().gains(), s.spec.beta(), s.spec.n());
    }

    /**
     * Samples W(α) for the synapse view with the gains in force now (minus {@code minusCsv}, comma-separated gains
     * of another moment, or "" for W itself), neurons sorted by their signs in the memories {@code orderCsv}
     * (0-based, comma-separated). Returns {"size","neurons":[…],"groups":[…],"gains":[…]}; read the matrix with
     * synapseWeight. "" on a bad argument (see lastError).
     */
    @JSExport
    public static String synapses(int id, int size, String orderCsv, String minusCsv) {
        return text(() -> {
            LabSession s = get(id);
            double[] gains = s.sim.model().gains().clone();
            double[] order = orderCsv.isEmpty() ? new double[0] : Numbers.parseList("order", orderCsv);
            int[] keys = new int[order.length];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = (int) order[k];
                if (keys[k] != order[k] || keys[k] < 0 || keys[k] >= s.spec.p()) {
                    throw new SpecException("order", "order: memory " + Numbers.format(order[k])
                            + " does not exist; allowed: 0 to " + (s.spec.p() - 1));
                }
            }
            double[] minus = minusCsv.isEmpty() ? null : Numbers.parseList("minus", minusCsv);
            s.synapses = SynapseSample.of(s.sim.memories(), gains, minus, size, keys);
            JsonText j = new JsonText().object().field("size", s.synapses.size()).key("neurons").array();
            for (int r = 0; r < s.synapses.size(); r++) {
                j.value(s.synapses.neuron(r));
            }
            j.end().key("groups").array();
            for (int r = 0; r < s.synapses.size(); r++) {
                j.value(s.synapses.group(r));
            }
            j.end().key("gains").array();
            for (double g : gains) {
                j.value(g);
            }
            return j.end().end().toString();
        });
    }

    /** W of the last synapse sample at flat position a·size + b. */
    @JSExport
    public static double synapseWeight(int id, int flat) {
        return get(id).synapses.weight(flat);
    }
    // ==== end of the schema helper's block ====

    // ---- determinism and timing checks ----

    /** Runs trial {@code trial} of a spec to the end and returns the final state's checksum, or "error: …". */
    @JSExport
    public static String runChecksum(String query, int trial) {
        try {
            Simulation sim = new Simulation(SpecCodec.parse(query), trial);
            sim.advance(Integer.MAX_VALUE);
            ok();
            return sim.checksum();
        } catch (RuntimeException e) {
            fail(e);
            return "error: " + lastError;
        }
    }

    // ==== lab block (helper "lab"): what the page shows about a run — theory verdict, recall claim, locks, views.
    // Every answer that is a record comes as JSON text; the logic lives in the core (sim.theory, sim.readout,
    // sim.spec.SpecDiff), these methods only serialise it.

    /**
     * The theory panel for the state now: the predicted wells for the gains in force, the simulation beside them
     * and the verdict of {@link TheoryVerdict} (compared only at equilibrium, with its tolerance and notes), as JSON:
     * {status, time, step, memory, summary, tolerance, memories, crosstalk, randomCrosstalk, orthogonal,
     * overlapLow, overlapHigh, amplitudeLow, amplitudeHigh, beta, total (P), rows (at most 24): [{memory, shifted, betaShifted, exists,
     * stable, amplitude, overlapPredicted, amplitudeSim, overlapSim}]}.
     */
    @JSExport
    public static String theoryReport(int id) {
        LabSession s = get(id);
        TheoryVerdict.Report r = s.probe.report();
        JsonText j = new JsonText().object()
                .field("status", r.status().name()).field("time", r.time()).field("step", s.sim.step())
                .field("memory", r.memory()).field("total", r.total()).field("summary", r.summary())
                .field("tolerance", r.tolerance())
                .field("memories", r.memoriesNote()).field("crosstalk", r.crosstalk())
                .field("randomCrosstalk", r.randomCrosstalk()).field("orthogonal", r.orthogonal())
                .field("overlapLow", r.overlapLow()).field("overlapHigh", r.overlapHigh())
                .field("amplitudeLow", r.amplitudeLow()).field("amplitudeHigh", r.amplitudeHigh())
                .field("beta", s.spec.beta());
        j.key("rows").array();
        for (TheoryVerdict.Row row : r.rows()) {
            j.object().field("memory", row.memory()).field("shifted", row.shiftedGain())
                    .field("betaShifted", row.betaShiftedGain()).field("exists", row.exists())
                    .field("stable", row.stable()).field("amplitude", row.amplitude())
                    .field("overlapPredicted", row.overlapPredicted()).field("amplitudeSim", row.amplitudeSim())
                    .field("overlapSim", row.overlapSim()).end();
        }
        return j.end().end().toString();
    }

    /**
     * What the network recalls (as of the last {@link #refresh}) and whether a cue brought it there ({@link Recall}),
     * as JSON:
     * {kind: COMPLETES_CUE | RECALLS | NONE, memory, overlap, threshold, source: NONE | START_STATE | INPUT,
     * cued (−1: drawn or none), drawn}. Memory numbers are 0-based.
     */
    @JSExport
    public static String recall(int id) {
        LabSession s = get(id);
        Recall.Claim c = Recall.of(s.spec, s.sim.window(), s.overlaps);
        return new JsonText().object().field("kind", c.kind().name()).field("memory", c.memory())
                .field("overlap", c.overlap()).field("threshold", c.threshold()).field("source", c.source().name())
                .field("cued", c.cued()).field("drawn", c.drawn()).end().toString();
    }

    /** The keys that differ between two canonical specs, comma-separated in canonical order ("" if none). */
    @JSExport
    public static String changedKeys(String canonicalA, String canonicalB) {
        return String.join(",", SpecDiff.changedKeys(canonicalA, canonicalB));
    }

    /** The analysis view that suits a spec ("landscape" or "theory"), or "" (see lastError) for a bad spec. */
    @JSExport
    public static String naturalView(String query) {
        try {
            String v = Views.natural(SpecCodec.parse(query));
            ok();
            return v;
        } catch (RuntimeException e) {
            fail(e);
            return "";
        }
    }

    /** Why the energy landscape cannot be drawn for a spec, or "" when it can (also "" for a bad spec). */
    @JSExport
    public static String landscapeUnavailable(String query) {
        try {
            return Views.landscapeUnavailable(SpecCodec.parse(query));
        } catch (RuntimeException e) {
            return "";
        }
    }

    // ---- lab block, part 2 (issue 7: the lab builds itself from the core) ----

    /** The kinds of input window the schedule editor offers: [{"code","label","takes","help"}] (ScheduleEdit). */
    @JSExport
    public static String windowKinds() {
        return ScheduleEdit.kindsJson();
    }

    /**
     * One field of input window {@code index} edited: field start | kind | memory | weights (see
     * {@link ScheduleEdit#edit}); the canonical spec, or "" (see lastError).
     */
    @JSExport
    public static String scheduleEdit(String spec, int index, String field, String value) {
        return text(() -> SpecCodec.format(ScheduleEdit.edit(SpecCodec.parse(spec), index, field, value)));
    }

    /**
     * A drawn cue put to use (see {@link CueEdit#use}): as the start state and/or as input (window {@code index}, or a
     * new drawn-cue window from {@code from} when index &lt; 0); the canonical spec, or "" (see lastError).
     */
    @JSExport
    public static String useCue(String spec, String cue, int asStart, int asInput, double from, int index) {
        return text(() -> SpecCodec.format(CueEdit.use(SpecCodec.parse(spec), cue, asStart != 0, asInput != 0, from,
                index)));
    }

    /**
     * The synapse sample of {@link #synapses} for W(α now) − W(α of the previous input window), the previous gains
     * chosen by the model's rule ({@link PreviousGains}): {"sample": {…as synapses…}, "previous": [gains]}, or "" with
     * lastError saying why there is none (no earlier window, the discrete model…).
     */
    @JSExport
    public static String synapseChange(int id, int size, String orderCsv) {
        PreviousGains pg = get(id).previousGains();
        double[] prev = pg.previous();
        if (prev == null) {
            lastError = pg.whyNone();
            lastErrorKey = "";
            return "";
        }
        StringBuilder csv = new StringBuilder();
        JsonText previous = new JsonText().array();
        for (int mu = 0; mu < prev.length; mu++) {
            csv.append(mu > 0 ? "," : "").append(Numbers.format(prev[mu]));
            previous.value(prev[mu]);
        }
        String sample = synapses(id, size, orderCsv, csv.toString());
        if (sample.isEmpty()) {
            return "";
        }
        return new JsonText().object().key("sample").raw(sample).key("previous").raw(previous.end().toString())
                .end().toString();
    }

    /** What the bar chart shows for this run: "gains" (α in force) or "input" (the input's ξ·u/N); see Views.bars. */
    @JSExport
    public static String barsShow(int id) {
        return Views.bars(get(id).spec);
    }

    /** The existence line over the bars now, or NaN when the bars are not gains (see Views.barLine). */
    @JSExport
    public static double barLine(int id) {
        LabSession s = get(id);
        return Views.barLine(s.spec, s.sim.model().gains());
    }

    /** Half-width of the energy landscape's plane for the state of the run now (see Views.landscapeRange). */
    @JSExport
    public static double landscapeRange(int id) {
        LabSession s = get(id);
        double[] bars;
        if (Views.bars(s.spec).equals("gains")) {
            bars = s.sim.model().gains();
        } else {
            bars = new double[s.spec.p()];
            int w = s.sim.window();
            for (int mu = 0; w >= 0 && s.sim.inputOn() && mu < bars.length; mu++) {
                bars[mu] = PreviousGains.inputOverlap(s.sim, w, mu);
            }
        }
        return Views.landscapeRange(s.spec, bars);
    }

    /** Steps per frame at speed level 0 … 9 (Infinity: as fast as possible), or NaN for a bad level. */
    @JSExport
    public static double speedSteps(int level) {
        try {
            double v = ViewState.stepsPerFrame(level);
            ok();
            return v;
        } catch (SpecException e) {
            fail(e);
            return Double.NaN;
        }
    }

    /**
     * The canonical lab link (no '?') of a spec with view keys (lists comma-separated, "" = the default), or "" (see
     * lastError): what the page writes into its address and copies as a share link.
     */
    @JSExport
    public static String labLink(String spec, String hide, String lock, String view, int speed, String engine) {
        return text(() -> {
            StringBuilder q = new StringBuilder(spec);
            String[][] keys = {{"hide", hide}, {"lock", lock}, {"view", view}, {"engine", engine}};
            for (String[] kv : keys) {
                if (!kv[1].isEmpty()) {
                    q.append('&').append(kv[0]).append('=').append(kv[1]);
                }
            }
            q.append("&speed=").append(speed);
            return LabLink.parse(q.toString()).format();
        });
    }

    // ==== end of the lab block

    // ---- exercises (exercise helper): documents, the built-in course, grading. All take the exercise as its
    // plain JSON text (a link's "#exercise=z.…" payload is inflated by the page with DecompressionStream first).

    private static final List<Grading> GRADINGS = new ArrayList<>();
    /** The last exercise read, by its text: the page passes the same text on every try, and a parsed exercise
     *  keeps the answer-independent results of its numeric and choice tasks, so a second try is instant. */
    private static String lastExerciseJson = "";
    private static Exercise lastExercise;

    private static Exercise exercise(String json) {
        if (lastExercise == null || !json.equals(lastExerciseJson)) {
            lastExercise = Exercise.parse(json);
            lastExerciseJson = json;
        }
        return lastExercise;
    }

    /** Ids of the built-in course, comma-separated, in teaching order. */
    @JSExport
    public static String exerciseIds() {
        return String.join(",", Course.ids());
    }

    /** The JSON document of a built-in exercise, or "" (see lastError). */
    @JSExport
    public static String exerciseBuiltin(String id) {
        try {
            String json = Course.json(id);
            ok();
            return json;
        } catch (RuntimeException e) {
            fail(e);
            return "";
        }
    }

    /**
     * Validates an exercise and returns what the lab shows (JSON: id, title, instructions, spec, free, locked,
     * hidden, tasks with prompt, spec, free, locked, asked, choices, maxPixels, work — no answers or hints), or ""
     * with lastError naming the problem and lastErrorKey its JSON path.
     */
    @JSExport
    public static String exerciseView(String json) {
        try {
            String view = exercise(json).viewJson();
            ok();
            return view;
        } catch (RuntimeException e) {
            failExercise(e);
            return "";
        }
    }

    /** Grades one answer at once and returns the verdict JSON, or "" (see lastError) for a bad exercise or task. */
    @JSExport
    public static String exerciseGrade(String json, String taskId, String answer) {
        try {
            String v = Grader.grade(exercise(json), taskId, answer).toJson();
            ok();
            return v;
        } catch (RuntimeException e) {
            failExercise(e);
            return "";
        }
    }

    /** Starts grading step by step (the page stays responsive); returns a handle, or −1 (see lastError). */
    @JSExport
    public static int exerciseGradeStart(String json, String taskId, String answer) {
        try {
            Grading g = Grader.start(exercise(json), taskId, answer);
            ok();
            for (int h = 0; h < GRADINGS.size(); h++) {
                if (GRADINGS.get(h) == null) {
                    GRADINGS.set(h, g);
                    return h;
                }
            }
            GRADINGS.add(g);
            return GRADINGS.size() - 1;
        } catch (RuntimeException e) {
            failExercise(e);
            return -1;
        }
    }

    /** Runs up to {@code trials} more trials; 1 when the verdict is ready, 0 otherwise, −1 on a bad handle. */
    @JSExport
    public static int exerciseGradeStep(int handle, int trials) {
        try {
            return grading(handle).step(trials) ? 1 : 0;
        } catch (RuntimeException e) {
            failExercise(e);
            return -1;
        }
    }

    /** Share of the grading's trials done, 0 … 1 (NaN on a bad handle). */
    @JSExport
    public static double exerciseGradeProgress(int handle) {
        try {
            return grading(handle).progress();
        } catch (RuntimeException e) {
            failExercise(e);
            return Double.NaN;
        }
    }

    /** The verdict JSON (finishing what is left), and frees the handle; "" on a bad handle. */
    @JSExport
    public static String exerciseGradeVerdict(int handle) {
        try {
            Grading g = grading(handle);
            GRADINGS.set(handle, null);
            String v = g.verdict().toJson();
            ok();
            return v;
        } catch (RuntimeException e) {
            failExercise(e);
            return "";
        }
    }

    private static Grading grading(int handle) {
        Grading g = handle >= 0 && handle < GRADINGS.size() ? GRADINGS.get(handle) : null;
        if (g == null) {
            throw new IllegalArgumentException("no grading with handle " + handle + " (finished or never started)");
        }
        return g;
    }

    private static void failExercise(RuntimeException e) {
        fail(e);
        if (e instanceof ExerciseException) {
            lastErrorKey = ((ExerciseException) e).path();
        }
    }
}
