package dev.keel.bank;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Big-endian integers and {@code u16}-length-prefixed UTF-8 strings written straight into one reusable byte array: the
 * encoder under the log records ({@link LedgerLog}) and the snapshot ({@link LedgerSnapshot}), in the format
 * {@link EventCodec} describes.
 *
 * <p>How it is designed, and why: a snapshot of a million transfers writes about ten million strings (ids, account
 * names, references). Through {@code DataOutputStream} each one was first copied into a new array by
 * {@code String.getBytes} and then copied again, and a JFR profile of the snapshot stall had that allocation and copy
 * on top. Here an ASCII string (every id, since ids are {@code [A-Za-z0-9_.:-]}, and almost every reference) is
 * written char by char into the buffer with no allocation; only a string with a non-ASCII char takes the
 * {@code getBytes} path. With a sink the buffer is flushed to it when full (and the running CRC32C updated over the
 * flushed bytes, so a checksum costs no extra pass or stream layer); without one it grows, for a log record that is
 * then copied out once ({@link #toByteArray}).
 *
 * <p>Not thread-safe: one writer per encoding thread.
 */
final class BinaryWriter {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int MAX_STRING_BYTES = 0xFFFF;

    private final @Nullable OutputStream sink;
    private final @Nullable CRC32C crc;
    private byte[] buffer;
    private int position;

    private BinaryWriter(@Nullable OutputStream sink, @Nullable CRC32C crc, int capacity) {
        this.sink = sink;
        this.crc = crc;
        this.buffer = new byte[capacity];
    }

    /** A writer that grows in memory, starting at {@code capacity} bytes. */
    static BinaryWriter inMemory(int capacity) {
        return new BinaryWriter(null, null, Math.max(capacity, 16));
    }

    /** A writer that flushes to {@code sink} every {@code capacity} bytes, updating {@code crc} over what it flushes. */
    static BinaryWriter to(OutputStream sink, CRC32C crc, int capacity) {
        // Room for the largest string at once, so that writeString never needs to split one.
        return new BinaryWriter(sink, crc, Math.max(capacity, MAX_STRING_BYTES + 2 + 8));
    }

    void writeByte(int value) throws IOException {
        ensure(1);
        buffer[position++] = (byte) value;
    }

    void writeShort(int value) throws IOException {
        ensure(2);
        putShort(position, value);
        position += 2;
    }

    /** Two plain stores: a JFR profile of the snapshot put a short VarHandle's bounds check at a quarter of the time. */
    private void putShort(int at, int value) {
        buffer[at] = (byte) (value >>> 8);
        buffer[at + 1] = (byte) value;
    }

    void writeInt(int value) throws IOException {
        ensure(4);
        INT.set(buffer, position, value);
        position += 4;
    }

    void writeLong(long value) throws IOException {
        ensure(8);
        LONG.set(buffer, position, value);
        position += 8;
    }

    void write(byte[] bytes) throws IOException {
        int offset = 0;
        while (offset < bytes.length) {
            ensure(1);
            int n = Math.min(bytes.length - offset, buffer.length - position);
            System.arraycopy(bytes, offset, buffer, position, n);
            position += n;
            offset += n;
        }
    }

    /**
     * Writes {@code value} as {@code u16 length | UTF-8 bytes}; {@link IllegalArgumentException} if it needs more than
     * 65,535 bytes.
     */
    void writeString(String value) throws IOException {
        int length = value.length();
        if (length <= MAX_STRING_BYTES) {
            ensure(2 + length);
            int start = position + 2;
            int i = 0;
            while (i < length) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                buffer[start + i] = (byte) c;
                i++;
            }
            if (i == length) {
                putShort(position, length);
                position = start + length;
                return;
            }
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8); // not ASCII: the rare path
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(
                    "string of " + bytes.length + " bytes is too long (at most " + MAX_STRING_BYTES + ")");
        }
        writeShort(bytes.length);
        write(bytes);
    }

    /** Makes room for {@code bytes} more: flushes to the sink, or grows. */
    private void ensure(int bytes) throws IOException {
        if (buffer.length - position >= bytes) {
            return;
        }
        if (sink != null) {
            flush();
            if (buffer.length >= bytes) {
                return;
            }
        }
        long wanted = Math.max(2L * buffer.length, (long) position + bytes);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("encoding buffer would exceed 2 GiB (" + wanted + " bytes)");
        }
        buffer = Arrays.copyOf(buffer, (int) wanted);
    }

    /** Hands the buffered bytes to the sink (and the checksum). Does nothing without a sink. */
    void flush() throws IOException {
        if (sink == null || position == 0) {
            return;
        }
        if (crc != null) {
            crc.update(buffer, 0, position);
        }
        sink.write(buffer, 0, position);
        position = 0;
    }

    /** The bytes written so far, copied (in-memory writers). */
    byte[] toByteArray() {
        if (sink != null) {
            throw new IllegalStateException("a writer with a sink does not keep its bytes");
        }
        return Arrays.copyOf(buffer, position);
    }
}
