package dev.keel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class ImmutableDataStructureTest {

    /** The seed example, line by line. */
    @Test
    void seedExample_versionsAndSnapshotIterator_seeExactlyTheirVersion() {
        ImmutableDataStructure<String, Object> data = new ImmutableDataStructure<>(Map.of("name", "Alice", "age", 30));
        assertThat(data.set("age", 31)).isEqualTo(1);
        assertThat(data.set("city", "NYC")).isEqualTo(2);
        Map<String, Object> original = data.snapshot(0);
        assertThat(original).isEqualTo(Map.of("name", "Alice", "age", 30));

        Map<String, Object> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : new SnapshotIterator<>(data, 1)) {
            seen.put(e.getKey(), e.getValue());
            data.set("age", 99);
            data.delete("name");
        }
        assertThat(seen).isEqualTo(Map.of("name", "Alice", "age", 31));
        assertThat(original).isEqualTo(Map.of("name", "Alice", "age", 30));
        assertThat(data.current()).isEqualTo(Map.of("age", 99, "city", "NYC"));
    }

    @Test
    void writes_eachMakeOneVersion_evenWithoutChange() {
        ImmutableDataStructure<String, Integer> data = new ImmutableDataStructure<>(Map.of());
        assertThat(data.delete("absent")).isEqualTo(1);
        assertThat(data.set("a", 1)).isEqualTo(2);
        assertThat(data.set("a", 1)).isEqualTo(3);
        assertThat(data.apply(Batch.<String, Integer>builder().build())).isEqualTo(4);
        assertThat(data.currentVersion()).isEqualTo(4);
        assertThat(data.versions()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(data.snapshot(1)).isEmpty();
        assertThat(data.snapshot(4)).isEqualTo(Map.of("a", 1));
    }

    @Test
    void apply_batch_isOneVersionInOrder() {
        ImmutableDataStructure<String, Integer> data = new ImmutableDataStructure<>(Map.of("a", 1, "b", 2));
        long version = data.apply(Batch.<String, Integer>builder()
                .put("c", 3)
                .delete("a")
                .put("c", 4)
                .put("a", 5)
                .delete("b")
                .build());
        assertThat(version).isEqualTo(1);
        assertThat(data.snapshot(0)).isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(data.current()).isEqualTo(Map.of("a", 5, "c", 4));
    }

    @Test
    void retention_keepsLastNAndPinned_releasesTheRest() {
        ImmutableDataStructure<String, Integer> data = new ImmutableDataStructure<>(Map.of(), 3);
        for (int i = 1; i <= 5; i++) {
            data.set("k", i);
        }
        assertThat(data.versions()).containsExactly(3L, 4L, 5L);
        try (Snapshot<String, Integer> pinned = data.pin(3)) {
            for (int i = 6; i <= 10; i++) {
                data.set("k", i);
            }
            assertThat(data.versions()).containsExactly(3L, 8L, 9L, 10L);
            assertThat(data.snapshot(3)).isEqualTo(Map.of("k", 3));
            assertThat(pinned.map()).isEqualTo(Map.of("k", 3));
        }
        assertThat(data.versions()).containsExactly(8L, 9L, 10L);
        assertThatThrownBy(() -> data.snapshot(3))
                .isInstanceOfSatisfying(
                        SnapshotException.class,
                        e -> assertThat(e.code()).isEqualTo(SnapshotException.Code.RELEASED_VERSION))
                .hasMessageContaining("version 3 was released");
    }

    @Test
    void pins_countedPerVersion_versionStaysUntilLastClose() {
        ImmutableDataStructure<String, Integer> data = new ImmutableDataStructure<>(Map.of("k", 0), 1);
        Snapshot<String, Integer> first = data.pin(0);
        SnapshotIterator<String, Integer> second = new SnapshotIterator<>(data, 0);
        data.set("k", 1);
        first.close();
        first.close();
        assertThat(data.versions()).containsExactly(0L, 1L);
        assertThat(second.next()).isEqualTo(Map.entry("k", 0));
        assertThat(second.hasNext()).isFalse();
        assertThat(data.versions()).containsExactly(1L);
        assertThatThrownBy(first::map).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void snapshotIterator_closedEarly_unpinsAndEnds() {
        ImmutableDataStructure<Integer, Integer> data = new ImmutableDataStructure<>(Map.of(1, 1, 2, 2), 1);
        SnapshotIterator<Integer, Integer> iterator = new SnapshotIterator<>(data, 0);
        data.set(3, 3);
        assertThat(data.versions()).containsExactly(0L, 1L);
        iterator.next();
        iterator.close();
        assertThat(iterator.hasNext()).isFalse();
        assertThat(data.versions()).containsExactly(1L);
        assertThatThrownBy(iterator::next).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> {
                    SnapshotIterator<Integer, Integer> once = new SnapshotIterator<>(data, 1);
                    once.iterator();
                    once.iterator();
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("iterated once");
    }

    @Test
    void badInput_isRejectedWithItsValue_andStateIsUnchanged() {
        ImmutableDataStructure<String, Integer> data = new ImmutableDataStructure<>(Map.of("a", 1));
        assertThatThrownBy(() -> data.snapshot(5))
                .isInstanceOfSatisfying(
                        SnapshotException.class,
                        e -> assertThat(e.code()).isEqualTo(SnapshotException.Code.UNKNOWN_VERSION))
                .hasMessage("version 5 does not exist (expected: 0 to the current version, 0)");
        assertThatThrownBy(() -> data.snapshot(-1)).hasMessageContaining("version -1 does not exist");
        assertThatThrownBy(() -> new SnapshotIterator<>(data, 7)).hasMessageContaining("version 7");
        assertThatThrownBy(() -> data.diff(0, 3)).hasMessageContaining("version 3");
        assertThatThrownBy(() -> data.set(null, 1)).hasMessage("key must not be null");
        assertThatThrownBy(() -> data.set("a", null)).hasMessage("value must not be null");
        assertThatThrownBy(() -> data.delete(null)).hasMessage("key must not be null");
        assertThatThrownBy(() -> Batch.<String, Integer>builder().put("x", null))
                .hasMessage("value must not be null");
        assertThatThrownBy(() -> new ImmutableDataStructure<>(Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retainedVersions: 0 (expected: 1 to 16777216)");
        Map<String, Integer> withNull = new HashMap<>();
        withNull.put("n", null);
        assertThatThrownBy(() -> new ImmutableDataStructure<>(withNull)).hasMessage("value must not be null");
        assertThat(data.currentVersion()).isZero();
        assertThat(data.current()).isEqualTo(Map.of("a", 1));
    }

    @Test
    void diff_randomHistories_equalsNaiveComparison(SeededRandom random) {
        for (int run = 0; run < 30; run++) {
            ImmutableDataStructure<CollidingKey, Integer> data = new ImmutableDataStructure<>(Map.of(), 10_000);
            int keySpace = random.nextInt(1, 300);
            int hashMod = random.pick(List.of(3, 64, Integer.MAX_VALUE));
            int writes = random.nextInt(1, 400);
            for (int i = 0; i < writes; i++) {
                int id = random.nextInt(keySpace);
                CollidingKey key = new CollidingKey(id, (id * 0x9E3779B9) % hashMod);
                if (random.chance(2, 3)) {
                    data.set(key, random.nextInt(5));
                } else {
                    data.delete(key);
                }
            }
            for (int check = 0; check < 20; check++) {
                long from = random.nextLong(0, writes + 1);
                long to = random.nextLong(0, writes + 1);
                assertThat(new HashSet<>(data.diff(from, to)))
                        .as("diff(%d, %d)", from, to)
                        .isEqualTo(naiveDiff(data.snapshot(from), data.snapshot(to)));
            }
        }
    }

    @Test
    void diff_oneChangeInAMillionEntries_reportsJustThatKey() {
        PersistentMap.Builder<Integer, Integer> builder = PersistentMap.builder();
        for (int i = 0; i < 1_000_000; i++) {
            builder.put(i, i);
        }
        ImmutableDataStructure<Integer, Integer> data = new ImmutableDataStructure<>(builder.build());
        data.set(500, -1);
        data.set(1_000_000, 7);
        data.delete(3);
        assertThat(data.diff(0, 3))
                .containsExactlyInAnyOrder(
                        new Difference.Updated<>(500, 500, -1),
                        new Difference.Added<>(1_000_000, 7),
                        new Difference.Removed<>(3, 3));
    }

    private static <K, V> Set<Difference<K, V>> naiveDiff(Map<K, V> before, Map<K, V> after) {
        Set<Difference<K, V>> differences = new HashSet<>();
        before.forEach((key, value) -> {
            V now = after.get(key);
            if (now == null) {
                differences.add(new Difference.Removed<>(key, value));
            } else if (!now.equals(value)) {
                differences.add(new Difference.Updated<>(key, value, now));
            }
        });
        after.forEach((key, value) -> {
            if (!before.containsKey(key)) {
                differences.add(new Difference.Added<>(key, value));
            }
        });
        return differences;
    }

    /** A key whose hashCode throws: the batch fails half-way, as a crash of the writer would. */
    private record ExplodingKey(String name) {
        @Override
        public int hashCode() {
            throw new IllegalStateException("hashCode of " + name + " failed");
        }
    }

    @Test
    void apply_failingHalfWay_publishesNoVersionAndLeavesTheStoreUsable() {
        ImmutableDataStructure<Object, Integer> data = new ImmutableDataStructure<>(Map.of("a", 1));
        Batch<Object, Integer> batch = Batch.<Object, Integer>builder()
                .put("b", 2)
                .put(new ExplodingKey("boom"), 3)
                .put("c", 4)
                .build();
        assertThatThrownBy(() -> data.apply(batch)).hasMessage("hashCode of boom failed");
        assertThat(data.currentVersion()).isZero();
        assertThat(data.versions()).containsExactly(0L);
        assertThat(data.current()).isEqualTo(Map.of("a", 1));
        assertThat(data.set("b", 2)).isEqualTo(1);
    }

    @Test
    void toString_namesVersionAndSize() {
        ImmutableDataStructure<String, Integer> data = new ImmutableDataStructure<>(Map.of("a", 1));
        data.set("b", 2);
        assertThat(data).hasToString("ImmutableDataStructure[version=1, size=2]");
        assertThat(new ArrayList<>(data.versions())).containsExactly(0L, 1L);
    }
}
