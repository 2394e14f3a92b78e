package org.hopfieldlab.cli;

import org.hopfieldlab.sim.spec.SchemaDocs;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar simulator/target/hopfield-cli.jar ...}: the paper's experiments headless. */
@Command(name = "hopfield-cli", mixinStandardHelpOptions = true, version = "Hopfield Lab CLI 0.1",
        description = "Classic, IDP and modern Hopfield networks: reproduce the experiments of Betteti et al. (2025).",
        subcommands = {ExperimentCommand.class, TheoryCommand.class, RunCommand.class, SpecCommand.class,
            PresetsCommand.class, SweepCommand.class, SchemaCommand.class,
            ExerciseCommand.class})
public final class HopfieldCli implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new HopfieldCli());
        // the key help of the commands that take KEY=VALUE overrides comes from the key table
        for (String name : new String[] {"spec", "run", "experiment"}) {
            cl.getSubcommands().get(name).getCommandSpec().usageMessage().footerHeading("%nKeys (from `schema`):%n")
                    .footer(SchemaDocs.keyHelp().split("\n"));
        }
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            // bad input and cancellations get one clear line, never a stack trace
            cmd.getErr().println("error: " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl.execute(args);
    }
}
