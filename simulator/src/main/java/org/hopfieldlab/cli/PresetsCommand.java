package org.hopfieldlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hopfieldlab.sim.spec.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "presets", description = "List the named presets (the paper's experiments and teaching examples).")
final class PresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        for (Presets.Preset p : Presets.all()) {
            out.printf("%-18s %s%n%-18s %s%n", p.name(), p.title(), "", p.spec());
        }
        out.flush();
        return 0;
    }
}
