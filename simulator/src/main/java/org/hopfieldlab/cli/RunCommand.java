package org.hopfieldlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopfieldlab.sim.run.TimeSeries;
import org.hopfieldlab.sim.run.TrialResult;
import org.hopfieldlab.sim.run.TrialRunner;
import org.hopfieldlab.sim.run.WindowOutcome;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = {
    "Run one trial of a spec and print its outcome, or its overlap and energy time series as CSV.",
    "SPEC is a preset name or a spec query string (as in a share link); KEY=VALUE pairs override it.",
    "Example: run 'model=idp&n=1024&p=10&noise=8&t=30' --csv > run.csv"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "preset name or spec query string")
    String specText;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--csv", description = "write t, window, m_1..m_P, energy as CSV on stdout")
    boolean csv;

    @Option(names = "--json", description = "print the outcome as one JSON object")
    boolean json;

    @Option(names = "--trial", description = "trial index (default 0)")
    int trial;

    @Option(names = "--every", description = "CSV: sample every K steps (default: about 300 samples)")
    Integer every;

    record RunReport(String spec, int trial, List<WindowOutcome> windows, double[] finalOverlaps, String checksum,
            String error) {
    }

    @Override
    public Integer call() {
        ExperimentSpec spec = SpecArgs.apply(resolve(specText), overrides);
        if (trial < 0 || trial >= spec.trials()) {
            throw new SpecException("--trial", "--trial " + trial + " is out of range; allowed: 0 to "
                    + (spec.trials() - 1) + " (set trials= to run more)");
        }
        int interval = every != null ? every : TrialRunner.defaultInterval(spec);
        if (interval < 1) {
            throw new SpecException("--every", "--every must be at least 1, got " + interval);
        }
        TrialResult r = TrialRunner.run(spec, trial, csv, interval);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (csv) {
            writeCsv(out, spec, r.series());
        } else if (json) {
            out.println(Json.write(new RunReport(SpecCodec.format(spec), trial, r.windows(), r.finalOverlaps(),
                    r.checksum(), r.error())));
        } else {
            out.println("spec: " + SpecCodec.format(spec));
            for (int w = 0; w < r.windows().size(); w++) {
                WindowOutcome o = r.windows().get(w);
                out.printf("  window %d: target memory %d, dominant %d (m = %.3f) %s%n", w + 1, o.target() + 1,
                        o.dominant() + 1, o.maxOverlap(), o.retrieved() ? "retrieved" : "not retrieved");
            }
            out.println("  final-state checksum: " + r.checksum());
        }
        out.flush();
        if (r.error() != null) {
            commandSpec.commandLine().getErr().println("error: " + r.error());
            return 3;
        }
        return 0;
    }

    static ExperimentSpec resolve(String text) {
        if (text.indexOf('=') >= 0) {
            return SpecCodec.parse(text);
        }
        return Presets.get(text).spec();
    }

    private static void writeCsv(PrintWriter out, ExperimentSpec spec, TimeSeries s) {
        StringBuilder header = new StringBuilder("t,window");
        for (int mu = 1; mu <= spec.p(); mu++) {
            header.append(",m").append(mu);
        }
        header.append(",energy");
        out.println(header);
        for (int k = 0; k < s.times().length; k++) {
            StringBuilder line = new StringBuilder();
            line.append(SpecCodec.formatNumber(s.times()[k])).append(',').append(s.window()[k] + 1);
            for (double m : s.overlaps()[k]) {
                line.append(',').append(m);
            }
            line.append(',').append(s.energy()[k]);
            out.println(line);
        }
    }
}
