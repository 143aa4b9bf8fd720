package dev.keel.fs;

import java.nio.file.FileSystemException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The capacity of a file store and how much of it file content uses.
 *
 * <p>Space is reserved before it is allocated, by compare-and-set, so two writers can never both take the last free
 * bytes: a write that does not fit fails before it changes anything, with the exception Linux gives for a full disk
 * ({@code ENOSPC}, "No space left on device"). What counts is the bytes allocated for content (a file's blocks, see
 * {@link RegularFile}); names and metadata are not counted, as a disk's inode table is not.
 *
 * <p>Thread-safe: lock-free.
 */
final class StoreSpace {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();
    private final BlockPool pool = new BlockPool();

    StoreSpace(long capacity) {
        this.capacity = capacity;
    }

    /** Where full blocks are recycled (see {@link BlockPool}). */
    BlockPool pool() {
        return pool;
    }

    long capacity() {
        return capacity;
    }

    long used() {
        return used.get();
    }

    long free() {
        return capacity - used.get();
    }

    /** Takes {@code bytes} of the store, or throws without taking any. */
    void reserve(long bytes, String pathForError) throws FileSystemException {
        if (bytes <= 0) {
            return;
        }
        while (true) {
            long current = used.get();
            if (bytes > capacity - current) {
                throw new FileSystemException(pathForError, null, Errno.NO_SPACE);
            }
            if (used.compareAndSet(current, current + bytes)) {
                return;
            }
        }
    }

    void release(long bytes) {
        if (bytes > 0) {
            used.addAndGet(-bytes);
        }
    }
}
