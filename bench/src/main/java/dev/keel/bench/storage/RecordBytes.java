package dev.keel.bench.storage;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * The bytes the benchmarks write: payloads of incompressible, seeded pseudo-random bytes (so that no layer can win by
 * compressing or deduplicating them, and every run writes the same bytes), and 16-byte keys unique per thread and
 * call. Stateless.
 */
final class RecordBytes {

    /** The key size of every RocksDB record: a thread index and a sequence number, 8 bytes each, big-endian. */
    static final int KEY_SIZE = 16;

    private RecordBytes() {}

    /** {@code size} pseudo-random bytes from {@code seed}. */
    static byte[] payload(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /** Writes the key of ({@code thread}, {@code sequence}) into {@code key}, which must hold {@link #KEY_SIZE}. */
    static byte[] key(byte[] key, int thread, long sequence) {
        ByteBuffer.wrap(key).putLong(0, thread).putLong(8, sequence);
        return key;
    }

    /** "100 B" or "4 KiB": how the tables name a payload size. */
    static String sizeLabel(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }
}
