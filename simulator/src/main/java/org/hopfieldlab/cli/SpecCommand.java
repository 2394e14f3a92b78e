package org.hopfieldlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopfieldlab.sim.spec.SpecCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "spec", description = {
    "Print the canonical spec (the share-link query string) of a preset or spec with overrides.",
    "Overrides are edits, as in the lab: e.g. model=modern also sets the modern model's defaults (see `schema`)."})
final class SpecCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "preset name, spec query string or lab link")
    String specText;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        commandSpec.commandLine().getOut().println(SpecCodec.format(SpecArgs.apply(RunCommand.resolve(specText),
                overrides)));
        commandSpec.commandLine().getOut().flush();
        return 0;
    }
}
