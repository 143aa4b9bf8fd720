package dev.keel.cli;

import dev.keel.sql.QueryResult;
import dev.keel.sql.SQLEngine;
import dev.keel.sql.SqlException;
import dev.keel.time.Ticker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The SQL shell's logic, apart from the terminal: lines accumulate until a statement ends with {@code ;} (outside
 * quotes and comments), then run; a line starting with {@code .} outside a statement is a command ({@code .tables},
 * {@code .schema [table]}, {@code .read FILE}, {@code .timer on|off}, {@code .explain on|off}, {@code .help},
 * {@code .quit}). Query results print as aligned tables; an error prints one line and the shell goes on.
 *
 * <p>Not thread-safe: one per shell.
 */
final class SqlShell {

    private static final int MAX_READ_DEPTH = 16;

    private final SQLEngine db;
    private final PrintWriter out;
    private final Ticker ticker;
    private final StringBuilder pending = new StringBuilder();
    private boolean timer;
    private boolean explain;
    private int readDepth;
    private int errors;

    SqlShell(SQLEngine db, PrintWriter out, Ticker ticker) {
        this.db = db;
        this.out = out;
        this.ticker = ticker;
    }

    /** The prompt for the next line: a new statement, or the continuation of one. */
    String prompt() {
        return pending.isEmpty() ? "keel> " : "  ...> ";
    }

    /** How many statements or commands failed so far. */
    int errors() {
        return errors;
    }

    /** Takes one line of input; returns false when the shell should exit ({@code .quit}). */
    boolean accept(String line) {
        if (pending.isEmpty() && line.strip().startsWith(".")) {
            return command(line.strip());
        }
        if (pending.isEmpty() && line.isBlank()) {
            return true;
        }
        pending.append(line).append('\n');
        if (StatementEnds.complete(pending)) {
            String sql = pending.toString();
            pending.setLength(0);
            run(sql);
        }
        return true;
    }

    /** Runs whatever is left when input ends without a final {@code ;}. */
    void finish() {
        if (!pending.toString().isBlank()) {
            String sql = pending.toString();
            pending.setLength(0);
            run(sql);
        }
    }

    /** Reads lines from {@code input} until it ends or {@code .quit}; returns false if it quit. */
    boolean runAll(Reader input) throws IOException {
        BufferedReader lines = new BufferedReader(input);
        String line;
        while ((line = lines.readLine()) != null) {
            if (!accept(line)) {
                return false;
            }
        }
        finish();
        return true;
    }

    /** Runs a script of statements (the {@code -c} option). */
    void run(String sql) {
        long start = ticker.read();
        try {
            for (String statement : StatementEnds.split(sql)) {
                if (explain && isQuery(statement)) {
                    db.explain(statement).forEach(line -> out.println("plan: " + line));
                }
                QueryResult result = db.query(statement);
                if (!result.columns().isEmpty()) {
                    out.println(result.format());
                } else if (isChange(statement)) {
                    out.println(
                            "(" + result.updateCount() + (result.updateCount() == 1 ? " row" : " rows") + " changed)");
                }
            }
        } catch (SqlException e) {
            errors++;
            out.println("Error: " + e.getMessage());
        }
        if (timer) {
            out.printf(Locale.ROOT, "Run Time: %.3f s%n", (ticker.read() - start) / 1e9);
        }
        out.flush();
    }

    private static boolean isQuery(String statement) {
        String head = firstWord(statement);
        return head.equals("SELECT") || head.equals("VALUES");
    }

    private static boolean isChange(String statement) {
        String head = firstWord(statement);
        return head.equals("INSERT") || head.equals("UPDATE") || head.equals("DELETE") || head.equals("REPLACE");
    }

    private static String firstWord(String statement) {
        String s = statement.strip();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toUpperCase(Locale.ROOT);
    }

    private boolean command(String line) {
        String[] words = line.split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case ".quit", ".exit" -> {
                return false;
            }
            case ".help" -> help();
            case ".tables" -> tables();
            case ".schema" -> schema(argument);
            case ".read" -> read(argument);
            case ".timer" -> timer = onOff(".timer", argument, timer);
            case ".explain" -> explain = onOff(".explain", argument, explain);
            default -> {
                errors++;
                out.println("Error: unknown command " + words[0] + " (try .help)");
            }
        }
        out.flush();
        return true;
    }

    private boolean onOff(String command, String argument, boolean current) {
        return switch (argument.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> {
                errors++;
                out.println("Error: " + command + " " + argument + " (expected: on or off)");
                yield current;
            }
        };
    }

    private void help() {
        out.println("""
                Statements end with ';' and may span lines. Commands:
                  .tables            list tables and views
                  .schema [TABLE]    show CREATE statements
                  .read FILE         run the statements in FILE
                  .timer on|off      show how long each statement took
                  .explain on|off    show each query's plan before its rows
                  .quit              leave (also Ctrl-D)""");
    }

    private void tables() {
        List<String> names = db.tables().stream().map(t -> t.name()).toList();
        if (!names.isEmpty()) {
            out.println(String.join("  ", names));
        }
    }

    private void schema(String table) {
        boolean any = false;
        for (var t : db.tables()) {
            if (table.isEmpty() || t.name().equalsIgnoreCase(table)) {
                any = true;
                out.println(t.createStatement());
                t.indexes().forEach(out::println);
            }
        }
        if (!any && !table.isEmpty()) {
            errors++;
            out.println("Error: no such table: " + table);
        }
    }

    private void read(String file) {
        if (file.isEmpty()) {
            errors++;
            out.println("Error: .read needs a file name");
            return;
        }
        if (readDepth >= MAX_READ_DEPTH) {
            errors++;
            out.println("Error: .read " + file + " nests more than " + MAX_READ_DEPTH + " files deep");
            return;
        }
        readDepth++;
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            runAll(reader);
        } catch (NoSuchFileException e) {
            errors++;
            out.println("Error: no such file: " + file);
        } catch (IOException e) {
            errors++;
            out.println("Error: cannot read " + file + ": " + e.getMessage());
        } finally {
            readDepth--;
        }
    }
}
