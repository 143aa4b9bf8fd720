package dev.keel.chat.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits bytes pushed into it into IRC lines of bounded length and decodes each: the framing of {@link LineReader},
 * for a caller that reads the socket itself (the server's event loop) and feeds whatever arrived.
 *
 * <p>How it is designed, and why: the bytes come from an untrusted client, so while lines are being taken out the
 * splitter holds at most one line's worth. A line ends at CR, at LF or at CRLF (clients send all three; an empty line
 * between CR and LF is skipped). RFC 1459 allows 512 bytes including CRLF, so a line's body may be
 * {@value LineReader#MAX_BODY} bytes; a line that starts with IRCv3 tags may in addition carry a tag section of up to
 * {@value LineReader#MAX_TAGS} bytes. A longer line is not cut (that would run a command the client did not send): its
 * bytes are dropped as they arrive up to its end and it is reported as {@link LineReader.TooLong}. A line split over
 * several reads is kept until its end arrives. Text is decoded as UTF-8, and as Latin-1 when it is not valid UTF-8.
 *
 * <p>Memory: the buffer starts at 1 KiB (an idle client costs little) and grows only while a caller feeds more than
 * it takes out; a caller that stops taking lines (a throttled client) must bound what it feeds by {@link #buffered()}.
 * It returns to its first size once emptied.
 *
 * <p>Not thread-safe: one per connection, confined to its thread.
 */
public final class LineSplitter {

    private static final int INITIAL_BUFFER = 1 << 10;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int start;
    private int limit;
    private int scan;
    /** At least 0 while dropping the rest of an over-long line: how many of its bytes were dropped so far. */
    private long skipped = -1;

    /** Appends {@code length} bytes of {@code source} from {@code offset}. */
    public void feed(byte[] source, int offset, int length) {
        if (buffer.length - limit < length) {
            makeRoom(length);
        }
        System.arraycopy(source, offset, buffer, limit, length);
        limit += length;
    }

    /** Appends what {@code source} has left (its position moves to its limit). */
    public void feed(ByteBuffer source) {
        int length = source.remaining();
        if (buffer.length - limit < length) {
            makeRoom(length);
        }
        source.get(buffer, limit, length);
        limit += length;
    }

    /**
     * The next complete non-empty line ({@link LineReader.Text}) or over-long line ({@link LineReader.TooLong}), or null
     * until more bytes are fed.
     */
    public LineReader.@Nullable Line poll() {
        while (scan < limit) {
            byte b = buffer[scan];
            if (b == '\r' || b == '\n') {
                int length = scan - start;
                int from = start;
                start = ++scan;
                if (skipped >= 0) {
                    long total = skipped + length;
                    skipped = -1;
                    return new LineReader.TooLong(total);
                }
                if (length == 0) {
                    continue;
                }
                if (!fits(from, length)) {
                    return new LineReader.TooLong(length);
                }
                return new LineReader.Text(decode(from, length), length);
            }
            scan++;
            if (skipped < 0 && scan - start > maxLength(start)) {
                skipped = 0;
            }
        }
        if (skipped >= 0) {
            skipped += limit - start;
            start = limit;
        }
        if (start == limit) {
            start = 0;
            limit = 0;
            scan = 0;
            if (buffer.length > INITIAL_BUFFER) {
                buffer = new byte[INITIAL_BUFFER];
            }
        }
        return null;
    }

    /** The bytes fed and not yet returned as lines (a partial line, or lines a throttled caller has not taken). */
    public int buffered() {
        return limit - start;
    }

    private void makeRoom(int length) {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, limit - start);
            scan -= start;
            limit -= start;
            start = 0;
        }
        if (buffer.length - limit < length) {
            long size = Math.max(2L * buffer.length, (long) limit + length);
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("cannot buffer " + size + " bytes of one client's input");
            }
            buffer = Arrays.copyOf(buffer, (int) size);
        }
    }

    private int maxLength(int from) {
        return buffer[from] == '@' ? LineReader.MAX_TAGS + 1 + LineReader.MAX_BODY : LineReader.MAX_BODY;
    }

    private boolean fits(int from, int length) {
        if (buffer[from] != '@') {
            return length <= LineReader.MAX_BODY;
        }
        int space = from;
        while (space < from + length && buffer[space] != ' ') {
            space++;
        }
        return space - from <= LineReader.MAX_TAGS && from + length - space - 1 <= LineReader.MAX_BODY;
    }

    private String decode(int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (buffer[i] < 0) {
                try {
                    CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(buffer, from, length));
                    return chars.toString();
                } catch (CharacterCodingException e) {
                    return new String(buffer, from, length, StandardCharsets.ISO_8859_1);
                }
            }
        }
        return new String(buffer, from, length, StandardCharsets.ISO_8859_1);
    }
}
