package org.hopfieldlab.sim.run;

import org.hopfieldlab.sim.math.LoopShape;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.model.ContinuousModel;

/**
 * x_{k+1} = x_k + f(x_k) dt + s √dt g_k with g_k ~ N(0, I); s = 0 is plain Euler. Allocation-free after
 * construction. Detects divergence: a NaN, an infinity or any |x_i| beyond {@link #BOUND}.
 */
public final class EulerMaruyama {
    /** Far beyond any state the models reach (|x| ≲ Σ|α| + |u|) yet far below overflow. */
    public static final double BOUND = 1e8;

    private final double[] drift;
    private final double[] kick;
    /** s √dt for the (noise, dt) of the last scalar-shape step (NaN: none yet). */
    private double scaledNoise = Double.NaN;
    private double scaledDt = Double.NaN;
    private double noiseScale;

    public EulerMaruyama(int n) {
        drift = new double[n];
        kick = new double[n];
    }

    /** One step; returns false when the state diverged (the caller reports it). */
    public boolean step(ContinuousModel model, double[] x, double dt, double noise, SeededRandom rng) {
        model.rightHandSide(x, drift);
        return update(x, dt, noise, rng);
    }

    /**
     * The second half of a step, once {@link #drift()} holds f(x): draws the noise and moves x. Split from
     * {@link #step} so the batched kernel can read the model's projections of x (its overlaps) in between.
     */
    boolean update(double[] x, double dt, double noise, SeededRandom rng) {
        if (LoopShape.scalar()) {
            return updateScalar(x, dt, noise, rng);
        }
        int n = x.length;
        double[] drift = this.drift;
        double[] kick = this.kick;
        // the range of x (NaN propagates through Math.max/min): reductions the JIT vectorises with the update, and
        // plain f64.max/min in Wasm (TeaVM's Math.abs is a function call there)
        double hi = 0.0;
        double lo = 0.0;
        if (noise == 0.0) {
            for (int i = 0; i < n; i++) {
                double xn = drift[i] * dt + x[i];
                x[i] = xn;
                hi = Math.max(hi, xn);
                lo = Math.min(lo, xn);
            }
        } else {
            rng.fillGaussian(kick, n, noise * Math.sqrt(dt));
            for (int i = 0; i < n; i++) {
                // (f dt + s√dt g) + x: compound operand on the left keeps TeaVM's JS output exact
                double xn = (drift[i] * dt + kick[i]) + x[i];
                x[i] = xn;
                hi = Math.max(hi, xn);
                lo = Math.min(lo, xn);
            }
        }
        return hi <= BOUND && lo >= -BOUND;
    }

    /**
     * {@link #update} in the {@link LoopShape#scalar} shape: the same new x, element by element. The ziggurat's rare
     * path is called outside the noise loop ({@link SeededRandom#fillGaussianRareOutside}), and the range test is a
     * flag per element instead of max/min reductions (V8 compiles f64.max/min to branches, and the reductions put
     * them on a loop-carried chain). The verdict is the same: every x_i within ±BOUND, no NaN.
     */
    private boolean updateScalar(double[] x, double dt, double noise, SeededRandom rng) {
        int n = x.length;
        double[] drift = this.drift;
        double[] kick = this.kick;
        boolean inside = true;
        if (noise == 0.0) {
            for (int i = 0; i < n; i++) {
                double xn = drift[i] * dt + x[i];
                x[i] = xn;
                inside &= xn <= BOUND & xn >= -BOUND;
            }
        } else {
            if (noise != scaledNoise || dt != scaledDt) {
                // Math.sqrt is a call into JavaScript in TeaVM's Wasm: once per (noise, dt), not once per step
                scaledNoise = noise;
                scaledDt = dt;
                noiseScale = noise * Math.sqrt(dt);
            }
            rng.fillGaussianRareOutside(kick, n, noiseScale);
            for (int i = 0; i < n; i++) {
                double xn = (drift[i] * dt + kick[i]) + x[i];
                x[i] = xn;
                inside &= xn <= BOUND & xn >= -BOUND;
            }
        }
        return inside;
    }

    /** f(x) of the last {@link #step} (or the array {@link #update} reads). */
    double[] drift() {
        return drift;
    }
}
