package org.hopfieldlab.sim.input;

import java.util.List;
import org.hopfieldlab.sim.math.SeededRandom;
import org.hopfieldlab.sim.memory.MemorySet;

/**
 * The input schedule of one trial made concrete: for every window the vector u (null when the input is off), the
 * mixture weights a_μ when u is a mixture, and the memory the window asks for.
 */
public final class ResolvedInput {
    private final double[][] u;
    private final double[][] weights;
    private final int[] targets;

    private ResolvedInput(double[][] u, double[][] weights, int[] targets) {
        this.u = u;
        this.weights = weights;
        this.targets = targets;
    }

    public int windows() {
        return u.length;
    }

    /** u for window w, or null when no input is given in that window. */
    public double[] u(int w) {
        return u[w];
    }

    /** Mixture weights a_μ of window w (u = Σ a_μ ξ^μ), or null for cues and "off". */
    public double[] weights(int w) {
        return weights[w];
    }

    /** The memory window w asks for (0-based), or −1 for "off". */
    public int target(int w) {
        return targets[w];
    }

    /**
     * Draws the inputs. Recipe windows follow the authors' code: a_μ ~ U(0.8, 1.5) for all μ, the dominant
     * a_K ~ U(2, 3.5), the previous window's dominant (if any, and different) suppressed to U(0.2, 0.6), then all
     * rescaled so Σ_μ a_μ = √(P N).
     */
    public static ResolvedInput resolve(List<Window> schedule, MemorySet memories, double mask, double flip,
            double cueAmplitude, double[] drawnCue, SeededRandom rng) {
        int count = schedule.size();
        int n = memories.n();
        int p = memories.p();
        double[][] u = new double[count][];
        double[][] weights = new double[count][];
        int[] targets = new int[count];
        int previousDominant = -1;
        for (int w = 0; w < count; w++) {
            Window win = schedule.get(w);
            targets[w] = win.target();
            switch (win.kind()) {
                case RECIPE: {
                    double[] a = new double[p];
                    for (int mu = 0; mu < p; mu++) {
                        a[mu] = rng.uniform(0.8, 1.5);
                    }
                    a[win.target()] = rng.uniform(2.0, 3.5);
                    if (previousDominant >= 0 && previousDominant != win.target()) {
                        a[previousDominant] = rng.uniform(0.2, 0.6);
                    }
                    double sum = 0;
                    for (int mu = 0; mu < p; mu++) {
                        sum = sum + a[mu];
                    }
                    double scale = Math.sqrt((double) p * n) / sum;
                    for (int mu = 0; mu < p; mu++) {
                        a[mu] = a[mu] * scale;
                    }
                    weights[w] = a;
                    u[w] = mixture(memories, a);
                    previousDominant = win.target();
                    break;
                }
                case WEIGHTS: {
                    double[] a = new double[p];
                    for (int mu = 0; mu < p; mu++) {
                        a[mu] = win.weights().get(mu);
                    }
                    weights[w] = a;
                    u[w] = mixture(memories, a);
                    previousDominant = win.target();
                    break;
                }
                case CUE: {
                    double[] c = Cues.cue(memories, win.target(), mask, flip, rng);
                    for (int i = 0; i < n; i++) {
                        c[i] = c[i] * cueAmplitude;
                    }
                    u[w] = c;
                    previousDominant = win.target();
                    break;
                }
                case DRAWN: {
                    double[] c = new double[n];
                    for (int i = 0; i < n; i++) {
                        c[i] = drawnCue[i] * cueAmplitude;
                    }
                    u[w] = c;
                    break;
                }
                default:
                    u[w] = null;
            }
        }
        return new ResolvedInput(u, weights, targets);
    }

    /** u = Σ_μ a_μ ξ^μ. */
    public static double[] mixture(MemorySet memories, double[] a) {
        int n = memories.n();
        double[] xi = memories.raw();
        double[] u = new double[n];
        for (int mu = 0; mu < a.length; mu++) {
            double am = a[mu];
            int base = mu * n;
            for (int i = 0; i < n; i++) {
                u[i] = xi[base + i] * am + u[i];
            }
        }
        return u;
    }
}
