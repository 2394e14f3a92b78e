package org.hopfieldlab.web;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.ResolvedInput;
import org.hopfieldlab.sim.run.DivergenceException;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.PatternCodec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.hopfieldlab.sim.theory.Theory;
import org.teavm.jso.JSExport;

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

    /** Advances up to {@code steps} steps; returns the number done, or −1 when the run diverged (see lastError). */
    @JSExport
    public static int advance(int id, int steps) {
        try {
            int done = get(id).sim.advance(steps);
            ok();
            return done;
        } catch (DivergenceException e) {
            fail(e);
            return -1;
        }
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

    /** Recomputes the read-outs (overlaps, energy, activations) from the current state. */
    @JSExport
    public static void refresh(int id) {
        get(id).refresh();
    }

    @JSExport
    public static double overlap(int id, int mu) {
        return get(id).overlaps[mu];
    }

    @JSExport
    public static double energy(int id) {
        return get(id).energy;
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
        return get(id).projection(mu);
    }

    @JSExport
    public static int finished(int id) {
        return get(id).sim.finished() ? 1 : 0;
    }

    /** Packs the state's σ(x) (as of the last refresh) as 8-bit grey levels, two hex digits each: one call per frame. */
    @JSExport
    public static String activationsHex(int id) {
        return get(id).activationsHex();
    }

    @JSExport
    public static double energyAt(int id, int mu1, int mu2, double a, double b) {
        return get(id).energyAt(mu1, mu2, a, b, scratch);
    }

    @JSExport
    public static String checksum(int id) {
        return get(id).sim.checksum();
    }

    // ---- theory for the gains in force now ----

    /** Computes the theory's predictions for the current gains; read them with the theory* getters. */
    @JSExport
    public static void theory(int id) {
        LabSession s = get(id);
        s.theory = Theory.predictAll(s.sim.model().gains().clone(), s.spec.beta(), s.spec.n());
    }

    @JSExport
    public static int theoryExists(int id, int mu) {
        return get(id).theory[mu].exists() ? 1 : 0;
    }

    @JSExport
    public static int theoryStable(int id, int mu) {
        return get(id).theory[mu].stable() ? 1 : 0;
    }

    @JSExport
    public static double theoryAmplitude(int id, int mu) {
        return get(id).theory[mu].amplitude();
    }

    @JSExport
    public static double theoryShiftedGain(int id, int mu) {
        return get(id).theory[mu].shiftedGain();
    }

    @JSExport
    public static double theoryDepth(int id, int mu) {
        return get(id).theory[mu].wellDepth();
    }

    @JSExport
    public static double theoryEigenvalue(int id, int mu, int nu) {
        return get(id).theory[mu].eigenvalues()[nu];
    }

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
}
