package dev.keel.kv;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A change to the store as written in the log: the payload of one write-ahead log record (the log frames it with a
 * length and a CRC32C).
 *
 * <pre>
 * offset size field
 *      0    1 type        1 PUT, 2 DELETE, 3 COPY
 *      1    1 flags       bit 0: an expiry follows; other bits 0
 *      2    4 keyLength   big-endian, 1 .. maxKeySize
 *      6    n key
 *    6+n    8 sourceLsn   COPY only: the LSN of the record whose value this copies
 *      .    8 expiresAt   epoch milliseconds, if flag 0 is set
 *      .    . value       PUT and COPY: the rest of the record
 * </pre>
 *
 * <p>A COPY is written by compaction, without the key's lock: at replay it takes effect only if the key still points
 * at {@code sourceLsn}, so a user's write that landed between compaction's read and its append is never undone.
 *
 * <p>Immutable.
 */
sealed interface KvRecord {

    int PUT = 1;
    int DELETE = 2;
    int COPY = 3;
    int HAS_EXPIRY = 1;
    int HEADER = 6;

    Key key();

    /** A key set to a value, expiring at {@code expiresAtMillis} (0: never). */
    record Put(Key key, byte[] value, long expiresAtMillis) implements KvRecord {}

    /** A key removed. */
    record Delete(Key key) implements KvRecord {}

    /** Compaction's copy of the value at {@code sourceLsn}; applies only if the key still points there. */
    record Copy(Key key, long sourceLsn, byte[] value, long expiresAtMillis) implements KvRecord {}

    static byte[] encodeCopy(Key key, long sourceLsn, byte[] value, long expiresAtMillis) {
        int expiry = expiresAtMillis != 0 ? 8 : 0;
        ByteBuffer out = ByteBuffer.allocate(HEADER + key.length() + 8 + expiry + value.length);
        out.put((byte) COPY)
                .put((byte) (expiry != 0 ? HAS_EXPIRY : 0))
                .putInt(key.length())
                .put(key.unsafeBytes());
        out.putLong(sourceLsn);
        if (expiry != 0) {
            out.putLong(expiresAtMillis);
        }
        return out.put(value).array();
    }

    /** The record's bytes. */
    static byte[] encodePut(Key key, byte[] value, long expiresAtMillis) {
        int expiry = expiresAtMillis != 0 ? 8 : 0;
        ByteBuffer out = ByteBuffer.allocate(HEADER + key.length() + expiry + value.length);
        out.put((byte) PUT)
                .put((byte) (expiry != 0 ? HAS_EXPIRY : 0))
                .putInt(key.length())
                .put(key.unsafeBytes());
        if (expiry != 0) {
            out.putLong(expiresAtMillis);
        }
        return out.put(value).array();
    }

    static byte[] encodeDelete(Key key) {
        return ByteBuffer.allocate(HEADER + key.length())
                .put((byte) DELETE)
                .put((byte) 0)
                .putInt(key.length())
                .put(key.unsafeBytes())
                .array();
    }

    /** The offset of the value in an encoded PUT, given its key length and flags. */
    static int valueOffset(int keyLength, boolean hasExpiry) {
        return HEADER + keyLength + (hasExpiry ? 8 : 0);
    }

    /**
     * Decodes a record read from the log; every field is checked, since the bytes come from disk.
     *
     * @throws KvException with {@link KvException.Code#CORRUPT_RECORD} naming the LSN and what is wrong
     */
    static KvRecord decode(byte[] bytes, long lsn, int maxKeySize) throws KvException {
        if (bytes.length < HEADER) {
            throw corrupt(lsn, "record of " + bytes.length + " bytes is shorter than its " + HEADER + "-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int type = in.get() & 0xFF;
        int flags = in.get() & 0xFF;
        int keyLength = in.getInt();
        if (type != PUT && type != DELETE && type != COPY) {
            throw corrupt(lsn, "unknown record type " + type + " (expected 1 PUT, 2 DELETE or 3 COPY)");
        }
        if ((flags & ~HAS_EXPIRY) != 0 || (type == DELETE && flags != 0)) {
            throw corrupt(lsn, "invalid flags 0x" + Integer.toHexString(flags) + " for record type " + type);
        }
        if (keyLength <= 0 || keyLength > maxKeySize || keyLength > bytes.length - HEADER) {
            throw corrupt(
                    lsn,
                    "key length " + keyLength + " (expected 1 .. min(" + maxKeySize + ", " + (bytes.length - HEADER)
                            + "))");
        }
        Key key = Key.wrap(Arrays.copyOfRange(bytes, HEADER, HEADER + keyLength));
        if (type == DELETE) {
            if (bytes.length != HEADER + keyLength) {
                throw corrupt(lsn, "DELETE record has " + (bytes.length - HEADER - keyLength) + " trailing bytes");
            }
            return new Delete(key);
        }
        boolean hasExpiry = (flags & HAS_EXPIRY) != 0;
        int source = type == COPY ? 8 : 0;
        int valueOffset = valueOffset(keyLength, hasExpiry) + source;
        if (valueOffset > bytes.length) {
            throw corrupt(lsn, (type == COPY ? "COPY" : "PUT") + " record ends inside its header fields");
        }
        long expiresAt = hasExpiry ? in.getLong(HEADER + keyLength + source) : 0;
        if (hasExpiry && expiresAt <= 0) {
            throw corrupt(lsn, "expiry " + expiresAt + " (expected a positive epoch millisecond)");
        }
        byte[] value = Arrays.copyOfRange(bytes, valueOffset, bytes.length);
        if (type == COPY) {
            long sourceLsn = in.getLong(HEADER + keyLength);
            if (sourceLsn < 0 || sourceLsn >= lsn) {
                throw corrupt(lsn, "COPY of LSN " + sourceLsn + " (expected an earlier record)");
            }
            return new Copy(key, sourceLsn, value, expiresAt);
        }
        return new Put(key, value, expiresAt);
    }

    private static KvException corrupt(long lsn, String problem) {
        return new KvException(
                KvException.Code.CORRUPT_RECORD,
                "log record at LSN " + lsn + " is not a valid key-value " + "record: " + problem);
    }
}
