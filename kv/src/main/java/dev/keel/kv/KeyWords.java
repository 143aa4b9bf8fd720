package dev.keel.kv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A key's first {@value #PREFIX_BYTES} bytes as two {@code long}s, which every {@link Version} carries beside its key's
 * length, so that the {@link KeyIndex} tells whether a version is the key it looks for without reading the key's
 * array: for a key of at most {@value #PREFIX_BYTES} bytes the words and the length are the whole key.
 *
 * <p>Why: a probe of the index touched the slot, the version and the key's bytes, each a likely cache miss once the
 * directory outgrows the caches (JFR of pipelined GETs and SETs over 100,000 16-byte keys: 74% and 49% of the event
 * loops' Java samples in the index, on the loads of the version and the key). Redis's {@code dict} pays the same three
 * (bucket, entry, key string); this pays two for keys up to 16 bytes, at 16 bytes more per version (80 bytes instead
 * of 64 with compressed references).
 *
 * <p>Stateless.
 */
final class KeyWords {

    /** How many leading bytes of a key the two words hold. */
    static final int PREFIX_BYTES = 2 * Long.BYTES;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private KeyWords() {}

    /** Fails unless {@code length} is {@code key}'s length: a version's fields must agree. */
    static void checkLength(byte[] key, int length) {
        if (length != key.length) {
            throw new IllegalArgumentException("keyLength " + length + " for a key of " + key.length + " bytes");
        }
    }

    /** Bytes {@code [8 * index, 8 * index + 8)} of {@code key} as a little-endian {@code long}, zero past the end. */
    static long word(byte[] key, int index) {
        int from = index * Long.BYTES;
        if (key.length >= from + Long.BYTES) {
            return (long) LONGS.get(key, from);
        }
        long word = 0;
        for (int i = from; i < key.length; i++) {
            word |= (key[i] & 0xFFL) << (8 * (i - from));
        }
        return word;
    }

    /**
     * Whether {@code probe}, whose words are {@code probeWord0} and {@code probeWord1}, is the key of {@code length}
     * bytes whose words are {@code word0} and {@code word1} and whose bytes are {@code key}; {@code key} is read only
     * if both are longer than {@value #PREFIX_BYTES} bytes and their prefixes match.
     */
    static boolean matches(
            byte[] key, int length, long word0, long word1, byte[] probe, long probeWord0, long probeWord1) {
        return length == probe.length
                && word0 == probeWord0
                && word1 == probeWord1
                && (length <= PREFIX_BYTES || Arrays.equals(key, PREFIX_BYTES, length, probe, PREFIX_BYTES, length));
    }
}
