package dev.keel.logs.store;

import dev.keel.logs.LogsException;
import java.nio.charset.StandardCharsets;

/**
 * A bounded reader over untrusted bytes (a block file, a log record): every read checks the bounds and a malformed
 * value fails with {@link LogsException.Code#CORRUPT} naming what was being read and where. Not thread-safe.
 */
final class ByteSource {

    private final byte[] bytes;
    private final int end;
    private final String what;
    private int position;

    ByteSource(byte[] bytes, int offset, int length, String what) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
        this.what = what;
    }

    int get() {
        need(1, "a byte");
        return bytes[position++] & 0xFF;
    }

    int getInt() {
        need(4, "an int");
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    long getLong() {
        need(8, "a long");
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    long getVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, "a varint");
            int b = bytes[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw corrupt("varint longer than 10 bytes at offset " + (position - 10));
    }

    /** A varint that must lie in {@code [0, max]}; {@code name} names it in the error. */
    int getCount(String name, int max) {
        long value = getVarLong();
        if (value < 0 || value > max) {
            throw corrupt(name + " " + value + " at offset " + position + " (expected: 0 to " + max + ")");
        }
        return (int) value;
    }

    long getZigZag() {
        long raw = getVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    String getString(int maxBytes) {
        int length = getCount("string length", maxBytes);
        need(length, "a string of " + length + " bytes");
        String text = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    /** Skips {@code count} bytes, which must be there. */
    void skip(int count) {
        need(count, count + " bytes");
        position += count;
    }

    void skipString(int maxBytes) {
        int length = getCount("string length", maxBytes);
        need(length, "a string of " + length + " bytes");
        position += length;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    LogsException corrupt(String detail) {
        return new LogsException(LogsException.Code.CORRUPT, what + ": " + detail);
    }

    private void need(int count, String reading) {
        if (count > end - position) {
            throw corrupt("truncated reading " + reading + " at offset " + position + " (" + (end - position)
                    + " bytes left)");
        }
    }
}
