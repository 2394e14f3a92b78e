package org.hopfieldlab.sim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;
import org.junit.jupiter.api.Test;

/** IDP dx/dt = −x + W(u) σ(x), α_μ(u) = ξ^μ·u/N, against the dense N² formulas of the science file. */
class IdpModelTest {

    @Test
    void gainsAreInputOverlaps() {
        for (int seed = 0; seed < 6; seed++) {
            SeededRandom r = new SeededRandom(seed, 20, 0);
            int n = 10 + r.nextInt(80);
            int p = 1 + r.nextInt(6);
            MemorySet m = MemorySet.random(n, p, r);
            IdpModel model = new IdpModel(m, 10);
            double[] u = Dense.gaussian(n, 2, r);
            model.setInput(u);
            assertArrayEquals(Dense.projections(m, u), model.gains(), 1e-14);
            model.setInput(null);
            assertArrayEquals(new double[p], model.gains(), 0.0);
        }
        // orthogonal memories: the gains of u = Σ a ξ are exactly a (science file)
        MemorySet m = MemorySet.orthogonal(64, 4);
        IdpModel model = new IdpModel(m, 10);
        double[] a = {2.5, 1, 0.25, -0.5};
        model.setInput(Dense.mixture(m, a));
        assertArrayEquals(a, model.gains(), 1e-15);
    }

    @Test
    void rightHandSideEqualsDenseComputation() {
        // |f| ≲ |x| + Σ|α| ≈ 10, sums of < 100 terms: rounding ≈ 1e-14, tolerance 1e-12 absolute
        for (int seed = 0; seed < 12; seed++) {
            SeededRandom r = new SeededRandom(seed, 21, 0);
            boolean orthogonal = seed % 3 == 0;
            int n = orthogonal ? 64 : 5 + r.nextInt(93);
            int p = 1 + r.nextInt(Math.min(n - 1, 8));
            double beta = r.uniform(0.2, 12);
            MemorySet m = orthogonal ? MemorySet.orthogonal(n, p) : MemorySet.random(n, p, r);
            IdpModel model = new IdpModel(m, beta);
            double[] out = new double[n];
            for (int input = 0; input < 3; input++) {
                double[] u = input == 0 ? null
                        : input == 1 ? Dense.mixture(m, Dense.uniform(p, -1, 3, r)) : Dense.gaussian(n, 1, r);
                model.setInput(u);
                double[] alpha = u == null ? new double[p] : Dense.projections(m, u);
                double[][] w = Dense.weights(m, alpha);
                for (int trial = 0; trial < 3; trial++) {
                    double[] x = Dense.gaussian(n, 0.5, r);
                    model.rightHandSide(x, out);
                    double diff = Dense.maxAbsDiff(Dense.rhs(w, x, beta, null), out);
                    assertTrue(diff <= 1e-12, "seed " + seed + ", N=" + n + ", P=" + p + ", input " + input
                            + ": |Δf| = " + diff);
                }
            }
        }
    }

    @Test
    void energyEqualsDenseFormulaAndOverlapsAreNaive() {
        for (int seed = 0; seed < 8; seed++) {
            SeededRandom r = new SeededRandom(seed, 22, 0);
            int n = 8 + r.nextInt(60);
            int p = 1 + r.nextInt(5);
            double beta = r.uniform(0.5, 10);
            MemorySet m = MemorySet.random(n, p, r);
            IdpModel model = new IdpModel(m, beta);
            double[] u = Dense.mixture(m, Dense.uniform(p, 0, 3, r));
            model.setInput(u);
            double[][] w = Dense.weights(m, Dense.projections(m, u));
            double[] x = Dense.gaussian(n, 1, r);
            // sum of N terms of size ≲ 10: rounding ≲ 1e-13
            assertEquals(Dense.energy(w, x, beta, null), model.energy(x), 1e-11, "seed " + seed);
            double[] ov = new double[p];
            model.overlaps(x, ov);
            assertArrayEquals(Dense.overlaps(m, Dense.tanh(x, beta)), ov, 1e-14);
        }
    }

    /** Lyapunov property for IDP with a constant input (bound explained in {@link Lyapunov}). */
    @Property(tries = 40)
    void energyNeverIncreasesAlongDeterministicTrajectories(@ForAll @IntRange(min = 0, max = 100_000) int seed,
            @ForAll @IntRange(min = 2, max = 6) int log2n, @ForAll @DoubleRange(min = 0.5, max = 10) double beta,
            @ForAll @DoubleRange(min = 0.001, max = 0.01) @Scale(5) double dt, @ForAll boolean orthogonal) {
        SeededRandom r = new SeededRandom(seed, 23, 0);
        int n = orthogonal ? 1 << log2n : 4 + r.nextInt(60);
        int p = 1 + r.nextInt(Math.min(5, n - 1));
        MemorySet m = orthogonal ? MemorySet.orthogonal(n, p) : MemorySet.random(n, p, r);
        IdpModel model = new IdpModel(m, beta);
        double[] u = Dense.mixture(m, Dense.uniform(p, 0.05, 2, r));
        model.setInput(u);
        double[][] w = Dense.weights(m, Dense.projections(m, u));
        Lyapunov.Report rep = Lyapunov.check(model, w, null, beta, Dense.gaussian(n, 0.5, r), dt, 1500);
        assertTrue(rep.lastEnergy() <= rep.firstEnergy(), "energy rose overall: " + rep);
    }

    @Test
    void energyDropsStrictlyFromARandomStart() {
        SeededRandom r = new SeededRandom(5, 24, 0);
        MemorySet m = MemorySet.random(40, 4, r);
        IdpModel model = new IdpModel(m, 10);
        double[] u = Dense.mixture(m, new double[] {2, 1, 0.5, 0.8});
        model.setInput(u);
        Lyapunov.Report rep = Lyapunov.check(model, Dense.weights(m, Dense.projections(m, u)), null, 10,
                Dense.gaussian(40, 1, r), 0.005, 2000);
        assertTrue(rep.lastEnergy() < rep.firstEnergy() - 1, rep.toString());
    }
}
