package org.hopfieldlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hopfieldlab.sim.spec.SchemaDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schema", description = {
    "Print the key table of links and specs.",
    "Every key with its type, default, range or choices, unit, label, help, group and when it applies; view keys "
        + "(lab links only) are marked as such."})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Option(names = "--json", description = "one JSON object: {version, groups, keys: [one object per key], rules}")
    boolean json;

    @Option(names = "--markdown", description = "the Markdown table of the README's spec section")
    boolean markdown;

    @Override
    public Integer call() {
        if (json && markdown) {
            throw new org.hopfieldlab.sim.spec.SpecException("--json", "--json and --markdown are two forms of the "
                    + "same table: give one");
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? SchemaDocs.toJson() + "\n" : markdown ? SchemaDocs.markdownTable() : SchemaDocs.textTable());
        out.flush();
        return 0;
    }
}
