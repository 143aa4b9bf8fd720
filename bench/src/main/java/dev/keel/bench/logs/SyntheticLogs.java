package dev.keel.bench.logs;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic synthetic log entries for the query benchmark: 8 services x 3 environments, levels skewed as in
 * production (70% INFO), messages from a dozen templates with variable ids, paths, durations and addresses, spread
 * evenly (with jitter) over a time span. Seeded, so every run and every engine sees the same data. Not thread-safe.
 */
final class SyntheticLogs {

    static final List<String> SOURCES = List.of("web", "api", "db", "cache", "auth", "worker", "cron", "mail");
    static final List<String> ENVS = List.of("prod", "staging", "dev");

    private final SplittableRandom random;
    private final Instant start;
    private final long stepNanos;
    private long index;

    SyntheticLogs(long seed, Instant start, Duration span, long count) {
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.stepNanos = Math.max(1, span.toNanos() / count);
    }

    LogEntry next() {
        long at = index * stepNanos + random.nextLong(stepNanos);
        index++;
        String source = SOURCES.get(random.nextInt(SOURCES.size()));
        String env = ENVS.get(random.nextInt(10) < 6 ? 0 : random.nextInt(1, 3));
        int roll = random.nextInt(100);
        LogLevel level = roll < 10
                ? LogLevel.DEBUG
                : roll < 80
                        ? LogLevel.INFO
                        : roll < 92 ? LogLevel.WARN : roll < 99 ? LogLevel.ERROR : LogLevel.CRITICAL;
        return new LogEntry(start.plusNanos(at), level, source, Map.of("env", env), message(level));
    }

    private String message(LogLevel level) {
        int id = random.nextInt(1_000_000);
        int ms = random.nextInt(1, 5000);
        String host = "10.0." + random.nextInt(16) + "." + random.nextInt(256);
        return switch (level) {
            case ERROR, CRITICAL ->
                switch (random.nextInt(4)) {
                    case 0 -> "connection timeout after " + ms + "ms to db-" + random.nextInt(8) + ":5432";
                    case 1 -> "upstream request failed: 503 Service Unavailable from " + host;
                    case 2 -> "payment " + id + " declined: insufficient funds";
                    default -> "uncaught exception in handler /api/v1/orders/" + id + ": NullPointerException";
                };
            case WARN ->
                switch (random.nextInt(3)) {
                    case 0 -> "slow query took " + ms + "ms: SELECT * FROM orders WHERE customer_id = " + id;
                    case 1 -> "retrying request " + id + " after timeout (attempt " + random.nextInt(1, 4) + ")";
                    default -> "cache miss rate high: " + random.nextInt(40, 90) + "% over the last minute";
                };
            case DEBUG -> "cache lookup key=user:" + id + " hit=" + random.nextBoolean();
            default ->
                switch (random.nextInt(5)) {
                    case 0 -> "GET /api/v1/orders/" + id + " 200 " + ms + "ms";
                    case 1 -> "POST /api/v1/checkout 201 " + ms + "ms user=" + id;
                    case 2 -> "user " + id + " logged in from " + host;
                    case 3 -> "job sync-inventory finished in " + ms + "ms, " + random.nextInt(1000) + " items";
                    default -> "health check ok from " + host;
                };
        };
    }
}
