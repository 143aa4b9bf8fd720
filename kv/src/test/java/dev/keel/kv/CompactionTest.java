package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keel.storage.SyncPolicy;
import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CompactionTest {

    @TempDir
    Path dir;

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int key, int round) {
        return b("value-" + key + "-" + round + "-" + "x".repeat(200));
    }

    private long logFileBytes() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(KeyValueStore.LOG_DIRECTORY))) {
            long total = 0;
            for (Path file : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /** Small segments, and a trigger the workloads below never reach, so only explicit compactions run. */
    private KvOptions small() {
        return KvOptions.builder(dir)
                .segmentSize(16 * 1024)
                .syncPolicy(SyncPolicy.NONE)
                .compactionTrigger(0.999)
                .build();
    }

    @Test
    void compact_copiesLiveValuesOut_deletesSealedSegments_andKeepsEveryValue() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(small())) {
            for (int round = 0; round < 10; round++) {
                for (int key = 0; key < 100; key++) {
                    store.put(b("k" + key), value(key, round));
                }
            }
            store.delete(b("k0"));
            long before = logFileBytes();
            CompactionReport report = store.compact();
            assertThat(report.segmentsDeleted()).isPositive();
            assertThat(report.recordsCopied()).isLessThanOrEqualTo(99);
            assertThat(report.logBytesAfter()).isLessThan(report.logBytesBefore());
            assertThat(logFileBytes()).isLessThan(before / 3);
            for (int key = 1; key < 100; key++) {
                assertThat(store.get(b("k" + key))).isEqualTo(value(key, 9));
            }
            assertThat(store.get(b("k0"))).isNull();
            assertThat(store.stats().compactions()).isEqualTo(1);
        }
        try (KeyValueStore reopened = KeyValueStore.open(small())) {
            assertThat(reopened.stats().keys()).isEqualTo(99);
            assertThat(reopened.get(b("k0"))).isNull();
            assertThat(reopened.get(b("k42"))).isEqualTo(value(42, 9));
        }
    }

    @Test
    void overwriteHeavyWorkload_keepsDiskUseBounded_byBackgroundCompaction() throws IOException {
        KvOptions automatic = KvOptions.builder(dir)
                .segmentSize(16 * 1024)
                .syncPolicy(SyncPolicy.NONE)
                .build();
        try (KeyValueStore store = KeyValueStore.open(automatic)) {
            for (int round = 0; round < 60; round++) {
                for (int key = 0; key < 50; key++) {
                    store.put(b("k" + key), value(key, round));
                }
            }
            // 60 rounds wrote about 60x the live data. Compaction runs in the background, so right after a burst of
            // writes it may lag; each poll writes one more round (enough writes to make the store check its trigger)
            // and the background compaction must bring the log back within a few segments of the live data.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (int key = 0; key < 50; key++) {
                    store.put(b("k" + key), value(key, 59));
                }
                return store.stats().compactions() > 0
                        && logFileBytes() < store.stats().liveBytes() + 6L * 16 * 1024;
            });
            assertThat(store.stats().compactionFailure()).isEmpty();
            for (int key = 0; key < 50; key++) {
                assertThat(store.get(b("k" + key))).isEqualTo(value(key, 59));
            }
        }
    }

    @Test
    void expiredKeys_areDroppedNotCopied() throws IOException {
        ManualTicker clock = ManualTicker.create();
        KvOptions options = small().toBuilder().clock(clock).build();
        try (KeyValueStore store = KeyValueStore.open(options)) {
            for (int key = 0; key < 100; key++) {
                store.put(b("t" + key), value(key, 0), Duration.ofSeconds(1));
            }
            for (int key = 0; key < 100; key++) {
                store.put(b("p" + key), value(key, 0));
            }
            clock.advance(Duration.ofSeconds(2));
            CompactionReport report = store.compact();
            assertThat(report.expiredDropped()).isPositive();
            assertThat(store.stats().keys()).isEqualTo(100 + (100 - report.expiredDropped()));
        }
        try (KeyValueStore reopened = KeyValueStore.open(options)) {
            assertThat(reopened.get(b("t1"))).isNull();
            assertThat(reopened.get(b("p1"))).isEqualTo(value(1, 0));
        }
    }

    @Test
    void openSnapshot_defersDeletion_andStillReadsItsVersions() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(small())) {
            for (int key = 0; key < 100; key++) {
                store.put(b("k" + key), value(key, 0));
            }
            try (KvSnapshot snapshot = store.snapshot()) {
                for (int key = 0; key < 100; key++) {
                    store.put(b("k" + key), value(key, 1));
                }
                CompactionReport report = store.compact();
                assertThat(report.deferred()).isTrue();
                assertThat(report.segmentsDeleted()).isZero();
                assertThat(snapshot.get(b("k7"))).isEqualTo(value(7, 0));
            }
            CompactionReport after = store.compact();
            assertThat(after.deferred()).isFalse();
            assertThat(after.segmentsDeleted()).isPositive();
            assertThat(store.get(b("k7"))).isEqualTo(value(7, 1));
        }
    }

    /** Readers and writers keep going while compactions run; every read sees the key's latest written round. */
    @Test
    void compaction_concurrentWithReadsAndWrites_losesNothing() throws Exception {
        int keys = 64;
        try (KeyValueStore store = KeyValueStore.open(small())) {
            int[] rounds = new int[keys];
            for (int key = 0; key < keys; key++) {
                store.put(b("k" + key), value(key, 0));
            }
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch start = new CountDownLatch(1);
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            threads.add(Thread.ofPlatform().name("writer").start(() -> {
                try {
                    start.await();
                    for (int round = 1; round <= 40; round++) {
                        for (int key = 0; key < keys; key++) {
                            store.put(b("k" + key), value(key, round));
                            synchronized (rounds) {
                                rounds[key] = round;
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    stop.set(true);
                }
            }));
            threads.add(Thread.ofPlatform().name("reader").start(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        for (int key = 0; key < keys; key++) {
                            int atLeast;
                            synchronized (rounds) {
                                atLeast = rounds[key];
                            }
                            String read = new String(store.get(b("k" + key)), StandardCharsets.UTF_8);
                            int round = Integer.parseInt(read.split("-")[2]);
                            assertThat(round).isGreaterThanOrEqualTo(atLeast);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
            threads.add(Thread.ofPlatform().name("compactor").start(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        store.compact();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
            start.countDown();
            for (Thread thread : threads) {
                thread.join(TimeUnit.MINUTES.toMillis(2));
                assertThat(thread.isAlive()).isFalse();
            }
            assertThat(failures).isEmpty();
            assertThat(store.stats().compactions()).isPositive();
            for (int key = 0; key < keys; key++) {
                assertThat(store.get(b("k" + key))).isEqualTo(value(key, 40));
            }
        }
    }
}
