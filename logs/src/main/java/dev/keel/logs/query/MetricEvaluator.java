package dev.keel.logs.query;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import dev.keel.logs.MetricResult;
import dev.keel.logs.store.BlockMeta;
import dev.keel.logs.store.StoreSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs metric queries over a snapshot. Counting needs no message when the query filters by selector and level only:
 * then a block that lies wholly inside one bucket counts from its header's level counts, and any other block
 * decompresses just its timestamp and level columns (the front of its body). Stateless.
 */
public final class MetricEvaluator {

    /** At most this many buckets in a time series. */
    public static final int MAX_BUCKETS = 100_000;

    private MetricEvaluator() {}

    /** Evaluates {@code query} (a metric query) over {@code [start, end)}. */
    public static MetricResult evaluate(StoreSnapshot snapshot, Query query, Instant start, Instant end) {
        long from = LogEntry.epochNanosOf(start);
        long to = LogEntry.epochNanosOf(end);
        return switch (query) {
            case Query.CountOverTime count -> countOverTime(snapshot, count, start, from, to);
            case Query.CountBy count -> countBy(snapshot, count, from, to);
            case Query.TopK top -> topK(snapshot, top, from, to);
            case Query.LogQuery log ->
                throw new LogsException(
                        LogsException.Code.BAD_QUERY,
                        "expected a metric query (count_over_time, count by, topk), found a log query");
        };
    }

    private static MetricResult.TimeSeries countOverTime(
            StoreSnapshot snapshot, Query.CountOverTime query, Instant start, long from, long to) {
        long step = query.step().toNanos();
        long buckets = Math.max(0, (to - from + step - 1) / step);
        if (buckets > MAX_BUCKETS) {
            throw new LogsException(
                    LogsException.Code.BAD_REQUEST,
                    "range / step gives " + buckets + " buckets (expected: at most " + MAX_BUCKETS
                            + "): use a larger step or a shorter range");
        }
        long[] counts = new long[(int) buckets];
        QueryFilter filter = new QueryFilter(query.query());
        if (filter.levelOnly()) {
            snapshot.forEachColumns(
                    filter,
                    from,
                    to,
                    block -> {
                        long first = (block.minNanos() - from) / step;
                        if (first == (block.maxNanos() - from) / step) {
                            counts[(int) first] += matchingCount(filter, block);
                            return true;
                        }
                        return countByMinute(block, filter, from, step, counts);
                    },
                    (stream, nanos, level) -> counts[(int) ((nanos - from) / step)]++);
        } else {
            snapshot.forEach(filter, from, to, entry -> counts[(int) ((entry.epochNanos() - from) / step)]++);
        }
        List<Long> series = new ArrayList<>(counts.length);
        for (long count : counts) {
            series.add(count);
        }
        return new MetricResult.TimeSeries(start, Duration.ofNanos(step), series);
    }

    /**
     * Counts a block that straddles buckets from its per-minute counts, when buckets are whole minutes aligned to
     * minutes and the filter keeps every entry of the block; false (decode the timestamps) otherwise.
     */
    private static boolean countByMinute(BlockMeta block, QueryFilter filter, long from, long step, long[] counts) {
        int[] minutes = block.minuteCounts();
        if (minutes.length == 0
                || step % BlockMeta.MINUTE_NANOS != 0
                || Math.floorMod(from, BlockMeta.MINUTE_NANOS) != 0
                || matchingCount(filter, block) != block.count()) {
            return false;
        }
        long minuteStart = block.firstMinuteNanos();
        for (int m = 0; m < minutes.length; m++, minuteStart += BlockMeta.MINUTE_NANOS) {
            counts[(int) ((minuteStart - from) / step)] += minutes[m];
        }
        return true;
    }

    private static long matchingCount(QueryFilter filter, BlockMeta block) {
        long total = 0;
        for (int i = 0; i < block.levelCounts().length; i++) {
            if (filter.matchesLevel(i)) {
                total += block.levelCounts()[i];
            }
        }
        return total;
    }

    private static MetricResult.Counts countBy(StoreSnapshot snapshot, Query.CountBy query, long from, long to) {
        QueryFilter filter = new QueryFilter(query.query());
        Map<String, Long> counts = new HashMap<>();
        String key = query.key();
        if (filter.levelOnly()) {
            long[] byLevel = new long[LogLevel.values().length];
            snapshot.forEachColumns(
                    filter,
                    from,
                    to,
                    block -> {
                        if (key.equals("level")) {
                            for (int i = 0; i < byLevel.length; i++) {
                                if (filter.matchesLevel(i)) {
                                    byLevel[i] += block.levelCounts()[i];
                                }
                            }
                        } else {
                            counts.merge(labelOf(block, key), matchingCount(filter, block), Long::sum);
                        }
                        return true;
                    },
                    (stream, nanos, level) -> {
                        if (key.equals("level")) {
                            byLevel[level]++;
                        } else {
                            String value = stream.label(key);
                            counts.merge(value == null ? "" : value, 1L, Long::sum);
                        }
                    });
            if (key.equals("level")) {
                for (LogLevel level : LogLevel.values()) {
                    if (byLevel[level.ordinal()] > 0) {
                        counts.put(level.name(), byLevel[level.ordinal()]);
                    }
                }
            }
        } else {
            snapshot.forEach(filter, from, to, entry -> counts.merge(valueOf(entry, key), 1L, Long::sum));
        }
        counts.values().removeIf(count -> count == 0);
        return new MetricResult.Counts(key, sorted(counts, Integer.MAX_VALUE));
    }

    private static String labelOf(BlockMeta block, String key) {
        String value = block.stream().label(key);
        return value == null ? "" : value;
    }

    private static String valueOf(LogEntry entry, String key) {
        return switch (key) {
            case "level" -> entry.level().name();
            case "source" -> entry.source();
            default -> entry.labels().getOrDefault(key, "");
        };
    }

    private static MetricResult.Counts topK(StoreSnapshot snapshot, Query.TopK query, long from, long to) {
        Map<String, Long> counts = new HashMap<>();
        snapshot.forEach(
                new QueryFilter(query.query()), from, to, entry -> counts.merge(entry.message(), 1L, Long::sum));
        return new MetricResult.Counts("message", sorted(counts, query.k()));
    }

    private static List<MetricResult.Count> sorted(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(entry -> new MetricResult.Count(entry.getKey(), entry.getValue()))
                .toList();
    }
}
