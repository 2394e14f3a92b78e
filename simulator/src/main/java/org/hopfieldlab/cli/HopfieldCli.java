package org.hopfieldlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hopfieldlab.sim.spec.SchemaDocs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code java -jar simulator/target/hopfield-cli.jar ...}: the paper's experiments headless. */
@Command(name = "hopfield-cli", mixinStandardHelpOptions = true, version = HopfieldCli.VERSION,
        description = "Classic, IDP and modern Hopfield networks: reproduce the experiments of Betteti et al. (2025).",
        subcommands = {ExperimentCommand.class, TheoryCommand.class, RunCommand.class, SpecCommand.class,
            PresetsCommand.class, SweepCommand.class, SchemaCommand.class,
            ExerciseCommand.class, CommandLine.HelpCommand.class})
public final class HopfieldCli implements Callable<Integer> {
    static final String VERSION = "Hopfield Lab CLI 0.1";

    @Spec
    CommandSpec commandSpec;

    /** {@code hopfield-cli} alone is a usage error: the usage on stderr, exit 2 ({@code --help} prints it on stdout). */
    @Override
    public Integer call() {
        return missingSubcommand(commandSpec.commandLine());
    }

    /**
     * A command that only groups subcommands, run without one: a line naming them, then the command's usage, both on
     * stderr, and exit code 2 like every other usage error (the usage is what to read; stdout stays empty).
     */
    static int missingSubcommand(CommandLine c) {
        java.io.PrintWriter err = c.getErr();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
            if (e.getValue().getCommandName().equals(e.getKey())) { // not an alias
                names.add(e.getKey());
            }
        }
        err.println("error: `" + c.getCommandSpec().qualifiedName() + "` needs a command: " + String.join(", ", names));
        c.usage(err);
        err.flush();
        return 2;
    }

    public static void main(String[] args) {
        watchStdout();
        System.exit(execute(args));
    }

    /** The last write error of the process's stdout (see {@link #watchStdout}), or null. */
    private static volatile IOException stdoutError;

    /**
     * Makes System.out remember why a write failed (a PrintStream only says that one did), so a pipe closed by its
     * reader (`... | head`) can be told from a full disk. For a process's main(), not for tests.
     */
    public static void watchStdout() {
        java.io.OutputStream fd = new java.io.FileOutputStream(java.io.FileDescriptor.out) {
            @Override
            public void write(int b) throws IOException {
                try {
                    super.write(b);
                } catch (IOException e) {
                    stdoutError = e;
                    throw e;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    super.write(b, off, len);
                } catch (IOException e) {
                    stdoutError = e;
                    throw e;
                }
            }
        };
        String enc = System.getProperty("stdout.encoding");
        java.nio.charset.Charset cs = enc != null && java.nio.charset.Charset.isSupported(enc)
                ? java.nio.charset.Charset.forName(enc) : java.nio.charset.Charset.defaultCharset();
        System.setOut(new java.io.PrintStream(new java.io.BufferedOutputStream(fd, 8192), true, cs));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new HopfieldCli());
        helpEverywhere(cl);
        // the key help of the commands that take KEY=VALUE overrides comes from the key table
        for (String name : new String[] {"spec", "run", "experiment", "sweep"}) {
            cl.getSubcommands().get(name).getCommandSpec().usageMessage().footerHeading("%nKeys (from `schema`):%n")
                    .footer(SchemaDocs.keyHelp().split("\n"));
        }
        cl.setParameterExceptionHandler((ex, a) -> {
            // a usage error is one line naming what is wrong and where the help is, not a page of usage
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage() + " (see `" + c.getCommandSpec().qualifiedName()
                    + " --help`)");
            c.getErr().flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof StdoutFailed) {
                return stdoutFailed(cmd.getErr());
            }
            // bad input, I/O failures and cancellations get one clear line, never a stack trace
            cmd.getErr().println("error: " + describe(ex));
            cmd.getErr().flush();
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        int code = cl.execute(args);
        flushAll(cl);
        // stdout is a PrintStream, which swallows write errors: a full disk or a closed pipe must not exit 0
        if (System.out.checkError() && code == 0) {
            return stdoutFailed(cl.getErr());
        }
        return code;
    }

    /** Thrown where a long output (run --csv) finds stdout failing: stop at once. */
    static final class StdoutFailed extends RuntimeException {
        StdoutFailed() {
            super("standard output failed", null, false, false);
        }
    }

    /**
     * stdout could not be written. Into a pipe the reader closed (`... | head`) the reader has what it wanted: exit
     * 141 without a message, as a process killed by SIGPIPE does in a shell. Anything else (a full disk) is an error.
     */
    private static int stdoutFailed(java.io.PrintWriter err) {
        if (stdoutIsPipe()) {
            return 141;
        }
        err.println("error: could not write to standard output (a full disk?); what was printed is incomplete");
        err.flush();
        return 1;
    }

    private static boolean stdoutIsPipe() {
        IOException e = stdoutError;
        return e != null && e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /** -h/--help and -V/--version on every command, not only the top one (`sweep --help`, `sweep merge -h`). */
    private static void helpEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                sub.getCommandSpec().version(VERSION);
                helpEverywhere(sub);
            }
        }
    }

    private static void flushAll(CommandLine cl) {
        cl.getOut().flush();
        for (CommandLine sub : cl.getSubcommands().values()) {
            flushAll(sub);
        }
    }

    /** One line for an exception: file errors name the file and the reason (not just a path). */
    static String describe(Throwable ex) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof FileSystemException f && f.getFile() != null && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        if (e instanceof IOException && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "input/output error (" + e.getClass().getSimpleName() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
