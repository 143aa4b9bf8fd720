package dev.keel.logs.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The date-time many log lines start with ({@code 2025-09-22 04:45:12 status installed ...}, as dpkg, apt, Python's
 * logging and most file loggers write it), moved out of a page's messages into a column of its own ({@code KLB5}
 * pages), so that the text left is what changes from line to line.
 *
 * <pre>
 * stampsLength   varint                   bytes of the stamps section
 * stamps         count * varint           0: the message does not start with a date-time; else
 *                                         1 + (zigzag(seconds - the previous stamp's seconds) &lt;&lt; 1 | t), where
 *                                         seconds count from 1970-01-01T00:00:00 (the text's own clock, no zone), t
 *                                         is 1 when the date and time are separated by 'T', 0 for a space, and the
 *                                         first stamp of a page is relative to 0
 * then the page's layout ({@link MessagePage}) of the messages, each without its 19 leading characters if stamped
 * </pre>
 *
 * <p>How it is designed, and why: as text, a leading {@code yyyy-MM-dd HH:mm:ss} is 19 bytes that differ from the
 * previous line's in their last digit or two; Zstandard matches most of it, but each line still pays a match and a few
 * literal digits. As a column of differences in seconds it is mostly zeros and ones, which compress to almost nothing,
 * and the rest of the line starts where its content does (a compressor finds longer matches). On this machine's dpkg
 * and apt logs it took the message pages 4% smaller at Zstandard level 9 and 9% at level 16 (docs/logs.md, session
 * 7). Only the exact form {@code dddd-dd-dd[ T]dd:dd:dd} that names a real date and time (month 1-12, the month's
 * days, hour 0-23, minute and second 0-59) is moved, so that rendering it back gives the same characters; anything
 * else (a leap second, fractions, another format) stays in the text, where it round-trips as before. The trigram
 * filter and queries see whole messages: the stamp is cut only inside a page.
 *
 * <p>Stateless.
 */
final class LeadingStamps {

    /** Characters of the moved prefix: {@code yyyy-MM-dd HH:mm:ss}. */
    static final int LENGTH = 19;

    private static final long MIN_SECONDS = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_SECONDS =
            LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private LeadingStamps() {}

    /**
     * Writes {@code page}'s stamps section to {@code out} and returns its rows with the stamps cut from the messages
     * (the same rows when no message starts with a date-time).
     */
    static BlockRows strip(BlockRows page, ByteSink out) {
        int count = page.size();
        ByteSink stamps = new ByteSink(count + 8);
        String[] rest = null;
        long previous = 0;
        for (int row = 0; row < count; row++) {
            String message = page.message(row);
            long seconds = secondsOf(message);
            if (seconds == Long.MIN_VALUE) {
                stamps.put(0);
                continue;
            }
            if (rest == null) {
                rest = new String[count];
                for (int r = 0; r < row; r++) {
                    rest[r] = page.message(r);
                }
            }
            long delta = seconds - previous;
            previous = seconds;
            stamps.putVarLong(1 + ((((delta << 1) ^ (delta >> 63)) << 1) | (message.charAt(10) == 'T' ? 1 : 0)));
            rest[row] = message.substring(LENGTH);
        }
        out.putVarLong(stamps.size());
        out.putBytes(stamps.array(), 0, stamps.size());
        if (rest == null) {
            return page;
        }
        for (int row = 0; row < count; row++) {
            if (rest[row] == null) {
                rest[row] = page.message(row);
            }
        }
        int from = page.offset();
        return new BlockRows(
                Arrays.copyOfRange(page.nanos(), from, from + count),
                Arrays.copyOfRange(page.levels(), from, from + count),
                rest,
                Arrays.copyOfRange(page.fields(), from, from + count),
                0,
                count);
    }

    /**
     * Reads the stamps section at {@code in}'s position for a page of {@code count} entries: each entry's prefix to
     * put back ({@code null} for none), for the entries {@code [0, to)}; the section's bytes are all consumed.
     */
    static String[] read(ByteSource in, byte[] raw, int count, int to, String where) {
        int length = in.getCount("stamps length", in.remaining());
        int start = in.position();
        ByteSource stamps = new ByteSource(raw, start, length, where + " stamps");
        String[] prefixes = new String[to];
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long value = stamps.getVarLong();
            if (value == 0) {
                continue;
            }
            long coded = (value - 1) >>> 1;
            long delta = (coded >>> 1) ^ -(coded & 1);
            previous += delta;
            if (i < to) {
                prefixes[i] = render(previous, ((value - 1) & 1) == 1, stamps);
            }
        }
        if (stamps.remaining() != 0) {
            throw stamps.corrupt(stamps.remaining() + " bytes after the page's " + count + " stamps");
        }
        in.skip(length);
        return prefixes;
    }

    /** The seconds {@code message}'s leading date-time names, or {@link Long#MIN_VALUE} when it has none. */
    static long secondsOf(String message) {
        if (message.length() < LENGTH
                || message.charAt(4) != '-'
                || message.charAt(7) != '-'
                || (message.charAt(10) != ' ' && message.charAt(10) != 'T')
                || message.charAt(13) != ':'
                || message.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(message, 0, 4);
        int month = digits(message, 5, 2);
        int day = digits(message, 8, 2);
        int hour = digits(message, 11, 2);
        int minute = digits(message, 14, 2);
        int second = digits(message, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return Long.MIN_VALUE;
        }
        LocalDate first = LocalDate.of(year, month, 1);
        if (day > first.lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        return (first.toEpochDay() + day - 1) * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /** The decimal value of {@code length} ASCII digits at {@code at}, or -1 if any is not a digit. */
    private static int digits(String text, int at, int length) {
        int value = 0;
        for (int i = at; i < at + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String render(long seconds, boolean t, ByteSource where) {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw where.corrupt("a leading date-time of " + seconds + " s (expected: years 0000 to 9999)");
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] text = new char[LENGTH];
        put(text, 0, time.getYear(), 4);
        text[4] = '-';
        put(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, time.getDayOfMonth(), 2);
        text[10] = t ? 'T' : ' ';
        put(text, 11, time.getHour(), 2);
        text[13] = ':';
        put(text, 14, time.getMinute(), 2);
        text[16] = ':';
        put(text, 17, time.getSecond(), 2);
        return new String(text);
    }

    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
