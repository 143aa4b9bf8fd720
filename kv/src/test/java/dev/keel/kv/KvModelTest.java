package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Gen;
import dev.keel.testing.Gens;
import dev.keel.testing.ManualTicker;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random operation sequences against a trivially correct model (a {@link TreeMap} of live keys plus their expiry),
 * with reopening the store and advancing the clock as operations. After every operation the store's answer must equal
 * the model's; at checkpoints a full scan must equal the model.
 */
@ExtendWith(SeedExtension.class)
final class KvModelTest {

    private static final int OPERATIONS = 3_000;

    @TempDir
    Path dir;

    /** A key from a small space, so operations collide. */
    private static final Gen<String> KEYS = Gens.ints(0, 40).map(i -> "k" + i);

    private sealed interface Op {}

    private record Put(String key, byte[] value) implements Op {}

    private record PutTtl(String key, byte[] value, long ttlMillis) implements Op {}

    private record Delete(String key) implements Op {}

    private record PutIfAbsent(String key, byte[] value) implements Op {}

    private record Cas(String key, boolean expectCurrent, byte[] update) implements Op {}

    private record Batch(List<String> keys, List<byte[]> values) implements Op {}

    private record Get(String key) implements Op {}

    private record Advance(long millis) implements Op {}

    private record Reopen() implements Op {}

    private record Scan() implements Op {}

    private static final Gen<byte[]> VALUES = Gens.bytes(0, 300);

    private static final Gen<Op> OPS = Gens.<Op>weighted()
            .add(20, random -> new Put(KEYS.next(random), VALUES.next(random)))
            .add(4, random -> new PutTtl(KEYS.next(random), VALUES.next(random), random.nextLong(1, 5_000)))
            .add(8, random -> new Delete(KEYS.next(random)))
            .add(4, random -> new PutIfAbsent(KEYS.next(random), VALUES.next(random)))
            .add(4, random -> new Cas(KEYS.next(random), random.nextBoolean(), VALUES.next(random)))
            .add(
                    3,
                    random -> new Batch(
                            Gens.lists(KEYS, 1, 5).next(random),
                            Gens.lists(VALUES, 5, 5).next(random)))
            .add(25, random -> new Get(KEYS.next(random)))
            .add(3, random -> new Advance(random.nextLong(1, 3_000)))
            .add(1, random -> new Reopen())
            .add(2, random -> new Scan())
            .build();

    /** The model: live values and their expiry (0: none). */
    private record Entry(byte[] value, long expiresAt) {}

    @Test
    void randomOperations_matchATreeMap_acrossReopensAndExpiry(SeededRandom random) throws IOException {
        ManualTicker clock = ManualTicker.create();
        KvOptions options = KvOptions.builder(dir)
                .clock(clock)
                .segmentSize(16 * 1024)
                .syncPolicy(dev.keel.storage.SyncPolicy.NONE)
                .build();
        TreeMap<String, Entry> model = new TreeMap<>();
        KeyValueStore store = KeyValueStore.open(options);
        try {
            for (int step = 0; step < OPERATIONS; step++) {
                Op op = OPS.next(random);
                long now = clock.millis();
                model.values().removeIf(entry -> entry.expiresAt() != 0 && now >= entry.expiresAt());
                String context = "step " + step + ": " + op;
                switch (op) {
                    case Put(String key, byte[] value) -> {
                        store.put(bytes(key), value);
                        model.put(key, new Entry(value, 0));
                    }
                    case PutTtl(String key, byte[] value, long ttl) -> {
                        store.put(bytes(key), value, Duration.ofMillis(ttl));
                        model.put(key, new Entry(value, now + ttl));
                    }
                    case Delete(String key) ->
                        assertThat(store.delete(bytes(key))).as(context).isEqualTo(model.remove(key) != null);
                    case PutIfAbsent(String key, byte[] value) -> {
                        boolean expected = !model.containsKey(key);
                        assertThat(store.putIfAbsent(bytes(key), value))
                                .as(context)
                                .isEqualTo(expected);
                        if (expected) {
                            model.put(key, new Entry(value, 0));
                        }
                    }
                    case Cas(String key, boolean expectCurrent, byte[] update) -> {
                        Entry current = model.get(key);
                        byte[] expected = expectCurrent && current != null ? current.value() : new byte[] {42, 42};
                        boolean matches = current != null && Arrays.equals(current.value(), expected);
                        assertThat(store.compareAndSet(bytes(key), expected, update))
                                .as(context)
                                .isEqualTo(matches);
                        if (matches) {
                            model.put(key, new Entry(update, 0));
                        }
                    }
                    case Batch(List<String> keys, List<byte[]> values) -> {
                        WriteBatch batch = new WriteBatch();
                        for (int i = 0; i < keys.size(); i++) {
                            batch.put(bytes(keys.get(i)), values.get(i));
                            model.put(keys.get(i), new Entry(values.get(i), 0));
                        }
                        store.write(batch);
                    }
                    case Get(String key) -> {
                        Entry expected = model.get(key);
                        assertThat(store.get(bytes(key)))
                                .as(context)
                                .isEqualTo(expected == null ? null : expected.value());
                    }
                    case Advance(long millis) -> clock.advance(Duration.ofMillis(millis));
                    case Reopen() -> {
                        store.close();
                        store = KeyValueStore.open(options);
                    }
                    case Scan() -> assertScanMatches(store, model, context);
                }
            }
            assertScanMatches(store, model, "final");
            assertThat(store.stats().keys()).isGreaterThanOrEqualTo(model.size());
        } finally {
            store.close();
        }
    }

    private static void assertScanMatches(KeyValueStore store, TreeMap<String, Entry> model, String context) {
        Map<String, byte[]> scanned = new HashMap<>();
        List<String> order = new ArrayList<>();
        try (KvIterator scan = store.scanPrefix(bytes("k"))) {
            scan.forEachRemaining(entry -> {
                String key = new String(entry.key(), java.nio.charset.StandardCharsets.UTF_8);
                scanned.put(key, entry.value());
                order.add(key);
            });
        }
        assertThat(order).as(context).containsExactlyElementsOf(model.keySet());
        for (Map.Entry<String, Entry> entry : model.entrySet()) {
            assertThat(scanned.get(entry.getKey()))
                    .as(context + " key " + entry.getKey())
                    .isEqualTo(entry.getValue().value());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
