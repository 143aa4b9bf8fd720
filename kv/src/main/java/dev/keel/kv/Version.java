package dev.keel.kv;

import org.jspecify.annotations.Nullable;

/**
 * One version of a key in the key directory: where its value lives in the log, or that it was deleted, with the
 * older versions that open snapshots still need.
 *
 * <p>How versions are kept, and why: the current view needs only the newest version of each key, but a snapshot taken
 * at LSN {@code S} must keep seeing the newest version below {@code S}. Each version links to the one before it only
 * while some open snapshot needs that one ({@link VersionChains}); otherwise the link is dropped at the next write, so
 * without snapshots every key costs one small object.
 *
 * <p>Immutable.
 */
sealed interface Version {

    /**
     * The key's bytes, shared with its {@link Key} and never modified. Why every version carries its key: the
     * {@link KeyIndex} holds versions in its slots and compares keys through them, so a lookup touches the slot, the
     * version and the key's bytes, not also a map node and a key object (see {@link KeyIndex}).
     */
    byte[] key();

    /**
     * The key's {@link Key#hashCode()}, kept here so that the {@link KeyIndex} compares it without a hash array of its
     * own: a probe then touches the slot and the version, one cache line fewer per lookup.
     */
    int keyHash();

    /** The key's length in bytes: with {@link #keyWord0()} and {@link #keyWord1()}, see {@link KeyWords}. */
    int keyLength();

    /** The key's bytes 0 to 7 ({@link KeyWords#word}). */
    long keyWord0();

    /** The key's bytes 8 to 15 ({@link KeyWords#word}). */
    long keyWord1();

    /**
     * Whether this is a version of {@code probe}, whose {@link KeyWords#word}s are {@code word0} and {@code word1}:
     * without reading {@link #key()} when the key is at most {@value KeyWords#PREFIX_BYTES} bytes.
     */
    default boolean hasKey(byte[] probe, long word0, long word1) {
        return KeyWords.matches(key(), keyLength(), keyWord0(), keyWord1(), probe, word0, word1);
    }

    /** The LSN of the log record that made this version. */
    long lsn();

    /** The version before this one, if a snapshot may still need it. */
    @Nullable
    Version previous();

    /** This version with a different link to its predecessor. */
    Version withPrevious(@Nullable Version previous);

    /**
     * A value in the log at {@code lsn}, {@code size} bytes long, expiring at {@code expiresAtMillis} (0: never).
     *
     * @param size the value's length, or {@link #LIST_HEAD} for a list's head (its value is bookkeeping, not user data;
     *     marking it here rather than in a field of its own keeps each key's object one field smaller: 80 bytes with
     *     the key's words, 64 before them)
     * @param recordSize the size of the whole log record (key, value, framing), counted as live bytes
     * @param packed a value of at most {@link #PACKED_LIMIT} bytes, its bytes in little-endian order, if {@code inline}
     *     is {@link #PACKED}; 0 otherwise
     * @param inline the value itself, if it is at most {@link #INLINE_LIMIT} bytes and was written (or moved by
     *     compaction) in this process, or {@link #PACKED} if it is in {@code packed}; null otherwise. Nobody may
     *     modify the array.
     */
    record Live(
            byte[] key,
            int keyHash,
            int keyLength,
            long keyWord0,
            long keyWord1,
            long lsn,
            int size,
            int recordSize,
            long expiresAtMillis,
            long packed,
            byte @Nullable [] inline,
            @Nullable Version previous)
            implements Version {

        /**
         * The longest value packed into the version's own {@code long} instead of an array of its own. Why: after
         * the key index found a version, reading a small value from an array is one more cache miss (JFR of
         * pipelined GETs over 100,000 keys, with the index's lookup at 17% of the samples: 26% on the line that read
         * the inline array). Counters, flags and short codes fit in 8 bytes, as in Redis's integer encoding.
         */
        static final int PACKED_LIMIT = Long.BYTES;

        /** The marker in {@code inline} for a value held in {@code packed}. Empty, so nothing can modify it. */
        static final byte[] PACKED = new byte[0];

        /** The {@code size} of a list's head. */
        static final int LIST_HEAD = -1;

        /**
         * The largest value kept in the key directory itself. Why keep any there: a read of a small value then costs
         * the one hash probe that finds its version, where the value cache costs a second probe (JFR of pipelined
         * GETs over 100,000 keys: the directory's probe 28% of the samples, the key comparisons 14%, the cache's probe
         * another 10%), and a small value costs less memory inline (its array, at most 48 bytes) than as a cache
         * entry. The bound keeps the promise that values live on disk: at most {@value} bytes of value per key are
         * in memory, like Aerospike's data-in-index for small values. A value recovered after a restart is not
         * inlined (checkpoints hold keys only); it is read through the value cache until it is next written.
         */
        static final int INLINE_LIMIT = 32;

        public Live {
            KeyWords.checkLength(key, keyLength);
            if (size < LIST_HEAD) {
                throw new IllegalArgumentException("size (" + size + ") must be >= 0, or LIST_HEAD");
            }
            if (inline == PACKED && (size > PACKED_LIMIT || size < 0)) {
                throw new IllegalArgumentException(
                        "a packed value must be 0 to " + PACKED_LIMIT + " bytes long, not " + size);
            }
            if (inline != null && inline != PACKED && inline.length != size) {
                throw new IllegalArgumentException(
                        "inline value of " + inline.length + " bytes for a value of " + size + " bytes");
            }
        }

        /**
         * A version of {@code key} whose value is held inline if {@code inline} is not null (packed, if it is short
         * enough). Nobody may modify {@code inline} afterwards.
         */
        Live(
                Key key,
                long lsn,
                int size,
                int recordSize,
                long expiresAtMillis,
                byte @Nullable [] inline,
                @Nullable Version previous) {
            this(
                    key.unsafeBytes(),
                    key.hashCode(),
                    key.length(),
                    KeyWords.word(key.unsafeBytes(), 0),
                    KeyWords.word(key.unsafeBytes(), 1),
                    lsn,
                    size,
                    recordSize,
                    expiresAtMillis,
                    inline != null && inline.length <= PACKED_LIMIT ? pack(inline) : 0,
                    inline != null && inline.length <= PACKED_LIMIT ? PACKED : inline,
                    previous);
        }

        /** A version of {@code key} whose value is not held inline. */
        Live(Key key, long lsn, int size, int recordSize, long expiresAtMillis, @Nullable Version previous) {
            this(key, lsn, size, recordSize, expiresAtMillis, null, previous);
        }

        /** Whether the value is held here, packed or in an array. */
        boolean isInline() {
            return inline != null;
        }

        /** A new array holding the value, if it is held here; null if it is not. */
        byte @Nullable [] copyOfInline() {
            if (inline == PACKED) {
                byte[] value = new byte[size];
                for (int i = 0; i < value.length; i++) {
                    value[i] = (byte) (packed >>> (8 * i));
                }
                return value;
            }
            return inline == null ? null : inline.clone();
        }

        /** The same value and expiry, moved to the record at {@code newLsn} of {@code newRecordSize} bytes. */
        Live movedTo(long newLsn, int newRecordSize) {
            return new Live(
                    key,
                    keyHash,
                    keyLength,
                    keyWord0,
                    keyWord1,
                    newLsn,
                    size,
                    newRecordSize,
                    expiresAtMillis,
                    packed,
                    inline,
                    null);
        }

        private static long pack(byte[] value) {
            long packed = 0;
            for (int i = 0; i < value.length; i++) {
                packed |= (value[i] & 0xFFL) << (8 * i);
            }
            return packed;
        }

        boolean isListHead() {
            return size == LIST_HEAD;
        }

        boolean isExpiredAt(long nowMillis) {
            return expiresAtMillis != 0 && nowMillis >= expiresAtMillis;
        }

        @Override
        public Version withPrevious(@Nullable Version previous) {
            return new Live(
                    key,
                    keyHash,
                    keyLength,
                    keyWord0,
                    keyWord1,
                    lsn,
                    size,
                    recordSize,
                    expiresAtMillis,
                    packed,
                    inline,
                    previous);
        }
    }

    /** The key was deleted at {@code lsn}; kept only as the head of a chain a snapshot still needs. */
    record Deleted(
            byte[] key,
            int keyHash,
            int keyLength,
            long keyWord0,
            long keyWord1,
            long lsn,
            @Nullable Version previous) implements Version {

        public Deleted {
            KeyWords.checkLength(key, keyLength);
        }

        /** {@code key} deleted at {@code lsn}. */
        Deleted(Key key, long lsn, @Nullable Version previous) {
            this(
                    key.unsafeBytes(),
                    key.hashCode(),
                    key.length(),
                    KeyWords.word(key.unsafeBytes(), 0),
                    KeyWords.word(key.unsafeBytes(), 1),
                    lsn,
                    previous);
        }

        @Override
        public Version withPrevious(@Nullable Version previous) {
            return new Deleted(key, keyHash, keyLength, keyWord0, keyWord1, lsn, previous);
        }
    }

    /** The newest version visible to a snapshot at {@code snapshotLsn}: the first one below it. */
    static @Nullable Version visibleAt(@Nullable Version newest, long snapshotLsn) {
        Version version = newest;
        while (version != null && version.lsn() >= snapshotLsn) {
            version = version.previous();
        }
        return version;
    }
}
