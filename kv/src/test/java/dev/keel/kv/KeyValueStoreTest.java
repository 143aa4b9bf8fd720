package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KeyValueStoreTest {

    @TempDir
    Path dir;

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> keys(KvIterator iterator) {
        List<String> keys = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(entry -> keys.add(new String(entry.key(), StandardCharsets.UTF_8)));
        }
        return keys;
    }

    @Test
    void seedExample_setGetCloseReopen_everythingIsBack() throws IOException {
        KeyValueStore store = KeyValueStore.open(dir);
        store.set("user:1", Map.of("name", "Alice", "age", 30));
        store.set("counter", 100);
        Object user = store.get("user:1");
        assertThat(user).isEqualTo(Map.of("name", "Alice", "age", 30));
        store.close();

        try (KeyValueStore recovered = KeyValueStore.open(dir)) {
            assertThat(recovered.get("user:1")).isEqualTo(Map.of("name", "Alice", "age", 30));
            assertThat(recovered.get("counter")).isEqualTo(100);
            assertThat(recovered.get("missing")).isNull();
            assertThat(recovered.stats().keys()).isEqualTo(2);
        }
    }

    @Test
    void json_listsStringsAndNested_roundTrip() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.set("list", List.of(1, "two", Map.of("three", 3.5)));
            store.set("text", "hello");
            assertThat(store.get("list")).isEqualTo(List.of(1, "two", Map.of("three", 3.5)));
            assertThat(store.get("text")).isEqualTo("hello");
            assertThat(store.delete("text")).isTrue();
            assertThat(store.delete("text")).isFalse();
            assertThat(store.get("text")).isNull();
        }
    }

    @Test
    void get_ofAValueThatIsNotJson_failsNamingTheKey() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.put(b("raw"), new byte[] {(byte) 0xFF, 1, 2});
            assertThatThrownBy(() -> store.get("raw"))
                    .isInstanceOf(KvException.class)
                    .hasMessageStartingWith("value of key 'raw' is not JSON");
        }
    }

    @Test
    void putGetDeleteContains_onBytes() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.put(b("k"), b("v1"));
            store.put(b("k"), b("v2"));
            assertThat(store.get(b("k"))).isEqualTo(b("v2"));
            assertThat(store.contains(b("k"))).isTrue();
            assertThat(store.delete(b("k"))).isTrue();
            assertThat(store.contains(b("k"))).isFalse();
            assertThat(store.get(b("k"))).isNull();
            store.put(b("empty"), new byte[0]);
            assertThat(store.get(b("empty"))).isEmpty();
        }
    }

    @Test
    void returnedValues_areTheCallersToModify_inlineCachedOrRead() throws IOException {
        byte[] small = b("original"); // kept in the key directory (Version.Live.INLINE_LIMIT)
        byte[] large = b("o".repeat(Version.Live.INLINE_LIMIT + 1)); // kept in the value cache
        for (long cacheBytes : new long[] {0, 1 << 20}) {
            for (byte[] value : new byte[][] {small, large}) {
                Path storeDir = dir.resolve("cache-" + cacheBytes + "-" + value.length);
                try (KeyValueStore store = KeyValueStore.open(
                        KvOptions.builder(storeDir).valueCacheBytes(cacheBytes).build())) {
                    byte[] written = value.clone();
                    store.put(b("k"), written);
                    written[0] = 'X';
                    WriteBatch batch = new WriteBatch();
                    byte[] batched = value.clone();
                    batch.put(b("b"), batched);
                    store.write(batch);
                    batched[0] = 'X';
                    for (String key : new String[] {"k", "b"}) {
                        byte[] first = store.get(b(key));
                        first[1] = 'Y';
                        assertThat(store.get(b(key)))
                                .as("cache %d, %d bytes, %s", cacheBytes, value.length, key)
                                .isEqualTo(value);
                        assertThat(store.get(b(key))).isNotSameAs(store.get(b(key)));
                    }
                }
                try (KeyValueStore reopened =
                        KeyValueStore.open(KvOptions.builder(storeDir).build())) {
                    assertThat(reopened.get(b("k"))).isEqualTo(value);
                    assertThat(reopened.get(b("b"))).isEqualTo(value);
                }
            }
        }
    }

    @Test
    void putIfAbsent_andCompareAndSet_areConditional() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            assertThat(store.putIfAbsent(b("k"), b("first"))).isTrue();
            assertThat(store.putIfAbsent(b("k"), b("second"))).isFalse();
            assertThat(store.get(b("k"))).isEqualTo(b("first"));

            assertThat(store.compareAndSet(b("k"), b("wrong"), b("x"))).isFalse();
            assertThat(store.compareAndSet(b("k"), b("first"), b("x"))).isTrue();
            assertThat(store.get(b("k"))).isEqualTo(b("x"));
            assertThat(store.compareAndSet(b("k"), b("x"), null)).isTrue();
            assertThat(store.contains(b("k"))).isFalse();
            assertThat(store.compareAndSet(b("k"), null, b("created"))).isTrue();
            assertThat(store.compareAndSet(b("k"), null, b("again"))).isFalse();
            assertThat(store.get(b("k"))).isEqualTo(b("created"));
        }
    }

    @Test
    void writeBatch_adopt_writesLikePut_andPutCopies() throws IOException {
        byte[] copiedValue = b("before-the-write-and-long-enough-not-to-be-inline");
        byte[] adoptedKey = b("adopted");
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            WriteBatch batch = new WriteBatch().put(b("copied"), copiedValue).adopt(adoptedKey, b("mine"));
            copiedValue[0] = 'X'; // after put: the batch holds its own copy
            store.write(batch);
            assertThat(store.get(b("copied"))).isEqualTo(b("before-the-write-and-long-enough-not-to-be-inline"));
            assertThat(store.get(b("adopted"))).isEqualTo(b("mine"));
        }
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            assertThat(store.get(b("adopted"))).isEqualTo(b("mine"));
        }
    }

    @Test
    void writeBatch_appliesInOrder_andSurvivesReopen() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.put(b("gone"), b("soon"));
            store.write(new WriteBatch()
                    .put(b("a"), b("1"))
                    .put(b("b"), b("2"))
                    .put(b("a"), b("3"))
                    .delete(b("gone")));
            store.write(new WriteBatch());
        }
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            assertThat(store.get(b("a"))).isEqualTo(b("3"));
            assertThat(store.get(b("b"))).isEqualTo(b("2"));
            assertThat(store.contains(b("gone"))).isFalse();
        }
    }

    @Test
    void scan_returnsKeysInUnsignedByteOrder_withinTheRange() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            for (String key : List.of("b", "a", "ba", "c", "user:2", "user:1", "user:10", "users")) {
                store.put(b(key), b("v-" + key));
            }
            store.put(new byte[] {(byte) 0xFF}, b("high"));
            assertThat(keys(store.scan(b("a"), b("c")))).containsExactly("a", "b", "ba");
            assertThat(keys(store.scanPrefix(b("user:")))).containsExactly("user:1", "user:10", "user:2");
            try (KvIterator all = store.scan(new byte[] {0}, new byte[] {(byte) 0xFF, 0})) {
                List<KvEntry> entries = new ArrayList<>();
                all.forEachRemaining(entries::add);
                assertThat(entries).hasSize(9);
                assertThat(entries.getLast()).isEqualTo(new KvEntry(new byte[] {(byte) 0xFF}, b("high")));
            }
        }
    }

    @Test
    void ttl_expiresByTheInjectedClock_andSurvivesReopen() throws IOException {
        ManualTicker clock = ManualTicker.create();
        KvOptions options = KvOptions.builder(dir).clock(clock).build();
        try (KeyValueStore store = KeyValueStore.open(options)) {
            store.put(b("session"), b("token"), Duration.ofSeconds(10));
            store.put(b("forever"), b("x"));
            assertThat(store.expiresAt(b("session"))).contains(clock.instant().plusSeconds(10));
            assertThat(store.expiresAt(b("forever"))).isEmpty();
            clock.advance(Duration.ofSeconds(9));
            assertThat(store.get(b("session"))).isEqualTo(b("token"));
        }
        try (KeyValueStore store = KeyValueStore.open(options)) {
            assertThat(store.get(b("session"))).isEqualTo(b("token"));
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.get(b("session"))).isNull();
            assertThat(store.contains(b("session"))).isFalse();
            assertThat(keys(store.scanPrefix(b("s")))).isEmpty();
            assertThat(store.putIfAbsent(b("session"), b("new"))).isTrue();
        }
    }

    @Test
    void expireAndPersist_changeOnlyTheTtl() throws IOException {
        ManualTicker clock = ManualTicker.create();
        try (KeyValueStore store =
                KeyValueStore.open(KvOptions.builder(dir).clock(clock).build())) {
            store.put(b("k"), b("v"));
            assertThat(store.expire(b("k"), Duration.ofMillis(500))).isTrue();
            assertThat(store.expiresAt(b("k"))).contains(Instant.parse("2026-01-01T00:00:00.500Z"));
            assertThat(store.persist(b("k"))).isTrue();
            assertThat(store.persist(b("k"))).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.get(b("k"))).isEqualTo(b("v"));
            assertThat(store.expire(b("missing"), Duration.ofSeconds(1))).isFalse();
        }
    }

    @Test
    void compareAndSetWithExpiry_setsKeepsOrClearsTheTtl_atomicallyWithTheCondition() throws IOException {
        ManualTicker clock = ManualTicker.create();
        KvOptions options = KvOptions.builder(dir).clock(clock).build();
        try (KeyValueStore store = KeyValueStore.open(options)) {
            assertThat(store.compareAndSet(b("lock"), null, b("owner-1"), Expiry.after(Duration.ofSeconds(10))))
                    .isTrue();
            assertThat(store.compareAndSet(b("lock"), null, b("owner-2"), Expiry.after(Duration.ofSeconds(10))))
                    .isFalse();
            assertThat(store.expiresAt(b("lock"))).contains(clock.instant().plusSeconds(10));

            clock.advance(Duration.ofSeconds(4));
            assertThat(store.compareAndSet(b("lock"), b("owner-1"), b("owner-1b"), Expiry.keep()))
                    .isTrue();
            assertThat(store.expiresAt(b("lock"))).contains(Instant.parse("2026-01-01T00:00:10Z"));
            assertThat(store.compareAndSet(b("fresh"), null, b("1"), Expiry.keep()))
                    .isTrue();
            assertThat(store.expiresAt(b("fresh"))).isEmpty();

            assertThat(store.compareAndSet(b("lock"), b("owner-1b"), b("owner-1c"), Expiry.none()))
                    .isTrue();
            assertThat(store.expiresAt(b("lock"))).isEmpty();
        }
        try (KeyValueStore store = KeyValueStore.open(options)) {
            clock.advance(Duration.ofSeconds(60));
            assertThat(store.get(b("lock"))).isEqualTo(b("owner-1c"));
            assertThat(store.compareAndSet(b("k"), null, b("v"), Expiry.after(Duration.ofMillis(1))))
                    .isTrue();
            clock.advance(Duration.ofMillis(1));
            assertThat(store.get(b("k"))).isNull();
            assertThatThrownBy(() -> Expiry.after(Duration.ZERO)).hasMessage("ttl (PT0S) must be positive");
        }
    }

    @Test
    void badInput_isRejectedNamingTheValue_andChangesNothing() throws IOException {
        KvOptions options =
                KvOptions.builder(dir).maxKeySize(8).maxValueSize(16).build();
        try (KeyValueStore store = KeyValueStore.open(options)) {
            store.put(b("ok"), b("fine"));
            assertThatThrownBy(() -> store.put(new byte[0], b("v"))).hasMessage("key must not be empty");
            assertThatThrownBy(() -> store.put(b("123456789"), b("v")))
                    .hasMessage("key of 9 bytes exceeds maxKeySize 8");
            assertThatThrownBy(() -> store.put(b("k"), new byte[17]))
                    .hasMessage("value of 17 bytes exceeds maxValueSize 16");
            assertThatThrownBy(() -> store.put(b("k"), b("v"), Duration.ZERO))
                    .hasMessage("ttl (PT0S) must be positive");
            assertThatThrownBy(() ->
                            store.write(new WriteBatch().put(b("a"), b("1")).put(b("123456789"), b("2"))))
                    .hasMessage("key of 9 bytes exceeds maxKeySize 8");
            assertThat(store.contains(b("a"))).isFalse();
            assertThat(store.stats().keys()).isEqualTo(1);
        }
    }

    @Test
    void closedStore_rejectsWork() throws IOException {
        KeyValueStore store = KeyValueStore.open(dir);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.put(b("k"), b("v")))
                .isInstanceOf(KvException.class)
                .satisfies(e -> assertThat(((KvException) e).code()).isEqualTo(KvException.Code.CLOSED));
        assertThatThrownBy(() -> store.contains(b("k"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stats_countKeysAndLiveAndDeadBytes() throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            store.put(b("a"), new byte[100]);
            store.put(b("b"), new byte[100]);
            KvStats before = store.stats();
            assertThat(before.keys()).isEqualTo(2);
            assertThat(before.deadBytes())
                    .as("only the segment header, fragment headers and SYNC markers are dead")
                    .isLessThan(100);
            store.put(b("a"), new byte[50]);
            store.delete(b("b"));
            KvStats after = store.stats();
            assertThat(after.keys()).isEqualTo(1);
            assertThat(after.liveBytes()).isEqualTo(KvRecord.HEADER + 1 + 50);
            assertThat(after.deadBytes()).isGreaterThan(2L * (KvRecord.HEADER + 1 + 100) + KvRecord.HEADER + 1);
            assertThat(after.deadFraction()).isGreaterThan(0.5);
        }
        try (KeyValueStore reopened = KeyValueStore.open(dir)) {
            KvStats stats = reopened.stats();
            assertThat(stats.keys()).isEqualTo(1);
            assertThat(stats.liveBytes()).isEqualTo(KvRecord.HEADER + 1 + 50);
        }
    }
}
