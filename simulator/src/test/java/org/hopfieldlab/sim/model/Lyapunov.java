package org.hopfieldlab.sim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.run.EulerMaruyama;

/**
 * Energy along a deterministic Euler trajectory x_{k+1} = x_k + dt f(x_k), with the tolerance that Euler's step
 * allows. Taylor: E(x + dt f) − E(x) = dt ∇E·f + ½ dt² fᵀ H(ζ) f, and ∇E·f = −Σ_i β sech²(βx_i) f_i² ≤ 0 (science
 * file). With σ = tanh(β·), |σ'| ≤ β and |σ''| ≤ (4/(3√3)) β² ≈ 0.77 β², the Hessian H_ij = δ_ij [σ''(ζ_i)(ζ_i −
 * (Wσ)_i − u_i) + σ'(ζ_i)] − σ'_i W_ij σ'_j has ‖H‖ ≤ 0.77 β² (max|x| + dt max|f| + R + max|u|) + β + β² R, where R
 * is the largest absolute row sum of W (≥ ‖W‖₂). So each step must satisfy
 * <pre>  |ΔE − dt ∇E·f| ≤ ½ dt² ‖f‖² ‖H‖ + rounding,   hence   ΔE ≤ ½ dt² ‖f‖² ‖H‖ + rounding.</pre>
 * Rounding: E is a sum of N terms of size ≤ max|x| + R + max|u| + 1, each computed in a few operations, so
 * 8 N² ε (max|x| + R + max|u| + 1) bounds its error generously (ε = 2.2e-16).
 */
final class Lyapunov {
    private Lyapunov() {
    }

    /** What a trajectory did. */
    record Report(double firstEnergy, double lastEnergy, double worstIncrease, double worstMismatchRatio, int steps) {
    }

    static Report check(ContinuousModel model, double[][] w, double[] additiveInput, double beta, double[] x0,
            double dt, int steps) {
        int n = x0.length;
        double rowSum = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(w[i][j]);
            }
            rowSum = Math.max(rowSum, s);
        }
        double maxU = 0;
        if (additiveInput != null) {
            for (double v : additiveInput) {
                maxU = Math.max(maxU, Math.abs(v));
            }
        }
        EulerMaruyama euler = new EulerMaruyama(n);
        double[] x = x0.clone();
        double[] f = new double[n];
        double e0 = model.energy(x);
        double e = e0;
        double worstIncrease = Double.NEGATIVE_INFINITY;
        double worstRatio = 0;
        for (int k = 0; k < steps; k++) {
            model.rightHandSide(x, f);
            double ff = 0;
            double maxF = 0;
            double maxX = 0;
            double slope = 0;
            for (int i = 0; i < n; i++) {
                ff += f[i] * f[i];
                maxF = Math.max(maxF, Math.abs(f[i]));
                maxX = Math.max(maxX, Math.abs(x[i]));
                double c = Math.cosh(beta * x[i]);
                slope -= beta / (c * c) * f[i] * f[i];
            }
            double hessian = 0.7698 * beta * beta * (maxX + dt * maxF + rowSum + maxU) + beta + beta * beta * rowSum;
            double allowance = 0.5 * dt * dt * ff * hessian
                    + 8.0 * n * n * 2.2e-16 * (maxX + dt * maxF + rowSum + maxU + 1);
            assertTrue(euler.step(model, x, dt, 0.0, null), "diverged");
            double next = model.energy(x);
            double change = next - e;
            assertTrue(change <= allowance, "energy rose by " + change + " at step " + k + " (allowance " + allowance
                    + ", E = " + e + ")");
            double mismatch = Math.abs(change - dt * slope);
            assertTrue(mismatch <= allowance, "ΔE = " + change + " but dt·dE/dt = " + dt * slope + " at step " + k
                    + " (allowance " + allowance + ")");
            worstIncrease = Math.max(worstIncrease, change);
            worstRatio = Math.max(worstRatio, mismatch / allowance);
            e = next;
        }
        return new Report(e0, e, worstIncrease, worstRatio, steps);
    }
}
