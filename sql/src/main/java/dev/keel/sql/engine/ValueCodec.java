package dev.keel.sql.engine;

import dev.keel.sql.value.Blob;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * SQL values on disk, shared by the commit log's records and the checkpoint file.
 *
 * <p>Schema (big-endian): a tag byte, then 0=NULL (nothing), 1=INTEGER (8-byte long), 2=REAL (8-byte IEEE 754 bits),
 * 3=TEXT (4-byte length + UTF-8), 4=BLOB (4-byte length + bytes). Lengths are checked against a limit the caller
 * knows (the record's or the file's size), so a damaged length fails with a message instead of a huge allocation.
 *
 * <p>Stateless and thread-safe.
 */
final class ValueCodec {

    private ValueCodec() {}

    static void write(DataOutput out, @Nullable Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(0);
            case Long l -> {
                out.writeByte(1);
                out.writeLong(l);
            }
            case Double d -> {
                out.writeByte(2);
                out.writeLong(Double.doubleToRawLongBits(d));
            }
            case String s -> {
                out.writeByte(3);
                writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
            }
            case Blob b -> {
                out.writeByte(4);
                writeBytes(out, b.bytes());
            }
            default ->
                throw new IllegalArgumentException(
                        "not a SQL value: " + value.getClass().getName());
        }
    }

    /** Reads one value; {@code where} names the record or file in error messages. */
    static @Nullable Object read(DataInput in, long limit, String where) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.readLong();
            case 2 -> Double.longBitsToDouble(in.readLong());
            case 3 -> new String(readBytes(in, limit, where, "text length"), StandardCharsets.UTF_8);
            case 4 -> new Blob(readBytes(in, limit, where, "blob length"));
            default -> throw new IOException(where + ": value tag " + tag + " (expected 0 to 4)");
        };
    }

    static void writeText(DataOutput out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static String readText(DataInput in, long limit, String where, String what) throws IOException {
        return new String(readBytes(in, limit, where, what), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInput in, long limit, String where, String what) throws IOException {
        byte[] bytes = new byte[bounded(in.readInt(), limit, where, what)];
        in.readFully(bytes);
        return bytes;
    }

    /** {@code value} if it is a count or length in [0, limit]; otherwise the damage, named. */
    static int bounded(int value, long limit, String where, String what) throws IOException {
        if (value < 0 || value > limit) {
            throw new IOException(where + ": " + what + " " + value + " (expected 0 to " + limit + ")");
        }
        return value;
    }
}
