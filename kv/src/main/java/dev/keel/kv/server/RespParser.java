package dev.keel.kv.server;

import java.io.IOException;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Parses RESP2 requests out of the bytes a client sends, as they arrive, treating every byte as untrusted.
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
 * <p>How it is designed, and why: an event loop must never block on one client, so the parser is a state machine fed
 * by non-blocking reads, as Redis's is (its client struct's {@code multibulklen} and {@code bulklen}): {@link
 * #readFrom} reads what the socket has, and {@link #next()} returns each complete request, or null when it needs more
 * bytes, keeping a half-received request's progress (the arguments so far, the bulk being filled, how far a header
 * line was searched) for the next call. It owns a 16 KiB buffer that one {@code read} fills with as many pipelined
 * requests as have arrived (Redis reads 16 KiB per {@code read} too), and parses requests out of it without further
 * system calls. Nothing is allocated on a length's say-so: the buffer grows only to {@code maxInlineLength} for a long
 * header line, and a bulk string that has not fully arrived gets an array of at most 64 KiB (or what is buffered)
 * that doubles as its bytes arrive, so a 30-byte request announcing 512 MiB costs 64 KiB, not 512 MiB. Such a bulk is
 * read straight into its array, not through the buffer. A header line trickling in byte by byte is searched once, not
 * once per byte. Rejected: trusting a bulk's trailing CRLF as Redis does (it skips two bytes unread); checking them
 * catches a client that miscounts a length instead of misreading everything after it.
 *
 * <p>After a {@link Frame.ProtocolError} the parser's state is undefined: the connection answers it and closes.
 *
 * <p>Not thread-safe: one parser per connection, used by the thread that owns the connection.
 */
final class RespParser {

    static final int BUFFER_SIZE = 16 << 10;
    private static final int FIRST_BULK_CHUNK = 64 << 10;
    /** Fewer missing bytes than this, and a bulk is read through the buffer (one read may bring what follows too). */
    private static final int DIRECT_READ = 4 << 10;
    /** Longer first words are not remembered as {@link #lastName}: no command's name is this long. */
    private static final int MAX_REMEMBERED_NAME = 32;

    private final KvServerOptions limits;
    private final int maxBuffer;
    private byte[] buffer = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    /** How far past {@link #pos} the current line was searched for its end, without finding it. */
    private int scanned;

    // The request being parsed: how many arguments are still to come (0 between requests), and those read so far.
    private long argumentsLeft;
    /**
     * The current request's arguments so far, in a scratch array reused across requests: a finished request becomes
     * one immutable list ({@link #finishRequest}), where an {@code ArrayList} per request copied into the request's
     * immutable list cost two allocations and a copy more.
     */
    private byte[][] args = new byte[16][];

    private int argCount;
    /**
     * The last request's command name, handed out again when the next request names the same command: a pipeline of
     * GETs or SETs then costs no array for its names. Safe because nothing writes to a request's arrays.
     */
    private byte[] lastName = new byte[0];

    private long requestBytes;
    // The bulk string being parsed: its length (-1 before its header is read), and once it has started arriving
    // (more of it was announced than was buffered) its array and how much of that is filled.
    private int bulkLength = -1;
    private byte @Nullable [] bulk;
    private int bulkFilled;

    /** A parser bounded by {@code limits}. */
    RespParser(KvServerOptions limits) {
        this.limits = limits;
        this.maxBuffer = Math.max(BUFFER_SIZE, limits.maxInlineLength() + 2);
    }

    /**
     * Reads once from {@code channel}: into the buffer, or straight into the bulk string being received. Call
     * {@link #next()} until it returns null before reading again.
     *
     * @return the number of bytes read, possibly 0 (a non-blocking channel with nothing to read); -1 at the end of
     *     the stream
     */
    int readFrom(ReadableByteChannel channel) throws IOException {
        byte[] filling = bulk;
        if (filling != null && pos == limit && bulkLength - bulkFilled >= DIRECT_READ) {
            if (bulkFilled == filling.length) {
                filling = growBulk(bulkFilled + 1);
            }
            int n = channel.read(ByteBuffer.wrap(filling, bulkFilled, filling.length - bulkFilled));
            if (n > 0) {
                bulkFilled += n;
            }
            return n;
        }
        makeRoom();
        int n = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    /** Whether bytes were read that are not part of a request returned yet (a request may have half arrived). */
    boolean hasPendingInput() {
        return pos < limit || argumentsLeft > 0;
    }

    /**
     * The next complete request or a protocol error; null if the bytes read so far end before the next request does.
     * Blank inline lines and empty multibulks ({@code *0}, {@code *-1}) are skipped without a frame, as Redis does.
     */
    @Nullable
    Frame next() {
        try {
            while (true) {
                if (argumentsLeft == 0) {
                    if (pos == limit) {
                        return null;
                    }
                    if (buffer[pos] != '*') {
                        List<byte[]> inline = readInline();
                        if (inline == null) {
                            return null;
                        }
                        if (!inline.isEmpty()) {
                            return new Frame.Request(inline);
                        }
                        continue;
                    }
                    if (!startMultibulk()) {
                        return null;
                    }
                    if (argumentsLeft == 0) {
                        continue;
                    }
                }
                if (!readArguments()) {
                    return null;
                }
                return new Frame.Request(finishRequest());
            }
        } catch (Malformed e) {
            return new Frame.ProtocolError(e.getMessage());
        }
    }

    /**
     * The arguments read as one immutable list, the scratch array cleared. {@code List.of} with two or three elements
     * (GET, SET) wraps them without a copy, and {@link Frame.Request} keeps an immutable list as it is.
     */
    private List<byte[]> finishRequest() {
        List<byte[]> request = switch (argCount) {
            case 1 -> List.of(args[0]);
            case 2 -> List.of(args[0], args[1]);
            case 3 -> List.of(args[0], args[1], args[2]);
            default -> List.of(Arrays.copyOf(args, argCount));
        };
        Arrays.fill(args, 0, argCount, null); // drop the references: a big value must not outlive its request
        if (args.length > 16) {
            args = new byte[16][]; // one huge MSET does not keep a huge array
        }
        argCount = 0;
        return request;
    }

    /** Reads a {@code *} header; false if it has not fully arrived. Sets {@link #argumentsLeft} (0: skip it). */
    private boolean startMultibulk() throws Malformed {
        int end = lineEnd("Protocol error: too big mbulk count string");
        if (end < 0) {
            return false;
        }
        OptionalLong count = Decimal.parse(buffer, pos + 1, pos + end);
        if (count.isEmpty() || count.getAsLong() > limits.maxMultibulkLength()) {
            throw new Malformed("Protocol error: invalid multibulk length");
        }
        consume(end + 2);
        long arguments = count.getAsLong();
        if (arguments > 0) {
            argumentsLeft = arguments;
            argCount = 0;
            requestBytes = 0;
        }
        return true;
    }

    /** Reads the current request's remaining arguments; false if they have not all arrived. */
    private boolean readArguments() throws Malformed {
        while (argumentsLeft > 0) {
            if (bulkLength < 0 && !readBulkHeader()) {
                return false;
            }
            byte[] data = readBulk();
            if (data == null) {
                return false;
            }
            if (argCount == args.length) {
                args = Arrays.copyOf(args, args.length * 2);
            }
            args[argCount++] = data;
            argumentsLeft--;
        }
        return true;
    }

    private boolean readBulkHeader() throws Malformed {
        // Like Redis, find the header's end before judging its first byte.
        int end = lineEnd("Protocol error: too big bulk count string");
        if (end < 0) {
            return false;
        }
        if (buffer[pos] != '$') {
            throw new Malformed("Protocol error: expected '$', got '" + (char) (buffer[pos] & 0xFF) + "'");
        }
        OptionalLong length = Decimal.parse(buffer, pos + 1, pos + end);
        if (length.isEmpty() || length.getAsLong() < 0 || length.getAsLong() > limits.maxBulkLength()) {
            throw new Malformed("Protocol error: invalid bulk length");
        }
        consume(end + 2);
        requestBytes += length.getAsLong();
        if (requestBytes > limits.maxRequestBytes()) {
            throw new Malformed(
                    "Protocol error: request of more than " + limits.maxRequestBytes() + " bytes (maxRequestBytes)");
        }
        bulkLength = (int) length.getAsLong();
        return true;
    }

    /** The current bulk string's bytes, its CRLF consumed; null if it has not fully arrived. */
    private byte @Nullable [] readBulk() throws Malformed {
        int length = bulkLength;
        int buffered = limit - pos;
        if (bulk == null) {
            if (buffered >= length + 2L) {
                requireCrlf(pos + length, length);
                byte[] data = argCount == 0 ? commandName(length) : Arrays.copyOfRange(buffer, pos, pos + length);
                consume(length + 2);
                bulkLength = -1;
                return data;
            }
            bulk = new byte[Math.min(length, Math.max(FIRST_BULK_CHUNK, buffered))];
            bulkFilled = 0;
        }
        int take = Math.min(buffered, length - bulkFilled);
        if (take > 0) {
            byte[] data = bulkFilled + take > bulk.length ? growBulk(bulkFilled + take) : bulk;
            System.arraycopy(buffer, pos, data, bulkFilled, take);
            bulkFilled += take;
            consume(take);
        }
        if (bulkFilled < length || limit - pos < 2) {
            return null;
        }
        requireCrlf(pos, length);
        consume(2);
        byte[] data = bulk;
        bulk = null;
        bulkFilled = 0;
        bulkLength = -1;
        return data;
    }

    /** The command name of {@code length} bytes at {@link #pos}: the last one's array if the bytes are the same. */
    private byte[] commandName(int length) {
        byte[] name = lastName;
        if (length == name.length && Arrays.equals(buffer, pos, pos + length, name, 0, length)) {
            return name;
        }
        name = Arrays.copyOfRange(buffer, pos, pos + length);
        if (length <= MAX_REMEMBERED_NAME) {
            lastName = name;
        }
        return name;
    }

    /** Grows the bulk being received, doubling it up to its announced length, to hold at least {@code needed}. */
    private byte[] growBulk(int needed) {
        byte[] data = bulk;
        int size = data.length;
        while (size < needed) {
            size = (int) Math.min(bulkLength, Math.max(1L, 2L * size));
        }
        bulk = Arrays.copyOf(data, size);
        return bulk;
    }

    private void requireCrlf(int at, int length) throws Malformed {
        if (buffer[at] != '\r' || buffer[at + 1] != '\n') {
            throw new Malformed("Protocol error: expected CRLF after a bulk string of " + length + " bytes");
        }
    }

    private @Nullable List<byte[]> readInline() throws Malformed {
        int newline = find('\n', 0, "Protocol error: too big inline request");
        if (newline < 0) {
            return null;
        }
        int end = newline > 0 && buffer[pos + newline - 1] == '\r' ? newline - 1 : newline;
        List<byte[]> words = InlineArguments.split(buffer, pos, pos + end);
        consume(newline + 1);
        if (words == null) {
            throw new Malformed("Protocol error: unbalanced quotes in request");
        }
        return words;
    }

    /**
     * The offset from {@code pos} of the CR that ends the header line at {@code pos}, its LF buffered and checked; -1
     * if the line has not fully arrived. The line's content starts at offset 1.
     */
    private int lineEnd(String tooBig) throws Malformed {
        int cr = find('\r', 1, tooBig);
        if (cr < 0 || limit - pos < cr + 2) {
            return -1;
        }
        if (buffer[pos + cr + 1] != '\n') {
            throw new Malformed("Protocol error: expected CRLF after a '" + (char) buffer[pos] + "' header");
        }
        return cr;
    }

    /**
     * The offset from {@code pos} of the first {@code target} at or after offset {@code from}, or -1 if it has not
     * arrived yet; fails if the line is longer than {@code maxInlineLength}.
     */
    private int find(char target, int from, String tooBig) throws Malformed {
        for (int i = pos + Math.max(from, scanned); i < limit; i++) {
            if (buffer[i] == target) {
                if (i - pos > limits.maxInlineLength()) {
                    throw new Malformed(tooBig);
                }
                return i - pos;
            }
        }
        if (limit - pos > limits.maxInlineLength()) {
            throw new Malformed(tooBig);
        }
        scanned = Math.max(from, limit - pos);
        return -1;
    }

    private void consume(int count) {
        pos += count;
        scanned = 0;
    }

    /** Compacts the buffer, or grows it if it is full of one unfinished line. */
    private void makeRoom() {
        if (pos == limit) {
            pos = 0;
            limit = 0;
        } else if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= maxBuffer) {
                throw new IllegalStateException("request header longer than " + maxBuffer + " bytes got past the "
                        + "maxInlineLength check (" + limits.maxInlineLength() + "), or readFrom was called with "
                        + "requests still unparsed");
            }
            buffer = Arrays.copyOf(buffer, Math.min(maxBuffer, 2 * buffer.length));
        }
    }

    /** Bytes that are not RESP; the message is the reply. Stackless: it is an expected outcome, caught in next(). */
    private static final class Malformed extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
