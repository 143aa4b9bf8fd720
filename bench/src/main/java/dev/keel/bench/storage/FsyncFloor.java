package dev.keel.bench.storage;

import dev.keel.time.Ticker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * The disk's fsync floor: the latency of {@code FileChannel.force(false)} (fdatasync) after one 4 KiB positional
 * write, in a loop on one thread, with nothing of keel in the way. Under {@code SyncPolicy.ALWAYS} no log can
 * acknowledge a record faster than this, and group commit can at best make one force serve every waiting appender, so
 * this number turns keel's throughput into a fraction of what the disk allows.
 *
 * <p>Two shapes, because the file system does different work for them: {@link Shape#APPEND} writes past the end of
 * the file, as a log does, so every fdatasync must also commit the new file size (on ext4, a journal commit);
 * {@link Shape#OVERWRITE} rewrites blocks of a preallocated file, so it flushes data only. The gap between them is
 * what preallocating segments could win.
 *
 * <p>Run (as the first section of): {@code ./keel bench run dev.keel.bench.storage.WalAppendHarness}
 */
final class FsyncFloor {

    /** The write before each force: one 4 KiB page, the unit of the page cache and of most disks. */
    static final int WRITE_SIZE = 4096;

    /** Blocks the overwrite shape cycles through: 4 MiB, written and forced once before measuring. */
    private static final int OVERWRITE_BLOCKS = 1024;

    enum Shape {
        /** Each write extends the file, as a log segment grows. */
        APPEND("append 4 KiB (file grows)"),
        /** Each write lands on an allocated block inside the file; the size never changes. */
        OVERWRITE("overwrite 4 KiB (preallocated file)");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One shape's measurement. Immutable.
     *
     * @param shape what was written before each force
     * @param forces forces completed in the measured window
     * @param elapsedNanos the window's length
     * @param latency the latency of each {@code force(false)} alone (the write before it is not timed)
     */
    record Result(Shape shape, long forces, long elapsedNanos, LatencySummary latency) {
        long forcesPerSecond() {
            return Math.round(forces * 1e9 / elapsedNanos);
        }
    }

    private final Duration warmup;
    private final Duration measurement;
    private final Ticker ticker;

    FsyncFloor(Duration warmup, Duration measurement, Ticker ticker) {
        this.warmup = warmup;
        this.measurement = measurement;
        this.ticker = ticker;
    }

    /** Measures {@code shape} in a new file in {@code directory}, deleted afterwards, on the calling thread. */
    Result measure(Path directory, Shape shape) throws IOException {
        Path file = directory.resolve("fsync-floor-" + shape.name().toLowerCase(java.util.Locale.ROOT) + ".dat");
        ByteBuffer page = ByteBuffer.allocateDirect(WRITE_SIZE);
        for (int i = 0; i < WRITE_SIZE; i++) {
            page.put(i, (byte) (i * 31 + 7));
        }
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (shape == Shape.OVERWRITE) {
                for (int block = 0; block < OVERWRITE_BLOCKS; block++) {
                    writeFully(channel, page, (long) block * WRITE_SIZE);
                }
                channel.force(true);
            }
            Histogram histogram = LatencySummary.newHistogram();
            long position = 0;
            long warmupEnd = ticker.read() + warmup.toNanos();
            while (ticker.read() - warmupEnd < 0) {
                position = writeAndForce(channel, page, shape, position);
            }
            long start = ticker.read();
            long end = start + measurement.toNanos();
            long forces = 0;
            long now = start;
            while (now - end < 0) {
                position = writeAt(channel, page, shape, position);
                long before = ticker.read();
                channel.force(false);
                now = ticker.read();
                LatencySummary.record(histogram, now - before);
                forces++;
            }
            return new Result(shape, forces, now - start, LatencySummary.of(histogram));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long writeAndForce(FileChannel channel, ByteBuffer page, Shape shape, long position)
            throws IOException {
        long next = writeAt(channel, page, shape, position);
        channel.force(false);
        return next;
    }

    /** Writes one page at the shape's next position; returns the position after it. */
    private static long writeAt(FileChannel channel, ByteBuffer page, Shape shape, long position) throws IOException {
        long at = shape == Shape.APPEND ? position : position % ((long) OVERWRITE_BLOCKS * WRITE_SIZE);
        writeFully(channel, page, at);
        return position + WRITE_SIZE;
    }

    private static void writeFully(FileChannel channel, ByteBuffer page, long position) throws IOException {
        ByteBuffer source = page.duplicate().clear();
        long at = position;
        while (source.hasRemaining()) {
            at += channel.write(source, at);
        }
    }
}
