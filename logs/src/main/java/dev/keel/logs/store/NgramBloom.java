package dev.keel.logs.store;

import java.util.List;

/**
 * A Bloom filter over the character trigrams of a block's messages (lower-cased), so that a substring filter
 * ({@code |= "timeout"}) skips blocks that cannot contain the needle without decompressing them.
 *
 * <p>How it is designed, and why: a word index (Elasticsearch's inverted index) answers "contains the token
 * timeout" but not "contains the substring timeout" (it misses {@code timeouts} and {@code connect-timeout=}), and
 * LogQL's {@code |=} is a substring match. Every substring of three or more characters contains all of its trigrams,
 * so if any trigram of the needle is absent from the filter, no message of the block contains the needle: never a
 * false negative. Lower-casing makes the filter serve case-insensitive filters too, at a small cost in false
 * positives. Needles shorter than three characters cannot be checked and always answer "maybe". The filter is
 * blocked (each trigram sets 3 bits in one 64-bit word: one memory access to add or test, a little more false
 * positives than a classic filter) and sized at the smallest of 2^j or 3 * 2^j words (2^10 bits and up) with at least
 * 5 bits per distinct trigram, so 5 to 7.5 bits: 3 to 9% false positives per trigram. That is enough because a needle
 * is rejected by any one of its trigrams that the block lacks, and a 7-character needle has 5; at 10 bits the filter
 * was a sixth of a block of real log text, which the compression goal could not afford. A word is chosen by the hash
 * modulo the word count, which for the powers of two that blocks before {@code KLB5} were sized at (5 to 10 bits per
 * trigram) is the mask they used, so their filters read unchanged.
 * Rejected: a per-block token index (larger, and wrong for substrings) and no index at all (Loki's choice: every
 * block of the selected streams is decompressed and scanned, which its users shard across many queriers).
 *
 * <p>Immutable once built (the builder is not thread-safe).
 */
public final class NgramBloom {

    static final int HASHES = 3;
    /** The smallest filter: 2^10 bits. */
    static final int MIN_WORDS = 16;
    /** The filter is built at this size, 3 * 2^15 words (6.3 Mbit), of which every size it folds to is a divisor. */
    static final int BUILD_WORDS = 3 << 15;

    static final int BITS_PER_TRIGRAM = 5;
    private static final int RECENT_SLOTS = 4096;

    private final long[] words;

    /** A filter of {@code words} (at least {@value #MIN_WORDS}, at most {@value #BUILD_WORDS}). */
    NgramBloom(long[] words) {
        if (words.length < MIN_WORDS || words.length > BUILD_WORDS) {
            throw new IllegalArgumentException(
                    "bloom of " + words.length + " words (expected: " + MIN_WORDS + " to " + BUILD_WORDS + ")");
        }
        this.words = words;
    }

    /** Whether {@code words} is a size this class builds: 2^j or 3 * 2^j, from {@value #MIN_WORDS} words. */
    static boolean isBuiltSize(int words) {
        return words >= MIN_WORDS && words <= BUILD_WORDS && BUILD_WORDS % words == 0;
    }

    /**
     * Builds the filter for {@code messages}: every trigram goes into a filter of the largest size, whose fill then
     * estimates the number of distinct trigrams (n = -m/k ln(1 - set/m)); the filter is folded (its equal parts OR-ed
     * together) down to the smallest size with at least {@value #BITS_PER_TRIGRAM} bits per distinct trigram.
     * Folding gives exactly the filter that would have been built at the smaller size, because a word's index is the
     * hash modulo the size, and every size divides the one it is built at. Measured
     * against counting distinct trigrams in a hash set first, this took the filter from two thirds of sealing's
     * CPU to a small share.
     */
    static NgramBloom of(List<String> messages) {
        return of(messages.toArray(String[]::new), 0, messages.size());
    }

    /**
     * As {@link #of(List)}, for {@code messages[from, from + count)}: an array, because iterating a list view here
     * went through a megamorphic {@code AbstractList} iterator per message, a quarter of the sealer's samples.
     */
    static NgramBloom of(String[] messages, int from, int count) {
        long[] words = new long[BUILD_WORDS];
        // Log lines repeat their trigrams: a small direct-mapped table of recently added trigrams (32 KiB, stays in
        // the L1/L2 cache) skips the repeats before they touch the 768 KiB filter, whose random accesses were most of
        // this method's cost. Adding a trigram twice changes nothing, so skipping is exact.
        long[] recent = new long[RECENT_SLOTS];
        java.util.Arrays.fill(recent, -1L);
        for (int m = from; m < from + count; m++) {
            String message = messages[m];
            int length = message.length();
            if (length < 3) {
                continue;
            }
            long a = lower(message.charAt(0));
            long b = lower(message.charAt(1));
            for (int i = 2; i < length; i++) {
                long c = lower(message.charAt(i));
                if (isClockTrigram(a, b, c)) {
                    a = b;
                    b = c;
                    continue;
                }
                long key = (a << 32) ^ (b << 16) ^ c;
                long hash = mix(key);
                int slot = (int) (hash >>> 24) & (RECENT_SLOTS - 1);
                if (recent[slot] != key) {
                    recent[slot] = key;
                    words[index(hash, BUILD_WORDS)] |= bits(hash);
                }
                a = b;
                b = c;
            }
        }
        long setBits = 0;
        for (long word : words) {
            setBits += Long.bitCount(word);
        }
        double m = BUILD_WORDS * 64.0;
        double distinct = setBits >= m ? m : -m / HASHES * Math.log(1 - setBits / m);
        int size = BUILD_WORDS;
        search:
        for (int power = MIN_WORDS; power <= BUILD_WORDS; power *= 2) {
            for (int candidate : new int[] {power, power / 2 * 3}) { // in order: 16, 24, 32, 48, 64, 96, ...
                if (isBuiltSize(candidate) && candidate * 64.0 >= distinct * BITS_PER_TRIGRAM) {
                    size = candidate;
                    break search;
                }
            }
        }
        long[] folded = new long[size];
        for (int part = 0; part < BUILD_WORDS; part += size) {
            for (int w = 0; w < size; w++) {
                folded[w] |= words[part + w];
            }
        }
        return new NgramBloom(folded);
    }

    /** False only if no message of the block contains {@code needle} (in any case). */
    public boolean mightContain(String needle) {
        if (needle.length() < 3) {
            return true;
        }
        for (int i = 0; i + 3 <= needle.length(); i++) {
            if (isClockTrigram(needle.charAt(i), needle.charAt(i + 1), needle.charAt(i + 2))) {
                continue; // not in the filter: it cannot rule the block out
            }
            if (!test(trigram(needle, i))) {
                return false;
            }
        }
        return true;
    }

    long[] words() {
        return words.clone();
    }

    int wordCount() {
        return words.length;
    }

    /** Bytes of memory the filter takes. */
    public int sizeInBytes() {
        return words.length * 8;
    }

    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    private boolean test(long hash) {
        long bits = bits(hash);
        return (words[index(hash, words.length)] & bits) == bits;
    }

    /**
     * Whether a trigram is one of the digits-and-separators kind dates and clock times are made of ({@code 5-0},
     * {@code 04:}, {@code 2 0}): digits and at least one of {@code - : space}. Such trigrams are not put into the
     * filter (since KLB5) and not looked up: on this machine's dpkg and apt logs they were about a sixth of the
     * distinct trigrams, and a needle made only of them (a time of day) is a time-range question. Needles with letters,
     * dots or digits alone (words, addresses, ids) keep their other trigrams.
     */
    static boolean isClockTrigram(long a, long b, long c) {
        return isClockChar(a) && isClockChar(b) && isClockChar(c) && !(isDigit(a) && isDigit(b) && isDigit(c));
    }

    private static boolean isClockChar(long c) {
        return isDigit(c) || c == '-' || c == ':' || c == ' ';
    }

    private static boolean isDigit(long c) {
        return c >= '0' && c <= '9';
    }

    /** The word of a filter of {@code size} words a trigram's bits go into. */
    private static int index(long hash, int size) {
        return ((int) hash & 0x7FFFFFFF) % size;
    }

    /** The three bits a trigram sets, all in one word: a blocked Bloom filter, one cache line per trigram. */
    private static long bits(long hash) {
        return (1L << (hash >>> 40)) | (1L << (hash >>> 46)) | (1L << (hash >>> 52));
    }

    private static long mix(long z) {
        long x = z * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    /** The hash of the three characters at {@code at}, lower-cased without allocating (as {@link #of} hashes). */
    private static long trigram(String text, int at) {
        return mix(((long) lower(text.charAt(at)) << 32)
                ^ ((long) lower(text.charAt(at + 1)) << 16)
                ^ lower(text.charAt(at + 2)));
    }
}
