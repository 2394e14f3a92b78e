package org.hopfieldlab.cli;

import org.hopfieldlab.batch.Experiments;
import org.hopfieldlab.batch.Stats;

/** Human-readable summaries of the experiment reports. */
final class Text {
    private Text() {
    }

    static String describe(Object report) {
        StringBuilder sb = new StringBuilder();
        if (report instanceof Experiments.WindowsReport r) {
            sb.append(r.experiment()).append(": ").append(r.trials()).append(" trials, ")
                    .append(String.format("%.1f s", r.seconds())).append('\n');
            sb.append("  spec: ").append(r.spec()).append('\n');
            for (Stats.WindowStats w : r.windows()) {
                sb.append(ExperimentCommand.windowLine(w)).append('\n');
            }
            sb.append(String.format("  all windows: %.0f %% retrieved", 100 * r.retrievedFraction()));
            trust(sb, r);
        } else if (report instanceof Experiments.NoiseSweepReport r) {
            sb.append("noise-sweep: ").append(r.trials()).append(" trials per point, ")
                    .append(String.format("%.1f s", r.seconds())).append('\n');
            sb.append(String.format("  %-8s %6s  %s%n", "model", "noise", "retrieved (per window)"));
            for (Experiments.NoisePoint p : r.points()) {
                if (p.diverged() == r.trials()) {
                    sb.append(String.format("  %-8s %6s  no result: all %d trials diverged%n", p.model(),
                            ExperimentCommand.trimNumber(p.noise()), p.diverged()));
                    continue;
                }
                StringBuilder per = new StringBuilder();
                for (Stats.WindowStats w : p.windows()) {
                    per.append(w.hasTarget() ? String.format(" %3.0f%%", 100 * w.retrievedFraction()) : "    –");
                }
                sb.append(String.format("  %-8s %6s  %3.0f %%  [%s ]%s%n", p.model(),
                        ExperimentCommand.trimNumber(p.noise()), 100 * p.retrievedFraction(), per,
                        p.diverged() == 0 ? "" : "  " + p.diverged() + " diverged"));
            }
            trust(sb, r);
        } else if (report instanceof Experiments.ThresholdReport r) {
            sb.append(String.format("thresholds: N = %d orthogonal memories, β = %s; theory and simulation agree in "
                    + "%d of %d rows%n", r.n(), ExperimentCommand.trimNumber(r.beta()), r.agreements(), r.rows().size()));
            for (Experiments.ThresholdRow row : r.rows()) {
                sb.append(String.format("  %-9s a1=%.4f a2=%.4f βα'1=%.3f  theory: exists=%b c=%.6f λ2=%+.4f stable=%b"
                        + "  sim: c=%.6f dominant=%d  %s%n", row.kind(), row.a1(), row.a2(), row.betaShiftedGain1(),
                        row.theoryExists(), row.theoryAmplitude(), row.theoryEigenvalue2(), row.theoryStable(),
                        row.simulatedAmplitude(), row.simulatedDominant(), row.agrees() ? "agree" : "DISAGREE"));
            }
        } else if (report instanceof Experiments.ModernReport r) {
            sb.append("modern: ").append(r.trials()).append(" trials per row, ")
                    .append(String.format("%.1f s", r.seconds())).append('\n');
            for (Experiments.ModernRow row : r.rows()) {
                if (row.diverged() == r.trials()) {
                    sb.append(String.format("  map=%-7s γ=%-4s  no result: all %d trials diverged%n", row.map(),
                            ExperimentCommand.trimNumber(row.gamma()), row.diverged()));
                    continue;
                }
                StringBuilder per = new StringBuilder();
                for (Stats.WindowStats w : row.windows()) {
                    per.append(w.hasTarget() ? String.format(" %3.0f%%", 100 * w.retrievedFraction()) : "    –");
                }
                sb.append(String.format("  map=%-7s γ=%-4s  %3.0f %%  [%s ]%s%n", row.map(),
                        ExperimentCommand.trimNumber(row.gamma()), 100 * row.retrievedFraction(), per,
                        row.diverged() == 0 ? "" : "  " + row.diverged() + " diverged"));
            }
            trust(sb, r);
        } else {
            sb.append(Json.write(report));
        }
        return sb.toString().stripTrailing();
    }

    private static void trust(StringBuilder sb, Experiments.Checked c) {
        if (!c.trustworthy()) {
            if (sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
            sb.append("  NOT TRUSTWORTHY: ").append(ExperimentCommand.untrustworthy(c)).append('\n');
        }
    }
}
