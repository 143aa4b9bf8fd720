package dev.keel.fs;

import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileLockInterruptionException;
import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The advisory locks held on one file, with the semantics of Linux's open file description locks
 * ({@code F_OFD_SETLKW}): the owner of a lock is the channel that took it.
 *
 * <p>How it is designed, and why: the whole file system lives in one process, so POSIX's per-process owner would make
 * every lock compatible with every other and {@code FileChannel.lock} would protect nothing; the JDK instead refuses
 * any overlap within a JVM ({@link OverlappingFileLockException}), which makes locks useless between threads. Owning
 * by channel gives real mutual exclusion between channels, which is what a lock file is for: an exclusive lock
 * conflicts with any other channel's overlapping lock, shared locks coexist, {@code lock} waits for a conflicting
 * lock to go and {@code tryLock} returns {@code null}. An overlap with a lock the same channel holds is still the
 * JDK's {@link OverlappingFileLockException}. A list is enough: a file has a handful of locks, not thousands.
 *
 * <p>Thread-safe: one {@link ReentrantLock}; waiters wait on its condition and are woken by every release and by the
 * close of their own channel.
 */
final class FileLockTable {

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition released = mutex.newCondition();
    private final List<KeelFileLock> held = new ArrayList<>();

    /** Takes a lock, or returns {@code null} if another channel holds a conflicting one. */
    @Nullable
    KeelFileLock tryLock(KeelFileChannel channel, long position, long size, boolean shared) {
        mutex.lock();
        try {
            if (conflicts(channel, position, size, shared)) {
                return null;
            }
            return add(channel, position, size, shared);
        } finally {
            mutex.unlock();
        }
    }

    /** Takes a lock, waiting while another channel holds a conflicting one. */
    KeelFileLock lock(KeelFileChannel channel, long position, long size, boolean shared)
            throws FileLockInterruptionException, AsynchronousCloseException {
        mutex.lock();
        try {
            while (conflicts(channel, position, size, shared)) {
                if (!channel.isOpen()) {
                    throw new AsynchronousCloseException();
                }
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FileLockInterruptionException();
                }
            }
            if (!channel.isOpen()) {
                throw new AsynchronousCloseException();
            }
            return add(channel, position, size, shared);
        } finally {
            mutex.unlock();
        }
    }

    void release(KeelFileLock lock) {
        mutex.lock();
        try {
            held.remove(lock);
            released.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** Releases every lock {@code channel} holds and wakes its waiters: the channel is closing. */
    void releaseAll(KeelFileChannel channel) {
        mutex.lock();
        try {
            held.removeIf(lock -> lock.owner() == channel);
            released.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    boolean holds(KeelFileLock lock) {
        mutex.lock();
        try {
            return held.contains(lock);
        } finally {
            mutex.unlock();
        }
    }

    private boolean conflicts(KeelFileChannel channel, long position, long size, boolean shared) {
        boolean conflict = false;
        for (KeelFileLock lock : held) {
            if (!lock.overlaps(position, size)) {
                continue;
            }
            if (lock.owner() == channel) {
                throw new OverlappingFileLockException();
            }
            if (!shared || !lock.isShared()) {
                conflict = true;
            }
        }
        return conflict;
    }

    private KeelFileLock add(KeelFileChannel channel, long position, long size, boolean shared) {
        KeelFileLock lock = new KeelFileLock(channel, position, size, shared, this);
        held.add(lock);
        return lock;
    }
}
