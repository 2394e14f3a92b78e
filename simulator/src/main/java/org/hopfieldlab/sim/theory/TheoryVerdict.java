package org.hopfieldlab.sim.theory;

import org.hopfieldlab.sim.math.PortableMath;
import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.spec.ModelKind;

/**
 * Compares the theory's predicted wells ({@link Theory}) with a running simulation, honestly: only at an
 * equilibrium ({@link SteadyState}), with a stated tolerance, and with crosstalk of non-orthogonal memories and the
 * noise explained rather than flagged.
 *
 * <p>At equilibrium the state sits near one memory K (largest overlap, m_K ≥ {@link #AT_MEMORY}) or in no well. For
 * K the theory predicts the amplitude c* (c = α'_K tanh(β c)) and the overlap m* = tanh(β c*). They agree when
 * <pre>
 *   m_sim ∈ [m_noise − tol_m, m* + tol_m]     |c_sim| ∈ [α'_K m_noise − tol_c, c* + tol_c]
 * </pre>
 * where m_noise = E[tanh(β(c* + η))], η ~ N(0, s²/2), is the overlap the noise leaves (each neuron fluctuates by
 * s/√2 around c* ξ_i; the theory is for s = 0), and
 * <pre>
 *   tol_c = c* (0.02 + 2 χ_K / α'_K) + 3 s/√(2N)
 *   tol_m = 0.02 + β (1 − m*²) c* · 2 χ_K / α'_K + 3 (min(1, β (1 − m*²)) s/√(2N) + √((1 − m_noise²)/N))
 * </pre>
 * 0.02 is the drift the steady test still allows; χ_K = √(Σ_{ν≠K} (α'_ν ξ^K·ξ^ν/N)²) is the crosstalk field the
 * other memories put on memory K (0 for orthogonal memories, about √(P/N)·ᾱ' for random ones) and shifts the
 * effective gain α'_K by up to ± 2 χ_K; the last terms are three standard deviations of the finite-N fluctuations
 * of c and m under noise. The thresholds are derived for IDP; for the modern family they hold with the gains in
 * force (at equilibrium the gains are constant too); for the classic and discrete models nothing is compared.
 */
public final class TheoryVerdict {
    /** Noise counts as strong for a well when each neuron's fluctuation s/√2 reaches this fraction of its amplitude c. */
    static final double NOISE_COMPARABLE = 0.5;

    private TheoryVerdict() {
    }

    /** The state is "at memory K" when its overlap reaches this. */
    public static final double AT_MEMORY = 0.5;
    /** Below this largest overlap the state counts as decayed to x ≈ 0 (when no well exists). */
    public static final double DECAYED = 0.2;
    /** Tolerance floor: about the drift {@link SteadyState} still allows at equilibrium. */
    public static final double FLOOR = 0.02;
    /**
     * When the crosstalk shift 2 χ_K reaches this fraction of α'_K, the orthogonal-memory theory cannot predict the
     * numbers (strongly overlapping pictures such as letters): the table is a guide and nothing is judged.
     */
    public static final double GUIDE_ONLY = 0.5;
    /**
     * A state at memory K overlaps another memory ν by about |ξ^K·ξ^ν|/N · m_K; more than this margin (+ 3/√N for
     * finite-size fluctuations) above that makes it a mixture.
     */
    public static final double MIXTURE_MARGIN = 0.05;
    /** At most this many table rows: with P up to 4096 the page shows the memories that matter now. */
    public static final int MAX_ROWS = 24;

    /** What the comparison concluded. */
    public enum Status {
        /** Theory and simulation agree within the stated tolerance. */
        AGREES,
        /** At equilibrium, outside the stated tolerance: the message says by how much and what may explain it. */
        DIFFERS,
        /** The state still moves (or the input changed too recently): nothing is compared yet. */
        NOT_STEADY,
        /** At equilibrium, but in a state the single-memory theory does not describe (a mixture, the zero state). */
        OUTSIDE,
        /** At equilibrium, but the memories overlap too much for the orthogonal-memory theory's numbers. */
        CROSSTALK,
        /** The model is not one the thresholds are derived for: the table is for reference. */
        REFERENCE
    }

    /** One memory's prediction (the table row) and the simulation's read-outs beside it. */
    public record Row(int memory, double shiftedGain, double betaShiftedGain, boolean exists, boolean stable,
            double amplitude, double overlapPredicted, double amplitudeSim, double overlapSim) {
    }

    /**
     * The report: status, the memory compared (−1 if none), the table rows (at most {@link #MAX_ROWS}: the memory
     * the state is at, the largest overlaps, the deepest wells, in memory order) of {@code total} memories, the
     * accepted intervals (NaN when nothing was compared),
     * the crosstalk χ_K and the reference √(P/N), and three sentences for the page: what was concluded, the
     * tolerance, and about the memories (orthogonal or not).
     */
    public record Report(Status status, double time, int memory, Row[] rows, int total, double overlapLow, double overlapHigh,
            double amplitudeLow, double amplitudeHigh, double crosstalk, double randomCrosstalk, boolean orthogonal,
            String summary, String tolerance, String memoriesNote) {
    }

    /**
     * The verdict for a simulation's current read-outs.
     *
     * @param model      the model that runs
     * @param memories   the stored memories (for the crosstalk of the memory compared; O(N·P) once)
     * @param alpha      the gains α_μ in force
     * @param beta       gain β of σ(x) = tanh(βx)
     * @param noise      noise amplitude s
     * @param overlaps   m_μ = |ξ^μ·σ(x)|/N now
     * @param amplitudes c_μ = ξ^μ·x/N now (signed)
     * @param steady     the equilibrium detector's answer for the same moment
     * @param time       the moment (for the sentences)
     */
    public static Report judge(ModelKind model, MemorySet memories, double[] alpha, double beta, double noise,
            double[] overlaps, double[] amplitudes, SteadyState.Status steady, double time) {
        int n = memories.n();
        int p = memories.p();
        double[] shifted = Theory.shiftedGains(alpha, n);
        int k = 0;
        for (int mu = 1; mu < p; mu++) {
            if (overlaps[mu] > overlaps[k]) {
                k = mu;
            }
        }
        int[] shown = shownMemories(overlaps, shifted, k);
        Row[] rows = new Row[shown.length];
        Row atK = null;
        for (int r = 0; r < shown.length; r++) {
            rows[r] = row(alpha, beta, n, shown[r], overlaps, amplitudes);
            if (shown[r] == k) {
                atK = rows[r];
            }
        }
        double[] q = memoryOverlaps(memories, k);
        boolean orthogonal = orthogonal(q, k);
        double chi = crosstalk(q, shifted, k);
        double randomChi = Math.sqrt((double) p / n);
        String memNote = memoriesNote(orthogonal, memories, largest(q, k), k, chi, randomChi);
        double nan = Double.NaN;

        if (model == ModelKind.CLASSIC || model == ModelKind.DISCRETE) {
            String what = model == ModelKind.CLASSIC ? "the classic model adds the input to the state and keeps "
                    + "its synapses fixed" : "the discrete model updates sign units";
            return new Report(Status.REFERENCE, time, -1, rows, p, nan, nan, nan, nan, chi, randomChi, orthogonal,
                    "These thresholds are derived for IDP, where the input sets the gains; " + what
                            + ", so the table is for reference and nothing is compared.", "", memNote);
        }
        if (!steady.steady()) {
            return new Report(Status.NOT_STEADY, time, -1, rows, p, nan, nan, nan, nan, chi, randomChi, orthogonal,
                    notSteadySentence(steady, time), steadyRule(noise, n), memNote);
        }

        double sigmaC = noise / Math.sqrt(2.0 * n);
        if (overlaps[k] < AT_MEMORY) {
            boolean anyWell = false;
            boolean anyNear = false;
            double maxShifted = Double.NEGATIVE_INFINITY;
            for (int mu = 0; mu < p; mu++) {
                anyWell |= beta * shifted[mu] > 1.0;
                anyNear |= beta * (shifted[mu] + 2 * crosstalkOf(memories, shifted, mu)) > 1.0;
                maxShifted = Math.max(maxShifted, shifted[mu]);
            }
            if (!anyWell && !anyNear && overlaps[k] < DECAYED) {
                return new Report(Status.AGREES, time, -1, rows, p, 0, DECAYED, nan, nan, chi, randomChi, orthogonal,
                        "At equilibrium (t = " + fixed(time, 2) + "): no memory's well exists (β α′ ≤ 1 for all), "
                                + "and the state has decayed towards x = 0 (largest overlap m = "
                                + fixed(overlaps[k], 3) + "), as the theory predicts.",
                        "Decayed means every overlap below " + fixed(DECAYED, 2) + ".", memNote);
            }
            double deepest = Theory.amplitude(maxShifted, beta);   // the amplitude grows with α′
            double sigma = noise / Math.sqrt(2.0);
            String why = anyWell && sigma >= NOISE_COMPARABLE * deepest ? "Theory describes the wells of single memories; the "
                    + "state sits in none of them (largest overlap m = " + fixed(overlaps[k], 3) + "). The noise is "
                    + "strong: each neuron fluctuates by s/√2 = " + fixed(sigma, 2) + " around its equilibrium, "
                    + "comparable with the deepest well's amplitude c = " + fixed(deepest, 2) + ", so it can keep "
                    + "the state out of every well (the theory is for s = 0)."
                    : anyWell ? "Theory describes the wells of single memories; the state sits in none of them "
                    + "(largest overlap m = " + fixed(overlaps[k], 3) + " for ξ" + (k + 1) + "): a mixture of "
                    + "memories, or the zero state, which is an equilibrium too (unstable when a well exists; "
                    + "without noise nothing pushes the state off it)."
                    : "No memory's well exists in theory, but within crosstalk one is close to its threshold; the "
                    + "state has not decayed (largest overlap m = " + fixed(overlaps[k], 3) + ").";
            return new Report(Status.OUTSIDE, time, -1, rows, p, nan, nan, nan, nan, chi, randomChi, orthogonal,
                    "At equilibrium (t = " + fixed(time, 2) + "). " + why, "", memNote);
        }

        Row r = atK;
        int mixed = -1;
        double margin = MIXTURE_MARGIN + 3 / Math.sqrt(n);
        for (int nu = 0; nu < p; nu++) {
            if (nu != k && overlaps[nu] > Math.abs(q[nu]) * overlaps[k] + margin
                    && (mixed < 0 || overlaps[nu] > overlaps[mixed])) {
                mixed = nu;
            }
        }
        if (mixed >= 0) {
            return new Report(Status.OUTSIDE, time, k, rows, p, nan, nan, nan, nan, chi, randomChi, orthogonal,
                    "At equilibrium (t = " + fixed(time, 2) + ") the state sits mostly at ξ" + (k + 1) + " (m = "
                            + fixed(overlaps[k], 3) + ") but also overlaps ξ" + (mixed + 1) + " (m = "
                            + fixed(overlaps[mixed], 3) + ", more than the memories' own overlap "
                            + fixed(Math.abs(q[mixed]), 3) + " explains): a mixture of memories, which the "
                            + "single-memory theory does not describe, so nothing is judged.",
                    "A single-memory state overlaps another memory ν by at most |ξ^K·ξ^ν|/N · m_K + "
                            + fixed(margin, 3) + ".", memNote);
        }
        String at = "At equilibrium (t = " + fixed(time, 2) + ") the state sits at ξ" + (k + 1) + " (m = "
                + fixed(r.overlapSim(), 3) + ")";
        if (!r.exists()) {
            boolean nearThreshold = beta * (r.shiftedGain() + 2 * chi) > 1.0;
            if (nearThreshold) {
                return new Report(Status.AGREES, time, k, rows, p, nan, nan, nan, nan, chi, randomChi, orthogonal,
                        at + ". For orthogonal memories its well would not exist (β α′ = "
                                + fixed(r.betaShiftedGain(), 3) + " ≤ 1), but the crosstalk of the other memories "
                                + "(χ = " + fixed(chi, 3) + ") can shift β α′ past 1: within the theory's accuracy "
                                + "here.", crosstalkRule(chi), memNote);
            }
            return new Report(Status.DIFFERS, time, k, rows, p, nan, nan, nan, nan, chi, randomChi, orthogonal,
                    at + ", but its well should not exist: β α′ = " + fixed(r.betaShiftedGain(), 3)
                            + " ≤ 1 even allowing for crosstalk (χ = " + fixed(chi, 3) + ").", crosstalkRule(chi),
                    memNote);
        }
        double cStar = r.amplitude();
        double mStar = r.overlapPredicted();
        if (2 * chi >= GUIDE_ONLY * r.shiftedGain()) {
            return new Report(Status.CROSSTALK, time, k, rows, p, nan, nan, nan, nan, chi, randomChi, orthogonal,
                    at + ". The other memories overlap ξ" + (k + 1) + " so much that their crosstalk (χ = "
                            + fixed(chi, 3) + ") is comparable with its own gain α′ = " + fixed(r.shiftedGain(), 3)
                            + ": the theory, derived for orthogonal memories, cannot predict the numbers here, so "
                            + "the table is a guide (predicted c = " + fixed(cStar, 3) + ", simulated |c| = "
                            + fixed(r.amplitudeSim(), 3) + ") and nothing is judged.",
                    "Numbers are judged when 2 χ < " + fixed(GUIDE_ONLY, 1) + " α′.", memNote);
        }
        double mNoise = noise > 0 ? noisyOverlap(cStar, beta, noise / Math.sqrt(2.0)) : mStar;
        double slope = Math.min(1e6, beta * (1 - mStar * mStar));
        double rel = 2 * chi / r.shiftedGain();
        double tolC = cStar * (FLOOR + rel) + 3 * sigmaC;
        double tolM = FLOOR + slope * cStar * rel
                + 3 * (Math.min(1.0, slope) * sigmaC + (noise > 0 ? Math.sqrt(Math.max(0, 1 - mNoise * mNoise) / n) : 0));
        double mLo = Math.max(0, mNoise - tolM);
        double mHi = Math.min(1, mStar + tolM);
        double cLo = Math.max(0, r.shiftedGain() * mNoise - tolC);
        double cHi = cStar + tolC;
        boolean mOk = r.overlapSim() >= mLo && r.overlapSim() <= mHi;
        boolean cOk = r.amplitudeSim() >= cLo && r.amplitudeSim() <= cHi;
        String tolerance = "Agreement: m within [" + fixed(mLo, 3) + ", " + fixed(mHi, 3) + "] and |c| within ["
                + fixed(cLo, 3) + ", " + fixed(cHi, 3) + "]: ±" + fixed(FLOOR, 2) + " (relative for c) for what the "
                + "state may still drift"
                + (chi > 0 ? ", ± " + fixed(100 * rel, 1) + " % of c for crosstalk (χ = " + fixed(chi, 3) + ")" : "")
                + (noise > 0 ? ", and for the noise: it lowers m to about " + fixed(mNoise, 3)
                        + " and makes c and m fluctuate (3 standard deviations: ± " + fixed(3 * sigmaC, 3) + " in c)"
                        : "")
                + ".";
        String stability = r.stable() ? "" : " Theory calls this well unstable (an eigenvalue β sech²(β c) α′_ν − 1 "
                + "> 0): a perturbation along that memory grows, so expect the state to leave.";
        if (mOk && cOk) {
            return new Report(Status.AGREES, time, k, rows, p, mLo, mHi, cLo, cHi, chi, randomChi, orthogonal,
                    at + ": predicted m = tanh(β c) = " + fixed(mStar, 3) + " with c = " + fixed(cStar, 3)
                            + ", simulated m = " + fixed(r.overlapSim(), 3) + ", |c| = " + fixed(r.amplitudeSim(), 3)
                            + ". Theory and simulation agree." + stability, tolerance, memNote);
        }
        double sigma = noise / Math.sqrt(2.0);
        if (sigma >= NOISE_COMPARABLE * cStar) {
            // a shallow well in strong noise: the state wanders in and near it; the noise-free theory is a guide
            return new Report(Status.OUTSIDE, time, k, rows, p, mLo, mHi, cLo, cHi, chi, randomChi, orthogonal,
                    at + ": predicted m = " + fixed(mStar, 3) + " and c = " + fixed(cStar, 3) + ", simulated m = "
                            + fixed(r.overlapSim(), 3) + " and |c| = " + fixed(r.amplitudeSim(), 3) + ". The noise is "
                            + "strong for this well: each neuron fluctuates by s/√2 = " + fixed(sigma, 2)
                            + ", comparable with its amplitude c, so the state wanders in and out of it and the theory "
                            + "(for s = 0) is a guide here, not a prediction.", tolerance, memNote);
        }
        StringBuilder why = new StringBuilder(at).append(": predicted m = ").append(fixed(mStar, 3))
                .append(" and c = ").append(fixed(cStar, 3)).append(", simulated m = ")
                .append(fixed(r.overlapSim(), 3)).append(" and |c| = ").append(fixed(r.amplitudeSim(), 3))
                .append(": outside the tolerance.");
        if (!orthogonal) {
            why.append(" These memories overlap strongly (χ = ").append(fixed(chi, 3))
                    .append("): the orthogonal-memory theory is only a guide here.");
        }
        why.append(stability);
        return new Report(Status.DIFFERS, time, k, rows, p, mLo, mHi, cLo, cHi, chi, randomChi, orthogonal,
                why.toString(), tolerance, memNote);
    }

    /** E[tanh(β (c + σ z))], z ~ N(0, 1), by Simpson's rule on z ∈ [−8, 8] fine enough for tanh's scale 1/(βσ). */
    public static double noisyOverlap(double c, double beta, double sigma) {
        if (!(sigma > 0)) {
            return Math.abs(PortableMath.tanh(beta * c));
        }
        double h = Math.min(0.05, 0.25 / (beta * sigma));
        int steps = (int) Math.ceil(16.0 / h);
        steps = Math.min(20000, steps + (steps & 1));
        h = 16.0 / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double z = -8.0 + i * h;
            double f = PortableMath.exp(-0.5 * z * z) * PortableMath.tanh(beta * (c + sigma * z));
            double w = i == 0 || i == steps ? 1 : ((i & 1) == 1 ? 4 : 2);
            sum = w * f + sum;
        }
        return Math.abs(sum * h / 3.0 / Math.sqrt(2 * Math.PI));
    }

    /** One table row: memory μ's prediction (O(P)) and the simulation's read-outs beside it. */
    private static Row row(double[] alpha, double beta, int n, int mu, double[] overlaps, double[] amplitudes) {
        Theory.MemoryPrediction q = Theory.predict(alpha, beta, n, mu);
        double mPred = q.exists() ? Math.abs(PortableMath.tanh(beta * q.amplitude())) : 0.0;
        return new Row(mu, q.shiftedGain(), beta * q.shiftedGain(), q.exists(), q.stable(), q.amplitude(), mPred,
                Math.abs(amplitudes[mu]), overlaps[mu]);
    }

    /**
     * The memories the table shows, in order: all when P ≤ {@link #MAX_ROWS}; else K, the largest overlaps (up to a
     * third of the rows) and the largest shifted gains (the deepest wells) until the rows are full.
     */
    static int[] shownMemories(double[] overlaps, double[] shifted, int k) {
        int p = overlaps.length;
        boolean[] take = new boolean[p];
        int count = 0;
        if (p <= MAX_ROWS) {
            java.util.Arrays.fill(take, true);
            count = p;
        } else {
            take[k] = true;
            count = 1;
            count = takeLargest(overlaps, take, count, MAX_ROWS / 3);
            count = takeLargest(shifted, take, count, MAX_ROWS);
        }
        int[] out = new int[count];
        int i = 0;
        for (int mu = 0; mu < p; mu++) {
            if (take[mu]) {
                out[i++] = mu;
            }
        }
        return out;
    }

    private static int takeLargest(double[] values, boolean[] take, int count, int upTo) {
        while (count < upTo) {
            int best = -1;
            for (int mu = 0; mu < values.length; mu++) {
                if (!take[mu] && (best < 0 || values[mu] > values[best])) {
                    best = mu;
                }
            }
            if (best < 0) {
                break;
            }
            take[best] = true;
            count++;
        }
        return count;
    }

    /** q_ν = ξ^K·ξ^ν/N for every ν (q_K = 1). O(N·P). */
    static double[] memoryOverlaps(MemorySet memories, int k) {
        int n = memories.n();
        double[] raw = memories.raw();
        double[] q = new double[memories.p()];
        for (int nu = 0; nu < q.length; nu++) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot = raw[k * n + i] * raw[nu * n + i] + dot;
            }
            q[nu] = dot / n;
        }
        return q;
    }

    /** χ_K = √(Σ_{ν≠K} (α'_ν q_ν)²) with q_ν = ξ^K·ξ^ν/N: the field the other memories put along memory K. */
    static double crosstalk(double[] q, double[] shifted, int k) {
        double sum = 0;
        for (int nu = 0; nu < q.length; nu++) {
            if (nu != k) {
                double term = shifted[nu] * q[nu];
                sum = term * term + sum;
            }
        }
        return Math.sqrt(sum);
    }

    /** Memory μ's crosstalk; for very large sets (P²N > 2^26) the random-memory estimate √(Σ α'_ν² / N). */
    private static double crosstalkOf(MemorySet memories, double[] shifted, int mu) {
        int p = memories.p();
        if ((double) p * p * memories.n() <= 67108864.0) {
            return crosstalk(memoryOverlaps(memories, mu), shifted, mu);
        }
        double sum = 0;
        for (int nu = 0; nu < p; nu++) {
            if (nu != mu) {
                sum = shifted[nu] * shifted[nu] + sum;
            }
        }
        return Math.sqrt(sum / memories.n());
    }

    private static boolean orthogonal(double[] q, int k) {
        for (int nu = 0; nu < q.length; nu++) {
            if (nu != k && q[nu] != 0) {
                return false;
            }
        }
        return true;
    }

    private static double largest(double[] q, int k) {
        double max = 0;
        for (int nu = 0; nu < q.length; nu++) {
            if (nu != k) {
                max = Math.max(max, Math.abs(q[nu]));
            }
        }
        return max;
    }

    private static String memoriesNote(boolean orthogonal, MemorySet memories, double largest, int k, double chi,
            double randomChi) {
        if (memories.p() < 2 || orthogonal) {
            return "Orthogonal memories: the theory is exact (up to the state's residual drift and the noise).";
        }
        return "These memories are not orthogonal: ξ" + (k + 1) + " overlaps another memory by up to "
                + fixed(largest, 3) + " (random memories overlap by about 1/√N = "
                + fixed(1 / Math.sqrt(memories.n()), 3) + "). The theory is derived for orthogonal memories; here it "
                + "holds up to crosstalk, of order √(P/N) = " + fixed(randomChi, 3) + " for random memories: the "
                + "other memories add a field χ = " + fixed(chi, 3) + " along ξ" + (k + 1)
                + ", which the tolerance includes. That is expected, not an error.";
    }

    private static String notSteadySentence(SteadyState.Status s, double time) {
        double since = time - s.segmentStart();
        if (s.memory() < 0 || since < SteadyState.WINDOW) {
            return "Not at equilibrium yet: " + (s.segmentStart() < 0.05 ? "the run started at t = 0"
                    : "the input last changed at t = " + fixed(s.segmentStart(), 2)) + ", and the state needs about " + fixed(SteadyState.WINDOW, 0) + " time units of steady "
                    + "read-outs before theory and simulation are compared.";
        }
        return "Not at equilibrium yet: over the last " + fixed(SteadyState.WINDOW, 0) + " time units "
                + (s.amplitude() ? "the amplitude c of ξ" : "the overlap of ξ") + (s.memory() + 1) + " moved by "
                + fixed(s.drift(), 3) + " (steady means at most " + fixed(s.tolerance(), 3) + "). This is a "
                + "transient, not a disagreement: theory and simulation are compared once the state settles.";
    }

    private static String steadyRule(double noise, int n) {
        return "Steady means: over the last " + fixed(SteadyState.WINDOW, 0) + " time units, the mean of each "
                + "overlap and amplitude in the second half differs from the first half by at most 2 % (+ 0.002)"
                + (noise > 0 ? ", plus three standard deviations of what the noise alone does (" + fixed(1.85 * noise
                / Math.sqrt(n), 3) + " for an amplitude c)" : "") + ".";
    }

    private static String crosstalkRule(double chi) {
        return "Crosstalk shifts the effective β α′ by up to ± 2 β χ, with χ = " + fixed(chi, 3) + ".";
    }

    /** v rounded to {@code digits} decimals, without trailing zeros ("0.5", "12.72", "3"). */
    public static String fixed(double v, int digits) {
        if (v != v) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double scale = 1;
        for (int d = 0; d < digits; d++) {
            scale = scale * 10;
        }
        double r = Math.round(Math.abs(v) * scale);
        if (r > 9.0e15) {
            return Double.toString(v);
        }
        long whole = (long) (r / scale);
        long frac = (long) (r - whole * scale);
        StringBuilder sb = new StringBuilder();
        if (v < 0 && r != 0) {
            sb.append('−');
        }
        sb.append(whole);
        if (frac != 0) {
            String f = Long.toString(frac);
            sb.append('.');
            for (int z = f.length(); z < digits; z++) {
                sb.append('0');
            }
            int end = f.length();
            while (end > 0 && f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(f.substring(0, end));
        }
        return sb.toString();
    }
}
