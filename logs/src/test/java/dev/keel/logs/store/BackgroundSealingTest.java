package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.Direction;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import dev.keel.logs.LogsOptions;
import dev.keel.logs.query.QueryFilter;
import dev.keel.logs.query.QueryParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background sealer: ingestion does not wait for sealing, queries see every entry exactly once while blocks are
 * being sealed, backpressure holds ingesters when the sealer falls behind, and a crash in the middle of a seal (the
 * block store failing before or after the block file is in place) loses and duplicates nothing on reopen.
 */
final class BackgroundSealingTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final int BLOCK = 10;

    @TempDir
    Path dir;

    /** A block store whose writes wait for {@link #release} and may then fail before or after writing. */
    static final class GatedBlockStore implements BlockStore {
        enum Fault {
            NONE,
            BEFORE_WRITE,
            AFTER_WRITE
        }

        final BlockStore delegate;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile Fault fault = Fault.NONE;

        GatedBlockStore(BlockStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<BlockMeta> list() throws IOException {
            return delegate.list();
        }

        @Override
        public void write(BlockCodec.Encoded block) throws IOException {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("test never released the sealer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            switch (fault) {
                case NONE -> delegate.write(block);
                case BEFORE_WRITE ->
                    throw new IOException(
                            "power cut before block " + block.meta().id());
                case AFTER_WRITE -> {
                    delegate.write(block);
                    throw new IOException(
                            "power cut after block " + block.meta().id());
                }
            }
        }

        @Override
        public byte[] read(BlockMeta meta) throws IOException {
            return delegate.read(meta);
        }

        @Override
        public void delete(BlockMeta meta) throws IOException {
            delegate.delete(meta);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    private static List<LogEntry> batch(int from, int count) {
        List<LogEntry> entries = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            // Out of order within the batch, so sealing really sorts.
            long second = i % 2 == 0 ? i + 1 : i - 1;
            entries.add(new LogEntry(T0.plusSeconds(second).plusNanos(i), LogLevel.INFO, "app", "message " + i));
        }
        return entries;
    }

    private static List<String> messages(LogStore store) {
        StoreSnapshot snapshot = store.snapshot();
        QueryFilter filter = new QueryFilter(QueryParser.parseLogQuery("{source=\"app\"}"));
        List<LogEntry> found = snapshot.query(filter, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000, Direction.FORWARD);
        return found.stream().map(LogEntry::message).toList();
    }

    private static List<String> expected(int count) {
        return batch(0, count).stream()
                .sorted(LogEntry.TIME_ORDER)
                .map(LogEntry::message)
                .toList();
    }

    private LogsOptions options(int maxPendingSeals) {
        return LogsOptions.builder()
                .maxBlockEntries(BLOCK)
                .maxPendingSeals(maxPendingSeals)
                .outOfOrderWindow(Duration.ofDays(1))
                .build();
    }

    @Test
    void ingest_whileSealerIsStuck_returnsAndQueriesSeeEveryEntryOnce() throws Exception {
        GatedBlockStore[] gate = new GatedBlockStore[1];
        try (LogStore store = LogStore.open(dir, options(100), blocks -> gate[0] = new GatedBlockStore(blocks))) {
            for (int i = 0; i < 5 * BLOCK; i += BLOCK) {
                store.ingest(batch(i, BLOCK)); // each fills a block; none may wait for the stuck sealer
            }
            assertThat(gate[0].entered.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(store.stats().blocks()).isZero();
            assertThat(messages(store)).containsExactlyElementsOf(expected(5 * BLOCK));

            gate[0].release.countDown();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> store.stats().blocks() == 5);
            assertThat(messages(store)).containsExactlyElementsOf(expected(5 * BLOCK));
            assertThat(store.stats().openEntries()).isZero();
        }
    }

    @Test
    void queries_whileBlocksAreBeingSealed_seeEachEntryExactlyOnce() throws Exception {
        int total = 40 * BLOCK;
        try (LogStore store = LogStore.open(dir, options(2))) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < total; i += BLOCK / 2) {
                    store.ingest(batch(i, BLOCK / 2));
                }
            });
            while (!writer.isDone()) {
                List<String> seen = messages(store);
                assertThat(seen).doesNotHaveDuplicates();
                // Whatever has been ingested so far is a prefix of the batches, so the set seen is exactly that prefix.
                assertThat(seen).containsExactlyInAnyOrderElementsOf(expected(seen.size()));
            }
            writer.get(60, TimeUnit.SECONDS);
            store.flush();
            assertThat(messages(store)).containsExactlyElementsOf(expected(total));
            assertThat(store.stats().blocks()).isGreaterThanOrEqualTo(total / BLOCK);
        }
    }

    @Test
    void ingest_sealerFarBehind_waitsUntilABlockIsSealed() throws Exception {
        GatedBlockStore[] gate = new GatedBlockStore[1];
        try (LogStore store = LogStore.open(dir, options(1), blocks -> gate[0] = new GatedBlockStore(blocks))) {
            store.ingest(batch(0, BLOCK)); // queued: one pending block is the bound
            assertThat(gate[0].entered.await(30, TimeUnit.SECONDS)).isTrue();
            Thread[] waiter = new Thread[1];
            CompletableFuture<Void> second = new CompletableFuture<>();
            waiter[0] = Thread.ofPlatform().name("blocked-ingester").start(() -> {
                try {
                    store.ingest(batch(BLOCK, BLOCK));
                    second.complete(null);
                } catch (RuntimeException e) {
                    second.completeExceptionally(e);
                }
            });
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> waiter[0].getState() == Thread.State.TIMED_WAITING);
            assertThat(second).isNotDone();

            gate[0].release.countDown();
            second.get(30, TimeUnit.SECONDS);
            waiter[0].join();
            store.flush();
            assertThat(messages(store)).containsExactlyElementsOf(expected(2 * BLOCK));
        }
    }

    @Test
    void crash_sealFailsBeforeTheBlockIsWritten_reopenRecoversEveryEntryOnce() throws Exception {
        crashDuringSeal(GatedBlockStore.Fault.BEFORE_WRITE);
    }

    @Test
    void crash_sealFailsAfterTheBlockIsWritten_reopenRecoversEveryEntryOnce() throws Exception {
        crashDuringSeal(GatedBlockStore.Fault.AFTER_WRITE);
    }

    private void crashDuringSeal(GatedBlockStore.Fault fault) throws Exception {
        int total = 3 * BLOCK + 3;
        GatedBlockStore[] gate = new GatedBlockStore[1];
        LogStore store = LogStore.open(dir, options(100), blocks -> gate[0] = new GatedBlockStore(blocks));
        try {
            store.ingest(batch(0, BLOCK));
            store.ingest(batch(BLOCK, 2 * BLOCK + 3)); // acknowledged (forced) while the first seal is stuck
            assertThat(gate[0].entered.await(30, TimeUnit.SECONDS)).isTrue();
            gate[0].fault = fault;
            gate[0].release.countDown();
            assertThatThrownBy(store::flush) // waits for the sealer, which fails
                    .isInstanceOf(LogsException.class)
                    .hasMessageContaining("sealing a block failed")
                    .hasMessageContaining("power cut");
            assertThatThrownBy(() -> store.ingest(batch(total, 1)))
                    .isInstanceOf(LogsException.class)
                    .hasMessageContaining("sealing a block failed");
            assertThat(messages(store)).containsExactlyElementsOf(expected(total)); // still served from memory
        } finally {
            // The failed store seals nothing more on close: the log is all that is left, as after a crash.
            assertThatThrownBy(store::close).isInstanceOf(IOException.class);
        }
        try (Stream<Path> files = Files.list(dir.resolve("blocks"))) {
            assertThat(files.count()).isEqualTo(fault == GatedBlockStore.Fault.AFTER_WRITE ? 1 : 0);
        }
        try (LogStore reopened = LogStore.open(dir, options(100))) {
            assertThat(messages(reopened)).containsExactlyElementsOf(expected(total));
            reopened.flush();
        }
        try (LogStore again = LogStore.open(dir, options(100))) {
            assertThat(messages(again)).containsExactlyElementsOf(expected(total));
            assertThat(again.stats().openEntries()).isZero();
        }
    }
}
