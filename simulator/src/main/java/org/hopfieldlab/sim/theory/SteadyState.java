package org.hopfieldlab.sim.theory;

/**
 * Decides from the recent read-outs whether a run sits at an equilibrium, so that theory is compared with the
 * simulation only there (never on a transient).
 *
 * <p>It is fed samples (time, input segment, overlaps m_μ, amplitudes c_μ = ξ^μ·x/N) and keeps the last
 * {@link #WINDOW} time units of the current input segment (a segment ends when the input window changes or a
 * pulsed input switches off). The run is <em>steady</em> when samples span the whole window and, for every memory,
 * the mean of the window's second half differs from the mean of its first half by at most the drift tolerance:
 * <pre>
 *   amplitudes:  |Δc̄_μ| ≤ 0.002 + 0.02 |c̄_μ| + 1.85 s/√N
 *   overlaps:    |Δm̄_μ| ≤ 0.002 + 0.02 m̄_μ + 3 (√(1 − m̄_μ²) + min(β s/√2, 0.8)) / √N     (noise term only if s > 0)
 * </pre>
 * The relative part lets a state settle to 2 %; the small absolute part still catches a slow exponential growth
 * or decay near x = 0 (critical slowing down near a threshold), which a fixed 0.02 would call steady.
 *
 * <p>The noise terms are three standard deviations of what noise alone does to the difference of the half-means.
 * Along any memory the noise leaves a projection c fluctuating like an Ornstein–Uhlenbeck process with rate 1 (the
 * leak) and deviation σ_c = s/√(2N); the means of two adjacent intervals of 2 time units then differ with deviation
 * √(2 (V − C)) ≈ 0.87 σ_c (V = (2 + 2e⁻²)/4 σ_c², C = (1 − e⁻²)²/4 σ_c²), and 3 × 0.87 σ_c ≈ 1.85 s/√N. An
 * overlap averages N neurons whose tanh fluctuates independently ((1 − m²)/N) and follows c with a slope of at
 * most E[β sech²(β(c + η))] ≤ min(β, 0.8 √2 / s), η ~ N(0, s²/2). The window is 4 time units: a slow approach
 * under strong noise (an amplitude creeping by 0.5 per time unit at s = 8, N = 1024) is resolved over 2-unit
 * halves but not over 1-unit ones.
 */
public final class SteadyState {
    /** Length of the look-back window in time units (four time constants of the leak −x). */
    public static final double WINDOW = 4.0;
    /** The relative drift tolerance of an overlap or an amplitude. */
    public static final double DRIFT_RELATIVE = 0.02;
    /** The absolute part of the drift tolerance. */
    public static final double DRIFT_ABSOLUTE = 0.002;
    /** Samples closer than this fraction of the window are not kept (bounds memory and work). */
    private static final double SPACING = WINDOW / 64;
    private static final int CAPACITY = 160;

    private final int p;
    private final double noiseC;
    private final double noiseM;
    private final double invSqrtN;
    private final double[] times = new double[CAPACITY];
    private final double[][] m;
    private final double[][] c;
    private int head;
    private int count;
    private int segment = Integer.MIN_VALUE;
    private double segmentStart;

    /** A detector for P memories, gain β, noise amplitude s and N neurons. */
    public SteadyState(int p, double beta, double noise, int n) {
        this.p = p;
        this.invSqrtN = 1 / Math.sqrt(n);
        this.noiseC = 1.85 * noise * invSqrtN;
        this.noiseM = noise > 0 ? 3 * Math.min(beta * noise / Math.sqrt(2.0), 0.8) * invSqrtN : 0;
        this.m = new double[CAPACITY][p];
        this.c = new double[CAPACITY][p];
    }

    /** Whether {@link #observe} would keep a sample at time t of this segment (callers skip reading it if not). */
    public boolean wants(double t, int segment) {
        return segment != this.segment || count == 0 || t >= times[last()] + SPACING;
    }

    /**
     * Records one sample. {@code segment} identifies the input in force (e.g. window index × 2 + input on); a new
     * value starts a new segment and forgets the samples of the previous one.
     */
    public void observe(double t, int segment, double[] overlaps, double[] amplitudes) {
        if (segment != this.segment) {
            this.segment = segment;
            segmentStart = t;
            count = 0;
        } else if (count > 0 && t < times[last()] + SPACING) {
            return;
        }
        head = (head + 1) % CAPACITY;
        times[head] = t;
        System.arraycopy(overlaps, 0, m[head], 0, p);
        System.arraycopy(amplitudes, 0, c[head], 0, p);
        if (count < CAPACITY) {
            count++;
        }
    }

    private int last() {
        return head;
    }

    /** Forgets every sample (a restarted run). */
    public void clear() {
        count = 0;
        segment = Integer.MIN_VALUE;
    }

    /** The time the current input segment began (the last input change). */
    public double segmentStart() {
        return segmentStart;
    }

    /** The verdict of the detector at the last sample. */
    public Status status() {
        if (count == 0) {
            return new Status(false, 0, -1, 0, 0, false, segmentStart);
        }
        double now = times[last()];
        double from = now - WINDOW;
        // oldest kept sample inside the window
        int inWindow = 0;
        double oldest = now;
        for (int k = 0; k < count; k++) {
            int i = (head - k + CAPACITY) % CAPACITY;
            if (times[i] < from - 1e-9) {
                break;
            }
            inWindow++;
            oldest = times[i];
        }
        double span = now - oldest;
        if (span < WINDOW * 0.95 || inWindow < 3) {
            return new Status(false, span, -1, 0, 0, false, segmentStart);
        }
        double mid = now - WINDOW / 2;
        double worstExcess = Double.NEGATIVE_INFINITY;
        int worstMemory = -1;
        double worstDrift = 0;
        double worstTolerance = 0;
        boolean worstIsAmplitude = false;
        for (int mu = 0; mu < p; mu++) {
            for (int q = 0; q < 2; q++) {
                double[][] series = q == 0 ? m : c;
                double s1 = 0;
                double s2 = 0;
                int n1 = 0;
                int n2 = 0;
                for (int k = 0; k < inWindow; k++) {
                    int i = (head - k + CAPACITY) % CAPACITY;
                    if (times[i] >= mid) {
                        s2 = s2 + series[i][mu];
                        n2++;
                    } else {
                        s1 = s1 + series[i][mu];
                        n1++;
                    }
                }
                if (n1 == 0 || n2 == 0) {
                    return new Status(false, span, -1, 0, 0, false, segmentStart);
                }
                double mean1 = s1 / n1;
                double mean2 = s2 / n2;
                double level = mean2;
                double tol = DRIFT_ABSOLUTE + DRIFT_RELATIVE * Math.abs(level) + (q == 1 ? noiseC
                        : noiseM + (noiseM > 0 ? 3 * Math.sqrt(Math.max(0, 1 - level * level)) * invSqrtN : 0));
                // a state still on its way at the end of the window is not at rest either: at small N the noise
                // allowance can hide a late jump in the half means, not in the newest sample (one sample: twice it)
                double late = Math.abs(series[head][mu] - mean2) / 2;
                double drift = Math.max(Math.abs(mean2 - mean1), late);
                double excess = drift - tol;
                if (excess > worstExcess) {
                    worstExcess = excess;
                    worstMemory = mu;
                    worstDrift = drift;
                    worstTolerance = tol;
                    worstIsAmplitude = q == 1;
                }
            }
        }
        return new Status(worstExcess <= 0, span, worstMemory, worstDrift, worstTolerance, worstIsAmplitude,
                segmentStart);
    }

    /**
     * The detector's answer. {@code span}: time covered by samples of the current segment (at most WINDOW);
     * {@code memory}, {@code drift}, {@code tolerance}, {@code amplitude}: the read-out closest to (or furthest
     * beyond) its tolerance — the overlap of that memory, or its amplitude when {@code amplitude} — so a message
     * can say what still moves; memory −1 when there were too few samples to judge.
     */
    public record Status(boolean steady, double span, int memory, double drift, double tolerance, boolean amplitude,
            double segmentStart) {
    }
}
