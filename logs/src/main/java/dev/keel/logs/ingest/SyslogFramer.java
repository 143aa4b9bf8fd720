package dev.keel.logs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a syslog TCP stream into messages (RFC 6587): octet-counted frames ({@code 123 <13>1 ...}, a decimal
 * length, a space, that many bytes) and newline-terminated frames, detected per frame as rsyslog does, so both
 * framings work on one port and even on one connection. A frame longer than the limit is reported and skipped
 * (octet-counted: its announced bytes; newline: up to the next newline) without losing the stream's place.
 *
 * <p>Not thread-safe: one framer per connection.
 */
public final class SyslogFramer {

    /** What the next call found: a message, a frame too long or malformed (skipped), or the end of the stream. */
    public sealed interface Frame {}

    /** One message's text (UTF-8 decoded, trailing CR dropped). */
    public record Message(String text) implements Frame {}

    /** A frame that was skipped, and why. */
    public record Bad(String reason, String sample) implements Frame {}

    /**
     * A message left undecoded in the framer's buffer ({@link #nextUndecoded()}): its bytes are
     * {@code buffer()[messageFrom(), messageTo())}, trailing CR/LF already dropped, valid until the next call.
     */
    public record InBuffer() implements Frame {}

    private static final InBuffer IN_BUFFER = new InBuffer();

    private final InputStream in;
    private final int maxMessage;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean eof;
    private int messageFrom;
    /** The newline {@link #hasCompleteFrame()} found for the frame starting at {@code newlineFrameStart}; -1: none. */
    private int newlineFrameStart = -1;

    private int newlineAt;
    private int messageTo;

    public SyslogFramer(InputStream in, int maxMessage) {
        this.in = in;
        this.maxMessage = maxMessage;
    }

    /** True if the buffer holds a whole frame: {@link #next()} would return it without reading (or blocking). */
    public boolean hasCompleteFrame() {
        int i = start;
        while (i < end && (buffer[i] == '\n' || buffer[i] == '\r')) {
            i++;
        }
        if (i == end) {
            return false;
        }
        if (buffer[i] >= '1' && buffer[i] <= '9') {
            int digits = i;
            long length = 0;
            while (digits < end && buffer[digits] >= '0' && buffer[digits] <= '9' && digits - i < 10) {
                length = length * 10 + (buffer[digits] - '0');
                digits++;
            }
            if (digits < end && buffer[digits] == ' ') {
                return end - (digits + 1) >= length;
            }
        }
        for (int j = i; j < end; j++) {
            if (buffer[j] == '\n') {
                newlineFrameStart = i; // next() cuts this frame without scanning for its newline again
                newlineAt = j;
                return true;
            }
        }
        return false;
    }

    /** The next frame, reading as needed; null at the end of the stream. */
    public @Nullable Frame next() throws IOException {
        Frame frame = nextUndecoded();
        if (frame instanceof InBuffer) {
            return new Message(new String(buffer, messageFrom, messageTo - messageFrom, StandardCharsets.UTF_8));
        }
        return frame;
    }

    /**
     * As {@link #next()}, but a message is left in the buffer ({@link InBuffer}) for a parser that reads bytes: no
     * {@code String} per frame.
     */
    public @Nullable Frame nextUndecoded() throws IOException {
        while (true) {
            skipEmptyLines();
            if (start == end && !fill()) {
                return null;
            }
            if (start == end) {
                continue;
            }
            byte first = buffer[start];
            if (first >= '1' && first <= '9') {
                Frame frame = octetCounted();
                if (frame != null) {
                    return frame;
                }
            } else {
                Frame frame = newlineDelimited();
                if (frame != null) {
                    return frame;
                }
            }
            if (!fill()) {
                if (start < end) { // the last line lacks its newline: take it as it is
                    messageFrom = start;
                    messageTo = end;
                    start = end;
                    return IN_BUFFER;
                }
                return null;
            }
        }
    }

    /** The buffer holding the message {@link #nextUndecoded()} returned last. */
    public byte[] buffer() {
        return buffer;
    }

    /** Where that message starts in {@link #buffer()}. */
    public int messageFrom() {
        return messageFrom;
    }

    /** Where that message ends (exclusive) in {@link #buffer()}. */
    public int messageTo() {
        return messageTo;
    }

    private void skipEmptyLines() {
        while (start < end && (buffer[start] == '\n' || buffer[start] == '\r')) {
            start++;
        }
    }

    /** A frame if the buffer holds a whole one, else null (read more). */
    private @Nullable Frame octetCounted() throws IOException {
        int i = start;
        long length = 0;
        while (i < end && buffer[i] >= '0' && buffer[i] <= '9' && i - start < 10) {
            length = length * 10 + (buffer[i] - '0');
            i++;
        }
        if (i == end) {
            return null;
        }
        if (buffer[i] != ' ') {
            // Not a length after all (a message that starts with a digit): treat as a line.
            return newlineDelimited();
        }
        if (length > maxMessage) {
            String sample = decode(start, Math.min(end, i + 1 + 80));
            long skip = i + 1 - start + length;
            skipBytes(skip);
            return new Bad("octet-counted frame of " + length + " bytes exceeds the limit of " + maxMessage, sample);
        }
        if (end - (i + 1) < length) {
            return null;
        }
        start = i + 1 + (int) length;
        return inBuffer(i + 1, start);
    }

    private @Nullable Frame newlineDelimited() throws IOException {
        int scanFrom = newlineFrameStart == start && newlineAt < end ? newlineAt : start;
        newlineFrameStart = -1;
        for (int i = scanFrom; i < end; i++) {
            if (buffer[i] == '\n') {
                if (i - start > maxMessage) {
                    String sample = decode(start, start + 80);
                    int length = i - start;
                    start = i + 1;
                    return new Bad("line of " + length + " bytes exceeds the limit of " + maxMessage, sample);
                }
                int from = start;
                start = i + 1;
                return inBuffer(from, i);
            }
        }
        if (end - start > maxMessage) {
            String sample = decode(start, start + 80);
            long dropped = end - start;
            start = end;
            dropped += skipToNewline();
            return new Bad("line of at least " + dropped + " bytes exceeds the limit of " + maxMessage, sample);
        }
        return null;
    }

    private long skipToNewline() throws IOException {
        long skipped = 0;
        while (fill()) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    skipped += i - start;
                    start = i + 1;
                    return skipped;
                }
            }
            skipped += end - start;
            start = end;
        }
        return skipped;
    }

    private void skipBytes(long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            if (start == end && !fill()) {
                return;
            }
            int step = (int) Math.min(remaining, end - start);
            start += step;
            remaining -= step;
        }
    }

    /** Reads more bytes, compacting first; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (start > 0) {
            newlineFrameStart = -1; // positions move
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxMessage + 64));
            if (end == buffer.length) {
                return true; // full: the caller reports an over-long frame
            }
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    private String decode(int from, int to) {
        return new String(buffer, from, Math.max(0, Math.min(to, end) - from), StandardCharsets.UTF_8);
    }

    /** The message at {@code [from, to)} without its trailing CRs and LFs (single bytes in UTF-8). */
    private InBuffer inBuffer(int from, int to) {
        int last = to;
        while (last > from && (buffer[last - 1] == '\n' || buffer[last - 1] == '\r')) {
            last--;
        }
        messageFrom = from;
        messageTo = last;
        return IN_BUFFER;
    }
}
