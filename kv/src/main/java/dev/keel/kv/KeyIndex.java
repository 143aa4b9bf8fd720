package dev.keel.kv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The key directory's hash index: every key's newest {@link Version}, found by the key's bytes. An open-addressing
 * table with linear probing whose slots hold the versions themselves (each version carries its key's bytes and
 * hash).
 *
 * <p>How it is designed, and why not a {@link java.util.concurrent.ConcurrentHashMap}: a lookup in a
 * {@code ConcurrentHashMap<Key, Version>} touches the table, the map's node, the {@code Key} object, the key's bytes
 * and the version, each a likely cache miss once the directory outgrows the caches (JFR of the server's pipelined
 * GETs over 100,000 keys: half the samples in that lookup). Here a lookup touches the slot and the version (whose
 * hash, length and first 16 bytes of key it compares, {@link KeyWords}), and the key's array only for a key longer
 * than 16 bytes: a standalone test of 100,000 keys measured 240-360 ns against 450-590 ns per
 * random lookup on a loaded machine. An overwrite is one compare-and-set of the slot (no bin lock, no node), and a
 * lookup needs no {@code Key} object, only the bytes and their hash. Why the hash is in the version, not in an
 * {@code int[]} beside the slots (as it first was): with DebugNonSafepoints JFR, loading the slot and loading the
 * hash were each a cache miss of their own; a probe past another key's slot now touches that key's version instead,
 * which at this table's load (at most 60%, about 0.3 to 0.75 extra probes per hit) costs less than a miss per lookup.
 *
 * <p>The rules that keep it simple:
 * <ul>
 *   <li>A slot, once it holds a key, holds that key until the next resize: removing a key leaves a tombstone there (a
 *       {@link Version.Deleted} with nothing before it), which the key's next put replaces. So a probe for a key never
 *       has to step over a gap, and slots go only from empty to taken.
 *   <li>Writers of one key are serialised by the caller (the store's stripe lock); writers of different keys race
 *       only for empty slots, by compare-and-set. Versions are immutable (final fields), so a reader that sees one in
 *       a slot sees all of it.
 *   <li>A resize (more than {@value #MAX_LOAD_PERCENT}% of the slots taken, tombstones included) copies every live slot
 *       to a new table and then marks the old slot {@link #MOVED}, by compare-and-set so that a concurrent overwrite is
 *       either copied or retried in the new table. Readers never wait: a reader that does not find its key in a table
 *       whose slots are being moved looks in the next one, where every moved version already is. Writers wait for the
 *       resize to end (it runs under a monitor), so a writer never sees a key half-moved. Tombstones are dropped.
 * </ul>
 *
 * <p>Memory: about 1.7 to 4 slots of 4 bytes (a compressed reference) per key, and 4 bytes of hash in each version,
 * against a {@code ConcurrentHashMap} node of 32 bytes and a table reference per key.
 *
 * <p>Thread-safe: lookups from any thread at any time; {@link #put} and {@link #remove} of one key must not run
 * concurrently with each other (different keys may).
 */
final class KeyIndex {

    /** A table is resized when more than this share of its slots is taken. */
    static final int MAX_LOAD_PERCENT = 60;

    private static final int MIN_CAPACITY = 16;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Version[].class);
    /** What a slot holds once its version was copied to the next table. Never a real version. */
    private static final Version MOVED = new Version.Deleted(new byte[0], 0, 0, 0, 0, Long.MIN_VALUE, null);

    private final Object resizing = new Object();
    private volatile Table table;

    /** An empty index sized for {@code expectedKeys} keys without a resize. */
    KeyIndex(int expectedKeys) {
        this.table = new Table(capacityFor(expectedKeys));
    }

    /** The newest version of {@code key}, or null if it has none (never a tombstone). */
    @Nullable
    Version get(Key key) {
        return get(key.unsafeBytes(), key.hashCode());
    }

    /** The newest version of the key whose bytes are {@code key} and whose {@link Key#hashCode()} is {@code hash}. */
    @Nullable
    Version get(byte[] key, int hash) {
        long word0 = KeyWords.word(key, 0);
        long word1 = KeyWords.word(key, 1);
        for (Table t = table; t != null; t = t.next) {
            Version found = t.find(key, hash, word0, word1);
            if (found != null) {
                return isTombstone(found) ? null : found;
            }
        }
        return null;
    }

    /**
     * Makes {@code next} (a version of {@code key}, not a tombstone) the key's newest version; returns the one it
     * replaced, or null.
     */
    @Nullable
    Version put(Key key, Version next) {
        return update(key, next);
    }

    /** Removes {@code key}; returns the version it had, or null. */
    @Nullable
    Version remove(Key key) {
        return update(key, new Version.Deleted(key, 0, null));
    }

    /** Whether no key was ever put (since construction or {@link #clear}). */
    boolean isEmpty() {
        return table.taken.get() == 0 && table.next == null;
    }

    /** Forgets every key. Not concurrently with writers: only while the store is not shared (recovery). */
    void clear() {
        synchronized (resizing) {
            table = new Table(MIN_CAPACITY);
        }
    }

    /** Slots of the current table, for tests. */
    int capacity() {
        return table.mask + 1;
    }

    private @Nullable Version update(Key key, Version next) {
        byte[] bytes = key.unsafeBytes();
        int hash = key.hashCode();
        long word0 = KeyWords.word(bytes, 0);
        long word1 = KeyWords.word(bytes, 1);
        boolean removing = isTombstone(next);
        while (true) {
            Table t = table;
            if (t.next != null) {
                awaitResize();
                continue;
            }
            Version replaced = t.update(bytes, hash, word0, word1, next, removing);
            if (replaced == MOVED) {
                awaitResize();
                continue;
            }
            if (replaced == null && !removing && t.taken.incrementAndGet() > t.threshold) {
                resize(t);
            }
            return replaced == null || isTombstone(replaced) ? null : replaced;
        }
    }

    /** Blocks until the resize in progress, if any, is over. */
    private void awaitResize() {
        synchronized (resizing) {
            // nothing: the resize holds the monitor until the new table is published
        }
    }

    private void resize(Table full) {
        synchronized (resizing) {
            if (table != full || full.taken.get() <= full.threshold) {
                return; // another writer resized it already
            }
            Table bigger = new Table(capacityFor(full.liveSlots()));
            full.next = bigger;
            for (int i = 0; i <= full.mask; i++) {
                full.moveSlot(i, bigger);
            }
            full.retired = true;
            table = bigger;
        }
    }

    static boolean isTombstone(Version version) {
        return version instanceof Version.Deleted deleted && deleted.previous() == null;
    }

    /** A power of two of at least 2.5 slots per key, so that a fresh table is at most 40% full. */
    static int capacityFor(int keys) {
        int capacity = MIN_CAPACITY;
        while ((long) capacity * 2 < (long) keys * 5) {
            if (capacity >= 1 << 30) {
                throw new IllegalStateException("key index cannot hold " + keys + " keys");
            }
            capacity <<= 1;
        }
        return capacity;
    }

    /** One generation of the table. */
    private static final class Table {
        final Version[] slots;
        final int mask;
        final int shift;
        final int threshold;
        /** Slots taken, tombstones included. */
        final AtomicInteger taken = new AtomicInteger();
        /** The table this one's slots are being moved to, once a resize started. */
        volatile @Nullable Table next;
        /** Every slot has moved: a reader that meets a moved slot goes straight to {@link #next}. */
        volatile boolean retired;

        Table(int capacity) {
            slots = new Version[capacity];
            mask = capacity - 1;
            shift = 32 - Integer.numberOfTrailingZeros(capacity);
            threshold = (int) ((long) capacity * MAX_LOAD_PERCENT / 100);
        }

        /**
         * The first slot to probe: the high bits of the hash times the golden ratio (Fibonacci hashing), so that keys
         * differing only in their last bytes, whose {@link Arrays#hashCode(byte[])} differ only in low bits, spread.
         */
        int home(int hash) {
            return (hash * 0x9E3779B9) >>> shift;
        }

        Version slot(int i) {
            return (Version) SLOTS.getAcquire(slots, i);
        }

        /** The version of {@code key} in this table, a tombstone included; null if not here (maybe moved on). */
        @Nullable
        Version find(byte[] key, int hash, long word0, long word1) {
            int i = home(hash);
            for (int probes = 0; probes <= mask; probes++) {
                Version v = slot(i);
                if (v == null || (v == MOVED && retired)) {
                    return null;
                }
                if (v != MOVED && v.keyHash() == hash && v.hasKey(key, word0, word1)) {
                    return v;
                }
                i = (i + 1) & mask;
            }
            return null;
        }

        /**
         * Puts {@code next} in {@code key}'s slot, or in the first empty one of its probe; returns what the slot held
         * (null: it was empty, or the key absent and {@code removing}), or {@link #MOVED} if a resize took the slot.
         */
        @Nullable
        Version update(byte[] key, int hash, long word0, long word1, Version next, boolean removing) {
            int i = home(hash);
            for (int probes = 0; probes <= mask; ) {
                Version v = slot(i);
                if (v == MOVED) {
                    return MOVED;
                }
                if (v == null) {
                    if (removing) {
                        return null; // absent: nothing to remove
                    }
                    if (SLOTS.compareAndSet(slots, i, null, next)) {
                        return null;
                    }
                    continue; // taken meanwhile (another key, or moved): look at it again
                }
                if (v.keyHash() == hash && v.hasKey(key, word0, word1)) {
                    if (SLOTS.compareAndSet(slots, i, v, next)) {
                        return v;
                    }
                    continue; // only a resize can change it under us: look again
                }
                i = (i + 1) & mask;
                probes++;
            }
            throw new IllegalStateException("key index table of " + (mask + 1) + " slots is full");
        }

        /** Slots holding something other than a tombstone: what a resize copies. */
        int liveSlots() {
            int live = 0;
            for (int i = 0; i <= mask; i++) {
                Version v = slot(i);
                if (v != null && !isTombstone(v)) {
                    live++;
                }
            }
            return live;
        }

        /**
         * Copies slot {@code i}'s version to {@code to} (unless a tombstone) and marks the slot moved; if a writer
         * replaced the version meanwhile, copies the new one over the old copy and tries again.
         */
        void moveSlot(int i, Table to) {
            int copiedAt = -1;
            while (true) {
                Version v = slot(i);
                // Once copied, the copy follows the slot even to a tombstone (leaving a gap would cut probe chains).
                if (v != null && (copiedAt >= 0 || !isTombstone(v))) {
                    copiedAt = to.place(v, copiedAt);
                }
                if (SLOTS.compareAndSet(slots, i, v, MOVED)) {
                    return;
                }
            }
        }

        /**
         * During a resize, on the resizing thread, before readers can find it here: puts {@code v} at {@code at}, or
         * (if negative) in the first empty slot of its probe. Returns the slot used.
         */
        int place(Version v, int at) {
            if (at >= 0) {
                SLOTS.setRelease(slots, at, v);
                return at;
            }
            int i = home(v.keyHash());
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            SLOTS.setRelease(slots, i, v);
            taken.incrementAndGet();
            return i;
        }
    }
}
