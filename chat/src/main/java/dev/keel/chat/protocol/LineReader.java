package dev.keel.chat.protocol;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads IRC lines of bounded length from a blocking stream (the client's side of a socket), with the framing and
 * decoding of {@link LineSplitter}: a line ends at CR, LF or CRLF; a body longer than {@value #MAX_BODY} bytes (or a tag
 * section longer than {@value #MAX_TAGS}) is skipped whole and reported as {@link TooLong}, never cut; text is UTF-8, or
 * Latin-1 when it is not valid UTF-8.
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

    /** One read's worth: small, since most clients only ever send short lines and an idle reader should cost little. */
    private static final int CHUNK = 1 << 10;

    private final InputStream in;
    private final LineSplitter lines = new LineSplitter();
    private final byte[] chunk = new byte[CHUNK];

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next non-empty line, blocking until one is complete or the stream ends. */
    public Line next() throws IOException {
        while (true) {
            Line line = lines.poll();
            if (line != null) {
                return line;
            }
            int read = in.read(chunk);
            if (read < 0) {
                return new End();
            }
            lines.feed(chunk, 0, read);
        }
    }

    /**
     * How many bytes the peer has sent that are not yet returned as lines: what this reader holds plus what the stream
     * holds.
     */
    public long backlog() throws IOException {
        return (long) lines.buffered() + in.available();
    }
}
