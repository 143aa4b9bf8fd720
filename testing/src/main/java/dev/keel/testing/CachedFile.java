package dev.keel.testing;

import dev.keel.testing.FaultyDisk.CrashMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One file as the page cache of a {@link FaultyDisk} sees it: the durable bytes in the real file, and the writes
 * accepted since the last {@code force}, kept in memory in the order they were made.
 *
 * <p>Every channel that the disk opens on the same path shares one {@code CachedFile}, so a write through one channel
 * is visible to a read through another before either forces, as with a real page cache. The pending writes outlive the
 * channels that made them: closing a file does not make it durable.
 *
 * <p>Not thread-safe: the disk calls every method under its lock.
 */
final class CachedFile {

    private final Path path;
    // @GuardedBy("disk lock")
    private final List<PendingWrite> pending = new ArrayList<>();

    CachedFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    void add(PendingWrite write) {
        if (write.length() > 0) {
            pending.add(write);
        }
    }

    /** Forgets the pending writes: the file they were made to was replaced or truncated to nothing. */
    void discardPending() {
        pending.clear();
    }

    /** The size a reader sees: the durable size, extended by any pending write past its end. */
    long size(FileChannel durable) throws IOException {
        long size = durable.size();
        for (PendingWrite write : pending) {
            size = Math.max(size, write.end());
        }
        return size;
    }

    /**
     * Reads at {@code position} into {@code dst}: the durable bytes with the pending writes laid over them in order
     * (a gap that no one wrote reads as zeros). Returns the count read, or -1 at or past the end.
     */
    int read(FileChannel durable, ByteBuffer dst, long position) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        long size = size(durable);
        if (position >= size) {
            return -1;
        }
        byte[] window = new byte[(int) Math.min(dst.remaining(), size - position)];
        ByteBuffer fill = ByteBuffer.wrap(window);
        while (fill.hasRemaining()) { // a positional read may return short; the rest of a window past the end is zeros
            if (durable.read(fill, position + fill.position()) < 0) {
                break;
            }
        }
        for (PendingWrite write : pending) {
            write.copyOverlap(window, position);
        }
        dst.put(window);
        return window.length;
    }

    /** Truncation is durable at once: pending writes past {@code size} are dropped or clipped, the real file cut. */
    void truncate(FileChannel durable, long size) throws IOException {
        pending.replaceAll(write ->
                write.end() <= size ? write : write.prefix((int) Math.max(0, size - write.position())));
        pending.removeIf(write -> write.length() == 0);
        durable.truncate(size);
    }

    /** Makes every pending write durable, in order: what {@code force} does. */
    void flush() throws IOException {
        apply(pending);
        pending.clear();
    }

    /** The power is cut: the pending writes meet the fate that {@code mode} draws for them, then are gone. */
    void crash(CrashMode mode, SeededRandom random) throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        List<PendingWrite> landed = WriteFates.survivors(mode, List.copyOf(pending), random);
        pending.clear();
        apply(landed);
    }

    /**
     * Writes to the real file through a channel of its own, because the channel that made the writes may be read-only
     * or closed. A file deleted meanwhile takes its writes with it (they would have gone to an unlinked inode).
     */
    private void apply(List<PendingWrite> writes) throws IOException {
        if (writes.isEmpty()) {
            return;
        }
        try (FileChannel real = FileChannel.open(path, StandardOpenOption.WRITE)) {
            for (PendingWrite write : writes) {
                ByteBuffer bytes = ByteBuffer.wrap(write.bytes());
                while (bytes.hasRemaining()) {
                    real.write(bytes, write.position() + bytes.position());
                }
            }
        } catch (NoSuchFileException deleted) {
            // the file was deleted (directory operations are not modelled): its unsynced writes are lost with it
        }
    }

    @Override
    public String toString() {
        return "CachedFile[" + path + ", " + pending.size() + " pending]";
    }
}
