package dev.keel.fs;

import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;
import org.jspecify.annotations.Nullable;

/**
 * A regular file: its content in blocks, the lock that guards it, and its advisory lock table.
 *
 * <p>How the content is stored, and why: as an array of blocks of {@value #BLOCK_SIZE} bytes, where every block but
 * the last is full and the last is only as long as it needs to be, growing by half when it grows (as
 * {@code ArrayList} does) up to a full block. A 1 KiB file written at once costs one 1 KiB array, not a whole block:
 * Jimfs takes every file's space from a shared heap of 8 KiB blocks, so each of its 1 KiB files holds 8 KiB. A large
 * file is a list of 64 KiB blocks: growing it never copies what is written, a positional read or write finds its
 * block by a shift, and sequential I/O moves long runs with one {@code System.arraycopy} per block. The blocks are
 * larger than Jimfs's 8 KiB because the last block is sized exactly, so the big block wastes nothing on small files.
 *
 * <p>Full blocks freed by truncation or deletion go to the store's {@link BlockPool} and are reused by the next large
 * write, so rewriting a large file does not churn the garbage collector.
 *
 * <p>Bytes past the end are always zero (truncation clears the tail of the last block), so extending a file by a
 * write beyond its end reads back zeros in the gap, as a sparse file does.
 *
 * <p>Thread safety: thread-safe. The content and size are guarded by a {@link StampedLock} (many readers or one
 * writer; {@link #size()} is an optimistic read that takes no lock when no writer is active). The tree lock is never
 * taken while this lock is held, which is the order that rules out deadlock: tree, then file.
 */
final class RegularFile extends Node {

    static final int BLOCK_SHIFT = 16;
    static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;
    private static final int BLOCK_MASK = BLOCK_SIZE - 1;
    private static final byte[][] NO_BLOCKS = {};

    private final StampedLock lock = new StampedLock();
    private final StoreSpace space;

    /** Guarded by lock. */
    private byte[][] blocks = NO_BLOCKS;
    /** Guarded by lock. */
    private long size;
    /** Guarded by lock: channels open on this file, which keep the content alive after the last link goes. */
    private int openChannels;
    /** Guarded by lock: the last link is gone; the content is freed when the last channel closes. */
    private boolean unlinked;

    private @Nullable FileLockTable lockTable;

    RegularFile(long id, long nowNanos, int mode, String owner, StoreSpace space) {
        super(id, nowNanos, mode, owner);
        this.space = space;
    }

    @Override
    long size() {
        long stamp = lock.tryOptimisticRead();
        long result = size;
        if (lock.validate(stamp)) {
            return result;
        }
        stamp = lock.readLock();
        try {
            return size;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Reads into {@code dst} from {@code position}: the count read, or -1 at or past the end. */
    int read(long position, ByteBuffer dst) {
        long stamp = lock.readLock();
        try {
            if (position >= size) {
                return dst.hasRemaining() ? -1 : 0;
            }
            int count = (int) Math.min(dst.remaining(), size - position);
            long at = position;
            int left = count;
            while (left > 0) {
                int offset = (int) (at & BLOCK_MASK);
                int length = Math.min(left, BLOCK_SIZE - offset);
                dst.put(blocks[(int) (at >>> BLOCK_SHIFT)], offset, length);
                at += length;
                left -= length;
            }
            return count;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Writes all of {@code src} at {@code position}, growing the file if needed; the count written. */
    int write(long position, ByteBuffer src, long nowNanos, String pathForError) throws FileSystemException {
        long stamp = lock.writeLock();
        try {
            return writeLocked(position, src, nowNanos, pathForError);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Writes all of {@code src} at the end, atomically with finding the end; the new size. */
    long append(ByteBuffer src, long nowNanos, String pathForError) throws FileSystemException {
        long stamp = lock.writeLock();
        try {
            writeLocked(size, src, nowNanos, pathForError);
            return size;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private int writeLocked(long position, ByteBuffer src, long nowNanos, String pathForError)
            throws FileSystemException {
        int count = src.remaining();
        long end = Math.addExact(position, count);
        ensureCapacity(end, pathForError);
        long at = position;
        int left = count;
        while (left > 0) {
            int offset = (int) (at & BLOCK_MASK);
            int length = Math.min(left, BLOCK_SIZE - offset);
            src.get(blocks[(int) (at >>> BLOCK_SHIFT)], offset, length);
            at += length;
            left -= length;
        }
        if (end > size) {
            size = end;
        }
        modifiedNanos(nowNanos);
        return count;
    }

    /**
     * Makes bytes [0, end) addressable: reserves the space first, so a failure changes nothing. The last block grows
     * by half for appends, but never past what the store can give: near capacity it is sized exactly.
     */
    private void ensureCapacity(long end, String pathForError) throws FileSystemException {
        if (end == 0) {
            return;
        }
        int lastIndex = Math.toIntExact((end - 1) >>> BLOCK_SHIFT);
        int firstIndex = size == 0 ? 0 : (int) ((size - 1) >>> BLOCK_SHIFT);
        int wantedLast = (int) (end - ((long) lastIndex << BLOCK_SHIFT));
        int currentLast = lastIndex < blocks.length && blocks[lastIndex] != null ? blocks[lastIndex].length : 0;
        int lastLength = Math.min(BLOCK_SIZE, Math.max(wantedLast, currentLast + (currentLast >> 1)));
        long needed = bytesNeeded(firstIndex, lastIndex, lastLength);
        if (needed == 0) {
            return;
        }
        if (needed > space.free() && lastLength > wantedLast) {
            lastLength = wantedLast;
            needed = bytesNeeded(firstIndex, lastIndex, lastLength);
        }
        space.reserve(needed, pathForError);
        if (blocks.length <= lastIndex) {
            blocks = Arrays.copyOf(blocks, Math.max(lastIndex + 1, blocks.length * 2));
        }
        for (int i = firstIndex; i <= lastIndex; i++) {
            byte[] block = blocks[i];
            int length = i < lastIndex ? BLOCK_SIZE : lastLength;
            if (block == null) {
                byte[] pooled = length == BLOCK_SIZE ? space.pool().take() : null;
                blocks[i] = pooled != null ? pooled : new byte[length];
            } else if (block.length < length) {
                blocks[i] = Arrays.copyOf(block, length);
            }
        }
    }

    /** The bytes to allocate so that blocks firstIndex..lastIndex are full, the last one {@code lastLength} long. */
    private long bytesNeeded(int firstIndex, int lastIndex, int lastLength) {
        long needed = 0;
        for (int i = firstIndex; i <= lastIndex; i++) {
            int current = i < blocks.length && blocks[i] != null ? blocks[i].length : 0;
            int length = i < lastIndex ? BLOCK_SIZE : lastLength;
            if (current < length) {
                needed += length - current;
            }
        }
        return needed;
    }

    /** Cuts the file to {@code newSize} if it is longer; frees whole blocks past it and zeroes the rest. */
    void truncate(long newSize, long nowNanos) {
        long stamp = lock.writeLock();
        try {
            if (newSize < size) {
                cutLocked(newSize);
                modifiedNanos(nowNanos);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private void cutLocked(long newSize) {
        int keep = (int) ((newSize + BLOCK_MASK) >>> BLOCK_SHIFT);
        long freed = 0;
        for (int i = keep; i < blocks.length && blocks[i] != null; i++) {
            freed += blocks[i].length;
            space.pool().give(blocks[i]);
            blocks[i] = null;
        }
        if (keep == 0) {
            blocks = NO_BLOCKS;
        } else {
            byte[] last = blocks[keep - 1];
            int used = (int) (newSize - ((long) (keep - 1) << BLOCK_SHIFT));
            Arrays.fill(last, used, last.length, (byte) 0);
        }
        space.release(freed);
        size = newSize;
    }

    /** Replaces this file's content with a copy of {@code source}'s. */
    void copyContentFrom(RegularFile source, long nowNanos, String pathForError) throws FileSystemException {
        byte[][] copied;
        long copiedSize;
        long sourceStamp = source.lock.readLock();
        try {
            copiedSize = source.size;
            long bytes = 0;
            copied = new byte[source.blocks.length][];
            for (int i = 0; i < copied.length && source.blocks[i] != null; i++) {
                copied[i] = source.blocks[i].clone();
                bytes += copied[i].length;
            }
            space.reserve(bytes, pathForError);
        } finally {
            source.lock.unlockRead(sourceStamp);
        }
        long stamp = lock.writeLock();
        try {
            cutLocked(0);
            blocks = copied;
            size = copiedSize;
            modifiedNanos(nowNanos);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** A channel opened this file. */
    void opened() {
        long stamp = lock.writeLock();
        openChannels++;
        lock.unlockWrite(stamp);
    }

    /** A channel on this file closed: frees the content if that was the last one of an unlinked file. */
    void closed() {
        long stamp = lock.writeLock();
        try {
            openChannels--;
            if (unlinked && openChannels == 0) {
                cutLocked(0);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** The last link went (tree write lock held): the content goes now, or when the last channel closes. */
    void lastLinkRemoved() {
        long stamp = lock.writeLock();
        try {
            unlinked = true;
            if (openChannels == 0) {
                cutLocked(0);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Bytes allocated for the content (what counts against the store's capacity). */
    long allocatedBytes() {
        long stamp = lock.readLock();
        try {
            long bytes = 0;
            for (byte[] block : blocks) {
                if (block == null) {
                    break;
                }
                bytes += block.length;
            }
            return bytes;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Releases the advisory locks {@code channel} holds, if this file ever had any. */
    void releaseLocks(KeelFileChannel channel) {
        FileLockTable table;
        synchronized (this) {
            table = lockTable;
        }
        if (table != null) {
            table.releaseAll(channel);
        }
    }

    /** The advisory lock table, created on first use. */
    synchronized FileLockTable lockTable() {
        FileLockTable table = lockTable;
        if (table == null) {
            table = new FileLockTable();
            lockTable = table;
        }
        return table;
    }
}
