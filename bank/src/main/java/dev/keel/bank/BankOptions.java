package dev.keel.bank;

import dev.keel.storage.ChannelOpener;
import dev.keel.storage.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link BankingSystem} is opened. Immutable; build with {@link #builder()} and derive variants with
 * {@link #toBuilder()}.
 *
 * @param directory where the log and snapshots live; null for a system in memory only
 * @param clock the source of timestamps and of hold expiry; the system clock by default
 * @param syncPolicy when the log forces to disk; {@link SyncPolicy#ALWAYS} by default (a transfer is acknowledged only
 *     once it is on disk)
 * @param maxBatch the most requests the sequencer puts in one log record; 8,192 by default
 * @param snapshotEvery events after which a snapshot is written (bounding recovery's replay); 1,000,000 by default
 * @param segmentSize the log's segment size; 64 MiB by default
 * @param channelOpener how the log opens its files: the real file system by default, a fault-injecting disk in crash
 *     tests
 * @param pipelineDepth how many sealed batches the sequencer may run ahead of the disk (it applies the next batch while
 *     earlier ones are forced; answers still wait for their batch's force); 0 by default: the sequencer forces each
 *     batch itself before it runs the next, with no second thread, which measured faster at 8 clients on a 2-core
 *     machine (docs/bank.md); up to 4,096
 * @param commitGather with pipeline depth 0: when fewer requests are waiting than the last cycle's clients (the last
 *     batch's plus those already queued when its force returned), how long the
 *     sequencer waits for each further one before it runs the batch anyway (PostgreSQL's {@code commit_delay} idea:
 *     closed-loop clients answered together come back a few microseconds apart, and without it the first one back
 *     starts a batch of its own; it waits for at most 16 requests, where a shared force pays, and it waits by polling,
 *     yielding the processor, while running each request as it arrives); by default 50 µs when the
 *     sequencer forces each batch itself ({@link SyncPolicy#ALWAYS}, pipeline depth 0, no force threads) and zero (off)
 *     otherwise; at most 10 ms; not with pipelined commits
 * @param forceThreads with pipeline depth 0 and {@link SyncPolicy#ALWAYS}: how many threads force the log, each
 *     force running concurrently with the others and with the sequencer's next batches (the sequencer writes each
 *     batch's record itself and goes on; a batch is answered once a force that started after its write has
 *     returned; see {@link OverlappingForces}); 0 (the sequencer forces each batch itself) by default, up to 8; not
 *     with pipelined commits or a gather wait
 */
public record BankOptions(
        @Nullable Path directory,
        InstantSource clock,
        SyncPolicy syncPolicy,
        int maxBatch,
        long snapshotEvery,
        long segmentSize,
        ChannelOpener channelOpener,
        int pipelineDepth,
        Duration commitGather,
        int forceThreads) {

    static final Duration MAX_COMMIT_GATHER = Duration.ofMillis(10);
    /** The gather wait a builder gives a sequencer that forces each batch itself, unless told otherwise. */
    static final Duration DEFAULT_COMMIT_GATHER = Duration.ofNanos(50_000);

    static final int MAX_FORCE_THREADS = 8;

    public BankOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(channelOpener, "channelOpener");
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        if (maxBatch < 1 || maxBatch > 65_536) {
            throw new IllegalArgumentException("maxBatch (" + maxBatch + ") must be in [1, 65536]");
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery (" + snapshotEvery + ") must be positive");
        }
        if (pipelineDepth < 0 || pipelineDepth > 4096) {
            throw new IllegalArgumentException("pipelineDepth (" + pipelineDepth + ") must be in [0, 4096]");
        }
        Objects.requireNonNull(commitGather, "commitGather");
        if (commitGather.isNegative() || commitGather.compareTo(MAX_COMMIT_GATHER) > 0) {
            throw new IllegalArgumentException("commitGather (" + commitGather + ") must be in [PT0S, PT0.01S]");
        }
        if (!commitGather.isZero() && pipelineDepth > 0) {
            throw new IllegalArgumentException("commitGather (" + commitGather + ") needs pipelineDepth 0, not "
                    + pipelineDepth + " (a pipelined sequencer does not wait between batches)");
        }
        if (forceThreads < 0 || forceThreads > MAX_FORCE_THREADS) {
            throw new IllegalArgumentException(
                    "forceThreads (" + forceThreads + ") must be in [0, " + MAX_FORCE_THREADS + "]");
        }
        if (forceThreads > 0 && (pipelineDepth > 0 || !commitGather.isZero())) {
            throw new IllegalArgumentException("forceThreads (" + forceThreads + ") needs pipelineDepth 0 and no"
                    + " commitGather, not " + pipelineDepth + " and " + commitGather
                    + " (overlapping forces replace both)");
        }
        if (forceThreads > 0 && !(syncPolicy instanceof SyncPolicy.Always)) {
            throw new IllegalArgumentException(
                    "forceThreads (" + forceThreads + ") needs SyncPolicy.ALWAYS, not " + syncPolicy);
        }
        if (segmentSize < 1024) {
            throw new IllegalArgumentException("segmentSize (" + segmentSize + ") must be at least 1024 bytes");
        }
    }

    /** A builder for a system in memory; {@link Builder#directory(Path)} makes it durable. */
    public static Builder builder() {
        return new Builder(null);
    }

    /** A builder for a durable system in {@code directory}. */
    public static Builder builder(Path directory) {
        return new Builder(null).directory(directory);
    }

    /**
     * The gather wait when none is set: {@link #DEFAULT_COMMIT_GATHER} where the sequencer forces each batch itself
     * (every force then pays, so gathering a cycle's clients into one force pays; measured in docs/bank.md), none
     * where pipelined commits or overlapping forces replace it or where batches are not forced.
     */
    static Duration defaultCommitGather(SyncPolicy syncPolicy, int pipelineDepth, int forceThreads) {
        boolean forcesEachBatchItself =
                syncPolicy instanceof SyncPolicy.Always && pipelineDepth == 0 && forceThreads == 0;
        return forcesEachBatchItself ? DEFAULT_COMMIT_GATHER : Duration.ZERO;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link BankOptions}; setting an option twice fails at once. Not thread-safe. */
    public static final class Builder {
        private @Nullable Path directory;
        private InstantSource clock = InstantSource.system();
        private SyncPolicy syncPolicy = SyncPolicy.ALWAYS;
        private int maxBatch = 8_192;
        private long snapshotEvery = 1_000_000;
        private long segmentSize = 64L << 20;
        private ChannelOpener channelOpener = ChannelOpener.system();
        private int pipelineDepth = 0;
        /** Null until set: then {@link #build} picks the default for the commit design chosen. */
        private @Nullable Duration commitGather;

        private int forceThreads = 0;
        private final Set<String> set = new HashSet<>();

        private Builder(@Nullable BankOptions from) {
            if (from != null) {
                directory = from.directory();
                clock = from.clock();
                syncPolicy = from.syncPolicy();
                maxBatch = from.maxBatch();
                snapshotEvery = from.snapshotEvery();
                segmentSize = from.segmentSize();
                channelOpener = from.channelOpener();
                pipelineDepth = from.pipelineDepth();
                // The default follows the design: a copy whose design changes must not keep the old design's default.
                boolean gatherIsDefault = from.commitGather()
                        .equals(defaultCommitGather(from.syncPolicy(), from.pipelineDepth(), from.forceThreads()));
                commitGather = gatherIsDefault ? null : from.commitGather();
                forceThreads = from.forceThreads();
            }
        }

        public Builder directory(Path directory) {
            once("directory");
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        public Builder clock(InstantSource clock) {
            once("clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder syncPolicy(SyncPolicy policy) {
            once("syncPolicy");
            this.syncPolicy = Objects.requireNonNull(policy, "syncPolicy");
            return this;
        }

        public Builder maxBatch(int requests) {
            once("maxBatch");
            this.maxBatch = requests;
            return this;
        }

        public Builder snapshotEvery(long events) {
            once("snapshotEvery");
            this.snapshotEvery = events;
            return this;
        }

        public Builder segmentSize(long bytes) {
            once("segmentSize");
            this.segmentSize = bytes;
            return this;
        }

        public Builder channelOpener(ChannelOpener opener) {
            once("channelOpener");
            this.channelOpener = Objects.requireNonNull(opener, "channelOpener");
            return this;
        }

        public Builder pipelineDepth(int batches) {
            once("pipelineDepth");
            this.pipelineDepth = batches;
            return this;
        }

        public Builder commitGather(Duration wait) {
            once("commitGather");
            this.commitGather = Objects.requireNonNull(wait, "commitGather");
            return this;
        }

        public Builder forceThreads(int threads) {
            once("forceThreads");
            this.forceThreads = threads;
            return this;
        }

        public BankOptions build() {
            Duration gather =
                    commitGather != null ? commitGather : defaultCommitGather(syncPolicy, pipelineDepth, forceThreads);
            return new BankOptions(
                    directory,
                    clock,
                    syncPolicy,
                    maxBatch,
                    snapshotEvery,
                    segmentSize,
                    channelOpener,
                    pipelineDepth,
                    gather,
                    forceThreads);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set on this builder");
            }
        }
    }
}
