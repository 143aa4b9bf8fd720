package dev.keel.logs.store;

import java.util.Locale;

/**
 * A Bloom filter over the character trigrams of a block's messages (lower-cased), so that a substring filter
 * ({@code |= "timeout"}) skips blocks that cannot contain the needle without decompressing them.
 *
 * <p>How it is designed, and why: a word index (Elasticsearch's inverted index) answers "contains the token
 * timeout" but not "contains the substring timeout" (it misses {@code timeouts} and {@code connect-timeout=}), and
 * LogQL's {@code |=} is a substring match. Every substring of three or more characters contains all of its trigrams,
 * so if any trigram of the needle is absent from the filter, no message of the block contains the needle: never a
 * false negative. Lower-casing makes the filter serve case-insensitive filters too, at a small cost in false
 * positives. Needles shorter than three characters cannot be checked and always answer "maybe". The filter is sized
 * at about 10 bits per distinct trigram (rounded to a power of two, 2^10 to 2^22 bits) with 3 hash functions:
 * around 1-2% false positives per trigram, so a 7-character needle (5 trigrams) rarely reads a block in vain.
 * Rejected: a per-block token index (larger, and wrong for substrings) and no index at all (Loki's choice: every
 * block of the selected streams is decompressed and scanned, which its users shard across many queriers).
 *
 * <p>Immutable once built (the builder is not thread-safe).
 */
public final class NgramBloom {

    static final int HASHES = 3;
    static final int MIN_LOG2_BITS = 10;
    static final int MAX_LOG2_BITS = 22;

    private final long[] words;
    private final int log2Bits;

    NgramBloom(long[] words, int log2Bits) {
        if (log2Bits < MIN_LOG2_BITS || log2Bits > MAX_LOG2_BITS || words.length != (1 << log2Bits) / 64) {
            throw new IllegalArgumentException(
                    "bloom of " + words.length + " words for 2^" + log2Bits + " bits (expected: 2^10 to 2^22 bits)");
        }
        this.words = words;
        this.log2Bits = log2Bits;
    }

    /** Builds the filter for {@code messages}. */
    static NgramBloom of(Iterable<String> messages) {
        // Collect distinct trigram hashes first, to size the filter.
        LongHashSet distinct = new LongHashSet(1024);
        for (String message : messages) {
            String lower = message.toLowerCase(Locale.ROOT);
            for (int i = 0; i + 3 <= lower.length(); i++) {
                distinct.add(trigram(lower, i));
            }
        }
        int log2 = MIN_LOG2_BITS;
        while (log2 < MAX_LOG2_BITS && (1L << log2) < distinct.size() * 10L) {
            log2++;
        }
        int bits = log2;
        long[] words = new long[(1 << bits) / 64];
        distinct.forEach(hash -> set(words, bits, hash));
        return new NgramBloom(words, bits);
    }

    /** False only if no message of the block contains {@code needle} (in any case). */
    public boolean mightContain(String needle) {
        if (needle.length() < 3) {
            return true;
        }
        String lower = needle.toLowerCase(Locale.ROOT);
        for (int i = 0; i + 3 <= lower.length(); i++) {
            if (!test(trigram(lower, i))) {
                return false;
            }
        }
        return true;
    }

    long[] words() {
        return words.clone();
    }

    int log2Bits() {
        return log2Bits;
    }

    /** Bytes of memory the filter takes. */
    public int sizeInBytes() {
        return words.length * 8;
    }

    private boolean test(long hash) {
        int mask = (1 << log2Bits) - 1;
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & mask;
            if ((words[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void set(long[] words, int log2Bits, long hash) {
        int mask = (1 << log2Bits) - 1;
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & mask;
            words[bit >>> 6] |= 1L << bit;
        }
    }

    /** A 64-bit mix (SplitMix64's finaliser) of three characters. */
    private static long trigram(String text, int at) {
        long z = ((long) text.charAt(at) << 32) ^ ((long) text.charAt(at + 1) << 16) ^ text.charAt(at + 2);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
