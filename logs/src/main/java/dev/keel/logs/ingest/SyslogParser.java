package dev.keel.logs.ingest;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Parses one syslog message, RFC 5424 or RFC 3164 (BSD), into an entry.
 *
 * <p>Mapping: APP-NAME (RFC 3164: the tag before {@code [pid]:}) becomes the source ({@code syslog} when absent);
 * the severity becomes the level ({@link LogLevel}'s table); HOSTNAME becomes label {@code host} and the facility
 * label {@code facility} (its RFC 5424 keyword: kern, user, mail, daemon, auth, syslog, ..., local0..local7); each
 * structured-data parameter becomes label {@code <sd-id>_<name>} (characters a label name cannot hold become
 * {@code _}; at most {@value #MAX_SD_LABELS} of them); PROCID and MSGID become fields {@code procid} and
 * {@code msgid}. A leading UTF-8 BOM of MSG is dropped.
 *
 * <p>RFC 3164 timestamps have no year or zone: they are read as UTC in the receive time's year (the previous year
 * if that would put them more than a day in the future). A 3164 message without a valid timestamp is kept with the
 * receive time and the rest as its message, as rsyslog does. Stateless and thread-safe.
 */
public final class SyslogParser {

    static final int MAX_SD_LABELS = 16;
    private static final String[] FACILITIES = {
        "kern",
        "user",
        "mail",
        "daemon",
        "auth",
        "syslog",
        "lpr",
        "news",
        "uucp",
        "cron",
        "authpriv",
        "ftp",
        "ntp",
        "security",
        "console",
        "solaris-cron",
        "local0",
        "local1",
        "local2",
        "local3",
        "local4",
        "local5",
        "local6",
        "local7"
    };

    private SyslogParser() {}

    /** Parses {@code message}; {@code received} is when it arrived (for RFC 3164's missing year). */
    public static LogEntry parse(String message, Instant received) throws ParseException {
        return parse(message, received, new RecentStrings());
    }

    /** As {@link #parse(String, Instant)}, reusing the header strings a connection sent before ({@code recent}). */
    static LogEntry parse(String message, Instant received, RecentStrings recent) throws ParseException {
        if (message.isEmpty() || message.charAt(0) != '<') {
            throw new ParseException(
                    "expected '<' and a priority such as <13> at position 0, found " + describe(message, 0));
        }
        int close = message.indexOf('>');
        if (close < 2 || close > 4) {
            throw new ParseException(
                    "expected a priority of 1 to 3 digits and '>' at position 1, found " + describe(message, 1));
        }
        int priority = 0;
        for (int i = 1; i < close; i++) {
            char c = message.charAt(i);
            if (c < '0' || c > '9') {
                throw new ParseException(
                        "expected a digit in the priority at position " + i + ", found " + describe(message, i));
            }
            priority = priority * 10 + (c - '0');
        }
        if (priority > 191) {
            throw new ParseException("priority " + priority + " is out of range (expected: 0 to 191)");
        }
        LogLevel level = LogLevel.fromSyslogSeverity(priority & 7);
        String facility = facility(priority);
        int at = close + 1;
        if (message.startsWith("1 ", at)) {
            return parse5424(message, at + 2, level, facility, recent);
        }
        return parse3164(message, at, level, facility, received);
    }

    /** The facility keyword of a priority (0 to 191). */
    static String facility(int priority) {
        return FACILITIES[priority >> 3];
    }

    private static LogEntry parse5424(String text, int start, LogLevel level, String facility, RecentStrings recent)
            throws ParseException {
        Cursor cursor = new Cursor(text, start, recent);
        String timestamp = cursor.field("TIMESTAMP");
        String host = cursor.field("HOSTNAME");
        String app = cursor.field("APP-NAME");
        String procId = cursor.field("PROCID");
        String msgId = cursor.field("MSGID");
        Instant time;
        if (timestamp.equals("-")) {
            throw new ParseException("TIMESTAMP at position " + start + " is '-': a message without a time cannot be "
                    + "placed in time order (expected: an RFC 3339 time)");
        }
        try {
            time = Rfc3339.parse(timestamp);
        } catch (DateTimeException e) {
            throw new ParseException("TIMESTAMP '" + timestamp + "' at position " + start
                    + " is not an RFC 3339 time such as 2026-11-28T10:00:00.123Z");
        }
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("facility", facility);
        if (!host.equals("-")) {
            labels.put("host", host);
        }
        StructuredData.parse(cursor, labels, MAX_SD_LABELS);
        String message = cursor.rest();
        if (message.startsWith("\uFEFF")) {
            message = message.substring(1);
        }
        TreeMap<String, String> fields = new TreeMap<>();
        if (!procId.equals("-")) {
            fields.put("procid", procId);
        }
        if (!msgId.equals("-")) {
            fields.put("msgid", msgId);
        }
        return build(time, level, app.equals("-") ? "syslog" : app, labels, message, fields);
    }

    private static LogEntry parse3164(String text, int start, LogLevel level, String facility, Instant received)
            throws ParseException {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("facility", facility);
        Instant time = bsdTime(text, start, received);
        if (time == null) {
            return build(
                    received, level, "syslog", labels, text.substring(start).strip(), Map.of());
        }
        int at = start + 15;
        if (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        // HOSTNAME is a word followed by a space; the TAG is the next word up to '[', ':' or a space.
        int space = text.indexOf(' ', at);
        String rest = text.substring(at);
        if (space > at && !text.substring(at, space).endsWith(":")) {
            labels.put("host", text.substring(at, space));
            rest = text.substring(space + 1);
        }
        String source = "syslog";
        TreeMap<String, String> fields = new TreeMap<>();
        int tagEnd = 0;
        while (tagEnd < rest.length() && tagEnd < 48 && "[: ".indexOf(rest.charAt(tagEnd)) < 0) {
            tagEnd++;
        }
        if (tagEnd > 0 && tagEnd < rest.length() && (rest.charAt(tagEnd) == ':' || rest.charAt(tagEnd) == '[')) {
            source = rest.substring(0, tagEnd);
            int after = tagEnd;
            if (rest.charAt(after) == '[') {
                int end = rest.indexOf(']', after);
                if (end > after) {
                    fields.put("procid", rest.substring(after + 1, end));
                    after = end + 1;
                }
            }
            if (after < rest.length() && rest.charAt(after) == ':') {
                after++;
            }
            rest = rest.substring(after);
        }
        return build(time, level, source, labels, rest.startsWith(" ") ? rest.substring(1) : rest, fields);
    }

    private static @Nullable Instant bsdTime(String text, int start, Instant received) {
        if (text.length() < start + 15) {
            return null;
        }
        String stamp = text.substring(start, start + 15);
        int year = received.atOffset(ZoneOffset.UTC).getYear();
        try {
            LocalDateTime parsed = LocalDateTime.parse(
                    year + " " + stamp, DateTimeFormatter.ofPattern("yyyy MMM ppd HH:mm:ss", Locale.ROOT));
            Instant time = parsed.toInstant(ZoneOffset.UTC);
            if (time.isAfter(received.plusSeconds(86_400))) {
                time = parsed.minusYears(1).toInstant(ZoneOffset.UTC);
            }
            return time;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LogEntry build(
            Instant time,
            LogLevel level,
            String source,
            Map<String, String> labels,
            String message,
            Map<String, String> fields)
            throws ParseException {
        try {
            return LogEntry.of(time, level, source, labels, message, fields);
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage());
        }
    }

    static String describe(String text, int at) {
        if (at >= text.length()) {
            return "the end of the message";
        }
        return "'" + text.charAt(at) + "'";
    }

    /** A position in a message, reading space-separated header fields. Not thread-safe. */
    static final class Cursor {
        final String text;
        int at;
        private final RecentStrings recent;

        Cursor(String text, int at, RecentStrings recent) {
            this.text = text;
            this.at = at;
            this.recent = recent;
        }

        String field(String name) throws ParseException {
            int end = text.indexOf(' ', at);
            if (end < 0) {
                throw new ParseException(
                        "expected " + name + " and a space at position " + at + ", found the end of " + "the message");
            }
            if (end == at) {
                throw new ParseException("expected " + name + " at position " + at + ", found a second space");
            }
            String value = recent.get(text, at, end);
            at = end + 1;
            return value;
        }

        String rest() {
            if (at >= text.length()) {
                return "";
            }
            return text.charAt(at) == ' ' ? text.substring(at + 1) : text.substring(at);
        }
    }
}
