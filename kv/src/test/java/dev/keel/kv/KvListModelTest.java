package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.kv.KvLists.End;
import dev.keel.testing.Gen;
import dev.keel.testing.Gens;
import dev.keel.testing.ManualTicker;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of list and string operations on a few keys against a trivially correct model (a map of strings
 * and linked lists, with expiries), with reopening (with the checkpoint, and without it as after a crash), compaction
 * and the clock as operations. After every operation the store's answer must equal the model's.
 */
@ExtendWith(SeedExtension.class)
final class KvListModelTest {

    private static final int OPERATIONS = 3_000;
    private static final Gen<String> KEYS = Gens.ints(0, 6).map(i -> "k" + i);
    private static final Gen<byte[]> VALUES = Gens.bytes(0, 120);
    private static final Gen<End> ENDS = Gens.oneOf(End.LEFT, End.RIGHT);

    @TempDir
    Path dir;

    private sealed interface Op {}

    private record Push(String key, End end, List<byte[]> values) implements Op {}

    private record Pop(String key, End end, int count) implements Op {}

    private record Range(String key, long start, long stop) implements Op {}

    private record Put(String key, byte[] value) implements Op {}

    private record Delete(String key) implements Op {}

    private record Expire(String key, long ttlMillis) implements Op {}

    private record Advance(long millis) implements Op {}

    private record Reopen(boolean crash) implements Op {}

    private record Compact() implements Op {}

    private static final Gen<Op> OPS = Gens.<Op>weighted()
            .add(
                    30,
                    r -> new Push(
                            KEYS.next(r), ENDS.next(r), Gens.lists(VALUES, 1, 4).next(r)))
            .add(15, r -> new Pop(KEYS.next(r), ENDS.next(r), r.nextInt(1, 4)))
            .add(15, r -> new Range(KEYS.next(r), r.nextLong(-12, 12), r.nextLong(-12, 12)))
            .add(5, r -> new Put(KEYS.next(r), VALUES.next(r)))
            .add(4, r -> new Delete(KEYS.next(r)))
            .add(3, r -> new Expire(KEYS.next(r), r.nextLong(1, 4_000)))
            .add(3, r -> new Advance(r.nextLong(1, 3_000)))
            .add(2, r -> new Reopen(r.nextBoolean()))
            .add(2, r -> new Compact())
            .build();

    /** The model of one key: a string or a list, and its expiry (0: none). */
    private static final class Entry {
        byte[] string;
        LinkedList<byte[]> list;
        long expiresAt;

        Entry(byte[] string, LinkedList<byte[]> list) {
            this.string = string;
            this.list = list;
        }
    }

    @Test
    void randomListAndStringOperations_matchAModel_acrossReopensCrashesAndCompactions(SeededRandom random)
            throws IOException {
        ManualTicker clock = ManualTicker.create();
        KvOptions options = KvOptions.builder(dir)
                .clock(clock)
                .segmentSize(8 * 1024)
                .syncPolicy(dev.keel.storage.SyncPolicy.NONE)
                .compactionTrigger(0.999)
                .build();
        Map<String, Entry> model = new HashMap<>();
        KeyValueStore store = KeyValueStore.open(options);
        try {
            for (int step = 0; step < OPERATIONS; step++) {
                Op op = OPS.next(random);
                long now = clock.millis();
                model.values().removeIf(entry -> entry.expiresAt != 0 && now >= entry.expiresAt);
                String context = "step " + step + ": " + op;
                KeyValueStore open = store;
                switch (op) {
                    case Push(String key, End end, List<byte[]> values) -> {
                        Entry entry = model.get(key);
                        if (entry != null && entry.list == null) {
                            assertWrongType(() -> open.lists().push(b(key), end, values.toArray(byte[][]::new)));
                            break;
                        }
                        if (entry == null) {
                            entry = new Entry(null, new LinkedList<>());
                            model.put(key, entry);
                        }
                        for (byte[] value : values) {
                            if (end == End.LEFT) {
                                entry.list.addFirst(value);
                            } else {
                                entry.list.addLast(value);
                            }
                        }
                        assertThat(store.lists().push(b(key), end, values.toArray(byte[][]::new)))
                                .as(context)
                                .isEqualTo(entry.list.size());
                    }
                    case Pop(String key, End end, int count) -> {
                        Entry entry = model.get(key);
                        if (entry != null && entry.list == null) {
                            assertWrongType(() -> open.lists().pop(b(key), end, count));
                            break;
                        }
                        List<byte[]> expected = new ArrayList<>();
                        while (entry != null && expected.size() < count && !entry.list.isEmpty()) {
                            expected.add(end == End.LEFT ? entry.list.removeFirst() : entry.list.removeLast());
                        }
                        if (entry != null && entry.list.isEmpty()) {
                            model.remove(key);
                        }
                        assertThat(store.lists().pop(b(key), end, count))
                                .as(context)
                                .containsExactlyElementsOf(expected);
                    }
                    case Range(String key, long start, long stop) -> {
                        Entry entry = model.get(key);
                        if (entry != null && entry.list == null) {
                            assertWrongType(() -> open.lists().range(b(key), start, stop));
                            assertThat(store.get(b(key))).as(context).isEqualTo(entry.string);
                            break;
                        }
                        List<byte[]> list = entry == null ? List.of() : entry.list;
                        assertThat(store.lists().range(b(key), start, stop))
                                .as(context)
                                .containsExactlyElementsOf(redisRange(list, start, stop));
                        assertThat(store.lists().length(b(key))).as(context).isEqualTo(list.size());
                        assertThat(store.type(b(key)))
                                .as(context)
                                .isEqualTo(entry == null ? ValueType.NONE : ValueType.LIST);
                        if (entry != null) {
                            assertWrongType(() -> open.get(b(key)));
                        }
                    }
                    case Put(String key, byte[] value) -> {
                        store.put(b(key), value);
                        model.put(key, new Entry(value, null));
                    }
                    case Delete(String key) ->
                        assertThat(store.delete(b(key))).as(context).isEqualTo(model.remove(key) != null);
                    case Expire(String key, long ttl) -> {
                        Entry entry = model.get(key);
                        assertThat(store.expire(b(key), Duration.ofMillis(ttl)))
                                .as(context)
                                .isEqualTo(entry != null);
                        if (entry != null) {
                            entry.expiresAt = now + ttl;
                        }
                    }
                    case Advance(long millis) -> clock.advance(Duration.ofMillis(millis));
                    case Reopen(boolean crash) -> {
                        store.close();
                        if (crash) {
                            // As after a crash: no checkpoint, so the whole log is replayed.
                            Files.delete(dir.resolve(DirectoryCheckpoint.FILE));
                        }
                        store = KeyValueStore.open(options);
                    }
                    case Compact() -> store.compact();
                }
                long after = clock.millis();
                model.values().removeIf(entry -> entry.expiresAt != 0 && after >= entry.expiresAt);
                assertThat(store.keysWithPrefix(b("k")).count()).as(context).isEqualTo(model.size());
            }
            assertEveryKeyMatches(store, model);
            store.close();
            store = KeyValueStore.open(options);
            assertEveryKeyMatches(store, model);
        } finally {
            store.close();
        }
    }

    private static void assertEveryKeyMatches(KeyValueStore store, Map<String, Entry> model) throws IOException {
        assertThat(store.keysWithPrefix(b("k")).map(key -> new String(key, StandardCharsets.UTF_8)))
                .containsExactlyElementsOf(new TreeSet<>(model.keySet()));
        for (Map.Entry<String, Entry> entry : model.entrySet()) {
            byte[] key = b(entry.getKey());
            if (entry.getValue().list != null) {
                assertThat(store.lists().range(key, 0, -1)).containsExactlyElementsOf(entry.getValue().list);
            } else {
                assertThat(store.get(key)).isEqualTo(entry.getValue().string);
            }
        }
        long elements = model.values().stream()
                .filter(entry -> entry.list != null)
                .mapToLong(entry -> entry.list.size())
                .sum();
        // Elements of deleted lists leave memory at once; those of expired lists may linger until the key is written
        // or compacted, unread (KvListsTest checks each cleanup path exactly).
        assertThat(store.keyspace().elements().liveKeys()).isGreaterThanOrEqualTo(elements);
    }

    private static List<byte[]> redisRange(List<byte[]> list, long start, long stop) {
        long length = list.size();
        long from = start < 0 ? Math.max(0, length + start) : start;
        long to = Math.min(length - 1, stop < 0 ? length + stop : stop);
        return from > to ? List.of() : list.subList((int) from, (int) to + 1);
    }

    private static void assertWrongType(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(KvException.class)
                .extracting(e -> ((KvException) e).code())
                .isEqualTo(KvException.Code.WRONG_TYPE);
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
