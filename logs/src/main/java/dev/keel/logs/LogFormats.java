package dev.keel.logs;

import dev.keel.logs.ingest.JsonLineParser;
import dev.keel.logs.ingest.ParseException;
import dev.keel.logs.ingest.SyslogParser;
import java.time.Instant;

/**
 * The line formats the aggregator reads, for callers that read files themselves ({@code keel logs ingest}): a JSON
 * line ({@code {"timestamp", "level", "source", "labels", "message", ...}}) or a syslog message (RFC 5424 or
 * RFC 3164, mapped as {@link dev.keel.logs.ingest.SyslogParser} documents). Stateless and thread-safe.
 */
public final class LogFormats {

    private LogFormats() {}

    /**
     * Parses one JSON line; {@code received} stands in for a missing timestamp.
     *
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    public static LogEntry parseJson(String line, Instant received) {
        try {
            return JsonLineParser.parse(line, received);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Parses one syslog message; {@code received} supplies RFC 3164's missing year.
     *
     * @throws IllegalArgumentException naming the position and what was expected
     */
    public static LogEntry parseSyslog(String message, Instant received) {
        try {
            return SyslogParser.parse(message, received);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
