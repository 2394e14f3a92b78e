package org.hopfieldlab.cli;

import org.hopfieldlab.batch.ExperimentReport;
import org.hopfieldlab.batch.ThresholdCheck;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.sim.spec.SpecCodec;

/** Human-readable summaries of the experiment reports. */
final class Text {
    private Text() {
    }

    /** "on 1 thread", "on 2 threads". */
    static String onThreads(int threads) {
        return "on " + threads + (threads == 1 ? " thread" : " threads");
    }

    static String describe(Object report) {
        StringBuilder sb = new StringBuilder();
        if (report instanceof ExperimentReport r && r.result().cells().size() == 1) {
            CellResult c = r.result().cells().get(0);
            sb.append(r.experiment()).append(": ").append(c.trials()).append(" trials, ")
                    .append(String.format("%.1f s", r.seconds())).append('\n');
            sb.append("  spec: ").append(SpecCodec.format(
                    r.result().definition().cellSpec(c.cell()))).append('\n');
            for (ExperimentReport.WindowView w : r.windows(0)) {
                sb.append(ExperimentCommand.windowLine(w)).append('\n');
            }
            sb.append(String.format("  all windows: %.0f %% retrieved", 100 * c.fraction()));
            trust(sb, r);
        } else if (report instanceof ExperimentReport r) {
            table(sb, r);
            trust(sb, r);
        } else if (report instanceof ThresholdCheck.ThresholdReport r) {
            sb.append(String.format("thresholds: N = %d orthogonal memories, β = %s; theory and simulation agree in "
                    + "%d of %d rows%n", r.n(), ExperimentCommand.trimNumber(r.beta()), r.agreements(), r.rows().size()));
            for (ThresholdCheck.ThresholdRow row : r.rows()) {
                sb.append(String.format("  %-9s a1=%.4f a2=%.4f βα'1=%.3f  theory: exists=%b c=%.6f λ2=%+.4f stable=%b"
                        + "  sim: c=%.6f dominant=%d  %s%n", row.kind(), row.a1(), row.a2(), row.betaShiftedGain1(),
                        row.theoryExists(), row.theoryAmplitude(), row.theoryEigenvalue2(), row.theoryStable(),
                        row.simulatedAmplitude(), row.simulatedDominant(), row.agrees() ? "agree" : "DISAGREE"));
            }
        } else {
            sb.append(Json.write(report));
        }
        return sb.toString().stripTrailing();
    }

    /** One row per cell: the axis values (y first), the fraction over all windows, and each window's fraction. */
    private static void table(StringBuilder sb, ExperimentReport r) {
        SweepDefinition d = r.result().definition();
        SweepAxis x = d.x();
        SweepAxis y = d.y();
        sb.append(r.experiment()).append(": ").append(d.trialsPerCell()).append(" trials per cell, ")
                .append(String.format("%.1f s", r.seconds())).append('\n');
        sb.append(String.format("  %-8s %6s  %s%n", y == null ? "" : y.key(), x.key(), "retrieved (per window)"));
        for (int i = 0; i < r.result().cells().size(); i++) {
            CellResult c = r.result().cells().get(i);
            String yv = y == null ? "" : y.values().get(d.yIndex(c.cell()));
            String xv = value(x, d.xIndex(c.cell()));
            if (c.diverged() == c.trials()) {
                sb.append(String.format("  %-8s %6s  no result: all %d trials diverged%n", yv, xv, c.diverged()));
                continue;
            }
            StringBuilder per = new StringBuilder();
            for (ExperimentReport.WindowView w : r.windows(i)) {
                per.append(w.hasTarget() ? String.format(" %3.0f%%", 100 * w.fraction()) : "    –");
            }
            sb.append(String.format("  %-8s %6s  %3.0f %%  [%s ]%s%n", yv, xv, 100 * c.fraction(), per,
                    c.diverged() == 0 ? "" : "  " + c.diverged() + " diverged"));
        }
    }

    /** A numeric axis value as a short number ("8", "0.5"), any other as written. */
    private static String value(SweepAxis axis, int k) {
        double v = axis.numeric(k);
        return Double.isNaN(v) ? axis.values().get(k) : ExperimentCommand.trimNumber(v);
    }

    private static void trust(StringBuilder sb, ExperimentReport r) {
        if (!r.trustworthy()) {
            if (sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
            sb.append("  NOT TRUSTWORTHY: ").append(ExperimentCommand.untrustworthy(r)).append('\n');
        }
    }
}
