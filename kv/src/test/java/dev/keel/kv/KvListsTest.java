package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.kv.KvLists.End;
import dev.keel.storage.SyncPolicy;
import dev.keel.testing.FaultyDisk;
import dev.keel.testing.ManualTicker;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KvListsTest {

    @TempDir
    Path dir;

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> strings(List<byte[]> values) {
        return values.stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    private static KvOptions small(Path dir) {
        return KvOptions.builder(dir).segmentSize(8 * 1024).build();
    }

    @Test
    void pushPopRangeLength_followRedisSemantics() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            KvLists lists = store.lists();
            assertThat(lists.push(b("l"), End.LEFT, b("a"), b("b"))).isEqualTo(2);
            assertThat(lists.push(b("l"), End.RIGHT, b("c"), b("d"))).isEqualTo(4);
            assertThat(strings(lists.range(b("l"), 0, -1))).containsExactly("b", "a", "c", "d");
            assertThat(strings(lists.range(b("l"), -2, 100))).containsExactly("c", "d");
            assertThat(strings(lists.range(b("l"), -100, 0))).containsExactly("b");
            assertThat(lists.range(b("l"), 3, 1)).isEmpty();
            assertThat(lists.range(b("l"), 9, 12)).isEmpty();
            assertThat(lists.length(b("l"))).isEqualTo(4);
            assertThat(store.type(b("l"))).isEqualTo(ValueType.LIST);
            assertThat(store.contains(b("l"))).isTrue();

            assertThat(strings(lists.pop(b("l"), End.LEFT, 1))).containsExactly("b");
            assertThat(strings(lists.pop(b("l"), End.RIGHT, 2))).containsExactly("d", "c");
            assertThat(strings(lists.pop(b("l"), End.RIGHT, 10))).containsExactly("a");
            // Popping the last element deletes the key, as in Redis.
            assertThat(store.type(b("l"))).isEqualTo(ValueType.NONE);
            assertThat(lists.pop(b("l"), End.LEFT, 1)).isEmpty();
            assertThat(lists.length(b("missing"))).isZero();
            assertThat(lists.range(b("missing"), 0, -1)).isEmpty();
            assertThat(store.keyspace().elements().liveKeys()).isZero();
        }
    }

    @Test
    void stringsAndLists_rejectEachOthersOperations_andLeaveTheKeyUnchanged() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.put(b("s"), b("text"));
            store.lists().push(b("l"), End.RIGHT, b("x"));
            for (ThrowingCall call : List.<ThrowingCall>of(
                    () -> store.lists().push(b("s"), End.LEFT, b("y")),
                    () -> store.lists().pop(b("s"), End.LEFT, 1),
                    () -> store.lists().range(b("s"), 0, -1),
                    () -> store.lists().length(b("s")),
                    () -> store.get(b("l")),
                    () -> store.compareAndSet(b("l"), b("x"), b("v")))) {
                assertThatThrownBy(call::run)
                        .isInstanceOf(KvException.class)
                        .hasMessageContaining("holds a")
                        .extracting(e -> ((KvException) e).code())
                        .isEqualTo(KvException.Code.WRONG_TYPE);
            }
            assertThat(store.get(b("s"))).isEqualTo(b("text"));
            assertThat(strings(store.lists().range(b("l"), 0, -1))).containsExactly("x");
            assertThat(store.putIfAbsent(b("l"), b("v"))).isFalse();
            assertThat(store.compareAndSet(b("l"), null, b("v"))).isFalse(); // "expected absent": it is present
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws IOException;
    }

    @Test
    void badArguments_areRejectedNamingTheValue() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            assertThatThrownBy(() -> store.lists().push(b("l"), End.LEFT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least one value (got 0)");
            assertThatThrownBy(() -> store.lists().pop(b("l"), End.LEFT, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("count (0) must be positive");
            assertThatThrownBy(() -> store.lists().push(new byte[0], End.LEFT, b("v")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key must not be empty");
            assertThat(store.type(b("l"))).isEqualTo(ValueType.NONE);
        }
    }

    @Test
    void overwritingOrDeletingAList_dropsItsElements_andAfterReplayTheyStayGone() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(small(dir))) {
            for (int i = 0; i < 100; i++) {
                store.lists().push(b("a"), End.RIGHT, b("a" + i));
                store.lists().push(b("b"), End.RIGHT, b("b" + i));
            }
            assertThat(store.keyspace().elements().liveKeys()).isEqualTo(200);
            store.put(b("a"), b("now a string"));
            assertThat(store.delete(b("b"))).isTrue();
            assertThat(store.keyspace().elements().liveKeys()).isZero();
            // A new list at the same key starts empty: no element of the old one shows through.
            store.lists().push(b("b"), End.RIGHT, b("fresh"));
            assertThat(strings(store.lists().range(b("b"), 0, -1))).containsExactly("fresh");
        }
        Files.delete(dir.resolve(DirectoryCheckpoint.FILE)); // as after a crash: replay the whole log
        try (KeyValueStore store = KeyValueStore.open(small(dir))) {
            assertThat(store.get(b("a"))).isEqualTo(b("now a string"));
            assertThat(strings(store.lists().range(b("b"), 0, -1))).containsExactly("fresh");
            assertThat(store.keyspace().elements().liveKeys()).isEqualTo(1);
        }
    }

    @Test
    void aListsTtl_survivesPushesAndPops_andAnExpiredListReadsAsAbsent() throws IOException {
        ManualTicker clock = ManualTicker.create();
        try (KeyValueStore store =
                KeyValueStore.open(KvOptions.builder(dir).clock(clock).build())) {
            store.lists().push(b("l"), End.RIGHT, b("1"), b("2"), b("3"));
            assertThat(store.expire(b("l"), Duration.ofSeconds(10))).isTrue();
            store.lists().push(b("l"), End.LEFT, b("0"));
            store.lists().pop(b("l"), End.RIGHT, 1);
            assertThat(store.expiresAt(b("l"))).isPresent();
            assertThat(strings(store.lists().range(b("l"), 0, -1))).containsExactly("0", "1", "2");
            clock.advance(Duration.ofSeconds(10));
            assertThat(store.type(b("l"))).isEqualTo(ValueType.NONE);
            assertThat(store.lists().range(b("l"), 0, -1)).isEmpty();
            // A push onto the expired list starts a new one, without a TTL and without the old elements.
            assertThat(store.lists().push(b("l"), End.RIGHT, b("new"))).isEqualTo(1);
            assertThat(store.expiresAt(b("l"))).isEmpty();
            assertThat(store.keyspace().elements().liveKeys()).isEqualTo(1);
        }
    }

    @Test
    void compaction_carriesListsForward_andDropsTheElementsOfDeletedLists() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(small(dir))) {
            for (int i = 0; i < 300; i++) {
                store.lists().push(b("keep"), End.RIGHT, b("k" + i + "-".repeat(40)));
                store.lists().push(b("gone"), End.RIGHT, b("g" + i + "-".repeat(40)));
            }
            store.lists().pop(b("keep"), End.LEFT, 100);
            store.delete(b("gone"));
            CompactionReport report = store.compact();
            assertThat(report.segmentsDeleted()).isPositive();
            assertThat(store.lists().length(b("keep"))).isEqualTo(200);
        }
        try (KeyValueStore store = KeyValueStore.open(small(dir))) {
            List<byte[]> keep = store.lists().range(b("keep"), 0, -1);
            assertThat(keep).hasSize(200);
            assertThat(new String(keep.getFirst(), StandardCharsets.UTF_8)).startsWith("k100-");
            assertThat(store.type(b("gone"))).isEqualTo(ValueType.NONE);
            assertThat(store.keyspace().elements().liveKeys()).isEqualTo(200);
            assertThat(store.stats().deadBytes()).isLessThan(store.stats().liveBytes());
        }
    }

    @Test
    void snapshotsAndScans_seeStringsOnly_keysSeesBoth() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.put(b("a"), b("1"));
            store.lists().push(b("b"), End.RIGHT, b("x"));
            store.put(b("c"), b("3"));
            try (KvSnapshot snapshot = store.snapshot();
                    KvIterator scan = snapshot.scanPrefix(new byte[0])) {
                List<String> keys = new ArrayList<>();
                scan.forEachRemaining(entry -> keys.add(new String(entry.key(), StandardCharsets.UTF_8)));
                assertThat(keys).containsExactly("a", "c");
                assertThatThrownBy(() -> snapshot.get(b("b"))).isInstanceOf(KvException.class);
            }
            assertThat(store.keysWithPrefix(new byte[0]).map(k -> new String(k, StandardCharsets.UTF_8)))
                    .containsExactly("a", "b", "c");
            assertThat(store.keys(b("b"), b("c")).map(k -> new String(k, StandardCharsets.UTF_8)))
                    .containsExactly("b");
        }
    }

    @Test
    void concurrentPushersAndPoppersOnOneList_loseAndDuplicateNothing() throws Exception {
        int threads = 4;
        int perThread = 300;
        try (KeyValueStore store = KeyValueStore.open(
                        KvOptions.builder(dir).syncPolicy(SyncPolicy.NONE).build());
                ExecutorService pool = Executors.newFixedThreadPool(threads * 2)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> poppers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.lists().push(b("q"), i % 2 == 0 ? End.LEFT : End.RIGHT, b(thread + ":" + i));
                    }
                    return null;
                });
                poppers.add(pool.submit(() -> {
                    start.await();
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < perThread / 2; i++) {
                        got.addAll(strings(store.lists().pop(b("q"), End.RIGHT, 1)));
                    }
                    return got;
                }));
            }
            start.countDown();
            pool.shutdown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> popper : poppers) {
                all.addAll(popper.get());
            }
            assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            all.addAll(strings(store.lists().range(b("q"), 0, -1)));
            Set<String> expected = new HashSet<>();
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    expected.add(t + ":" + i);
                }
            }
            assertThat(all).hasSize(threads * perThread).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void powerCutDuringPushesAndPops_leavesEveryListAPrefixOfItsHistory() throws IOException {
        for (int cutAfter = 1; cutAfter <= 40; cutAfter++) {
            Path store = Files.createDirectory(dir.resolve("cut-" + cutAfter));
            FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(cutAfter))
                    .crashMode(FaultyDisk.CrashMode.values()[cutAfter % 3]);
            List<String> acknowledged = List.of(); // the list after the last operation that returned
            List<String> inFlight = List.of(); // the list if the operation under way completes
            try (KeyValueStore open = KeyValueStore.open(
                    KvOptions.builder(store).syncPolicy(SyncPolicy.ALWAYS).build(), disk::open)) {
                disk.cutPowerAfterWrites(cutAfter);
                for (int i = 0; i < 30; i++) {
                    List<String> next = new ArrayList<>(acknowledged);
                    if (i % 4 == 3) {
                        next.subList(0, Math.min(2, next.size())).clear();
                        inFlight = List.copyOf(next);
                        open.lists().pop(b("l"), End.LEFT, 2);
                    } else {
                        next.add("v" + i);
                        next.add("w" + i);
                        inFlight = List.copyOf(next);
                        open.lists().push(b("l"), End.RIGHT, b("v" + i), b("w" + i));
                    }
                    acknowledged = inFlight;
                }
            } catch (IOException powerCut) {
                assertThat(disk.isPowerCut())
                        .as("cut %d: %s", cutAfter, powerCut)
                        .isTrue();
            }
            try (KeyValueStore recovered = KeyValueStore.open(KvOptions.defaults(store))) {
                List<String> after = strings(recovered.lists().range(b("l"), 0, -1));
                // Under ALWAYS every acknowledged operation survives; the one in flight is all or nothing.
                assertThat(List.of(acknowledged, inFlight))
                        .as("cut %d: %s", cutAfter, after)
                        .contains(after);
            }
        }
    }
}
