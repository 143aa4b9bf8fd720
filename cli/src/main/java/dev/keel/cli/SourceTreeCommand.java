package dev.keel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A command that the {@code ./keel} launcher script runs itself, because it drives Maven in the source tree rather
 * than code in keel.jar: {@code test}, {@code bench}, {@code fmt}, {@code jdk}. It is registered here only so that
 * {@code keel --help} lists every command a user can type; run from the jar, it says where it lives and exits 2.
 */
@Command(mixinStandardHelpOptions = true)
final class SourceTreeCommand implements Callable<Integer> {

    /** A launcher command's name, its one-line description and its arguments' synopsis. */
    record Entry(String name, String description, String arguments) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry(
                    "test",
                    "Run the whole test suite, or one module's (mvn verify). CI runs this.",
                    "[MODULE] [MAVEN_ARG...]"),
            new Entry(
                    "bench",
                    "Build and run a system's JMH benchmarks (no system: list them; run CLASS: a load harness).",
                    "[SYSTEM [JMH_ARG...] | run CLASS [ARG...]]"),
            new Entry("fmt", "Apply the code formatter (palantir-java-format) to every module.", ""),
            new Entry("jdk", "Print the JDK 25+ that ./keel uses (JAVA_HOME, else the newest in /usr/lib/jvm).", ""));

    private final String name;

    @Parameters(paramLabel = "ARG", arity = "0..*", hidden = true)
    private List<String> arguments = new ArrayList<>();

    private SourceTreeCommand(String name) {
        this.name = name;
    }

    /** Adds every launcher command to {@code root}. */
    static void registerAll(CommandLine root) {
        for (Entry entry : ENTRIES) {
            CommandLine command = new CommandLine(new SourceTreeCommand(entry.name()));
            command.getCommandSpec().usageMessage().description(entry.description());
            if (!entry.arguments().isEmpty()) {
                command.getCommandSpec()
                        .usageMessage()
                        .customSynopsis("keel " + entry.name() + " " + entry.arguments());
            }
            root.addSubcommand(entry.name(), command);
        }
    }

    @Override
    public Integer call() {
        throw new UserError("'" + name + "' is run by the ./keel script in a keel source tree (it drives Maven there),"
                + " not by keel.jar: run ./keel " + name + " from your clone");
    }
}
