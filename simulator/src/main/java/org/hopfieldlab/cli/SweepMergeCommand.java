package org.hopfieldlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopfieldlab.batch.sweep.SweepExport;
import org.hopfieldlab.batch.sweep.SweepPart;
import org.hopfieldlab.batch.sweep.SweepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", description = {
    "Join the part files of `sweep --shard i/K` (or journals) into the CSV or JSON of one run.",
    "The result is the one an unsharded run gives, byte for byte. Every part must come from the same sweep. A missing or unfinished cell is an error naming",
    "it, its trials done, its shard's file and the command that resumes that shard; nothing is written then."})
final class SweepMergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "part files (any order)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "print JSON instead of CSV")
    boolean json;

    @Option(names = "--out", description = "write the result to this file instead of stdout")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            OutputFile.check("--out", out);
            OutputFile.checkNotInput("--out", out, files, "one of the part files being merged");
        }
        SweepResult r = SweepPart.merge(files);
        String text = json ? SweepExport.json(r) : SweepExport.csv(r);
        if (out != null) {
            OutputFile.write("--out", out, text);
        } else {
            PrintWriter o = commandSpec.commandLine().getOut();
            o.print(text);
            o.flush();
        }
        return 0;
    }
}
