package dev.keel.kv;

import java.io.IOException;
import java.util.BitSet;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The store's locks: {@value #STRIPES} stripe locks that serialise the writes to each key, and a gate that writers
 * hold shared from append to apply, so that taking a snapshot (the gate, exclusively, for a moment) sees every
 * earlier write applied.
 *
 * <p>Why stripes, not a lock per key or one lock: a lock object per key would double the memory of the key
 * directory; one lock would hold every writer through every fsync and defeat group commit. With 1,024 stripes two
 * writers of different keys rarely share one, and a list's elements are always written under their list's stripe.
 * Several stripes are taken in ascending index order, so two batches can never deadlock.
 *
 * <p>Thread-safe.
 */
final class WriteLocks {

    static final int STRIPES = 1024;

    /** A write that runs under its locks and may do I/O. */
    @FunctionalInterface
    interface LockedWrite<T> {
        T run() throws IOException;
    }

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    WriteLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code write} holding {@code key}'s stripe and the gate (shared). */
    <T> T write(Key key, LockedWrite<T> write) throws IOException {
        ReentrantLock stripe = stripes[stripeOf(key)];
        stripe.lock();
        try {
            return gated(write);
        } finally {
            stripe.unlock();
        }
    }

    /** Runs {@code write} holding the stripes of all {@code keys} (in ascending order) and the gate (shared). */
    <T> T write(Collection<Key> keys, LockedWrite<T> write) throws IOException {
        // A bit per stripe, walked in ascending order: a server's batch of SETs takes a few hundred stripes, and
        // a TreeSet of them was 3% of a pipelined SET's profile.
        BitSet wanted = new BitSet(STRIPES);
        for (Key key : keys) {
            wanted.set(stripeOf(key));
        }
        int locked = -1;
        try {
            for (int index = wanted.nextSetBit(0); index >= 0; index = wanted.nextSetBit(index + 1)) {
                stripes[index].lock();
                locked = index;
            }
            return gated(write);
        } finally {
            for (int index = locked; index >= 0; index = wanted.previousSetBit(index - 1)) {
                stripes[index].unlock();
            }
        }
    }

    /** Runs {@code read} holding {@code key}'s stripe only: a read that must not interleave with a write of the key. */
    <T> T read(Key key, LockedWrite<T> read) throws IOException {
        ReentrantLock stripe = stripes[stripeOf(key)];
        stripe.lock();
        try {
            return read.run();
        } finally {
            stripe.unlock();
        }
    }

    /** Runs a short in-memory step under {@code key}'s stripe lock: never I/O. */
    boolean underStripe(Key key, BooleanSupplier step) {
        ReentrantLock stripe = stripes[stripeOf(key)];
        stripe.lock();
        try {
            return step.getAsBoolean();
        } finally {
            stripe.unlock();
        }
    }

    /** Runs {@code step} with the gate held exclusively: no write is between its append and its apply. */
    <T> T exclusive(Supplier<T> step) {
        gate.writeLock().lock();
        try {
            return step.get();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Like {@link #exclusive(Supplier)}, for a step that does I/O (closing the store). */
    void exclusiveIo(LockedWrite<Void> step) throws IOException {
        gate.writeLock().lock();
        try {
            step.run();
        } finally {
            gate.writeLock().unlock();
        }
    }

    private <T> T gated(LockedWrite<T> write) throws IOException {
        gate.readLock().lock();
        try {
            return write.run();
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Whether some thread holds {@code key}'s stripe: for tests. */
    boolean isStripeLocked(Key key) {
        return stripes[stripeOf(key)].isLocked();
    }

    private static int stripeOf(Key key) {
        int hash = key.hashCode();
        return ((hash ^ (hash >>> 16)) & 0x7fffffff) % STRIPES;
    }
}
