package dev.keel.kv;

import java.nio.ByteBuffer;

/**
 * The bookkeeping of one list, stored as the value of the list's own key: its elements are at positions
 * {@code [head, tail)} of the element key space ({@link ElementKey}).
 *
 * <pre>
 *   head i64 | tail i64     big-endian; head &lt;= tail
 * </pre>
 *
 * <p>Why a head record rather than one value holding the list: a push or a pop writes one small element record and a
 * 16-byte head in one atomic batch, whatever the list's length, where rewriting a whole-list value would make a
 * million pushes onto one key cost a quadratic number of bytes. Every position in {@code [head, tail)} was written by
 * a push of the list as it is now (a list is deleted when it becomes empty, and a new one starts at 0), so an element
 * left behind by an older list at the same key can never be read.
 *
 * <p>Immutable.
 */
record ListHead(long head, long tail) {

    static final int SIZE = 16;
    static final ListHead EMPTY = new ListHead(0, 0);

    ListHead {
        if (head > tail) {
            throw new IllegalArgumentException("head (" + head + ") must not be after tail (" + tail + ")");
        }
    }

    long length() {
        return tail - head;
    }

    boolean contains(long position) {
        return position >= head && position < tail;
    }

    byte[] encode() {
        return ByteBuffer.allocate(SIZE).putLong(head).putLong(tail).array();
    }

    /** Decodes a head read from the log for {@code key}; the bytes come from disk, so they are checked. */
    static ListHead decode(byte[] bytes, Key key) throws KvException {
        if (bytes.length != SIZE) {
            throw new KvException(
                    KvException.Code.CORRUPT_RECORD,
                    "list head of " + key + " has " + bytes.length + " bytes (expected " + SIZE + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long head = in.getLong();
        long tail = in.getLong();
        if (head > tail) {
            throw new KvException(
                    KvException.Code.CORRUPT_RECORD,
                    "list head of " + key + " has head " + head + " after tail " + tail);
        }
        return new ListHead(head, tail);
    }
}
