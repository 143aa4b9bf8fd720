package dev.keel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.snapshot.SortedTree.Node;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PersistentSortedMap} against {@link TreeMap}: updates, navigation and range views, balance checked. */
@ExtendWith(SeedExtension.class)
final class PersistentSortedMapModelTest {

    @Test
    void randomOperations_matchTreeMapAndStayBalanced(SeededRandom random) {
        for (int run = 0; run < 12; run++) {
            Comparator<Integer> order = random.chance(1, 2) ? Comparator.naturalOrder() : Comparator.reverseOrder();
            PersistentSortedMap<Integer, Integer> map = PersistentSortedMap.empty(order);
            TreeMap<Integer, Integer> model = new TreeMap<>(order);
            List<PersistentSortedMap<Integer, Integer>> history = new ArrayList<>();
            List<Map<Integer, Integer>> historyModel = new ArrayList<>();
            int keySpace = random.nextInt(1, 1_000);
            int steps = random.nextInt(1, 2_000);
            for (int step = 0; step < steps; step++) {
                int key = random.nextInt(keySpace);
                if (random.chance(3, 5)) {
                    map = map.with(key, step);
                    model.put(key, step);
                } else {
                    map = map.without(key);
                    model.remove(key);
                }
                checkInvariants(map);
                assertThat(map.size()).isEqualTo(model.size());
                assertThat(map.get(key)).isEqualTo(model.get(key));
                if (step % 100 == 0) {
                    assertThat(map).containsExactlyEntriesOf(model);
                    history.add(map);
                    historyModel.add(new TreeMap<>(model));
                }
            }
            checkNavigation(random, map, model, keySpace);
            checkNavigation(random, map.descendingMap(), model.descendingMap(), keySpace);
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i)).containsExactlyEntriesOf(historyModel.get(i));
            }
        }
    }

    private static void checkNavigation(
            SeededRandom random, NavigableMap<Integer, Integer> map, NavigableMap<Integer, Integer> model, int keys) {
        assertThat(map.firstEntry()).isEqualTo(model.firstEntry());
        assertThat(map.lastEntry()).isEqualTo(model.lastEntry());
        for (int i = 0; i < 50; i++) {
            int key = random.nextInt(-1, keys + 1);
            assertThat(map.floorEntry(key)).isEqualTo(model.floorEntry(key));
            assertThat(map.ceilingEntry(key)).isEqualTo(model.ceilingEntry(key));
            assertThat(map.lowerKey(key)).isEqualTo(model.lowerKey(key));
            assertThat(map.higherKey(key)).isEqualTo(model.higherKey(key));
            boolean inclusive = random.chance(1, 2);
            assertThat(map.headMap(key, inclusive)).containsExactlyEntriesOf(model.headMap(key, inclusive));
            assertThat(map.tailMap(key, inclusive)).containsExactlyEntriesOf(model.tailMap(key, inclusive));
            int other = random.nextInt(-1, keys + 1);
            int from = model.comparator().compare(key, other) <= 0 ? key : other;
            int to = from == key ? other : key;
            boolean toInclusive = random.chance(1, 2);
            NavigableMap<Integer, Integer> sub = map.subMap(from, inclusive, to, toInclusive);
            NavigableMap<Integer, Integer> expected = model.subMap(from, inclusive, to, toInclusive);
            assertThat(sub).containsExactlyEntriesOf(expected);
            assertThat(sub.descendingMap()).containsExactlyEntriesOf(expected.descendingMap());
            if (sub instanceof PersistentSortedMap<Integer, Integer> persistent) {
                checkInvariants(persistent);
            }
        }
    }

    @Test
    void subMap_fromAfterTo_isRejectedNamingBothKeys() {
        PersistentSortedMap<Integer, String> map =
                PersistentSortedMap.<Integer, String>empty().with(1, "a").with(5, "e");
        assertThatThrownBy(() -> map.subMap(5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromKey (5) is after toKey (1) in this map's order");
        assertThat(map.descendingMap().subMap(5, true, 1, true)).containsOnlyKeys(5, 1);
        assertThatThrownBy(() -> map.with(null, "x")).hasMessage("key must not be null");
        assertThatThrownBy(() -> map.put(2, "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> PersistentSortedMap.<Integer, String>empty().firstKey())
                .hasMessage("firstKey() of an empty map");
        assertThat(map).containsOnlyKeys(1, 5);
    }

    @Test
    void ascendingInsertions_stayLogarithmicInHeight() {
        PersistentSortedMap<Integer, Integer> map = PersistentSortedMap.empty();
        for (int i = 0; i < 100_000; i++) {
            map = map.with(i, i);
        }
        checkInvariants(map);
        assertThat(height(map.root())).isLessThanOrEqualTo(2 * 17 + 2);
    }

    private static int height(@Nullable Node<?, ?> node) {
        return node == null ? 0 : 1 + Math.max(height(node.left), height(node.right));
    }

    /** Search order, subtree sizes and weight balance (delta 3) at every node. */
    static <K, V> void checkInvariants(PersistentSortedMap<K, V> map) {
        check(map.root(), map.order(), null, null);
    }

    private static <K> int check(
            @Nullable Node<K, ?> node, Comparator<? super K> order, @Nullable K low, @Nullable K high) {
        if (node == null) {
            return 0;
        }
        if ((low != null && order.compare(low, node.key) >= 0)
                || (high != null && order.compare(node.key, high) >= 0)) {
            throw new AssertionError("key " + node.key + " out of order (between " + low + " and " + high + ")");
        }
        int sl = check(node.left, order, low, node.key);
        int sr = check(node.right, order, node.key, high);
        if (node.size != sl + sr + 1) {
            throw new AssertionError("size " + node.size + " at " + node.key + ", expected " + (sl + sr + 1));
        }
        if (sl + sr > 1 && (sl > 3 * sr || sr > 3 * sl)) {
            throw new AssertionError("unbalanced at " + node.key + ": " + sl + " left, " + sr + " right");
        }
        return node.size;
    }
}
