package dev.keel.ratelimit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A concurrent map from keys to one {@code long} each, for {@link LongStateKeys}: about 16 to 48 bytes per key
 * instead of a {@code ConcurrentHashMap}'s 69 (node, boxed cell, table share).
 *
 * <p>How it is designed, and why: keys live in an {@code Object[]} and states in a parallel {@code long[]} (12 bytes a
 * slot with compressed oops), found by linear probing from the key's hash, in one of {@value #SEGMENTS} segments
 * chosen by the hash's top bits. Reading a known key's state and updating it by compare-and-set on the array element
 * takes no lock and allocates nothing. Each segment has a lock, taken only to insert a key or to rebuild the segment.
 * A key is published after its state (a release store of the key, read with acquire), so whoever finds a key sees its
 * state. Keys are never removed in place: a slot that changed owners would let a decision's compare-and-set, aimed at
 * the old key, land on the new one (ABA). Instead a segment is <em>rebuilt</em>, when it fills to 3/4 or when asked to
 * forget idle keys: under its lock every state is swapped to {@link #MOVED} with {@code getAndSet} (which freezes it:
 * a racing compare-and-set fails and the swap returns the last state anyone published), keys that are idle at that
 * moment are dropped, the rest copied into new arrays sized for them (at most half full), which are then published.
 * A decision that meets {@code MOVED} waits for the segment's lock (the rebuild is finishing) and starts again on the
 * new arrays. Dropping only idle keys (a state the caller says is indistinguishable from a new key's) is what makes
 * eviction invisible.
 *
 * <p>Rejected alternatives: {@code ConcurrentHashMap<K, cell>} (the previous design: 32-byte node plus 24-byte cell per
 * key); tombstones reused in place (the ABA above); one lock for the whole table (inserts of different keys would
 * queue on two cores' worth of threads, and a rebuild of 1M keys would stall every insert).
 *
 * <p>Thread-safe: lookups and state updates lock-free; inserts and rebuilds hold their segment's lock.
 */
final class LongStateTable {

    /** Whether a state may be forgotten: indistinguishable, at {@code now}, from a new key's. */
    @FunctionalInterface
    interface Idleness {
        boolean isIdle(long state, long now);
    }

    /** The state of every slot of a segment that is being (or has been) rebuilt. Never a real state. */
    static final long MOVED = Long.MIN_VALUE;

    private static final int SEGMENT_BITS = 4;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle STATES = MethodHandles.arrayElementVarHandle(long[].class);

    /** One segment's arrays; replaced whole by a rebuild, never resized in place. */
    static final class Slots {
        private final Object[] keys;
        private final long[] states;
        private final int mask;

        Slots(int capacity) {
            this.keys = new Object[capacity];
            this.states = new long[capacity];
            this.mask = capacity - 1;
        }

        /** Where {@code key} is, or -1; lock-free. */
        int indexOf(Object key, int hash) {
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                Object k = KEYS.getAcquire(keys, i);
                if (k == null) {
                    return -1;
                }
                if (k == key || k.equals(key)) {
                    return i;
                }
            }
        }

        long state(int index) {
            return (long) STATES.getVolatile(states, index);
        }

        boolean compareAndSet(int index, long expected, long next) {
            return STATES.compareAndSet(states, index, expected, next);
        }

        private int threshold() {
            return keys.length / 4 * 3;
        }

        /** Adds a key known to be absent: the state first, then the key with release semantics. */
        private void add(Object key, int hash, long state) {
            int i = hash & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            STATES.setRelease(states, i, state);
            KEYS.setRelease(keys, i, key);
        }
    }

    /** A stripe of the table: its arrays and the lock for changing them. */
    static final class Segment {
        private final ReentrantLock lock = new ReentrantLock();
        /** Written under {@code lock}, read without it. */
        private volatile Slots slots = new Slots(MIN_CAPACITY);
        /** Keys in {@code slots}; written under {@code lock}. */
        private volatile int size;

        Slots slots() {
            return slots;
        }

        /** Returns once a rebuild that froze a state this thread saw has published its new arrays. */
        void awaitRebuild() {
            lock.lock();
            lock.unlock();
        }
    }

    private final Segment[] segments = new Segment[SEGMENTS];
    private final Idleness idleness;

    LongStateTable(Idleness idleness) {
        this.idleness = idleness;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    /** A well-mixed hash of {@code key} (murmur3's finaliser): top bits pick the segment, low bits the slot. */
    static int hash(Object key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85eb_ca6b;
        h ^= h >>> 13;
        h *= 0xc2b2_ae35;
        return h ^ (h >>> 16);
    }

    Segment segment(int hash) {
        return segments[hash >>> (Integer.SIZE - SEGMENT_BITS)];
    }

    /**
     * Adds {@code key} with state {@code fresh} unless it is present (a racing insert won); rebuilds the segment first
     * if it is full, dropping the keys idle at {@code now}.
     */
    void insert(Segment segment, Object key, int hash, long fresh, long now) {
        segment.lock.lock();
        try {
            Slots slots = segment.slots;
            if (slots.indexOf(key, hash) >= 0) {
                return;
            }
            if (segment.size + 1 > slots.threshold()) {
                slots = rebuild(segment, now, 1);
            }
            slots.add(key, hash, fresh);
            segment.size = segment.size + 1;
        } finally {
            segment.lock.unlock();
        }
    }

    /** Forgets every key idle at {@code now}; returns how many. */
    long evictIdle(long now) {
        long removed = 0;
        for (Segment segment : segments) {
            segment.lock.lock();
            try {
                int before = segment.size;
                if (countLive(segment.slots, now) < before) {
                    rebuild(segment, now, 0);
                    removed += before - segment.size;
                }
            } finally {
                segment.lock.unlock();
            }
        }
        return removed;
    }

    /** Keys held, idle ones not yet dropped included. */
    long size() {
        long size = 0;
        for (Segment segment : segments) {
            size += segment.size;
        }
        return size;
    }

    /** Replaces the segment's arrays by ones holding its live keys, with room for {@code extra} more. Holds the lock. */
    private Slots rebuild(Segment segment, long now, int extra) {
        Slots old = segment.slots;
        Slots fresh = new Slots(capacityFor(countLive(old, now) + extra));
        int copied = 0;
        for (int i = 0; i < old.keys.length; i++) {
            Object key = old.keys[i];
            if (key == null) {
                continue;
            }
            long state = (long) STATES.getAndSet(old.states, i, MOVED);
            if (idleness.isIdle(state, now)) {
                continue;
            }
            if (copied + extra + 1 > fresh.threshold()) { // keys woke up between the count and the freeze
                fresh = copyOf(fresh, fresh.keys.length * 2);
            }
            fresh.add(key, hash(key), state);
            copied++;
        }
        segment.size = copied;
        segment.slots = fresh;
        return fresh;
    }

    private int countLive(Slots slots, long now) {
        int live = 0;
        for (int i = 0; i < slots.keys.length; i++) {
            if (slots.keys[i] != null && !idleness.isIdle(slots.state(i), now)) {
                live++;
            }
        }
        return live;
    }

    /** A copy of an unpublished table with a larger capacity. */
    private static Slots copyOf(Slots slots, int capacity) {
        Slots copy = new Slots(capacity);
        for (int i = 0; i < slots.keys.length; i++) {
            Object key = slots.keys[i];
            if (key != null) {
                copy.add(key, hash(key), slots.states[i]);
            }
        }
        return copy;
    }

    /** The smallest capacity at least half empty with {@code keys} keys. */
    private static int capacityFor(int keys) {
        if (keys > MAX_CAPACITY / 2) {
            throw new IllegalStateException("a segment of a keyed limiter holds " + keys + " keys (expected: at most "
                    + MAX_CAPACITY / 2 + ")");
        }
        int capacity = MIN_CAPACITY;
        while (capacity / 2 < keys) {
            capacity *= 2;
        }
        return capacity;
    }
}
