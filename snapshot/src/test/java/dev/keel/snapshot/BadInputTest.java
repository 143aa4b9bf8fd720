package dev.keel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every collection entry point rejects bad input with a message naming it, and the collection is unchanged. */
final class BadInputTest {

    @Test
    void persistentMap_nullsAndMutators_areRejected() {
        PersistentMap<String, Integer> map = PersistentMap.of("a", 1);
        assertThatThrownBy(() -> map.with(null, 1)).hasMessage("key must not be null");
        assertThatThrownBy(() -> map.with("b", null)).hasMessage("value must not be null");
        assertThatThrownBy(() -> map.without(null)).hasMessage("key must not be null");
        assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.put("b", 2))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("PersistentMap is immutable: use with(key, value) or without(key)");
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(5))
                .isInstanceOf(UnsupportedOperationException.class);
        Map<String, Integer> withNull = new HashMap<>();
        withNull.put("n", null);
        assertThatThrownBy(() -> PersistentMap.copyOf(withNull)).hasMessage("value must not be null");
        assertThatThrownBy(() -> PersistentMap.builder().put(null, 1)).hasMessage("key must not be null");
        assertThat(map).isEqualTo(Map.of("a", 1));
    }

    @Test
    void persistentSortedMap_wrongKeyTypeAndNulls_areRejected() {
        PersistentSortedMap<Integer, String> map =
                PersistentSortedMap.<Integer, String>empty().with(1, "a");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<Object, String> raw = (Map) map;
        assertThatThrownBy(() -> raw.get("one")).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> map.floorKey(null)).hasMessage("key must not be null");
        assertThatThrownBy(() -> map.headMap(null)).hasMessage("toKey must not be null");
        assertThatThrownBy(() -> map.pollFirstEntry()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().remove(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map).isEqualTo(Map.of(1, "a"));
    }

    @Test
    void batch_nullWrite_isRejected() {
        java.util.List<Write<String, Integer>> writes = new java.util.ArrayList<>();
        writes.add(null);
        assertThatThrownBy(() -> new Batch<>(writes)).hasMessage("writes contains null (expected a Put or a Delete)");
    }
}
