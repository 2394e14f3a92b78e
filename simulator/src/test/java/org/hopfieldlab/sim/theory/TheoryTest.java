package org.hopfieldlab.sim.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.junit.jupiter.api.Test;

/**
 * The derived predictions for orthogonal memories (science file, "Existence and stability thresholds") checked two
 * ways: against independent formulas with java.lang.Math, and against IDP simulations on both sides of each
 * threshold (N = 256 Hadamard memories, β = 10, dt = 0.01, T = 200).
 */
class TheoryTest {
    private static final int N = 256;
    private static final double BETA = 10;
    private static final double BACKGROUND = 0.02;

    // ------------------------------------------------------------------ formulas

    @Test
    void amplitudeSolvesTheFixedPointEquation() {
        double[] betaA = {1 + 1e-9, 1 + 1e-6, 1.001, 1.05, 1.2, 1.5, 2, 3, 10, 100, 1000};
        double[] as = {0.01, 0.1, 1, 5, 40};
        for (double ba : betaA) {
            for (double a : as) {
                double beta = ba / a;
                double c = Theory.amplitude(a, beta);
                assertTrue(c > 0 && c <= a, "βa=" + ba + " a=" + a + ": c=" + c);
                // residual with an independent tanh; bisection leaves c within an ulp of the root, PortableMath.tanh
                // adds ≤ 2e-15 relative: |c − a tanh(βc)| ≤ 4e-15 c
                double residual = Math.abs(c - a * Math.tanh(beta * c));
                assertTrue(residual <= 4e-15 * c, "βa=" + ba + " a=" + a + ": residual " + residual);
                // the non-zero root is the stable one of the scalar map: slope a β sech²(βc) < 1
                double ch = Math.cosh(beta * c);
                assertTrue(a * beta / (ch * ch) < 1);
                if (ba >= 1.001) {
                    // independent root by Newton on g(c) = a tanh(βc) − c from c = a (g concave, g(a) < 0)
                    double r = a;
                    for (int k = 0; k < 200; k++) {
                        double t = Math.tanh(beta * r);
                        double g = a * t - r;
                        double dg = a * beta * (1 - t * t) - 1;
                        double next = r - g / dg;
                        if (next == r) {
                            break;
                        }
                        r = next;
                    }
                    // well conditioned here (|g'| ≥ 2e-3): agreement to 1e-11 relative
                    assertEquals(r, c, 1e-11 * r, "βa=" + ba + " a=" + a);
                }
            }
        }
        for (double ba : new double[] {1.0, 0.999999, 0.5, 0, -2}) {
            assertEquals(0.0, Theory.amplitude(0.1 * ba, 10), 0.0, "βa = " + ba);
        }
    }

    @Test
    void predictionsMatchIndependentFormulas() {
        double[][] alphas = {{1.5, 1, 1}, {0.15, 0.05, 0.05}, {0.3, 0.2, 0.1, 0.05}, {2, -0.5}, {0.09, 0.5}};
        for (double[] alpha : alphas) {
            int n = 128;
            double beta = 10;
            double sum = 0;
            for (double a : alpha) {
                sum += a;
            }
            double[] shifted = Theory.shiftedGains(alpha, n);
            for (int nu = 0; nu < alpha.length; nu++) {
                assertEquals(alpha[nu] - sum / n, shifted[nu], 1e-15);
            }
            Theory.MemoryPrediction[] all = Theory.predictAll(alpha, beta, n);
            for (int mu = 0; mu < alpha.length; mu++) {
                Theory.MemoryPrediction p = all[mu];
                assertEquals(mu, p.memory());
                assertEquals(shifted[mu], p.shiftedGain(), 0.0);
                boolean exists = beta * shifted[mu] > 1;
                assertEquals(exists, p.exists());
                assertEquals(exists ? Theory.amplitude(shifted[mu], beta) : 0.0, p.amplitude(), 0.0);
                double c = p.amplitude();
                double ch = Math.cosh(beta * c);
                double sech2 = 1 / (ch * ch);
                boolean stable = exists;
                for (int nu = 0; nu < alpha.length; nu++) {
                    double eig = -1 + beta * sech2 * shifted[nu];
                    // sech² to 1e-15 relative, times βα' ≤ 20: 1e-13 absolute
                    assertEquals(eig, p.eigenvalues()[nu], 1e-13, "eigenvalue " + nu);
                    if (nu != mu && !(eig < 0)) {
                        stable = false;
                    }
                }
                assertEquals(stable, p.stable(), "stability of memory " + mu + " for " + java.util.Arrays.toString(alpha));
                double t = Math.tanh(beta * c);
                double depth = exists ? n * (0.5 * shifted[mu] * t * t - Math.log(Math.cosh(beta * c)) / beta) : 0;
                assertEquals(depth, p.wellDepth(), 1e-12 * Math.max(1, Math.abs(depth)));
                if (exists) {
                    // the eigenvalue along ξ^μ itself is negative whenever the equilibrium exists
                    assertTrue(p.eigenvalues()[mu] < 0);
                    // deep wells: E_μ ≈ −N α'_μ / 2 for large βc (science file); here within N/β·ln 2 + 1 %
                    if (beta * c > 5) {
                        assertEquals(-n * shifted[mu] / 2, depth, n * Math.log(2) / beta + 0.01 * n * shifted[mu]);
                    }
                }
            }
        }
        assertEquals(1 / (1.5 - 3.5 / N), Theory.existenceBeta(new double[] {1.5, 1, 1}, N, 0), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Theory.existenceBeta(new double[] {0.001, 1}, N, 0), 0.0);
    }

    @Test
    void deeperInputMeansDeeperWell() {
        // the input orders the wells: larger α, deeper well (the paper's memory hierarchy)
        Theory.MemoryPrediction[] p = Theory.predictAll(new double[] {0.5, 1.0, 2.0, 1.5}, BETA, N);
        assertTrue(p[2].wellDepth() < p[3].wellDepth());
        assertTrue(p[3].wellDepth() < p[1].wellDepth());
        assertTrue(p[1].wellDepth() < p[0].wellDepth());
    }

    // ------------------------------------------------------------------ simulations

    /** a_1 such that α'_1 = a_1 − (a_1 + a_2 + a_3)/N equals the wanted value (a_2 = a_3 = background). */
    private static double rawGainFor(double shifted, double others) {
        return (shifted + others / N) / (1 - 1.0 / N);
    }

    private static Simulation simulate(double[] alpha, int cue, double noise, int seed, double duration) {
        ExperimentSpec spec = ExperimentSpec.builder().model(ModelKind.IDP).n(N).p(alpha.length)
                .memories(MemoryKind.ORTHOGONAL).beta(BETA).noise(noise).dt(0.01).duration(duration)
                .schedule(List.of(Window.weights(0, alpha))).initialState(InitialState.CUE).cue(cue).seed(seed)
                .build();
        Simulation sim = new Simulation(spec, 0);
        sim.advance(Integer.MAX_VALUE);
        return sim;
    }

    /** c = ξ^μ · x / N. */
    private static double amplitudeOf(Simulation sim, int mu) {
        double c = 0;
        for (int i = 0; i < N; i++) {
            c += sim.memories().get(mu, i) * sim.state()[i];
        }
        return c / N;
    }

    /** Euler on the scalar reduction dc/dt = −c + α' tanh(βc) (x = c ξ^μ stays on the line ξ^μ). */
    private static double scalarEuler(double shifted, double c0, double dt, int steps) {
        double c = c0;
        for (int k = 0; k < steps; k++) {
            c = c + dt * (-c + shifted * Math.tanh(BETA * c));
        }
        return c;
    }

    @Test
    void belowTheExistenceThresholdTheStateDecaysToZero() {
        for (double betaShifted : new double[] {0.5, 0.9, 0.95}) {
            double shifted = betaShifted / BETA;
            double a1 = rawGainFor(shifted, 2 * BACKGROUND);
            double[] alpha = {a1, BACKGROUND, BACKGROUND};
            assertEquals(shifted, Theory.shiftedGains(alpha, N)[0], 1e-15);
            assertFalse(Theory.predict(alpha, BETA, N, 0).exists());
            Simulation sim = simulate(alpha, 0, 0, 1, 200);
            double c = amplitudeOf(sim, 0);
            // decay at least as fast as the linearisation: c_k ≤ (1 − dt(1 − βα'))^k c_0 because tanh y ≤ y
            double bound = Math.pow(1 - 0.01 * (1 - betaShifted), 20_000);
            assertTrue(c >= 0 && c <= bound, "βα' = " + betaShifted + ": c = " + c + ", bound " + bound);
            assertTrue(c < 1e-4, "βα' = " + betaShifted + ": c = " + c);
            // and the full N-dimensional run is the scalar recursion (rounding only)
            assertEquals(scalarEuler(shifted, 1.0, 0.01, 20_000), c, 1e-12);
            for (int i = 0; i < N; i++) {
                assertEquals(c * sim.memories().get(0, i), sim.state()[i], 1e-12);
            }
        }
    }

    @Test
    void aboveTheExistenceThresholdTheAmplitudeMatchesTheory() {
        for (double betaShifted : new double[] {1.05, 1.2, 1.5, 3, 10}) {
            double shifted = betaShifted / BETA;
            double a1 = rawGainFor(shifted, 2 * BACKGROUND);
            double[] alpha = {a1, BACKGROUND, BACKGROUND};
            Theory.MemoryPrediction pred = Theory.predict(alpha, BETA, N, 0);
            assertTrue(pred.exists());
            Simulation sim = simulate(alpha, 0, 0, 1, 200);
            double c = amplitudeOf(sim, 0);
            // Euler's fixed point is the ODE's; after T = 200 the slowest case (βα' = 1.05, rate ≈ 0.097) has
            // converged to e^{−19} ≈ 5e-9 relative: 1e-6 relative leaves a wide margin (the issue asks ~1e-3)
            assertEquals(pred.amplitude(), c, 1e-6 * pred.amplitude(), "βα' = " + betaShifted);
            assertEquals(scalarEuler(shifted, 1.0, 0.01, 20_000), c, 1e-12);
            // the well depth: E at the equilibrium, from the model's energy, is the predicted E_μ. At the
            // equilibrium E is stationary, so the 5e-9 state error enters squared; rounding ≈ N ε |E|
            assertEquals(pred.wellDepth(), sim.energy(), 1e-9 * Math.abs(pred.wellDepth()), "βα' = " + betaShifted);
        }
    }

    @Test
    void wellDepthOfEachMemoryMatchesTheSimulatedEnergy() {
        double[] alpha = {0.4, 0.3, 0.25};
        for (int mu = 0; mu < 3; mu++) {
            Theory.MemoryPrediction pred = Theory.predict(alpha, BETA, N, mu);
            assertTrue(pred.exists() && pred.stable(), "memory " + (mu + 1));
            Simulation sim = simulate(alpha, mu, 0, 1, 100);
            assertEquals(pred.amplitude(), amplitudeOf(sim, mu), 1e-9 * pred.amplitude());
            assertEquals(pred.wellDepth(), sim.energy(), 1e-9 * Math.abs(pred.wellDepth()), "memory " + (mu + 1));
        }
    }

    @Test
    void stabilityThresholdDecidesWhetherMemoryOneHoldsOrSwitchesToMemoryTwo() {
        double a1 = 0.15;
        double c1 = Theory.amplitude(a1 - (a1 + 0.5 + BACKGROUND) / N, BETA);
        for (double eigenvalue : new double[] {-0.2, -0.1, 0.1, 0.2}) {
            // choose a2 so that memory 1's eigenvalue along ξ² is the wanted one. α'_1 depends on a2 through the
            // diagonal shift, so iterate the two-line fixed point a few times
            double a2 = 0.5;
            double sech2 = 0;
            for (int k = 0; k < 50; k++) {
                double s1 = a1 - (a1 + a2 + BACKGROUND) / N;
                c1 = Theory.amplitude(s1, BETA);
                double ch = Math.cosh(BETA * c1);
                sech2 = 1 / (ch * ch);
                double shifted2 = (1 + eigenvalue) / (BETA * sech2);
                a2 = (shifted2 + (a1 + BACKGROUND) / N) / (1 - 1.0 / N);
            }
            double[] alpha = {a1, a2, BACKGROUND};
            Theory.MemoryPrediction pred = Theory.predict(alpha, BETA, N, 0);
            assertEquals(eigenvalue, pred.eigenvalues()[1], 1e-9);
            assertEquals(eigenvalue < 0, pred.stable());
            for (int seed = 1; seed <= 2; seed++) {
                // start exactly in memory 1; noise 0.01 breaks the symmetry
                Simulation sim = simulate(alpha, 0, 0.01, seed, 200);
                double[] m = new double[3];
                sim.overlaps(m);
                int dominant = TrialRunner.argmax(m);
                String what = "λ₂ = " + eigenvalue + ", seed " + seed + ": overlaps " + java.util.Arrays.toString(m);
                if (eigenvalue < 0) {
                    // holds: the overlap stays at tanh(βc₁) ≈ 0.86 up to the noise's jitter (s = 0.01 moves the
                    // state by ≈ s/√2 per unit, i.e. the overlap by ≈ β sech² · 0.007 ≈ 0.02)
                    assertEquals(0, dominant, what);
                    assertEquals(Math.tanh(BETA * c1), m[0], 0.05, what);
                    assertTrue(m[1] < 0.1, what);
                } else {
                    assertEquals(1, dominant, what);
                    assertTrue(m[1] > 0.9, what);
                }
            }
        }
    }

    @Test
    void noiseFreeRunStartingInAnUnstableMemoryStaysThereWithoutNoise() {
        // the instability needs a perturbation: with s = 0 the exact memory-1 state is an equilibrium even when
        // unstable, which separates "equilibrium" from "stable" in the theory
        double[] alpha = {0.15, 0.8, BACKGROUND};
        Theory.MemoryPrediction pred = Theory.predict(alpha, BETA, N, 0);
        assertTrue(pred.exists());
        assertFalse(pred.stable());
        Simulation sim = simulate(alpha, 0, 0, 1, 50);
        double[] m = new double[3];
        sim.overlaps(m);
        assertEquals(0, TrialRunner.argmax(m));
        assertArrayEquals(new double[] {Math.tanh(BETA * pred.amplitude()), 0, 0}, m, 1e-9);
    }
}
