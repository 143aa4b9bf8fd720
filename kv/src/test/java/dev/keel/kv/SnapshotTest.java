package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SnapshotTest {

    @TempDir
    Path dir;

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void snapshot_keepsSeeingOldValues_afterOverwriteAndDelete() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.put(b("a"), b("1"));
            store.put(b("b"), b("2"));
            try (KvSnapshot snapshot = store.snapshot()) {
                store.put(b("a"), b("changed"));
                store.delete(b("b"));
                store.put(b("c"), b("new"));
                assertThat(snapshot.get(b("a"))).isEqualTo(b("1"));
                assertThat(snapshot.get(b("b"))).isEqualTo(b("2"));
                assertThat(snapshot.get(b("c"))).isNull();
                List<KvEntry> entries = new ArrayList<>();
                try (KvIterator scan = snapshot.scanPrefix(new byte[0])) {
                    scan.forEachRemaining(entries::add);
                }
                assertThat(entries).containsExactly(new KvEntry(b("a"), b("1")), new KvEntry(b("b"), b("2")));
                assertThat(store.get(b("a"))).isEqualTo(b("changed"));
                assertThat(store.stats().openSnapshots()).isEqualTo(1);
            }
            assertThat(store.stats().openSnapshots()).isZero();
        }
    }

    @Test
    void closedSnapshot_refusesReads_andReleasesOldVersions() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.put(b("k"), b("1"));
            KvSnapshot snapshot = store.snapshot();
            store.put(b("k"), b("2"));
            snapshot.close();
            snapshot.close();
            assertThatThrownBy(() -> snapshot.get(b("k"))).isInstanceOf(IllegalStateException.class);
            store.put(b("k"), b("3"));
            assertThat(store.get(b("k"))).isEqualTo(b("3"));
            assertThat(store.stats().openSnapshots()).isZero();
        }
    }

    /**
     * Writers move amounts between accounts in batches, keeping the total constant; readers take snapshots while they
     * do, and every snapshot must see a total of exactly the starting sum.
     */
    @Test
    void snapshots_underConcurrentBatchWriters_alwaysSeeAConsistentState() throws Exception {
        int accounts = 20;
        long initial = 1_000;
        try (KeyValueStore store = KeyValueStore.open(KvOptions.builder(dir)
                .syncPolicy(dev.keel.storage.SyncPolicy.NONE)
                .build())) {
            WriteBatch setup = new WriteBatch();
            for (int i = 0; i < accounts; i++) {
                setup.put(
                        b("acct:" + (char) ('a' + i)),
                        ByteBuffer.allocate(8).putLong(initial).array());
            }
            store.write(setup);
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch start = new CountDownLatch(1);
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int seed = w;
                threads.add(Thread.ofPlatform().name("transfer-" + w).start(() -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    try {
                        start.await();
                        for (int n = 0; n < 300; n++) {
                            transfer(store, random, accounts);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        stop.set(true);
                    }
                }));
            }
            List<Long> totals = Collections.synchronizedList(new ArrayList<>());
            threads.add(Thread.ofPlatform().name("auditor").start(() -> {
                try {
                    start.await();
                    while (!stop.get() || totals.size() < 5) {
                        try (KvSnapshot snapshot = store.snapshot();
                                KvIterator scan = snapshot.scanPrefix(b("acct:"))) {
                            long total = 0;
                            while (scan.hasNext()) {
                                total += ByteBuffer.wrap(scan.next().value()).getLong();
                            }
                            totals.add(total);
                        }
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
            assertThat(totals).isNotEmpty().allMatch(total -> total == accounts * initial);
            assertThat(store.stats().openSnapshots()).isZero();
        }
    }

    private static final Object TRANSFERS = new Object();

    /** One transfer: read two balances and write both back in one batch. Writers take turns; snapshots do not. */
    private static void transfer(KeyValueStore store, java.util.SplittableRandom random, int accounts)
            throws IOException {
        int from = random.nextInt(accounts);
        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
        byte[] fromKey = b("acct:" + (char) ('a' + from));
        byte[] toKey = b("acct:" + (char) ('a' + to));
        long amount = random.nextInt(1, 10);
        synchronized (TRANSFERS) {
            long fromBalance = ByteBuffer.wrap(store.get(fromKey)).getLong() - amount;
            long toBalance = ByteBuffer.wrap(store.get(toKey)).getLong() + amount;
            store.write(new WriteBatch()
                    .put(fromKey, ByteBuffer.allocate(8).putLong(fromBalance).array())
                    .put(toKey, ByteBuffer.allocate(8).putLong(toBalance).array()));
        }
    }
}
