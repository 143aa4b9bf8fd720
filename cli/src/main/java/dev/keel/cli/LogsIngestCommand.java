package dev.keel.cli;

import dev.keel.logs.IngestResult;
import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogFormats;
import dev.keel.logs.LogLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keel logs ingest FILE...}: reads files (or stdin) line by line into a log directory. Each line is read as
 * JSON if it starts with {@code {}, as syslog if it starts with {@code <}, else as plain text (source: the file's
 * name, level INFO, time: now). Malformed lines are reported (the first few) and counted; a progress bar on stderr
 * shows the bytes read.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Ingest files (or stdin, '-') of JSON lines, syslog messages or plain text.")
final class LogsIngestCommand implements Callable<Integer> {

    private static final int BATCH = 2_000;
    private static final int REPORTED_ERRORS = 5;

    @Option(
            names = "--dir",
            defaultValue = "./data/logs",
            paramLabel = "DIR",
            description = "The log directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to read; none or '-' reads stdin.")
    List<String> files = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    private long accepted;
    private long rejected;
    private long malformed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        long total = 0;
        for (String file : inputs) {
            if (!file.equals("-")) {
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    throw new UserError("no such file: " + file);
                }
                total += Files.size(path);
            }
        }
        Progress progress = new Progress(
                err, total, System.console() != null && System.console().isTerminal());
        try (LogAggregator aggregator = LogsCommand.open(directory, false)) {
            for (String file : inputs) {
                try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                    read(
                            aggregator,
                            file.equals("-")
                                    ? "stdin"
                                    : Path.of(file).getFileName().toString(),
                            in,
                            progress,
                            err);
                } catch (NoSuchFileException e) {
                    throw new UserError("no such file: " + file);
                }
            }
            progress.done();
            out.println("ingested " + accepted + " entries into " + directory + "; " + rejected
                    + " rejected (out of order), " + malformed + " malformed lines");
        }
        return malformed + rejected == 0 ? ExitCode.OK : ExitCode.FAILURE;
    }

    private void read(LogAggregator aggregator, String name, InputStream in, Progress progress, PrintWriter err)
            throws IOException {
        String source = name.replaceAll("\\.[A-Za-z0-9]+$", "");
        List<LogEntry> batch = new ArrayList<>(BATCH);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            progress.advance(line.length() + 1L);
            if (line.isBlank()) {
                continue;
            }
            try {
                batch.add(parse(line, source));
            } catch (IllegalArgumentException e) {
                if (malformed++ < REPORTED_ERRORS) {
                    err.println(name + ":" + number + ": " + e.getMessage());
                }
            }
            if (batch.size() == BATCH) {
                flush(aggregator, batch, name, err);
            }
        }
        flush(aggregator, batch, name, err);
    }

    private static LogEntry parse(String line, String source) {
        Instant now = Instant.now();
        if (line.startsWith("{")) {
            return LogFormats.parseJson(line, now);
        }
        if (line.startsWith("<")) {
            return LogFormats.parseSyslog(line, now);
        }
        return new LogEntry(now, LogLevel.INFO, source.isEmpty() ? "stdin" : source, line);
    }

    private void flush(LogAggregator aggregator, List<LogEntry> batch, String name, PrintWriter err) {
        if (batch.isEmpty()) {
            return;
        }
        IngestResult result = aggregator.ingestAll(batch);
        accepted += result.accepted();
        for (IngestResult.Rejection rejection : result.rejected()) {
            if (rejected++ < REPORTED_ERRORS) {
                err.println(name + ": " + rejection.reason());
            }
        }
        batch.clear();
    }

    /**
     * Progress on stderr (nothing when the total is unknown): on a terminal a bar redrawn in place at most every 1%;
     * otherwise (a pipe, a log file) a plain line at every quarter, so that redirected output holds no carriage returns.
     */
    static final class Progress {
        private final PrintWriter err;
        private final long total;
        private final boolean terminal;
        private long done;
        private int shown = -1;

        Progress(PrintWriter err, long total, boolean terminal) {
            this.err = err;
            this.total = total;
            this.terminal = terminal;
        }

        void advance(long bytes) {
            done += bytes;
            if (total <= 0) {
                return;
            }
            int percent = (int) Math.min(100, done * 100 / total);
            int step = terminal ? percent : percent / 25 * 25;
            if (step != shown) {
                shown = step;
                if (terminal) {
                    int filled = percent * 30 / 100;
                    err.print("\r[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + percent + "%");
                } else {
                    err.println("ingested " + step + "% of " + total + " bytes");
                }
                err.flush();
            }
        }

        void done() {
            if (terminal && shown >= 0) {
                err.println();
            }
        }
    }
}
