package dev.keel.cli;

import dev.keel.logs.Direction;
import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsException;
import dev.keel.logs.MetricResult;
import dev.keel.storage.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keel logs ...}: serve, query, ingest and stats over a log aggregator's directory. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "A log aggregator: syslog (TCP/UDP) and JSON-lines ingestion, durable time-ordered storage,"
                + " LogQL-like queries, metrics and live tail.",
        subcommands = {LogsServeCommand.class, LogsCommand.Query.class, LogsIngestCommand.class, LogsStatsCommand.class
        })
final class LogsCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** Opens the aggregator in {@code directory}, turning "locked by a running server" into a user error. */
    static LogAggregator open(Path directory, boolean mustExist) throws IOException {
        if (mustExist && !Files.isDirectory(directory)) {
            throw new UserError("no log store at --dir " + directory + " (expected a directory written by keel logs)");
        }
        try {
            return LogAggregator.open(directory);
        } catch (StorageException e) {
            if (e.code() == StorageException.Code.LOCKED) {
                throw new UserError("--dir " + directory + " is in use by another process (a running keel logs serve?"
                        + " query it over HTTP instead: curl 'localhost:3100/query?q=...')");
            }
            throw e;
        }
    }

    /** Parses {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}; {@code option} names the option in errors. */
    static Duration duration(String option, String text) {
        if (text.length() >= 2) {
            char unit = text.charAt(text.length() - 1);
            try {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                if (amount > 0) {
                    switch (unit) {
                        case 's' -> {
                            return Duration.ofSeconds(amount);
                        }
                        case 'm' -> {
                            return Duration.ofMinutes(amount);
                        }
                        case 'h' -> {
                            return Duration.ofHours(amount);
                        }
                        case 'd' -> {
                            return Duration.ofDays(amount);
                        }
                        default -> {}
                    }
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        throw new UserError(option + " '" + text + "' is not a duration (expected a positive number and s, m, h or d,"
                + " such as 15m or 24h)");
    }

    /** One entry as a line: time, level, source, labels, message, fields. */
    static String format(LogEntry entry) {
        StringBuilder line = new StringBuilder();
        line.append(DateTimeFormatter.ISO_INSTANT.format(entry.timestamp())).append(' ');
        line.append(String.format("%-9s", entry.level())).append(entry.source());
        if (!entry.labels().isEmpty()) {
            line.append(' ').append(entry.labels());
        }
        line.append("  ").append(entry.message());
        if (!entry.fields().isEmpty()) {
            line.append("  ").append(entry.fields());
        }
        return line.toString();
    }

    @Command(
            name = "query",
            mixinStandardHelpOptions = true,
            description = "Run a query over a log directory: a log query prints entries, a metric query its result.")
    static final class Query implements Callable<Integer> {
        @Option(
                names = "--dir",
                defaultValue = "./data/logs",
                paramLabel = "DIR",
                description = "The log directory (default: ${DEFAULT-VALUE}).")
        Path directory;

        @Parameters(
                index = "0",
                paramLabel = "QUERY",
                description = "e.g. '{source=\"web\"} |= \"timeout\" | level >= WARN' or 'count by (level) ({})'")
        String query;

        @Option(
                names = "--since",
                defaultValue = "1h",
                paramLabel = "DURATION",
                description = "How far back from now (default: ${DEFAULT-VALUE}).")
        String since;

        @Option(
                names = "--limit",
                defaultValue = "100",
                paramLabel = "N",
                description = "At most this many entries (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--forward", description = "Oldest first (default: newest first).")
        boolean forward;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (limit <= 0) {
                throw new UserError("--limit " + limit + " (expected a positive number)");
            }
            Instant end = Instant.now();
            Instant start = end.minus(duration("--since", since));
            PrintWriter out = spec.commandLine().getOut();
            try (LogAggregator aggregator = open(directory, true)) {
                if (query.strip().startsWith("{")) {
                    List<LogEntry> entries = aggregator.query(
                            query, start, end.plusNanos(1), limit, forward ? Direction.FORWARD : Direction.BACKWARD);
                    entries.forEach(entry -> out.println(format(entry)));
                    out.println("(" + entries.size() + " entries)");
                } else {
                    print(out, aggregator.metric(query, start, end.plusNanos(1)));
                }
            } catch (LogsException e) {
                if (e.code() == LogsException.Code.BAD_QUERY || e.code() == LogsException.Code.BAD_REQUEST) {
                    throw new UserError(e.getMessage());
                }
                throw e;
            }
            return ExitCode.OK;
        }

        static void print(PrintWriter out, MetricResult result) {
            switch (result) {
                case MetricResult.TimeSeries series -> LogsStatsCommand.histogram(out, series);
                case MetricResult.Counts counts -> {
                    out.printf("%-40s %s%n", counts.key(), "count");
                    counts.rows().forEach(row -> out.printf("%-40s %d%n", row.value(), row.count()));
                }
            }
        }
    }
}
