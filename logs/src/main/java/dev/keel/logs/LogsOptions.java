package dev.keel.logs;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link LogAggregator} behaves: the out-of-order window, block sizes, durability, retention and the clock that
 * retention reads. Build with {@link #builder()}; every option has a default and may be set once.
 *
 * @param outOfOrderWindow how far behind its newest entry a stream still accepts entries (Loki's default: 1 hour)
 * @param maxBlockEntries a stream's open block is sealed when it holds this many entries
 * @param maxBlockBytes ... or this many bytes of encoded entries
 * @param maxOpenBytes the encoded bytes all open blocks may hold together before the oldest is sealed: with
 *     {@code maxWalBytes} this bounds memory however much is ingested
 * @param maxPendingSeals full blocks that may wait for the background sealer; an ingest waits while this many do
 *     (or while they hold more than {@code maxOpenBytes}): the backpressure that bounds memory when ingestion
 *     outruns compression
 * @param maxWalBytes the write-ahead log may hold this many bytes before the open block that pins its oldest segment
 *     is sealed, so restart replays at most about this much
 * @param durability when an ingest call returns: after its entries are forced to disk, or once they are written
 * @param retention entries older than this (by the clock) are deleted, whole blocks at a time; null keeps all
 * @param retentionBytes sealed blocks beyond this many bytes are deleted, oldest first; 0 means no limit
 * @param blockCacheBytes decompressed blocks kept in memory for queries
 * @param clock what "now" is for retention and for queries relative to now
 */
public record LogsOptions(
        Duration outOfOrderWindow,
        int maxBlockEntries,
        int maxBlockBytes,
        long maxOpenBytes,
        int maxPendingSeals,
        long maxWalBytes,
        Durability durability,
        @Nullable Duration retention,
        long retentionBytes,
        long blockCacheBytes,
        InstantSource clock) {

    /** When an acknowledged ingest is on disk. */
    public enum Durability {
        /** Each ingest call returns after its entries are forced to disk (fsync); group commit shares the forces. */
        SYNC,
        /** Each ingest call returns once its entries are written to the OS; a power cut can lose the last ones. */
        NONE
    }

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    public LogsOptions {
        Objects.requireNonNull(outOfOrderWindow, "outOfOrderWindow");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(clock, "clock");
        if (outOfOrderWindow.isNegative()) {
            throw new IllegalArgumentException("outOfOrderWindow (" + outOfOrderWindow + ") must not be negative");
        }
        positive("maxBlockEntries", maxBlockEntries);
        positive("maxBlockBytes", maxBlockBytes);
        if (maxBlockBytes > 64 << 20) {
            throw new IllegalArgumentException("maxBlockBytes (" + maxBlockBytes + ") must be at most 64 MiB");
        }
        positive("maxOpenBytes", maxOpenBytes);
        positive("maxPendingSeals", maxPendingSeals);
        positive("maxWalBytes", maxWalBytes);
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("retention (" + retention + ") must be positive, or null to keep all");
        }
        if (retentionBytes < 0) {
            throw new IllegalArgumentException("retentionBytes (" + retentionBytes + ") must not be negative");
        }
        if (blockCacheBytes < 0) {
            throw new IllegalArgumentException("blockCacheBytes (" + blockCacheBytes + ") must not be negative");
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must be positive");
        }
    }

    /** The defaults: 1 h window, 16,384-entry or 1 MiB blocks, 64 MiB open, 8 blocks waiting to be sealed, 64 MiB of log, SYNC, keep all. */
    public static LogsOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.outOfOrderWindow = outOfOrderWindow;
        builder.maxBlockEntries = maxBlockEntries;
        builder.maxBlockBytes = maxBlockBytes;
        builder.maxOpenBytes = maxOpenBytes;
        builder.maxPendingSeals = maxPendingSeals;
        builder.maxWalBytes = maxWalBytes;
        builder.durability = durability;
        builder.retention = retention;
        builder.retentionBytes = retentionBytes;
        builder.blockCacheBytes = blockCacheBytes;
        builder.clock = clock;
        return builder;
    }

    /** Builds options; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private final Set<String> set = new HashSet<>();
        private Duration outOfOrderWindow = DEFAULT_WINDOW;
        private int maxBlockEntries = 16_384;
        private int maxBlockBytes = 1 << 20;
        private long maxOpenBytes = 64L << 20;
        private int maxPendingSeals = 8;
        private long maxWalBytes = 64L << 20;
        private Durability durability = Durability.SYNC;
        private @Nullable Duration retention;
        private long retentionBytes;
        private long blockCacheBytes = 32L << 20;
        private InstantSource clock = InstantSource.system();

        private Builder() {}

        public Builder outOfOrderWindow(Duration window) {
            once("outOfOrderWindow");
            this.outOfOrderWindow = window;
            return this;
        }

        public Builder maxBlockEntries(int entries) {
            once("maxBlockEntries");
            this.maxBlockEntries = entries;
            return this;
        }

        public Builder maxBlockBytes(int bytes) {
            once("maxBlockBytes");
            this.maxBlockBytes = bytes;
            return this;
        }

        public Builder maxOpenBytes(long bytes) {
            once("maxOpenBytes");
            this.maxOpenBytes = bytes;
            return this;
        }

        public Builder maxPendingSeals(int blocks) {
            once("maxPendingSeals");
            this.maxPendingSeals = blocks;
            return this;
        }

        public Builder maxWalBytes(long bytes) {
            once("maxWalBytes");
            this.maxWalBytes = bytes;
            return this;
        }

        public Builder durability(Durability value) {
            once("durability");
            this.durability = value;
            return this;
        }

        /** Deletes blocks whose newest entry is older than {@code age}. */
        public Builder retention(Duration age) {
            once("retention");
            this.retention = Objects.requireNonNull(age, "retention");
            return this;
        }

        public Builder retentionBytes(long bytes) {
            once("retentionBytes");
            this.retentionBytes = bytes;
            return this;
        }

        public Builder blockCacheBytes(long bytes) {
            once("blockCacheBytes");
            this.blockCacheBytes = bytes;
            return this;
        }

        public Builder clock(InstantSource source) {
            once("clock");
            this.clock = source;
            return this;
        }

        public LogsOptions build() {
            return new LogsOptions(
                    outOfOrderWindow,
                    maxBlockEntries,
                    maxBlockBytes,
                    maxOpenBytes,
                    maxPendingSeals,
                    maxWalBytes,
                    durability,
                    retention,
                    retentionBytes,
                    blockCacheBytes,
                    clock);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set on this builder");
            }
        }
    }
}
