package dev.keel.crawler;

/**
 * The set of every URL the crawl has discovered, kept as 64-bit fingerprints: "have we seen this URL?" for millions
 * of URLs in a few bytes each.
 *
 * <p>How it is designed, and why. A {@code ConcurrentHashMap<String, Boolean>} costs about 100-150 bytes per URL
 * (the node, the string and its byte array); at 10 million URLs that is more than a gigabyte. Storing a 64-bit
 * fingerprint of the normalised URL in an open-addressing table costs 8 bytes per slot: with the table kept between
 * 3/8 and 3/4 full, 10.7 to 21.3 bytes per URL (see {@code SeenSetTest} for the measured figure). The price is the
 * chance that two different URLs share a fingerprint, so that the second is wrongly taken as seen: for n URLs about
 * n&sup2;/2<sup>65</sup>, which is 3&times;10<sup>-8</sup> at a million URLs and 3&times;10<sup>-4</sup> at a
 * hundred million (Nutch, Heritrix's BdbUriUniqFilter and BUbiNG make the same trade).
 *
 * <p>Concurrency: the table is split into 64 stripes by the fingerprint's top bits, each with its own monitor, so
 * workers discovering links on different stripes never contend and each critical section is a probe of a few
 * slots. A single lock-free table was rejected: resizing it without a lock is the hard part and buys little when
 * each add is already tens of nanoseconds against a fetch of milliseconds.
 *
 * <p>Thread-safe.
 */
final class SeenSet {

    private static final int STRIPE_BITS = 6;
    private static final int INITIAL_CAPACITY = 1024;

    private final Stripe[] stripes = new Stripe[1 << STRIPE_BITS];

    SeenSet() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Adds {@code normalUrl}; true if it was not there (by fingerprint) before. */
    boolean add(String normalUrl) {
        return addFingerprint(fingerprint(normalUrl));
    }

    /** Whether {@code normalUrl} (by fingerprint) was added. */
    boolean contains(String normalUrl) {
        long fingerprint = fingerprint(normalUrl);
        return stripes[(int) (fingerprint >>> (64 - STRIPE_BITS))].contains(fingerprint);
    }

    boolean addFingerprint(long fingerprint) {
        return stripes[(int) (fingerprint >>> (64 - STRIPE_BITS))].add(fingerprint);
    }

    /** How many fingerprints the set holds. */
    long size() {
        long size = 0;
        for (Stripe stripe : stripes) {
            size += stripe.size();
        }
        return size;
    }

    /** Bytes the tables occupy (8 per slot), for the memory figure in the docs. */
    long tableBytes() {
        long bytes = 0;
        for (Stripe stripe : stripes) {
            bytes += stripe.tableBytes();
        }
        return bytes;
    }

    /**
     * A 64-bit fingerprint of a string: FNV-1a over its UTF-16 code units, then MurmurHash3's fmix64 finaliser so that
     * every input bit affects the top bits that pick the stripe. Never 0, the empty-slot marker.
     */
    static long fingerprint(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }

    /** One open-addressing, linear-probing table of fingerprints; guarded by its own monitor. */
    private static final class Stripe {
        private long[] table = new long[INITIAL_CAPACITY];
        private int size;

        synchronized boolean add(long fingerprint) {
            int mask = table.length - 1;
            int slot = (int) fingerprint & mask;
            while (true) {
                long existing = table[slot];
                if (existing == 0) {
                    break;
                }
                if (existing == fingerprint) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = fingerprint;
            size++;
            if (size * 4L > table.length * 3L) {
                grow();
            }
            return true;
        }

        synchronized boolean contains(long fingerprint) {
            int mask = table.length - 1;
            int slot = (int) fingerprint & mask;
            while (true) {
                long existing = table[slot];
                if (existing == 0) {
                    return false;
                }
                if (existing == fingerprint) {
                    return true;
                }
                slot = (slot + 1) & mask;
            }
        }

        synchronized int size() {
            return size;
        }

        synchronized long tableBytes() {
            return table.length * 8L;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length - 1;
            for (long fingerprint : old) {
                if (fingerprint != 0) {
                    int slot = (int) fingerprint & mask;
                    while (table[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    table[slot] = fingerprint;
                }
            }
        }
    }
}
