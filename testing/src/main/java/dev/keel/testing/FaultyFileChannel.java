package dev.keel.testing;

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
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FileChannel} whose data go through a {@link FaultyDisk}: writes stay pending in the disk's model of the
 * file until {@code force}, reads see them, and once the power is cut every operation but {@code close} fails.
 *
 * <p>It holds a real channel on the file, always readable, through which it reads the durable image, truncates, and
 * takes real locks; it never writes through it (the disk applies forced writes). Closing this channel closes it.
 *
 * <p>Thread-safe: every operation holds the disk's lock, including this channel's position.
 */
final class FaultyFileChannel extends FileChannel {

    /** The most one {@code transferTo} or {@code transferFrom} call moves; the contract allows short transfers. */
    private static final int TRANSFER_CHUNK = 64 * 1024;

    private final FaultyDisk disk;
    private final CachedFile file;
    private final FileChannel real;
    private final OpenMode mode;
    // @GuardedBy("disk.lock()")
    private long position;

    FaultyFileChannel(FaultyDisk disk, CachedFile file, FileChannel real, OpenMode mode) {
        this.disk = disk;
        this.file = file;
        this.real = real;
        this.mode = mode;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        synchronized (disk.lock()) {
            checkReadable();
            int read = file.read(real, dst, position);
            if (read > 0) {
                position += read;
            }
            return read;
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        synchronized (disk.lock()) {
            checkReadable();
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                if (!dsts[i].hasRemaining()) {
                    continue;
                }
                int read = file.read(real, dsts[i], position);
                if (read < 0) {
                    return total == 0 ? -1 : total;
                }
                position += read;
                total += read;
                if (dsts[i].hasRemaining()) {
                    break; // the end of the file
                }
            }
            return total;
        }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        requireNotNegative("position", position);
        synchronized (disk.lock()) {
            checkReadable();
            return file.read(real, dst, position);
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        synchronized (disk.lock()) {
            checkWritable();
            long at = mode.append() ? file.size(real) : position;
            int written = writeAt(at, take(src, src.remaining()));
            position = at + written;
            return written;
        }
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        synchronized (disk.lock()) {
            checkWritable();
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += srcs[i].remaining();
            }
            ByteBuffer gathered = ByteBuffer.allocate(Math.toIntExact(total));
            for (int i = offset; i < offset + length; i++) {
                gathered.put(srcs[i]);
            }
            long at = mode.append() ? file.size(real) : position;
            int written = writeAt(at, gathered.array());
            position = at + written;
            return written;
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        requireNotNegative("position", position);
        synchronized (disk.lock()) {
            checkWritable();
            return writeAt(position, take(src, src.remaining()));
        }
    }

    @Override
    public long position() throws IOException {
        synchronized (disk.lock()) {
            checkUsable();
            return mode.append() ? file.size(real) : position;
        }
    }

    @Override
    public FaultyFileChannel position(long newPosition) throws IOException {
        requireNotNegative("newPosition", newPosition);
        synchronized (disk.lock()) {
            checkUsable();
            position = newPosition;
            return this;
        }
    }

    @Override
    public long size() throws IOException {
        synchronized (disk.lock()) {
            checkUsable();
            return file.size(real);
        }
    }

    @Override
    public FaultyFileChannel truncate(long size) throws IOException {
        requireNotNegative("size", size);
        synchronized (disk.lock()) {
            checkWritable();
            file.truncate(real, size);
            position = Math.min(position, size);
            return this;
        }
    }

    @Override
    public void force(boolean metaData) throws IOException {
        synchronized (disk.lock()) {
            checkUsable();
            disk.force(file);
        }
    }

    /** Reads at most 64 KiB per call through the model, then hands them to {@code target} outside the disk's lock. */
    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        requireNotNegative("position", position);
        requireNotNegative("count", count);
        ByteBuffer chunk;
        synchronized (disk.lock()) {
            checkReadable();
            chunk = ByteBuffer.allocate((int) Math.min(count, TRANSFER_CHUNK));
            if (file.read(real, chunk, position) <= 0) {
                return 0;
            }
        }
        return target.write(chunk.flip());
    }

    /** Reads at most 64 KiB per call from {@code src} outside the disk's lock, then writes them as one write. */
    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        requireNotNegative("position", position);
        requireNotNegative("count", count);
        synchronized (disk.lock()) {
            checkWritable();
            if (position > file.size(real)) {
                return 0;
            }
        }
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(count, TRANSFER_CHUNK));
        if (src.read(chunk) <= 0) {
            return 0;
        }
        return write(chunk.flip(), position);
    }

    @Override
    public MappedByteBuffer map(MapMode mapMode, long position, long size) {
        throw new UnsupportedOperationException(
                "map is not supported by FaultyDisk: writes through a mapping would bypass the model of unsynced writes");
    }

    /** Takes a real lock on the real file (blocking outside the disk's lock); it is released with this channel. */
    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        checkLockable(shared);
        return new ForwardingLock(this, real.lock(position, size, shared));
    }

    @Override
    public @Nullable FileLock tryLock(long position, long size, boolean shared) throws IOException {
        checkLockable(shared);
        FileLock taken = real.tryLock(position, size, shared);
        return taken == null ? null : new ForwardingLock(this, taken);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }

    @Override
    public String toString() {
        return "FaultyFileChannel[" + file.path() + "]";
    }

    private int writeAt(long at, byte[] bytes) throws IOException {
        int written = disk.write(file, at, bytes);
        if (mode.syncEachWrite()) {
            file.flush();
        }
        return written;
    }

    private static byte[] take(ByteBuffer src, int length) {
        byte[] bytes = new byte[length];
        src.get(bytes);
        return bytes;
    }

    private void checkLockable(boolean shared) throws IOException {
        synchronized (disk.lock()) {
            checkUsable();
            if (shared && !mode.readable()) {
                throw new NonReadableChannelException();
            }
            if (!shared && !mode.writable()) {
                throw new NonWritableChannelException();
            }
        }
    }

    private void checkReadable() throws IOException {
        checkUsable();
        if (!mode.readable()) {
            throw new NonReadableChannelException();
        }
    }

    private void checkWritable() throws IOException {
        checkUsable();
        if (!mode.writable()) {
            throw new NonWritableChannelException();
        }
    }

    private void checkUsable() throws IOException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
        disk.checkPower();
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must not be negative");
        }
    }

    /** A real lock presented as a lock of the modelled channel, as {@link FileLock#channel()} promises. */
    private static final class ForwardingLock extends FileLock {
        private final FileLock real;

        ForwardingLock(FileChannel channel, FileLock real) {
            super(channel, real.position(), real.size(), real.isShared());
            this.real = real;
        }

        @Override
        public boolean isValid() {
            return real.isValid();
        }

        @Override
        public void release() throws IOException {
            real.release();
        }
    }
}
