package dev.keel.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * One segment file of a write-ahead log: its base LSN and a channel to it, shared by the writer and every reader.
 *
 * <p>How interrupts are handled, and why: a {@link FileChannel} is an interruptible channel, so a thread interrupted
 * during (or just before) a read or write closes it for everyone, which would break a log shared by a server's
 * threads because one request was cancelled. Every operation here therefore clears the caller's interrupt status for
 * the duration of the I/O and restores it afterwards, and if the channel was closed under it anyway (an interrupt
 * arriving mid-operation, on this thread or another), it reopens the file and retries: positional reads and writes are
 * idempotent. Only a deliberate {@link #close()} makes operations fail for good.
 *
 * <p>Lifetime: the log and its readers {@linkplain #retain() retain} and {@linkplain #release() release} a segment;
 * {@link #retire()} (after {@code truncateBefore} deleted the file) closes the channel once the last holder lets go.
 *
 * <p>Thread-safe: the channel reference and the reference count are guarded by this object's monitor; I/O runs
 * outside it.
 */
final class Segment {

    private static final int MAX_REOPENS = 16;

    private final Path path;
    private final long baseLsn;
    private final ChannelOpener opener;
    private final Set<? extends OpenOption> options;

    /** The LSN where this segment ends once the log has moved past it, or -1 while it is being appended to. */
    private volatile long sealedEnd = -1;

    // @GuardedBy("this")
    private FileChannel channel;
    // @GuardedBy("this")
    private int holders = 1;
    // @GuardedBy("this")
    private boolean closed;

    Segment(Path path, long baseLsn, ChannelOpener opener, Set<? extends OpenOption> options) throws IOException {
        this.path = path;
        this.baseLsn = baseLsn;
        this.opener = opener;
        this.options = Set.copyOf(options);
        this.channel = opener.open(path, options);
    }

    Path path() {
        return path;
    }

    long baseLsn() {
        return baseLsn;
    }

    /** Records that the log has moved past this segment, which ends at {@code endLsn}. */
    void seal(long endLsn) {
        sealedEnd = endLsn;
    }

    /** The LSN where this segment ends, or -1 if it is still being appended to. */
    long sealedEnd() {
        return sealedEnd;
    }

    /** Reads into {@code dst} from file offset {@code offset} until it is full or the file ends; returns bytes read. */
    int readAt(ByteBuffer dst, long offset) throws IOException {
        int start = dst.position();
        return (int) withChannel(channel -> {
            dst.position(start);
            long position = offset;
            while (dst.hasRemaining()) {
                int read = channel.read(dst, position);
                if (read < 0) {
                    break;
                }
                position += read;
            }
            return dst.position() - start;
        });
    }

    /** Writes all of {@code src} at file offset {@code offset}. */
    void writeFully(ByteBuffer src, long offset) throws IOException {
        int start = src.position();
        withChannel(channel -> {
            src.position(start);
            long position = offset;
            while (src.hasRemaining()) {
                position += channel.write(src, position);
            }
            return 0;
        });
    }

    /** Forces the file's data (not its metadata: the size is made durable by the data it covers). */
    void force() throws IOException {
        withChannel(channel -> {
            channel.force(false);
            return 0;
        });
    }

    long size() throws IOException {
        return withChannel(FileChannel::size);
    }

    /** Cuts the file to {@code size} bytes and forces the cut. */
    void truncate(long size) throws IOException {
        withChannel(channel -> {
            channel.truncate(size);
            channel.force(true);
            return 0;
        });
    }

    /** Adds a holder; false if the segment was already closed (its file deleted). */
    synchronized boolean retain() {
        if (closed) {
            return false;
        }
        holders++;
        return true;
    }

    /** Drops a holder; the last one closes the channel. */
    void release() throws IOException {
        FileChannel toClose = null;
        synchronized (this) {
            if (--holders == 0 && !closed) {
                closed = true;
                toClose = channel;
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    /** Drops the log's own hold, for a segment whose file is deleted or a log that is closing. */
    void retire() throws IOException {
        release();
    }

    /** Deletes the file; the channel stays usable by current holders until they release it (POSIX unlink). */
    void deleteFile() throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }

    @FunctionalInterface
    private interface ChannelOperation {
        long apply(FileChannel channel) throws IOException;
    }

    private long withChannel(ChannelOperation operation) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 0; ; attempt++) {
                FileChannel current = currentChannel();
                try {
                    return operation.apply(current);
                } catch (ClosedChannelException closedUnderUs) {
                    if (Thread.interrupted()) {
                        interrupted = true;
                    }
                    if (attempt >= MAX_REOPENS) {
                        throw closedUnderUs;
                    }
                    reopen(current, closedUnderUs);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized FileChannel currentChannel() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
        return channel;
    }

    private synchronized void reopen(FileChannel failed, ClosedChannelException cause) throws IOException {
        if (closed) {
            throw cause;
        }
        if (channel == failed) {
            channel = opener.open(path, options);
        }
    }
}
