package dev.keel.cli;

import dev.keel.snapshot.ImmutableDataStructure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keel snapshot ...}: the versioned store from the command line. */
@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description = "Persistent data structures: a versioned map whose every version stays readable.",
        subcommands = {SnapshotCommand.Script.class})
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(
            name = "script",
            mixinStandardHelpOptions = true,
            description = {
                "Run a script against a versioned store of strings, one command per line:",
                "  set KEY VALUE | delete KEY | batch set K V; delete K; ... | get KEY [VERSION]",
                "  show [VERSION] | diff FROM TO | versions          (# starts a comment)"
            })
    static final class Script implements Callable<Integer> {

        /** Longer lines are rejected: a script is typed or generated, and a runaway line is a mistake. */
        static final int MAX_LINE_LENGTH = 64 * 1024;

        @Parameters(paramLabel = "FILE", defaultValue = "-", description = "The script; '-' reads standard input.")
        String file = "-";

        @Option(
                names = "--retain",
                paramLabel = "N",
                description = "How many recent versions to retain (default: ${DEFAULT-VALUE}).")
        int retain = ImmutableDataStructure.DEFAULT_RETAINED_VERSIONS;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (retain < 1 || retain > ImmutableDataStructure.MAX_RETAINED_VERSIONS) {
                throw new UserError("--retain " + retain + " (expected: 1 to "
                        + ImmutableDataStructure.MAX_RETAINED_VERSIONS + ")");
            }
            List<String> lines = read();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > MAX_LINE_LENGTH) {
                    throw new UserError("line " + (i + 1) + " is "
                            + lines.get(i).length() + " characters (expected:" + " at most " + MAX_LINE_LENGTH + ")");
                }
            }
            ImmutableDataStructure<String, String> store = new ImmutableDataStructure<>(Map.of(), retain);
            new SnapshotScript(store, spec.commandLine().getOut()).run(lines);
            return ExitCode.OK;
        }

        private List<String> read() {
            try {
                if (file.equals("-")) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    return in.lines().toList();
                }
                return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserError("script file '" + file + "' does not exist");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new UserError("script file '" + file + "' is not UTF-8 text");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read script file '" + file + "'", e);
            }
        }
    }
}
