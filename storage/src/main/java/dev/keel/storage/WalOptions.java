package dev.keel.storage;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link WriteAheadLog} is opened: its sync policy, segment size, record size limits and recovery mode.
 * Immutable; build one with {@link #builder()} or take {@link #defaults()}, and derive variants with
 * {@link #toBuilder()}.
 *
 * @param syncPolicy when appends are forced to disk; default {@link SyncPolicy#ALWAYS}
 * @param segmentSize bytes after which the log rolls to a new segment file; default 64 MiB. A segment may exceed it
 *     by one append, since an append (or a batch) never spans two segments.
 * @param maxRecordSize the largest payload {@code append} accepts, and the largest record recovery will assemble from
 *     disk; default 16 MiB
 * @param maxBatchSize the largest total payload {@code appendBatch} accepts; default 64 MiB
 * @param recoveryMode what opening does about damage before the tail; default {@link RecoveryMode#STRICT}
 * @param channelOpener how segment files are opened; the real file system by default, a fault-injecting model in
 *     crash tests
 * @param recoveryScan how much of the log opening reads and checksums; default {@link RecoveryScan#ALL_SEGMENTS}
 */
public record WalOptions(
        SyncPolicy syncPolicy,
        long segmentSize,
        int maxRecordSize,
        int maxBatchSize,
        RecoveryMode recoveryMode,
        ChannelOpener channelOpener,
        RecoveryScan recoveryScan) {

    /** The smallest segment size accepted: small segments are for tests of rolling. */
    public static final long MIN_SEGMENT_SIZE = 1024;

    /** The largest record size accepted: 1 GiB, so that a record's size always fits an {@code int} with room. */
    public static final int MAX_RECORD_SIZE_LIMIT = 1 << 30;

    public WalOptions {
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(recoveryMode, "recoveryMode");
        Objects.requireNonNull(channelOpener, "channelOpener");
        Objects.requireNonNull(recoveryScan, "recoveryScan");
        if (segmentSize < MIN_SEGMENT_SIZE) {
            throw new IllegalArgumentException(
                    "segmentSize (" + segmentSize + ") must be at least " + MIN_SEGMENT_SIZE + " bytes");
        }
        if (maxRecordSize <= 0 || maxRecordSize > MAX_RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException(
                    "maxRecordSize (" + maxRecordSize + ") must be in [1, " + MAX_RECORD_SIZE_LIMIT + "]");
        }
        if (maxBatchSize < maxRecordSize || maxBatchSize > MAX_RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxBatchSize (" + maxBatchSize + ") must be in [maxRecordSize ("
                    + maxRecordSize + "), " + MAX_RECORD_SIZE_LIMIT + "]");
        }
    }

    /** ALWAYS, 64 MiB segments, 16 MiB records, 64 MiB batches, STRICT recovery, the real file system. */
    public static WalOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults; each option may be set once. */
    public static Builder builder() {
        return new Builder(null);
    }

    /** A builder starting from these options; each option may be changed once. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds {@link WalOptions}. Setting an option twice is a mistake and fails at once, rather than the last call
     * silently winning. Not thread-safe.
     */
    public static final class Builder {
        private SyncPolicy syncPolicy = SyncPolicy.ALWAYS;
        private long segmentSize = 64L << 20;
        private int maxRecordSize = 16 << 20;
        private int maxBatchSize = 64 << 20;
        private RecoveryMode recoveryMode = RecoveryMode.STRICT;
        private RecoveryScan recoveryScan = RecoveryScan.ALL_SEGMENTS;
        private ChannelOpener channelOpener = ChannelOpener.system();
        private final java.util.Set<String> set = new java.util.HashSet<>();

        private Builder(@Nullable WalOptions from) {
            if (from != null) {
                syncPolicy = from.syncPolicy();
                segmentSize = from.segmentSize();
                maxRecordSize = from.maxRecordSize();
                maxBatchSize = from.maxBatchSize();
                recoveryMode = from.recoveryMode();
                recoveryScan = from.recoveryScan();
                channelOpener = from.channelOpener();
            }
        }

        public Builder syncPolicy(SyncPolicy policy) {
            once("syncPolicy");
            this.syncPolicy = Objects.requireNonNull(policy, "syncPolicy");
            return this;
        }

        public Builder segmentSize(long bytes) {
            once("segmentSize");
            this.segmentSize = bytes;
            return this;
        }

        public Builder maxRecordSize(int bytes) {
            once("maxRecordSize");
            this.maxRecordSize = bytes;
            return this;
        }

        public Builder maxBatchSize(int bytes) {
            once("maxBatchSize");
            this.maxBatchSize = bytes;
            return this;
        }

        public Builder recoveryScan(RecoveryScan scan) {
            once("recoveryScan");
            this.recoveryScan = Objects.requireNonNull(scan, "recoveryScan");
            return this;
        }

        public Builder recoveryMode(RecoveryMode mode) {
            once("recoveryMode");
            this.recoveryMode = Objects.requireNonNull(mode, "recoveryMode");
            return this;
        }

        public Builder channelOpener(ChannelOpener opener) {
            once("channelOpener");
            this.channelOpener = Objects.requireNonNull(opener, "channelOpener");
            return this;
        }

        /** The options; validated here, so a bad combination fails before any file is touched. */
        public WalOptions build() {
            int batch = set.contains("maxBatchSize") ? maxBatchSize : Math.max(maxBatchSize, maxRecordSize);
            return new WalOptions(
                    syncPolicy, segmentSize, maxRecordSize, batch, recoveryMode, channelOpener, recoveryScan);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set on this builder");
            }
        }
    }
}
