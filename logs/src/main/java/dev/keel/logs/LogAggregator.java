package dev.keel.logs;

import dev.keel.logs.query.MetricEvaluator;
import dev.keel.logs.query.Query;
import dev.keel.logs.query.QueryFilter;
import dev.keel.logs.query.QueryParser;
import dev.keel.logs.store.LogStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A log aggregator: ingests entries from many sources concurrently, keeps them durably in time-bounded compressed
 * blocks per stream, and answers time-range, label, full-text and metric queries.
 *
 * <pre>{@code
 * try (LogAggregator aggregator = LogAggregator.open(dir)) {       // or LogAggregator.inMemory()
 *     aggregator.ingest(new LogEntry(Instant.now(), LogLevel.INFO, "web-server", "Request processed"));
 *     List<LogEntry> logs = aggregator.queryTimeRange(start, end);  // oldest first
 *     List<LogEntry> slow = aggregator.query("{source=\"web-server\"} |= \"timeout\" | level >= WARN",
 *             start, end, 100, Direction.BACKWARD);
 *     Map<LogLevel, Long> levelCounts = aggregator.countByLevel();
 * }
 * }</pre>
 *
 * <p>A stream is a source plus its labels. Each stream accepts entries up to {@link LogsOptions#outOfOrderWindow()}
 * older than its newest entry; older ones are rejected in the {@link IngestResult}. Queries always return entries in
 * time order (ties broken by {@link LogEntry#TIME_ORDER}). Under the default durability an ingest call returns after
 * its entries are on disk; {@link #open} recovers every entry acknowledged that way, after a crash too.
 *
 * <p>Thread-safe: ingestion, queries and tails may run concurrently from any threads.
 */
public final class LogAggregator implements AutoCloseable {

    private final LogStore store;
    private final LogsOptions options;
    private final CopyOnWriteArrayList<LiveTail> tails = new CopyOnWriteArrayList<>();

    private LogAggregator(LogStore store, LogsOptions options) {
        this.store = store;
        this.options = options;
    }

    /** An aggregator that keeps everything in memory, with the default options. */
    public static LogAggregator inMemory() {
        return inMemory(LogsOptions.defaults());
    }

    /** An aggregator that keeps everything in memory (blocks compressed on the heap). */
    public static LogAggregator inMemory(LogsOptions options) {
        Objects.requireNonNull(options, "options");
        return new LogAggregator(LogStore.inMemory(options), options);
    }

    /** Opens (or creates) a durable aggregator in {@code directory}, with the default options. */
    public static LogAggregator open(Path directory) throws IOException {
        return open(directory, LogsOptions.defaults());
    }

    /** Opens (or creates) a durable aggregator in {@code directory}, recovering every acknowledged entry. */
    public static LogAggregator open(Path directory, LogsOptions options) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        return new LogAggregator(LogStore.open(directory, options), options);
    }

    /** Ingests one entry; see {@link #ingestAll}. */
    public IngestResult ingest(LogEntry entry) {
        return ingestAll(List.of(Objects.requireNonNull(entry, "entry")));
    }

    /**
     * Ingests a batch: entries too far out of order for their stream are rejected (in the result), the others stored
     * together; under {@link LogsOptions.Durability#SYNC} they are on disk when this returns.
     *
     * @throws LogsException {@code STORAGE_FAILED} if the log could not be written, {@code CLOSED} after close
     */
    public IngestResult ingestAll(List<LogEntry> batch) {
        Objects.requireNonNull(batch, "batch");
        IngestResult result = store.ingest(batch);
        if (!tails.isEmpty() && result.accepted() > 0) {
            List<LogEntry> accepted = accepted(batch, result);
            for (LiveTail tail : tails) {
                tail.publish(accepted);
            }
        }
        return result;
    }

    private static List<LogEntry> accepted(List<LogEntry> batch, IngestResult result) {
        if (result.allAccepted()) {
            return batch;
        }
        Set<Integer> rejected = new HashSet<>();
        for (IngestResult.Rejection rejection : result.rejected()) {
            rejected.add(rejection.index());
        }
        List<LogEntry> accepted = new ArrayList<>(result.accepted());
        for (int i = 0; i < batch.size(); i++) {
            if (!rejected.contains(i)) {
                accepted.add(batch.get(i));
            }
        }
        return accepted;
    }

    /** Every entry with {@code start <= timestamp < end}, oldest first. */
    public List<LogEntry> queryTimeRange(Instant start, Instant end) {
        return query("{}", start, end, Integer.MAX_VALUE, Direction.FORWARD);
    }

    /**
     * The first {@code limit} entries in {@code [start, end)} that match {@code query} (a log query such as
     * {@code {source="web-server", env=~"prod|staging"} |= "timeout" != "health" | level >= WARN}), newest first for
     * {@link Direction#BACKWARD}, oldest first for {@link Direction#FORWARD}.
     *
     * @throws LogsException {@code BAD_QUERY} naming the position and what was expected; {@code BAD_REQUEST} for a
     *     bad range or limit
     */
    public List<LogEntry> query(String query, Instant start, Instant end, int limit, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        long[] range = range(start, end);
        if (limit <= 0) {
            throw new LogsException(LogsException.Code.BAD_REQUEST, "limit (" + limit + ") must be positive");
        }
        QueryFilter filter = new QueryFilter(QueryParser.parseLogQuery(Objects.requireNonNull(query, "query")));
        return store.snapshot().query(filter, range[0], range[1], limit, direction);
    }

    /**
     * Evaluates a metric query over {@code [start, end)}: {@code count_over_time(LOG_QUERY [1m])} gives a
     * {@link MetricResult.TimeSeries}; {@code count by (level) (LOG_QUERY)} (or {@code source}, or a label) and
     * {@code topk(10, LOG_QUERY)} (the most frequent messages) give {@link MetricResult.Counts}.
     */
    public MetricResult metric(String query, Instant start, Instant end) {
        range(start, end);
        Query parsed = QueryParser.parse(Objects.requireNonNull(query, "query"));
        return MetricEvaluator.evaluate(store.snapshot(), parsed, start, end);
    }

    /** How many entries there are of each level, over all time. Levels with none are absent. */
    public Map<LogLevel, Long> countByLevel() {
        return countByLevel(LogEntry.instantOf(Long.MIN_VALUE), LogEntry.instantOf(Long.MAX_VALUE));
    }

    /** How many entries in {@code [start, end)} there are of each level; answered from block headers where it can. */
    public Map<LogLevel, Long> countByLevel(Instant start, Instant end) {
        Map<LogLevel, Long> counts = new EnumMap<>(LogLevel.class);
        if (metric("count by (level) ({})", start, end) instanceof MetricResult.Counts rows) {
            for (MetricResult.Count row : rows.rows()) {
                counts.put(LogLevel.valueOf(row.value()), row.count());
            }
        }
        return counts;
    }

    /**
     * Streams new entries matching {@code query} (a log query) to {@code consumer}, on a thread of the tail's own,
     * until the returned tail is closed. Entries ingested before this call are not sent.
     */
    public LiveTail tail(String query, Consumer<LogEntry> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        QueryFilter filter = new QueryFilter(QueryParser.parseLogQuery(Objects.requireNonNull(query, "query")));
        LiveTail[] holder = new LiveTail[1];
        LiveTail tail = new LiveTail(filter, consumer, () -> tails.remove(holder[0]));
        holder[0] = tail;
        tails.add(tail);
        return tail;
    }

    /** The distinct values of label {@code name} ({@code source} included), for a UI's label browser. */
    public List<String> labelValues(String name) {
        return store.snapshot().labelValues(name);
    }

    /** Counters and sizes. */
    public LogsStats stats() {
        return store.stats();
    }

    /** Seals every open block now (normally they seal when full, and at close). */
    public void flush() {
        store.flush();
    }

    /** Deletes the blocks that retention no longer keeps (also done whenever a block is sealed); returns how many. */
    public int applyRetention() {
        return store.applyRetention();
    }

    /** The options this aggregator runs with. */
    public LogsOptions options() {
        return options;
    }

    private static long[] range(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        long from;
        long to;
        try {
            from = LogEntry.epochNanosOf(start);
            to = LogEntry.epochNanosOf(end);
        } catch (IllegalArgumentException e) {
            throw new LogsException(LogsException.Code.BAD_REQUEST, e.getMessage(), e);
        }
        if (from > to) {
            throw new LogsException(LogsException.Code.BAD_REQUEST, "start (" + start + ") is after end (" + end + ")");
        }
        return new long[] {from, to};
    }

    /** Stops every tail, seals the open blocks and closes the store. Idempotent. */
    @Override
    public void close() throws IOException {
        for (LiveTail tail : tails) {
            tail.close();
        }
        store.close();
    }
}
