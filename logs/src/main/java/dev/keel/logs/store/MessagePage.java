package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A page of a block's messages and fields, laid out in columns before the general compressor ({@link BodyCompression}): each message is split into a template
 * (its text with every number replaced by a placeholder) and the numbers; the page keeps each distinct template once,
 * an index per entry, and the numbers as differences from the same position in the previous message of the same
 * template.
 *
 * <pre>
 * layout         1 byte                   0: plain, 1: templates (below)
 * plain:
 * textLength     varint                   bytes of the text section
 * text           count * (message UTF-8, bytes 0x00 and 0x01 escaped as 0x01 0x00 and 0x01 0x01, then 0x00)
 * fields         count * (varint n, n * (name string, value string))
 * templates:
 * templateCount  varint
 * templates      templateCount * string   text; U+0011 is a number, U+0012 escapes a literal U+0011 or U+0012
 * idsLength      varint                   bytes of the ids section
 * varsLength     varint                   bytes of the numbers section
 * ids            count * varint           each entry's template, an index into templates
 * numbers        per entry, per placeholder of its template: zigzag varint, the value minus the value at the same
 *                placeholder in the previous entry with that template; for a template's first entry, minus the
 *                value at the same position among the previous entry's numbers (0 where it had none)
 * fields         count * (varint n, n * (name string, value string))
 * </pre>
 *
 * <p>How it is designed, and why: log lines are a few templates (the format strings of the program that wrote them)
 * with changing numbers (ids, durations, counters, clock times). A general compressor alone finds a template again only within
 * its window (DEFLATE's was 32 KiB) and codes each number's digits as literals; here a repeated template costs one small index, and
 * counters and clock times that grow by small steps cost a byte or two, and the general compressor then squeezes the
 * columns, each of which is uniform. This is the idea behind CLP (Rodrigues et al., OSDI 2021) and Loki's and
 * VictoriaLogs' column encodings, kept to what round-trips exactly: a number is a run of ASCII digits of at most 18
 * digits without a leading zero (so {@code Long.toString} gives it back); anything else (hex, {@code 007}, huge
 * numbers) stays in the template as text. Rejected: token dictionaries over words (templates already capture the
 * repetition), and Drain-style clustering of similar templates (lossy unless it stores a diff). Text that is mostly
 * version strings and names (a dpkg log) compresses better as plain text, whose numbers the compressor matches together
 * with their context; so a page whose templates repeat little (more than one distinct template per 8 entries) is
 * encoded both ways and the block keeps whichever compresses smaller. Pages of repetitive templates skip the plain
 * trial: it never won on them in the benchmark corpus, and the second compression is CPU the ingest path shares.
 *
 * <p>Stateless.
 */
final class MessagePage {

    static final char NUMBER = '\u0011';
    static final char ESCAPE = '\u0012';
    private static final int MAX_DIGITS = 18;
    static final int PLAIN = 0;
    static final int TEMPLATES = 1;

    private MessagePage() {}

    /** Encodes {@code entries} (a page, in block order) as plain strings into {@code out}. */
    static void encodePlain(List<LogEntry> entries, ByteSink out) {
        encodePlain(BlockRows.of(entries), out);
    }

    /** Encodes {@code entries} (a page, in block order) as plain strings into {@code out}. */
    static void encodePlain(BlockRows entries, ByteSink out) {
        // Terminated rather than length-prefixed: a terminator is one frequent symbol to the compressor, a length is
        // not.
        ByteSink text = new ByteSink(entries.size() * 80);
        ByteSink fields = new ByteSink(entries.size() * 2);
        for (int row = 0; row < entries.size(); row++) {
            for (byte b : entries.message(row).getBytes(StandardCharsets.UTF_8)) {
                if (b == 0 || b == 1) {
                    text.put(1);
                }
                text.put(b);
            }
            text.put(0);
            EntryCodec.putMap(fields, entries.fields(row));
        }
        out.put(PLAIN);
        out.putVarLong(text.size());
        out.putBytes(text.array(), 0, text.size());
        out.putBytes(fields.array(), 0, fields.size());
    }

    /**
     * Encodes {@code entries} (a page, in block order) as templates and numbers into {@code out}; returns how many
     * distinct templates the page has.
     */
    static int encode(List<LogEntry> entries, ByteSink out) {
        return encode(BlockRows.of(entries), out);
    }

    /**
     * Encodes {@code entries} (a page, in block order) as templates and numbers into {@code out}; returns how many
     * distinct templates the page has.
     */
    static int encode(BlockRows entries, ByteSink out) {
        out.put(TEMPLATES);
        TemplateIds ids = new TemplateIds();
        List<long[]> previous = new ArrayList<>();
        ByteSink idColumn = new ByteSink(entries.size() * 2);
        ByteSink numbers = new ByteSink(entries.size() * 8);
        ByteSink fields = new ByteSink(entries.size() * 4);
        StringBuilder template = new StringBuilder();
        long[] values = new long[16];
        long[] lastAny = new long[0];
        for (int row = 0; row < entries.size(); row++) {
            String message = entries.message(row);
            template.setLength(0);
            int count = split(message, template, values);
            if (count > values.length) {
                values = new long[count];
                split(message, template.delete(0, template.length()), values);
            }
            int id = ids.idOf(template);
            if (id == previous.size()) { // a new template
                previous.add(java.util.Arrays.copyOf(lastAny, count));
            }
            idColumn.putVarLong(id);
            long[] last = previous.get(id);
            for (int v = 0; v < count; v++) {
                numbers.putZigZag(values[v] - last[v]);
                last[v] = values[v];
            }
            lastAny = last;
            EntryCodec.putMap(fields, entries.fields(row));
        }
        List<String> templates = ids.templates();
        out.putVarLong(templates.size());
        for (String text : templates) {
            out.putString(text);
        }
        out.putVarLong(idColumn.size());
        out.putVarLong(numbers.size());
        out.putBytes(idColumn.array(), 0, idColumn.size());
        out.putBytes(numbers.array(), 0, numbers.size());
        out.putBytes(fields.array(), 0, fields.size());
        return templates.size();
    }

    /**
     * Appends {@code message}'s template to {@code template} and stores its numbers in {@code values} while they fit;
     * returns how many numbers it has (call again with a larger array if more than {@code values.length}).
     */
    private static boolean isSpecial(char c) {
        return (c >= '0' && c <= '9') || c == NUMBER || c == ESCAPE;
    }

    static int split(String message, StringBuilder template, long[] values) {
        int count = 0;
        int length = message.length();
        int i = 0;
        while (i < length) {
            char c = message.charAt(i);
            if (c >= '0' && c <= '9') {
                // The value is accumulated while scanning (at most 18 digits fit a long), not parsed again after.
                long value = c - '0';
                int end = i + 1;
                char d;
                while (end < length && (d = message.charAt(end)) >= '0' && d <= '9') {
                    value = value * 10 + (d - '0');
                    end++;
                }
                int digits = end - i;
                if (digits <= MAX_DIGITS && (digits == 1 || c != '0')) {
                    if (count < values.length) {
                        values[count] = value;
                    }
                    count++;
                    template.append(NUMBER);
                } else {
                    template.append(message, i, end);
                }
                i = end;
                continue;
            }
            if (c == NUMBER || c == ESCAPE) {
                template.append(ESCAPE).append(c);
                i++;
                continue;
            }
            // A run of plain text is appended in one call: per-character appends were a tenth of sealing's samples.
            int end = i + 1;
            while (end < length && !isSpecial(message.charAt(end))) {
                end++;
            }
            template.append(message, i, end);
            i = end;
        }
        return count;
    }

    /** A decoded entry's message and fields. */
    record Message(String text, TreeMap<String, String> fields) {}

    /**
     * Decodes the page's entries {@code [from, to)} of {@code count} (positions within the page). The numbers of
     * the entries before {@code from} are read (the differences chain through them) but no text is built for them.
     */
    static List<Message> decode(byte[] raw, String where, int count, int from, int to) {
        return decode(raw, 0, where, count, from, to);
    }

    /** As {@link #decode(byte[], String, int, int, int)}, for a page whose layout starts at {@code offset}. */
    static List<Message> decode(byte[] raw, int offset, String where, int count, int from, int to) {
        ByteSource in = new ByteSource(raw, offset, raw.length - offset, where);
        int layout = in.get();
        if (layout == PLAIN) {
            return decodePlain(in, raw, count, from, to);
        }
        if (layout != TEMPLATES) {
            throw in.corrupt("page layout " + layout + " (expected: 0 or 1)");
        }
        int templateCount = in.getCount("template count", count);
        List<String> templates = new ArrayList<>(templateCount);
        int[] placeholders = new int[templateCount];
        for (int t = 0; t < templateCount; t++) {
            String text = in.getString(EntryCodec.MAX_STRING);
            templates.add(text);
            placeholders[t] = numberCount(text);
        }
        int idsLength = in.getCount("ids length", raw.length);
        int numbersLength = in.getCount("numbers length", raw.length);
        int idsStart = in.position();
        if ((long) idsStart + idsLength + numbersLength > raw.length) {
            throw in.corrupt("sections of " + idsLength + " and " + numbersLength + " bytes past the page's end");
        }
        ByteSource ids = new ByteSource(raw, idsStart, idsLength, where + " ids");
        ByteSource numbers = new ByteSource(raw, idsStart + idsLength, numbersLength, where + " numbers");
        int fieldsStart = idsStart + idsLength + numbersLength;
        ByteSource fields = new ByteSource(raw, fieldsStart, raw.length - fieldsStart, where + " fields");
        long[][] previous = new long[templateCount][];
        long[] lastAny = new long[0];
        List<Message> messages = new ArrayList<>(Math.max(0, to - from));
        for (int i = 0; i < count && i < to; i++) {
            int id = ids.getCount("template index", templateCount - 1);
            if (previous[id] == null) {
                previous[id] = java.util.Arrays.copyOf(lastAny, placeholders[id]);
            }
            long[] last = previous[id];
            for (int v = 0; v < last.length; v++) {
                long value = last[v] + numbers.getZigZag();
                if (value < 0) {
                    throw numbers.corrupt("number " + value + " in entry " + i + " (expected: not negative)");
                }
                last[v] = value;
            }
            lastAny = last;
            if (i < from) {
                skipMap(fields);
                continue;
            }
            messages.add(new Message(render(templates.get(id), last), EntryCodec.getMap(fields, LogEntry.MAX_FIELDS)));
        }
        if (to == count && (ids.remaining() != 0 || numbers.remaining() != 0 || fields.remaining() != 0)) {
            throw in.corrupt("bytes left after the page's last entry");
        }
        return messages;
    }

    private static List<Message> decodePlain(ByteSource in, byte[] raw, int count, int from, int to) {
        int textLength = in.getCount("text length", in.remaining());
        int position = in.position();
        int textEnd = position + textLength;
        ByteSource fields = new ByteSource(raw, textEnd, raw.length - textEnd, "page fields");
        List<Message> messages = new ArrayList<>(Math.max(0, to - from));
        byte[] unescaped = new byte[256];
        for (int i = 0; i < count && i < to; i++) {
            int length = 0;
            while (true) {
                if (position >= textEnd) {
                    throw in.corrupt("message " + i + " runs past the text section's " + textLength + " bytes");
                }
                byte b = raw[position++];
                if (b == 0) {
                    break;
                }
                if (b == 1) {
                    if (position >= textEnd || (raw[position] != 0 && raw[position] != 1)) {
                        throw in.corrupt("bad escape in message " + i + " (expected: 0x01 then 0x00 or 0x01)");
                    }
                    b = raw[position++];
                }
                if (length == unescaped.length) {
                    unescaped = java.util.Arrays.copyOf(unescaped, length * 2);
                }
                unescaped[length++] = b;
            }
            if (i < from) {
                skipMap(fields);
                continue;
            }
            String text = new String(unescaped, 0, length, StandardCharsets.UTF_8);
            messages.add(new Message(text, EntryCodec.getMap(fields, LogEntry.MAX_FIELDS)));
        }
        if (to == count && (position != textEnd || fields.remaining() != 0)) {
            throw in.corrupt("bytes after the page's last entry");
        }
        return messages;
    }

    private static void skipMap(ByteSource in) {
        int size = in.getCount("map size", LogEntry.MAX_FIELDS);
        for (int f = 0; f < 2 * size; f++) {
            in.skipString(EntryCodec.MAX_STRING);
        }
    }

    /** How many unescaped placeholders {@code template} has. */
    private static int numberCount(String template) {
        int count = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == ESCAPE) {
                i++;
            } else if (c == NUMBER) {
                count++;
            }
        }
        return count;
    }

    private static String render(String template, long[] values) {
        StringBuilder text = new StringBuilder(template.length() + values.length * 6);
        int v = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == ESCAPE && i + 1 < template.length()) {
                text.append(template.charAt(++i));
            } else if (c == NUMBER) {
                text.append(values[v++]);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
