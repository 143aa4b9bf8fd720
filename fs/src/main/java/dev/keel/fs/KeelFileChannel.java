package dev.keel.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardWatchEventKinds;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FileChannel} on a keel regular file: positional and relative reads and writes, append mode, truncation,
 * transfers and advisory locks ({@link FileLockTable}).
 *
 * <p>Thread-safe, as {@code FileChannel} requires: the position is guarded by this channel's monitor, so relative
 * reads and writes from several threads each see and advance it atomically; positional reads and writes go straight
 * to the file, whose lock makes each one atomic. An append finds the end and writes under the file's write lock, so
 * appends from several channels never overwrite each other (as {@code O_APPEND}). Each write that changes content
 * posts an {@code ENTRY_MODIFY} event to watchers of the directory the file was opened through.
 */
final class KeelFileChannel extends FileChannel {

    private static final int TRANSFER_CHUNK = 64 * 1024;

    private final FileTree tree;
    private final RegularFile file;
    private final Directory parent;
    private final String name;
    private final String path;
    private final boolean readable;
    private final boolean writable;
    private final boolean append;
    private final @Nullable KeelPath deleteOnClose;

    /** Guarded by this. */
    private long position;

    KeelFileChannel(
            FileTree tree,
            FileTree.Opened opened,
            String path,
            boolean readable,
            boolean writable,
            boolean append,
            @Nullable KeelPath deleteOnClose) {
        this.tree = tree;
        this.file = opened.file();
        this.parent = opened.parent();
        this.name = opened.name();
        this.path = path;
        this.readable = readable;
        this.writable = writable;
        this.append = append;
        this.deleteOnClose = deleteOnClose;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        checkReadable();
        synchronized (this) {
            int count = file.read(position, dst);
            if (count > 0) {
                position += count;
            }
            return count;
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        checkReadable();
        synchronized (this) {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                int count = file.read(position, dsts[i]);
                if (count < 0) {
                    return total == 0 ? -1 : total;
                }
                position += count;
                total += count;
                if (dsts[i].hasRemaining()) {
                    break;
                }
            }
            return total;
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        checkWritable();
        int count = src.remaining();
        synchronized (this) {
            if (append) {
                position = file.append(src, tree.nowNanos(), path);
            } else {
                file.write(position, src, tree.nowNanos(), path);
                position += count;
            }
        }
        modified();
        return count;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        long total = 0;
        synchronized (this) {
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
        }
        return total;
    }

    @Override
    public synchronized long position() throws IOException {
        checkOpen();
        return position;
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("newPosition (" + newPosition + ") must not be negative");
        }
        checkOpen();
        synchronized (this) {
            position = newPosition;
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        checkOpen();
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("size (" + size + ") must not be negative");
        }
        checkWritable();
        file.truncate(size, tree.nowNanos());
        synchronized (this) {
            if (position > size) {
                position = size;
            }
        }
        modified();
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        checkOpen();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        checkTransfer(position, count);
        checkReadable();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(TRANSFER_CHUNK, Math.max(1, count)));
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int read = file.read(position + done, buffer);
            if (read <= 0) {
                break;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            done += read;
        }
        return done;
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        checkTransfer(position, count);
        checkWritable();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(TRANSFER_CHUNK, Math.max(1, count)));
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int read = src.read(buffer);
            if (read <= 0) {
                break;
            }
            buffer.flip();
            file.write(position + done, buffer, tree.nowNanos(), path);
            done += read;
        }
        if (done > 0) {
            modified();
        }
        return done;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("position (" + position + ") must not be negative");
        }
        checkReadable();
        return file.read(position, dst);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("position (" + position + ") must not be negative");
        }
        checkWritable();
        int count = file.write(position, src, tree.nowNanos(), path);
        modified();
        return count;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("keelfs files cannot be memory-mapped: they live on the Java heap");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        checkLockable(position, size, shared);
        boolean completed = false;
        try {
            begin();
            FileLock lock = file.lockTable().lock(this, position, size, shared);
            completed = true;
            return lock;
        } finally {
            end(completed);
        }
    }

    @Override
    public @Nullable FileLock tryLock(long position, long size, boolean shared) throws IOException {
        checkLockable(position, size, shared);
        return file.lockTable().tryLock(this, position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.releaseLocks(this);
        file.closed();
        if (deleteOnClose != null) {
            try {
                tree.delete(deleteOnClose);
            } catch (java.nio.file.NoSuchFileException alreadyGone) {
                // DELETE_ON_CLOSE is "best effort" by its contract: someone else deleting it first is not a failure.
            }
        }
    }

    private void modified() {
        parent.notifyWatchers(StandardWatchEventKinds.ENTRY_MODIFY, name);
    }

    private void checkOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    private void checkReadable() throws ClosedChannelException {
        checkOpen();
        if (!readable) {
            throw new NonReadableChannelException();
        }
    }

    private void checkWritable() throws ClosedChannelException {
        checkOpen();
        if (!writable) {
            throw new NonWritableChannelException();
        }
    }

    private static void checkTransfer(long position, long count) {
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException(
                    "position (" + position + ") and count (" + count + ") must not be negative");
        }
    }

    private void checkLockable(long position, long size, boolean shared) throws ClosedChannelException {
        if (position < 0 || size < 0 || position + size < 0) {
            throw new IllegalArgumentException("lock region: position " + position + ", size " + size
                    + " (expected: both non-negative, and their sum within a long)");
        }
        checkOpen();
        if (shared && !readable) {
            throw new NonReadableChannelException();
        }
        if (!shared && !writable) {
            throw new NonWritableChannelException();
        }
    }
}
