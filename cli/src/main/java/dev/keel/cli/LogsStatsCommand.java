package dev.keel.cli;

import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsStats;
import dev.keel.logs.MetricResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keel logs stats}: the store's sizes, counts by level, and an ASCII histogram of volume over time. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Show a log directory's size, counts by level and a histogram of volume over time.")
final class LogsStatsCommand implements Callable<Integer> {

    @Option(
            names = "--dir",
            defaultValue = "./data/logs",
            paramLabel = "DIR",
            description = "The log directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(
            names = "--since",
            defaultValue = "24h",
            paramLabel = "DURATION",
            description = "The histogram's span, back from now (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(
            names = "--buckets",
            defaultValue = "24",
            paramLabel = "N",
            description = "Histogram bars (default: ${DEFAULT-VALUE}).")
    int buckets;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (buckets < 1 || buckets > 500) {
            throw new UserError("--buckets " + buckets + " (expected 1 to 500)");
        }
        Duration span = LogsCommand.duration("--since", since);
        PrintWriter out = spec.commandLine().getOut();
        try (LogAggregator aggregator = LogsCommand.open(directory, true)) {
            LogsStats stats = aggregator.stats();
            out.printf(
                    "%d entries in %d streams; %d sealed blocks, %,d bytes at rest (%,d raw, %.1fx compression);"
                            + " %d entries in open blocks%n",
                    stats.entries(),
                    stats.streams(),
                    stats.blocks(),
                    stats.storedBytes(),
                    stats.rawBytes(),
                    stats.compressionRatio(),
                    stats.openEntries());
            Map<LogLevel, Long> levels = aggregator.countByLevel();
            out.println("by level: " + levels);
            Instant end = Instant.now();
            long stepSeconds = Math.max(1, span.toSeconds() / buckets);
            Instant start = end.minusSeconds(stepSeconds * buckets);
            MetricResult series = aggregator.metric("count_over_time({} [" + stepSeconds + "s])", start, end);
            out.println("volume over the last " + since + ":");
            histogram(out, (MetricResult.TimeSeries) series);
        }
        return ExitCode.OK;
    }

    /** Bars of {@code #} scaled to the largest bucket, one line per bucket. */
    static void histogram(PrintWriter out, MetricResult.TimeSeries series) {
        long max = series.counts().stream().mapToLong(Long::longValue).max().orElse(0);
        for (int i = 0; i < series.counts().size(); i++) {
            long count = series.counts().get(i);
            int width = max == 0 ? 0 : (int) Math.round(50.0 * count / max);
            out.printf(
                    "%s %8d %s%n",
                    DateTimeFormatter.ISO_INSTANT.format(
                            series.start().plus(series.step().multipliedBy(i))),
                    count,
                    "#".repeat(width));
        }
        out.println("total " + series.total());
    }
}
