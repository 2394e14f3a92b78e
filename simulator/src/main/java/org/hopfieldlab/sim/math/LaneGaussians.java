package org.hopfieldlab.sim.math;

/**
 * The Gaussian draws of {@link #WIDTH} independent {@link SeededRandom} streams (lanes = trials of a batch), each
 * lane's numbers bit for bit those its own generator's {@code fillGaussian} gives. The xoshiro128** steps of all
 * lanes run in bulk, in one flat loop whose state rows sit {@link #WIDTH} ints apart (a constant distance, so C2
 * vectorises it across lanes); the ziggurat then reads each lane's outputs in its stream order through a per-lane
 * cursor, so a lane whose draw takes the slow path (≈ 1.2 %) simply consumes more of its own outputs.
 */
public final class LaneGaussians {
    /** Lanes per batch: the state rows' distance, a compile-time constant for the vectoriser. */
    public static final int WIDTH = 16;
    /** Outputs per lane generated in one bulk pass. */
    private static final int ROWS = 256;
    /**
     * Outputs per lane a block leaves unplanned for slow draws (each takes ≈ 3 more outputs, 1.2 % of draws):
     * a lane that still runs past the end makes every lane start a new bulk pass early.
     */
    private static final int SLACK = ROWS / 8;

    /** xoshiro state words, row t (t = 0..ROWS) at [t·WIDTH, t·WIDTH + WIDTH): the state before output t. */
    private final int[] s0 = new int[(ROWS + 1) * WIDTH];
    private final int[] s1 = new int[(ROWS + 1) * WIDTH];
    private final int[] s2 = new int[(ROWS + 1) * WIDTH];
    private final int[] s3 = new int[(ROWS + 1) * WIDTH];
    /** Output t of lane b at [t·WIDTH + b]. */
    private final int[] out = new int[ROWS * WIDTH];
    /** Next unread output row of each lane. */
    private final int[] cursor = new int[WIDTH];

    /**
     * Continues the streams of {@code lanes} generators (at most {@link #WIDTH}; the rest of the lanes run on a
     * dummy state nobody reads). The generators themselves are not advanced.
     */
    public LaneGaussians(SeededRandom[] lanes) {
        if (lanes.length > WIDTH) {
            throw new IllegalArgumentException("at most " + WIDTH + " lanes: " + lanes.length);
        }
        for (int b = 0; b < WIDTH; b++) {
            int[] st = b < lanes.length ? lanes[b].state() : new int[] {1, 0, 0, 0};
            s0[b] = st[0];
            s1[b] = st[1];
            s2[b] = st[2];
            s3[b] = st[3];
        }
        generate();
    }

    /** Fills rows 0..ROWS of outputs from the states in row 0 (all lanes at once; no reduction, no branch). */
    private void generate() {
        int[] s0 = this.s0;
        int[] s1 = this.s1;
        int[] s2 = this.s2;
        int[] s3 = this.s3;
        int[] out = this.out;
        int len = ROWS * WIDTH;
        for (int k = 0; k < len; k++) {
            int a = s0[k];
            int b = s1[k];
            int c = s2[k];
            int d = s3[k];
            int m = b * 5;
            out[k] = ((m << 7) | (m >>> 25)) * 9;
            int t = b << 9;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = (d << 11) | (d >>> 21);
            s0[k + WIDTH] = a;
            s1[k + WIDTH] = b;
            s2[k + WIDTH] = c;
            s3[k + WIDTH] = d;
        }
        java.util.Arrays.fill(cursor, 0);
    }

    /** Moves every lane's state at its cursor to row 0 and generates the next block. */
    private void refill() {
        for (int b = 0; b < WIDTH; b++) {
            int at = cursor[b] * WIDTH + b;
            s0[b] = s0[at];
            s1[b] = s1[at];
            s2[b] = s2[at];
            s3[b] = s3[at];
        }
        generate();
    }

    /** The next 32-bit output of lane b's stream (SeededRandom.nextInt). */
    private int nextInt(int b) {
        int c = cursor[b];
        if (c == ROWS) {
            refill();
            c = 0;
        }
        cursor[b] = c + 1;
        return out[c * WIDTH + b];
    }

    /**
     * kicks[b][0..n) = scale · N(0,1) for each lane b with {@code live[b]}: the numbers
     * {@code SeededRandom.fillGaussian(kicks[b], n, scale)} gives for that lane's generator. Rows are taken in blocks
     * that fit the lanes' unread outputs, lane by lane inside a block (a tight loop with the cursor in a local), so
     * a bulk pass is rarely wasted.
     */
    public void fill(double[][] kicks, boolean[] live, int n, double scale) {
        int lanes = kicks.length;
        double[] xs = SeededRandom.X;
        int[] out = this.out;
        int[] cursor = this.cursor;
        int i0 = 0;
        while (i0 < n) {
            int most = 0;
            for (int b = 0; b < lanes; b++) {
                if (live[b]) {
                    most = Math.max(most, cursor[b]);
                }
            }
            if (most > ROWS / 2) {
                refill();
                most = 0;
            }
            int i1 = Math.min(n, i0 + (ROWS - SLACK - most));
            for (int b = 0; b < lanes; b++) {
                if (live[b]) {
                    fillLane(b, kicks[b], i0, i1, scale);
                }
            }
            i0 = i1;
        }
    }

    /**
     * kick[i0..i1) of lane b. The inner loop is the fast path alone (no call, so C2 keeps it a tight counted loop);
     * a slow draw or the end of the block leaves it, and the loop resumes after.
     */
    private void fillLane(int b, double[] kick, int i0, int i1, double scale) {
        double[] xs = SeededRandom.X;
        int[] out = this.out;
        int c = cursor[b];
        int i = i0;
        while (i < i1) {
            if (c == ROWS) {   // slow draws took this lane past the block: rebase every lane
                cursor[b] = c;
                refill();
                c = 0;
            }
            int end = Math.min(i1, i + (ROWS - c));
            int k = c * WIDTH + b;
            int j = i;
            double x = 0;
            int layer = 0;
            boolean slow = false;
            for (; j < end; j++, k += WIDTH) {
                int bits = out[k];
                layer = bits & (SeededRandom.LAYERS - 1);
                x = ((bits >> 7) + 0.5) * SeededRandom.TWO_POW_M24 * xs[layer];
                double edge = xs[layer + 1];
                if (x >= edge || x <= -edge) {
                    slow = true;
                    break;
                }
                kick[j] = x * scale;
            }
            c += j - i;
            i = j;
            if (slow) {
                cursor[b] = c + 1;   // the slow path continues after the candidate's output
                kick[i] = slowGaussian(b, layer, x) * scale;
                c = cursor[b];
                i++;
            }
        }
        cursor[b] = c;
    }

    // ---- SeededRandom's slow path, drawing from lane b's stream (same operations in the same order) ----

    private double nextDouble(int b) {
        int hi = nextInt(b) >>> 11;
        int lo = nextInt(b);
        double low = lo < 0 ? lo + 4294967296.0 : lo;
        return (hi * 4294967296.0 + low) * SeededRandom.TWO_POW_M53;
    }

    private double slowGaussian(int b, int layer, double candidate) {
        double[] xs = SeededRandom.X;
        double[] fs = SeededRandom.F;
        int i = layer;
        double x = candidate;
        while (true) {
            if (i == 0) {
                return tail(b, x < 0.0);
            }
            double fx = PortableMath.exp(-0.5 * x * x);
            if ((fs[i] - fs[i + 1]) * nextDouble(b) + fs[i + 1] < fx) {
                return x;
            }
            int bits = nextInt(b);
            i = bits & (SeededRandom.LAYERS - 1);
            x = ((bits >> 7) + 0.5) * SeededRandom.TWO_POW_M24 * xs[i];
            if (Math.abs(x) < xs[i + 1]) {
                return x;
            }
        }
    }

    private double tail(int b, boolean negative) {
        while (true) {
            double a = PortableMath.log(1.0 - nextDouble(b)) / SeededRandom.R;
            double c = PortableMath.log(1.0 - nextDouble(b));
            if (-2.0 * c >= a * a) {
                double t = SeededRandom.R - a;
                return negative ? -t : t;
            }
        }
    }
}
