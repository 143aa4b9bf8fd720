package dev.keel.kv;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The key of one list element, in the element key space (never seen by users, never scanned with their keys).
 *
 * <pre>
 *   listKeyLength u32 | listKey | position u64 (big-endian, sign bit flipped so that it sorts as a signed number)
 * </pre>
 *
 * <p>Why this shape: the length prefix makes the encoding injective and keeps every element of one list contiguous
 * in the sorted element directory, ordered by position, so a whole list is one range (to read or to drop) and a
 * position is one lookup. Positions run from the list's head to its tail; LPUSH takes the one before the head, RPUSH
 * the one after the tail, so neither end ever moves another element.
 *
 * <p>Immutable (static helpers only).
 */
final class ElementKey {

    /** Bytes an element key adds to its list's key: the length prefix and the position. */
    static final int OVERHEAD = 12;

    private ElementKey() {}

    /** The key of the element at {@code position} of the list {@code list}. */
    static Key of(Key list, long position) {
        byte[] key = list.unsafeBytes();
        return Key.wrap(ByteBuffer.allocate(key.length + OVERHEAD)
                .putInt(key.length)
                .put(key)
                .putLong(position ^ Long.MIN_VALUE)
                .array());
    }

    /** The list an element key belongs to ({@code element} must be well-formed: see {@link #isWellFormed}). */
    static Key listOf(Key element) {
        byte[] bytes = element.unsafeBytes();
        return Key.wrap(Arrays.copyOfRange(bytes, 4, bytes.length - 8));
    }

    /** The position of an element key within its list. */
    static long positionOf(Key element) {
        byte[] bytes = element.unsafeBytes();
        return ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() ^ Long.MIN_VALUE;
    }

    /** Whether {@code bytes} have the shape of an element key: a length prefix that agrees with the total. */
    static boolean isWellFormed(byte[] bytes) {
        return bytes.length > OVERHEAD && ByteBuffer.wrap(bytes).getInt() == bytes.length - OVERHEAD;
    }
}
