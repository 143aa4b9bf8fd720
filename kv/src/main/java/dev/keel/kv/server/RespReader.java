package dev.keel.kv.server;

import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads RESP2 requests from a client's byte stream, treating every byte as untrusted.
 *
 * <pre>
 * Requests, RESP2 (client to server). CRLF is "\r\n"; decimal as Redis's string2ll (see {@link Decimal}).
 *
 *   request    = multibulk | inline
 *   multibulk  = '*' count CRLF bulk{count}     count: decimal <= maxMultibulkLength; <= 0 is an empty request,
 *                                               skipped without a reply (Redis does the same)
 *   bulk       = '$' length CRLF byte{length} CRLF
 *                                               length: decimal in [0, maxBulkLength]; the lengths of one request
 *                                               add up to at most maxRequestBytes
 *   inline     = byte* LF                       any request not starting with '*'; a CR before the LF is dropped;
 *                                               at most maxInlineLength bytes; split by {@link InlineArguments};
 *                                               a blank line is skipped without a reply
 *   header lines ('*' count, '$' length) are at most maxInlineLength bytes too.
 *
 * Errors (answered as "-ERR " + message, then the connection is closed, as Redis does):
 *   Protocol error: invalid multibulk length        count not a decimal, or above maxMultibulkLength
 *   Protocol error: expected '$', got 'x'            an argument that is not a bulk string
 *   Protocol error: invalid bulk length              length not a decimal, negative, or above maxBulkLength
 *   Protocol error: too big mbulk count string       no CR within maxInlineLength bytes of a '*' header
 *   Protocol error: too big bulk count string        no CR within maxInlineLength bytes of a '$' header
 *   Protocol error: too big inline request           no LF within maxInlineLength bytes of an inline request
 *   Protocol error: unbalanced quotes in request     an inline request with an open quote
 *   Protocol error: expected CRLF after ...          keel only: bytes other than CRLF after a header or bulk
 *   Protocol error: request of more than N bytes     keel only: the lengths add up to more than maxRequestBytes
 * </pre>
 *
 * <p>How it is designed, and why: the reader owns a 16 KiB buffer that one {@code read} fills with as many pipelined
 * requests as have arrived, and parses requests out of it without further system calls (Redis reads 16 KiB per
 * {@code read} too). It calls its {@code beforeBlockingRead} hook, the connection's output flush, whenever it needs
 * more bytes: so replies to a pipeline go out in one write once every buffered request is answered, and a lone
 * request's reply goes out before the reader waits for the next one. Nothing is allocated on a length's say-so: the
 * header buffer grows only to {@code maxInlineLength} and a bulk string's array starts at 64 KiB and doubles as its
 * bytes arrive, so a 30-byte request announcing 512 MiB costs 64 KiB, not 512 MiB. Large bulk strings are read
 * straight into their array, not through the buffer. Rejected: a {@code BufferedInputStream} (it cannot say how much is
 * buffered without a system call, and copies twice), and trusting a bulk's trailing CRLF as Redis does (it skips two
 * bytes unread); checking them catches a client that miscounts a length instead of misreading everything after it.
 *
 * <p>Not thread-safe: one reader per connection, used by its thread only.
 */
final class RespReader {

    static final int BUFFER_SIZE = 16 << 10;
    private static final int FIRST_BULK_CHUNK = 64 << 10;

    private final InputStream in;
    private final Flushable beforeBlockingRead;
    private final KvServerOptions limits;
    private final int maxBuffer;
    private byte[] buffer = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;

    /**
     * A reader of {@code in} bounded by {@code limits}, calling {@code beforeBlockingRead.flush()} each time it is about
     * to read from {@code in}.
     */
    RespReader(InputStream in, Flushable beforeBlockingRead, KvServerOptions limits) {
        this.in = in;
        this.beforeBlockingRead = beforeBlockingRead;
        this.limits = limits;
        this.maxBuffer = Math.max(BUFFER_SIZE, limits.maxInlineLength() + 2);
    }

    /** The next request, a protocol error, or the end of the stream. Blocks until one of them is known. */
    Frame read() throws IOException {
        try {
            while (true) {
                if (!ensure(1)) {
                    return Frame.END_OF_STREAM;
                }
                List<byte[]> args = buffer[pos] == '*' ? readMultibulk() : readInline();
                if (!args.isEmpty()) {
                    return new Frame.Request(args);
                }
            }
        } catch (Malformed e) {
            return new Frame.ProtocolError(e.getMessage());
        } catch (Truncated e) {
            return Frame.END_OF_STREAM;
        }
    }

    private List<byte[]> readMultibulk() throws IOException, Malformed, Truncated {
        int end = lineEnd(1, "Protocol error: too big mbulk count string");
        OptionalLong count = Decimal.parse(buffer, pos + 1, pos + end);
        if (count.isEmpty() || count.getAsLong() > limits.maxMultibulkLength()) {
            throw new Malformed("Protocol error: invalid multibulk length");
        }
        pos += end + 2;
        long arguments = count.getAsLong();
        if (arguments <= 0) {
            return List.of();
        }
        List<byte[]> args = new ArrayList<>((int) Math.min(arguments, 16));
        long requestBytes = 0;
        for (long i = 0; i < arguments; i++) {
            // Like Redis, find the header's end before judging its first byte.
            int lengthEnd = lineEnd(1, "Protocol error: too big bulk count string");
            if (buffer[pos] != '$') {
                throw new Malformed("Protocol error: expected '$', got '" + (char) (buffer[pos] & 0xFF) + "'");
            }
            OptionalLong length = Decimal.parse(buffer, pos + 1, pos + lengthEnd);
            if (length.isEmpty() || length.getAsLong() < 0 || length.getAsLong() > limits.maxBulkLength()) {
                throw new Malformed("Protocol error: invalid bulk length");
            }
            pos += lengthEnd + 2;
            requestBytes += length.getAsLong();
            if (requestBytes > limits.maxRequestBytes()) {
                throw new Malformed("Protocol error: request of more than " + limits.maxRequestBytes()
                        + " bytes (maxRequestBytes)");
            }
            args.add(readBulk((int) length.getAsLong()));
        }
        return args;
    }

    private List<byte[]> readInline() throws IOException, Malformed, Truncated {
        int newline = indexFromPos('\n', 0, "Protocol error: too big inline request");
        int end = newline > 0 && buffer[pos + newline - 1] == '\r' ? newline - 1 : newline;
        List<byte[]> args = InlineArguments.split(buffer, pos, pos + end);
        pos += newline + 1;
        if (args == null) {
            throw new Malformed("Protocol error: unbalanced quotes in request");
        }
        return args;
    }

    /** Reads {@code length} bytes and the CRLF after them. */
    private byte[] readBulk(int length) throws IOException, Malformed, Truncated {
        byte[] data;
        int buffered = limit - pos;
        if (buffered >= length) {
            data = Arrays.copyOfRange(buffer, pos, pos + length);
            pos += length;
        } else {
            data = new byte[Math.min(length, Math.max(FIRST_BULK_CHUNK, buffered))];
            System.arraycopy(buffer, pos, data, 0, buffered);
            pos = 0;
            limit = 0;
            int filled = buffered;
            while (filled < length) {
                if (filled == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
                }
                beforeBlockingRead.flush();
                int n = in.read(data, filled, data.length - filled);
                if (n < 0) {
                    throw Truncated.INSTANCE;
                }
                filled += n;
            }
        }
        require(2);
        if (buffer[pos] != '\r' || buffer[pos + 1] != '\n') {
            throw new Malformed("Protocol error: expected CRLF after a bulk string of " + length + " bytes");
        }
        pos += 2;
        return data;
    }

    /**
     * The offset from {@code pos} of the CR that ends the header line at {@code pos}, with its LF buffered and checked;
     * the line's content starts at offset {@code from}.
     */
    private int lineEnd(int from, String tooBig) throws IOException, Malformed, Truncated {
        int cr = indexFromPos('\r', from, tooBig);
        require(cr + 2);
        if (buffer[pos + cr + 1] != '\n') {
            throw new Malformed("Protocol error: expected CRLF after a '" + (char) buffer[pos] + "' header");
        }
        return cr;
    }

    /** The offset from {@code pos} of the first {@code target} at or after offset {@code from}, reading as needed. */
    private int indexFromPos(char target, int from, String tooBig) throws IOException, Malformed, Truncated {
        int scanned = from;
        while (true) {
            for (int i = pos + scanned; i < limit; i++) {
                if (buffer[i] == target) {
                    if (i - pos > limits.maxInlineLength()) {
                        throw new Malformed(tooBig);
                    }
                    return i - pos;
                }
            }
            scanned = Math.max(from, limit - pos);
            if (limit - pos > limits.maxInlineLength()) {
                throw new Malformed(tooBig);
            }
            if (!fill()) {
                throw Truncated.INSTANCE;
            }
        }
    }

    /** Makes sure {@code count} bytes are buffered, or fails: the stream ended in the middle of a request. */
    private void require(int count) throws IOException, Truncated {
        if (!ensure(count)) {
            throw Truncated.INSTANCE;
        }
    }

    /** Buffers at least {@code count} bytes (at most {@link #maxBuffer}); false if the stream ends first. */
    private boolean ensure(int count) throws IOException {
        while (limit - pos < count) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Reads once more into the buffer, compacting or growing it first; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= maxBuffer) {
                throw new IllegalStateException("request header longer than " + maxBuffer + " bytes got past the "
                        + "maxInlineLength check (" + limits.maxInlineLength() + ")");
            }
            buffer = Arrays.copyOf(buffer, Math.min(maxBuffer, 2 * buffer.length));
        }
        beforeBlockingRead.flush();
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** Bytes that are not RESP; the message is the reply. Stackless: it is an expected outcome, caught in read(). */
    private static final class Malformed extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The stream ended inside a request. */
    private static final class Truncated extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        static final Truncated INSTANCE = new Truncated();

        private Truncated() {
            super("end of stream inside a request", null, false, false);
        }
    }
}
