/**
 * keel's log aggregator: ingest syslog and JSON lines from many sources, keep them durably in time order, and answer
 * time-range, label, full-text and metric queries.
 *
 * <p>Reading order: {@link dev.keel.logs.LogAggregator} (the API) with {@link dev.keel.logs.LogsOptions};
 * {@link dev.keel.logs.LogEntry} and {@link dev.keel.logs.LogLevel} (the model, and the syslog severity table);
 * {@link dev.keel.logs.IngestResult}, {@link dev.keel.logs.Direction}, {@link dev.keel.logs.MetricResult},
 * {@link dev.keel.logs.LiveTail}, {@link dev.keel.logs.LogsStats}; {@link dev.keel.logs.LogsServer} (syslog over
 * TCP and UDP, and the HTTP API); {@link dev.keel.logs.LogsException}. Inside: {@code dev.keel.logs.store} (blocks,
 * the write-ahead log, indexes), {@code dev.keel.logs.query} (the query language), {@code dev.keel.logs.ingest}
 * (syslog and JSON parsers, listeners).
 *
 * <p>Thread safety: {@code LogAggregator}, {@code LiveTail} and {@code LogsServer} are thread-safe; entries, options,
 * results and stats are immutable.
 */
@NullMarked
package dev.keel.logs;

import org.jspecify.annotations.NullMarked;
