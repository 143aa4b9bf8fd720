package dev.keel.kv;

import dev.keel.storage.SyncPolicy;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link KeyValueStore} is opened. Immutable; build with {@link #builder(Path)}, derive with {@link #toBuilder()}.
 *
 * @param directory where the store keeps its log (created if missing)
 * @param syncPolicy when writes are forced to disk; default {@link SyncPolicy#ALWAYS}: a write is durable when it
 *     returns, and concurrent writers share forces (group commit)
 * @param segmentSize bytes per log segment; default 64 MiB. Compaction works a segment at a time.
 * @param compactionTrigger compact when dead bytes exceed this fraction of the log; default 0.5
 * @param clock the wall clock that TTLs are measured against; default {@link InstantSource#system()}
 * @param maxKeySize the longest key accepted, in bytes; default 64 KiB
 * @param maxValueSize the longest value accepted, in bytes; default 16 MiB
 * @param valueCacheBytes memory for recently read and written values, so that hot reads skip the disk; default 64 MiB,
 *     0 for none
 * @param checkpointInterval write a key-directory checkpoint in the background after this many bytes of log (and at
 *     least twice the last checkpoint's size), so that a restart after a crash replays at most about that much; default
 *     256 MiB, 0 for only at close and on demand
 */
public record KvOptions(
        Path directory,
        SyncPolicy syncPolicy,
        long segmentSize,
        double compactionTrigger,
        InstantSource clock,
        int maxKeySize,
        int maxValueSize,
        long valueCacheBytes,
        long checkpointInterval) {

    public KvOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(clock, "clock");
        if (segmentSize < 1024) {
            throw new IllegalArgumentException("segmentSize (" + segmentSize + ") must be at least 1024 bytes");
        }
        if (!(compactionTrigger > 0 && compactionTrigger < 1)) {
            throw new IllegalArgumentException(
                    "compactionTrigger (" + compactionTrigger + ") must be a fraction in (0, 1)");
        }
        if (maxKeySize <= 0 || maxKeySize > (1 << 20)) {
            throw new IllegalArgumentException("maxKeySize (" + maxKeySize + ") must be in [1, 1048576]");
        }
        if (valueCacheBytes < 0) {
            throw new IllegalArgumentException("valueCacheBytes (" + valueCacheBytes + ") must not be negative");
        }
        if (checkpointInterval < 0) {
            throw new IllegalArgumentException(
                    "checkpointInterval (" + checkpointInterval + ") must not be negative (0: none)");
        }
        if (maxValueSize < 0 || maxValueSize > (512 << 20)) {
            throw new IllegalArgumentException("maxValueSize (" + maxValueSize + ") must be in [0, 536870912]");
        }
    }

    /** The defaults, in {@code directory}. */
    public static KvOptions defaults(Path directory) {
        return builder(directory).build();
    }

    /** A builder with the defaults, for a store in {@code directory}; each option may be set once. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** A builder starting from these options; each option may be changed once. */
    public Builder toBuilder() {
        Builder builder = new Builder(directory);
        builder.syncPolicy = syncPolicy;
        builder.segmentSize = segmentSize;
        builder.compactionTrigger = compactionTrigger;
        builder.clock = clock;
        builder.maxKeySize = maxKeySize;
        builder.maxValueSize = maxValueSize;
        builder.valueCacheBytes = valueCacheBytes;
        builder.checkpointInterval = checkpointInterval;
        return builder;
    }

    /** Builds {@link KvOptions}; setting an option twice fails at once. Not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private SyncPolicy syncPolicy = SyncPolicy.ALWAYS;
        private long segmentSize = 64L << 20;
        private double compactionTrigger = 0.5;
        private InstantSource clock = InstantSource.system();
        private int maxKeySize = 64 << 10;
        private int maxValueSize = 16 << 20;
        private long valueCacheBytes = 64L << 20;
        private long checkpointInterval = 256L << 20;
        private final Set<String> set = new HashSet<>();

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
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

        public Builder compactionTrigger(double deadFraction) {
            once("compactionTrigger");
            this.compactionTrigger = deadFraction;
            return this;
        }

        public Builder clock(InstantSource clock) {
            once("clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder maxKeySize(int bytes) {
            once("maxKeySize");
            this.maxKeySize = bytes;
            return this;
        }

        public Builder maxValueSize(int bytes) {
            once("maxValueSize");
            this.maxValueSize = bytes;
            return this;
        }

        public Builder valueCacheBytes(long bytes) {
            once("valueCacheBytes");
            this.valueCacheBytes = bytes;
            return this;
        }

        public Builder checkpointInterval(long bytes) {
            once("checkpointInterval");
            this.checkpointInterval = bytes;
            return this;
        }

        public KvOptions build() {
            return new KvOptions(
                    directory,
                    syncPolicy,
                    segmentSize,
                    compactionTrigger,
                    clock,
                    maxKeySize,
                    maxValueSize,
                    valueCacheBytes,
                    checkpointInterval);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set on this builder");
            }
        }
    }
}
