package dev.keel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code keel} command, and the one place where outcomes become exit codes.
 *
 * <p>How errors are reported, and why: a user who mistypes a flag needs one line that names the mistake, not a
 * usage screen or a stack trace, so parse errors and {@link UserError}s print {@code keel <cmd>: <message>} and exit
 * 2. Anything else a command throws is a failure: one line and exit 1, with the stack trace only under
 * {@code --verbose}, where whoever reports the bug wants it.
 */
@Command(
        name = "keel",
        mixinStandardHelpOptions = true,
        versionProvider = KeelCommand.Version.class,
        description = "Eleven real systems, each runnable: try 'keel demo'.",
        subcommands = {CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error."})
final class KeelCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    private boolean verbose;

    /** Runs {@code args} against the {@code systems} given, writing to {@code out} and {@code err}; returns the exit code. */
    static int run(List<KeelSystem> systems, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = newCommandLine(systems, out, err);
        return commandLine.execute(args);
    }

    static CommandLine newCommandLine(List<KeelSystem> systems, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new KeelCommand());
        commandLine.addSubcommand("demo", new DemoCommand(systems));
        for (KeelSystem system : systems) {
            commandLine.addSubcommand(system.commandName(), system.command());
        }
        SourceTreeCommand.registerAll(commandLine);
        return commandLine
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(
                        exception -> exception instanceof UserError ? ExitCode.USAGE : ExitCode.FAILURE)
                .setParameterExceptionHandler(KeelCommand::handleUsageError)
                .setExecutionExceptionHandler(KeelCommand::handleFailure);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    private static int handleUsageError(CommandLine.ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        commandLine
                .getErr()
                .printf(
                        "%s: %s; see '%s --help'%n",
                        commandLine.getCommandSpec().qualifiedName(),
                        error.getMessage(),
                        commandLine.getCommandSpec().qualifiedName());
        return ExitCode.USAGE;
    }

    private static int handleFailure(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandSpec().qualifiedName();
        if (failure instanceof UserError userError) {
            err.printf("%s: %s%n", command, userError.getMessage());
            return ExitCode.USAGE;
        }
        err.printf("%s: failed: %s%n", command, describe(failure));
        if (isVerbose(parseResult)) {
            failure.printStackTrace(err);
        } else {
            err.printf("(run with --verbose for the stack trace)%n");
        }
        err.flush();
        return ExitCode.FAILURE;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Reads the version Maven wrote into {@code version.properties} at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = KeelCommand.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing from keel's class path");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read keel's version.properties", e);
            }
            return new String[] {
                "keel " + properties.getProperty("version"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
