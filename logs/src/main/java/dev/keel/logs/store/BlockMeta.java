package dev.keel.logs.store;

import dev.keel.logs.LogLevel;
import java.util.Objects;

/**
 * What is known about a sealed block without reading its entries: its stream, time span, entry count per level, the
 * trigram filter of its messages and the write-ahead log position it covers. Kept in memory for every block (about
 * 100 bytes plus the filter); the entries stay compressed on disk until a query needs them. Immutable (the level
 * counts array is never modified after construction).
 *
 * @param id the block's number, unique in the store, increasing in seal order
 * @param stream the stream every entry of the block belongs to
 * @param minNanos the oldest entry's timestamp
 * @param maxNanos the newest entry's timestamp
 * @param count entries in the block
 * @param levelCounts entries per {@link LogLevel} ordinal
 * @param bloom the trigram filter of the messages
 * @param sealedThroughLsn every entry of this stream in a log record at or below this position is in this block or
 *     an earlier one: recovery skips them when it replays the log
 * @param storedBytes the block's size at rest (compressed, with its header)
 * @param rawBytes the size of its entries uncompressed
 * @param layout where the columns and the message pages are in the compressed body
 * @param minuteCounts entries per UTC minute from the minute of {@code minNanos} to that of {@code maxNanos}, so a
 *     per-minute histogram counts the block from its header; empty when the block spans more than
 *     {@value #MAX_MINUTES} minutes
 */
public record BlockMeta(
        long id,
        StreamKey stream,
        long minNanos,
        long maxNanos,
        int count,
        int[] levelCounts,
        NgramBloom bloom,
        long sealedThroughLsn,
        int storedBytes,
        int rawBytes,
        BlockLayout layout,
        int[] minuteCounts) {

    /** The longest span, in minutes, for which a block keeps per-minute counts (a few bytes per minute). */
    public static final int MAX_MINUTES = 1440;

    /** Nanoseconds in a minute. */
    public static final long MINUTE_NANOS = 60_000_000_000L;

    public BlockMeta {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(bloom, "bloom");
        Objects.requireNonNull(layout, "layout");
        if (levelCounts.length != LogLevel.values().length) {
            throw new IllegalArgumentException(
                    "levelCounts has " + levelCounts.length + " slots (expected: " + LogLevel.values().length + ")");
        }
        if (minuteCounts.length != 0 && minuteCounts.length != minuteSpan(minNanos, maxNanos)) {
            throw new IllegalArgumentException("block " + id + " has " + minuteCounts.length
                    + " minute counts (expected: 0 or " + minuteSpan(minNanos, maxNanos) + ")");
        }
        if (minNanos > maxNanos || count <= 0) {
            throw new IllegalArgumentException("block " + id + " spans " + minNanos + ".." + maxNanos + " with " + count
                    + " entries (expected: min <= max, count > 0)");
        }
    }

    /** How many UTC minutes {@code [minNanos, maxNanos]} touches. */
    static long minuteSpan(long minNanos, long maxNanos) {
        return Math.floorDiv(maxNanos, MINUTE_NANOS) - Math.floorDiv(minNanos, MINUTE_NANOS) + 1;
    }

    /** The start of the minute that {@code minuteCounts[0]} counts. */
    public long firstMinuteNanos() {
        return Math.floorDiv(minNanos, MINUTE_NANOS) * MINUTE_NANOS;
    }

    /** True if the block's time span meets {@code [startNanos, endNanos)}. */
    public boolean overlaps(long startNanos, long endNanos) {
        return maxNanos >= startNanos && minNanos < endNanos;
    }

    /** True if every entry of the block lies within {@code [startNanos, endNanos)}. */
    public boolean within(long startNanos, long endNanos) {
        return minNanos >= startNanos && maxNanos < endNanos;
    }

    /** Entries at {@code level} or above. */
    public long countAtLeast(LogLevel level) {
        long total = 0;
        for (int i = level.ordinal(); i < levelCounts.length; i++) {
            total += levelCounts[i];
        }
        return total;
    }

    /** Entries at exactly {@code level}. */
    public int countOf(LogLevel level) {
        return levelCounts[level.ordinal()];
    }

    /** A zero-padded file name that sorts blocks in seal order. */
    public String fileName() {
        return String.format("%020d.block", id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlockMeta that && id == that.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Block[" + id + ", " + stream + ", " + count + " entries, " + minNanos + ".." + maxNanos + "]";
    }
}
