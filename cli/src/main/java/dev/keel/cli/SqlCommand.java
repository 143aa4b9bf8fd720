package dev.keel.cli;

import dev.keel.sql.SQLEngine;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel sql}: the SQL shell. Interactive on a terminal (line editing and history through JLine), otherwise it
 * reads statements from standard input; {@code -c SQL} runs one script and exits. Exit code 1 if any statement failed
 * in a non-interactive run.
 */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = "An SQL shell on keel's embedded engine: statements end with ';'; .help lists the commands.")
final class SqlCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--db",
            paramLabel = "DIR",
            description = "A file database (a directory, created if missing); without it, an in-memory one.")
    @Nullable
    Path db;

    @Option(names = "-c", paramLabel = "SQL", description = "Run these statements and exit.")
    @Nullable
    String command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (SQLEngine engine = open()) {
            return run(new SqlShell(engine, out, Ticker.system()), out);
        }
    }

    private SQLEngine open() {
        if (db == null) {
            return SQLEngine.inMemory();
        }
        if (Files.exists(db) && !Files.isDirectory(db)) {
            throw new UserError("--db " + db + " is a file (expected: a database directory, or a path to create one)");
        }
        try {
            return SQLEngine.open(db);
        } catch (UncheckedIOException e) {
            throw new UserError("--db " + db + ": " + e.getMessage());
        }
    }

    private Integer run(SqlShell shell, PrintWriter out) throws IOException {
        if (command != null) {
            shell.run(command);
            return shell.errors() == 0 ? ExitCode.OK : ExitCode.FAILURE;
        }
        if (System.console() == null || !System.console().isTerminal()) {
            shell.runAll(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return shell.errors() == 0 ? ExitCode.OK : ExitCode.FAILURE;
        }
        interactive(shell, out, db == null ? "in memory" : db.toString());
        return ExitCode.OK;
    }

    private static void interactive(SqlShell shell, PrintWriter out, String where) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("keel sql")
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".keel_sql_history"))
                    .build();
            out.println("keel sql (" + where + "): statements end with ';'. .help for commands, Ctrl-D to leave.");
            out.flush();
            while (true) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    shell.finish();
                    return;
                }
                if (!shell.accept(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }
}
