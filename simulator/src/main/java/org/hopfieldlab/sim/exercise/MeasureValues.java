package org.hopfieldlab.sim.exercise;

import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.PatternCodec;
import org.hopfieldlab.sim.theory.Theory;

/** Values of the measures that need no run: the theory for one window's input, and the spec's own values. */
final class MeasureValues {
    private MeasureValues() {
    }

    static double immediate(ExperimentSpec spec, Measure m) {
        if (m.kind() == MeasureKind.PARAM) {
            String v = SpecMap.of(spec).get(m.key());
            // an inapplicable key has no value: comparisons with NaN fail
            return v == null ? Double.NaN : Double.parseDouble(v);
        }
        if (m.kind() == MeasureKind.CUE_PIXELS) {
            return inked(spec);
        }
        return theory(spec, m);
    }

    /** Inked (+1) pixels of the drawn cue; NaN when the spec has none. */
    static double inked(ExperimentSpec spec) {
        if (spec.cuePattern().isEmpty()) {
            return Double.NaN;
        }
        double[] cue = PatternCodec.decodeCue(spec.cuePattern(), spec.n());
        int count = 0;
        for (double c : cue) {
            if (c > 0) {
                count++;
            }
        }
        return count;
    }

    /** The gains α_μ window w's input sets (trial 0's input), as the model computes them. */
    static double[] gains(ExperimentSpec spec, int w) {
        Simulation s0 = new Simulation(spec, 0);
        s0.model().setInput(s0.inputs().u(w));
        return s0.model().gains().clone();
    }

    static double theory(ExperimentSpec spec, Measure m) {
        int w = m.windowIn(spec.schedule().size());
        double[] alpha = gains(spec, w);
        double beta = spec.beta();
        int n = spec.n();
        int mu = m.memory();
        Theory.MemoryPrediction pr = Theory.predict(alpha, beta, n, mu);
        switch (m.kind()) {
            case GAIN: return alpha[mu];
            case SHIFTED_GAIN: return pr.shiftedGain();
            case EXISTENCE_BETA: return Theory.existenceBeta(alpha, n, mu);
            case AMPLITUDE: return pr.amplitude();
            case PREDICTED_OVERLAP: return Evaluation.predictedOverlap(pr, beta);
            case EXISTS: return pr.exists() ? 1 : 0;
            case STABLE: return pr.stable() ? 1 : 0;
            case EIGENVALUE: return pr.eigenvalues()[m.along()];
            case WELL_DEPTH: return pr.wellDepth();
            case INSTABILITY_GAIN: return instabilityGain(alpha, beta, n, mu, m.along());
            default: throw new IllegalArgumentException("not a theory measure: " + m.kind().key);
        }
    }

    /**
     * The gain α_ν (all other gains fixed) at which ξ^μ's equilibrium loses stability along ξ^ν: the eigenvalue
     * β sech²(β c_μ) α'_ν − 1 grows with α_ν (α'_ν grows, and the shift lowers α'_μ and so c_μ), so bisection finds
     * its zero. NaN when ξ^μ's well vanishes (β α'_μ ≤ 1) before the eigenvalue reaches 0.
     */
    static double instabilityGain(double[] alpha, double beta, int n, int mu, int nu) {
        double[] a = alpha.clone();
        double lo = Math.min(alpha[nu], 0);
        a[nu] = lo;
        if (!(eigenvalue(a, beta, n, mu, nu) < 0)) {
            return Double.NaN;
        }
        double hi = Math.max(1.0 / beta, Math.abs(alpha[nu]) + 1.0 / beta);
        for (int k = 0; k < 80; k++) {
            a[nu] = hi;
            double e = eigenvalue(a, beta, n, mu, nu);
            if (e != e) {
                break; // the well vanished first: search below
            }
            if (e >= 0) {
                break;
            }
            lo = hi;
            hi = hi * 2;
        }
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            a[nu] = mid;
            double e = eigenvalue(a, beta, n, mu, nu);
            if (e == e && e < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        a[nu] = hi;
        double e = eigenvalue(a, beta, n, mu, nu);
        return e == e ? hi : Double.NaN;
    }

    /** Eigenvalue along ξ^ν at ξ^μ's equilibrium, NaN when that equilibrium does not exist. */
    private static double eigenvalue(double[] alpha, double beta, int n, int mu, int nu) {
        Theory.MemoryPrediction pr = Theory.predict(alpha, beta, n, mu);
        return pr.exists() ? pr.eigenvalues()[nu] : Double.NaN;
    }
}
