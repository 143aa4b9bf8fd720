package dev.keel.logs.ingest;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Parses syslog messages straight from a connection's receive buffer, with the same results and the same errors as
 * {@link SyslogParser}.
 *
 * <p>How it is designed, and why: a profile of syslog ingestion showed the framer decoding every frame into a
 * {@code String} that the parser then cut into substrings (header fields, message), each copied again. The common
 * message, RFC 5424 with an ASCII header, a time in the usual RFC 3339 shape and no structured data
 * ({@code <165>1 2026-11-28T10:00:00.123Z host app 1234 ID47 - text}), is read here from the bytes in one pass: the
 * priority and the time as numbers, HOSTNAME, APP-NAME, PROCID and MSGID through the connection's
 * {@link RecentStrings} (a sender's repeated values come back as the same {@code String} with no allocation), and
 * only the message text is decoded, once. Anything else (RFC 3164, structured data, a non-ASCII header, an unusual
 * time shape, any error) is decoded and handed to {@link SyslogParser}: one parser owns the grammar's corner cases and
 * every error message, and this one is only a fast path that gives up early. Rejected alternative: a second full
 * parser over bytes, with a second copy of every error message to keep in step. The equivalence is a property test
 * ({@code SyslogBytesParserTest}: generated well-formed and malformed messages through both).
 *
 * <p>Not thread-safe: one per connection.
 */
final class SyslogBytesParser {

    private final RecentStrings recent;

    SyslogBytesParser(RecentStrings recent) {
        this.recent = recent;
    }

    /**
     * Parses {@code bytes[from, to)}, one message; {@code clock} is read only for an RFC 3164 message (its missing
     * year). Throws as {@link SyslogParser#parse(String, Instant)} does.
     */
    LogEntry parse(byte[] bytes, int from, int to, InstantSource clock) throws ParseException {
        LogEntry entry = parseCommon(bytes, from, to);
        if (entry != null) {
            return entry;
        }
        return SyslogParser.parse(new String(bytes, from, to - from, StandardCharsets.UTF_8), clock.instant(), recent);
    }

    /** The entry if the message is on the fast path (see the class comment), else null. */
    @Nullable
    LogEntry parseCommon(byte[] bytes, int from, int to) {
        if (to - from < 8 || bytes[from] != '<') {
            return null;
        }
        int at = from + 1;
        int priority = 0;
        while (at < to && at - from <= 3 && bytes[at] >= '0' && bytes[at] <= '9') {
            priority = priority * 10 + (bytes[at] - '0');
            at++;
        }
        if (at == from + 1 || at + 2 >= to || bytes[at] != '>' || priority > 191) {
            return null;
        }
        if (bytes[at + 1] != '1' || bytes[at + 2] != ' ') {
            return null; // RFC 3164, or not syslog at all
        }
        at += 3;
        int timeEnd = fieldEnd(bytes, at, to);
        if (timeEnd < 0) {
            return null;
        }
        Instant time = Rfc3339.parseCommon(bytes, at, timeEnd);
        if (time == null) {
            return null;
        }
        int hostEnd = fieldEnd(bytes, timeEnd + 1, to);
        int appEnd = hostEnd < 0 ? -1 : fieldEnd(bytes, hostEnd + 1, to);
        int procEnd = appEnd < 0 ? -1 : fieldEnd(bytes, appEnd + 1, to);
        int msgIdEnd = procEnd < 0 ? -1 : fieldEnd(bytes, procEnd + 1, to);
        if (msgIdEnd < 0 || msgIdEnd + 1 >= to || bytes[msgIdEnd + 1] != '-') {
            return null; // a header field is missing or not ASCII, or there is structured data
        }
        int text = msgIdEnd + 2;
        if (text < to && bytes[text] == ' ') {
            text++;
        }
        if (to - text >= 3
                && bytes[text] == (byte) 0xEF
                && bytes[text + 1] == (byte) 0xBB
                && bytes[text + 2] == (byte) 0xBF) {
            text += 3; // the UTF-8 BOM
        }
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("facility", SyslogParser.facility(priority));
        if (!isNil(bytes, timeEnd + 1, hostEnd)) {
            labels.put("host", recent.get(bytes, timeEnd + 1, hostEnd));
        }
        TreeMap<String, String> fields = new TreeMap<>();
        if (!isNil(bytes, appEnd + 1, procEnd)) {
            fields.put("procid", recent.get(bytes, appEnd + 1, procEnd));
        }
        if (!isNil(bytes, procEnd + 1, msgIdEnd)) {
            fields.put("msgid", recent.get(bytes, procEnd + 1, msgIdEnd));
        }
        String source = isNil(bytes, hostEnd + 1, appEnd) ? "syslog" : recent.get(bytes, hostEnd + 1, appEnd);
        String message = new String(bytes, text, to - text, StandardCharsets.UTF_8);
        try {
            return LogEntry.of(time, LogLevel.fromSyslogSeverity(priority & 7), source, labels, message, fields);
        } catch (IllegalArgumentException e) {
            return null; // the slow path reports it
        }
    }

    /**
     * Where the header field starting at {@code from} ends (the index of the space after it), or -1 if it is empty,
     * runs to the end, or holds a byte outside ASCII (then the slow path decodes it and reports or reads it).
     */
    private static int fieldEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == ' ') {
                return i == from ? -1 : i;
            }
            if (b < 0) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isNil(byte[] bytes, int from, int to) {
        return to - from == 1 && bytes[from] == '-';
    }
}
