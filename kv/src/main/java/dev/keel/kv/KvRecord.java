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
 *      1    1 flags       bit 0: an expiry follows (PUT, COPY)
 *                         bit 1: the key is a list's head; the value is its bookkeeping ({@link ListHead})
 *                         bit 2: the key is a list element ({@link ElementKey}), in the element key space
 *                         at most one of bits 1 and 2; other bits 0; DELETE may carry bit 2 only
 *      2    4 keyLength   big-endian, 1 .. maxKeySize (element keys: .. maxKeySize + {@value ElementKey#OVERHEAD})
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
    int LIST_HEAD_FLAG = 2;
    int ELEMENT_FLAG = 4;
    int HEADER = 6;

    /** What a record's key names, and so which key space it lives in. */
    enum Kind {
        /** A user's key holding a string value. */
        VALUE(0),
        /** A user's key holding a list: the value is the list's {@link ListHead}. */
        LIST_HEAD(LIST_HEAD_FLAG),
        /** One element of a list, under an {@link ElementKey}: a key space users never see. */
        LIST_ELEMENT(ELEMENT_FLAG);

        final int flag;

        Kind(int flag) {
            this.flag = flag;
        }

        /** Whether the key lives in the user key space (the key directory), not the element space. */
        boolean userKey() {
            return this != LIST_ELEMENT;
        }
    }

    Key key();

    Kind kind();

    /** A key set to a value, expiring at {@code expiresAtMillis} (0: never). */
    record Put(Key key, byte[] value, long expiresAtMillis, Kind kind) implements KvRecord {}

    /** A key removed. */
    record Delete(Key key, Kind kind) implements KvRecord {}

    /** Compaction's copy of the value at {@code sourceLsn}; applies only if the key still points there. */
    record Copy(Key key, long sourceLsn, byte[] value, long expiresAtMillis, Kind kind) implements KvRecord {}

    static byte[] encodeCopy(Key key, long sourceLsn, byte[] value, long expiresAtMillis) {
        return encodeCopy(key, sourceLsn, value, expiresAtMillis, Kind.VALUE);
    }

    static byte[] encodeCopy(Key key, long sourceLsn, byte[] value, long expiresAtMillis, Kind kind) {
        int expiry = expiresAtMillis != 0 ? 8 : 0;
        ByteBuffer out = ByteBuffer.allocate(HEADER + key.length() + 8 + expiry + value.length);
        out.put((byte) COPY)
                .put((byte) ((expiry != 0 ? HAS_EXPIRY : 0) | kind.flag))
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
        return encodePut(key, value, expiresAtMillis, Kind.VALUE);
    }

    static byte[] encodePut(Key key, byte[] value, long expiresAtMillis, Kind kind) {
        // A plain array, not a ByteBuffer: one allocation per SET, not two (JFR of pipelined SETs: 3% in the buffer).
        int expiry = expiresAtMillis != 0 ? 8 : 0;
        int keyLength = key.length();
        byte[] out = new byte[HEADER + keyLength + expiry + value.length];
        out[0] = PUT;
        out[1] = (byte) ((expiry != 0 ? HAS_EXPIRY : 0) | kind.flag);
        putBigEndian(out, 2, keyLength, Integer.BYTES);
        System.arraycopy(key.unsafeBytes(), 0, out, HEADER, keyLength);
        if (expiry != 0) {
            putBigEndian(out, HEADER + keyLength, expiresAtMillis, Long.BYTES);
        }
        System.arraycopy(value, 0, out, HEADER + keyLength + expiry, value.length);
        return out;
    }

    /** Writes the low {@code bytes} bytes of {@code value} into {@code out} at {@code at}, most significant first. */
    private static void putBigEndian(byte[] out, int at, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out[at + i] = (byte) (value >>> (8 * (bytes - 1 - i)));
        }
    }

    static byte[] encodeDelete(Key key) {
        return encodeDelete(key, Kind.VALUE);
    }

    /** A DELETE of a user key ({@link Kind#VALUE}, whatever it holds) or of a list element. */
    static byte[] encodeDelete(Key key, Kind kind) {
        if (kind == Kind.LIST_HEAD) {
            throw new IllegalArgumentException("a DELETE names a user key as VALUE, not LIST_HEAD");
        }
        return ByteBuffer.allocate(HEADER + key.length())
                .put((byte) DELETE)
                .put((byte) kind.flag)
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
        int known = HAS_EXPIRY | LIST_HEAD_FLAG | ELEMENT_FLAG;
        boolean validFlags = (flags & ~known) == 0
                && (flags & (LIST_HEAD_FLAG | ELEMENT_FLAG)) != (LIST_HEAD_FLAG | ELEMENT_FLAG)
                && (type != DELETE || (flags & ~ELEMENT_FLAG) == 0);
        if (!validFlags) {
            throw corrupt(lsn, "invalid flags 0x" + Integer.toHexString(flags) + " for record type " + type);
        }
        Kind kind = (flags & LIST_HEAD_FLAG) != 0
                ? Kind.LIST_HEAD
                : (flags & ELEMENT_FLAG) != 0 ? Kind.LIST_ELEMENT : Kind.VALUE;
        int maxLength = kind == Kind.LIST_ELEMENT ? maxKeySize + ElementKey.OVERHEAD : maxKeySize;
        if (keyLength <= 0 || keyLength > maxLength || keyLength > bytes.length - HEADER) {
            throw corrupt(
                    lsn,
                    "key length " + keyLength + " (expected 1 .. min(" + maxLength + ", " + (bytes.length - HEADER)
                            + "))");
        }
        Key key = Key.wrap(Arrays.copyOfRange(bytes, HEADER, HEADER + keyLength));
        if (type == DELETE) {
            if (bytes.length != HEADER + keyLength) {
                throw corrupt(lsn, "DELETE record has " + (bytes.length - HEADER - keyLength) + " trailing bytes");
            }
            return new Delete(key, kind);
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
            return new Copy(key, sourceLsn, value, expiresAt, kind);
        }
        return new Put(key, value, expiresAt, kind);
    }

    private static KvException corrupt(long lsn, String problem) {
        return new KvException(
                KvException.Code.CORRUPT_RECORD,
                "log record at LSN " + lsn + " is not a valid key-value " + "record: " + problem);
    }
}
