package dev.keel.chat.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into IRC lines of bounded length and decodes each.
 *
 * <p>How it is designed, and why: the bytes come from an untrusted client, so the reader never holds more than one
 * line's worth. A line ends at CR, at LF or at CRLF (clients send all three; an empty line between CR and LF is
 * skipped). RFC 1459 allows 512 bytes including CRLF, so a line's body may be {@value #MAX_BODY} bytes; a line that
 * starts with IRCv3 tags may in addition carry a tag section of up to {@value #MAX_TAGS} bytes. A longer line is not
 * cut (that would run a command the client did not send): its bytes are skipped up to its end and it is reported as
 * {@link TooLong}, which a server answers with 417 ERR_INPUTTOOLONG, and the connection carries on. Text is decoded as
 * UTF-8, and as Latin-1 when it is not valid UTF-8 (what older clients send).
 *
 * <p>Not thread-safe: one reader per connection, confined to its thread.
 */
public final class LineReader {

    /** The most bytes of a line's body: 512 minus CRLF. */
    public static final int MAX_BODY = 510;

    /** The most bytes of a tag section, with its {@code @} and without the space after it (IRCv3: 8191). */
    public static final int MAX_TAGS = 8191;

    /** What reading returned. */
    public sealed interface Line permits Text, TooLong, End {}

    /** A complete line, decoded; {@code bytes} is its length on the wire without the line ending. */
    public record Text(String text, int bytes) implements Line {}

    /** A line longer than allowed, skipped whole; {@code bytes} is how long it was. */
    public record TooLong(long bytes) implements Line {}

    /** The stream ended; a partial line at the end is dropped. */
    public record End() implements Line {}

    /**
     * The buffer starts small, since most clients only ever send short lines and an idle connection should cost little
     * (ten thousand of them must fit in a 512 MB heap), and doubles, up to {@value #MAX_BUFFER} bytes, only while a
     * single line does not fit: more than the longest line allowed, so that a too-long line is detected, not stuck.
     */
    private static final int INITIAL_BUFFER = 1 << 10;

    private static final int MAX_BUFFER = 16 << 10;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int start;
    private int limit;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next non-empty line, blocking until one is complete or the stream ends. */
    public Line next() throws IOException {
        long skipped = -1; // >= 0 while skipping the rest of an over-long line
        int scan = start;
        while (true) {
            while (scan < limit) {
                byte b = buffer[scan];
                if (b == '\r' || b == '\n') {
                    int length = scan - start;
                    int from = start;
                    start = ++scan;
                    if (skipped >= 0) {
                        return new TooLong(skipped + length);
                    }
                    if (length == 0) {
                        continue;
                    }
                    if (!fits(from, length)) {
                        return new TooLong(length);
                    }
                    return new Text(decode(from, length), length);
                }
                scan++;
                if (scan - start > maxLength(start) && skipped < 0) {
                    skipped = 0;
                }
            }
            if (skipped >= 0) {
                skipped += limit - start;
                start = limit;
                scan = limit;
            }
            if (start == limit) {
                start = 0;
                limit = 0;
                scan = 0;
            } else if (limit == buffer.length && start > 0) {
                System.arraycopy(buffer, start, buffer, 0, limit - start);
                scan -= start;
                limit -= start;
                start = 0;
            } else if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_BUFFER));
            }
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return new End();
            }
            limit += read;
        }
    }

    /**
     * How many bytes the client has sent that are not yet returned as lines: what this reader holds plus what the
     * socket holds. A throttled client with a large backlog is flooding.
     */
    public long backlog() throws IOException {
        return (long) (limit - start) + in.available();
    }

    private int maxLength(int from) {
        return buffer[from] == '@' ? MAX_TAGS + 1 + MAX_BODY : MAX_BODY;
    }

    private boolean fits(int from, int length) {
        if (buffer[from] != '@') {
            return length <= MAX_BODY;
        }
        int space = from;
        while (space < from + length && buffer[space] != ' ') {
            space++;
        }
        return space - from <= MAX_TAGS && from + length - space - 1 <= MAX_BODY;
    }

    private String decode(int from, int length) {
        boolean ascii = true;
        for (int i = from; i < from + length; i++) {
            if (buffer[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buffer, from, length, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(buffer, from, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(buffer, from, length, StandardCharsets.ISO_8859_1);
        }
    }
}
