package dev.keel.kv.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * A connection's replies that are not yet on the socket: the {@link RespWriter} appends them, the event loop writes
 * them with one {@code write} after each batch of requests, and keeps what the socket did not take for when it is
 * writable again. The buffer grows as needed (the connection stops reading requests while more than
 * {@link Connection#OUTPUT_LIMIT} bytes wait, so it grows past that only by one large reply), and returns to its first
 * size once a large backlog has drained.
 *
 * <p>Not thread-safe: confined to the connection's event loop.
 */
final class ReplyBuffer extends OutputStream {

    private static final int INITIAL_SIZE = 16 << 10;
    /** A buffer grown beyond this is dropped once empty, so an idle connection does not keep a large reply's array. */
    private static final int KEPT_SIZE = 1 << 20;

    private byte[] bytes = new byte[INITIAL_SIZE];
    private int start;
    private int end;

    @Override
    public void write(int b) {
        reserve(1);
        bytes[end++] = (byte) b;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        reserve(length);
        System.arraycopy(data, offset, bytes, end, length);
        end += length;
    }

    /** How many bytes wait to be sent. */
    int pending() {
        return end - start;
    }

    /** Writes as much as {@code channel} takes now; true if nothing is left to send. */
    boolean writeTo(WritableByteChannel channel) throws IOException {
        while (start < end) {
            int n = channel.write(ByteBuffer.wrap(bytes, start, end - start));
            if (n == 0) {
                return false;
            }
            start += n;
        }
        start = 0;
        end = 0;
        if (bytes.length > KEPT_SIZE) {
            bytes = new byte[INITIAL_SIZE];
        }
        return true;
    }

    private void reserve(int count) {
        if (bytes.length - end >= count) {
            return;
        }
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, end - start);
            end -= start;
            start = 0;
            if (bytes.length - end >= count) {
                return;
            }
        }
        long size = Math.max(2L * bytes.length, (long) end + count);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("replies of " + size + " bytes waiting for one client exceed an array");
        }
        bytes = Arrays.copyOf(bytes, (int) size);
    }
}
