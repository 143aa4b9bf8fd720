package dev.keel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trie walk behind the map's entry, key and value iterators ({@code ChampIterator}): it keeps the path to the
 * node whose sub-nodes it is visiting as 5-bit digits and finds a parent again from the root, so every depth (down to
 * the collision nodes below level 6), every sub-node index (0 to 31) and every way back up are checked here against
 * the recursive {@code forEach}, which visits the same depth-first order with no shared code.
 */
@ExtendWith(SeedExtension.class)
final class ChampIteratorTest {

    @Test
    void iterators_emptyMap_haveNothingAndThrowOnNext() {
        PersistentMap<String, Integer> empty = PersistentMap.empty();

        for (Iterator<?> iterator : List.of(
                empty.entrySet().iterator(),
                empty.keySet().iterator(),
                empty.values().iterator())) {
            assertThat(iterator.hasNext()).isFalse();
            assertThatThrownBy(iterator::next)
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessage("no more entries");
            assertThat(iterator.hasNext()).isFalse();
        }
    }

    @Test
    void iterators_oneEntry_giveItOnceThenThrow() {
        PersistentMap<String, Integer> one = PersistentMap.of("a", 1);

        Iterator<Map.Entry<String, Integer>> entries = one.entrySet().iterator();
        assertThat(entries.next()).isEqualTo(Map.entry("a", 1));
        assertThatThrownBy(entries::next).isInstanceOf(NoSuchElementException.class);
        assertThat(one.keySet()).containsExactly("a");
        assertThat(one.values()).containsExactly(1);
    }

    @Test
    void iterator_remove_isUnsupported() {
        Iterator<Map.Entry<String, Integer>> entries =
                PersistentMap.of("a", 1).entrySet().iterator();
        entries.next();

        assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
    }

    /** Keys that meet at every level down to a collision node, with a sibling at each level to come back up to. */
    @Test
    void walk_chainDownToACollisionNode_visitsEveryLevelOnceInForEachOrder() {
        PersistentMap<CollidingKey, Integer> map = PersistentMap.empty();
        int id = 0;
        int sharedBits = 0;
        for (int level = 0; level < 7; level++) {
            int shift = ChampNode.BITS * level;
            int digit = level == 6 ? 3 : 31; // level 6 has the hash's last 2 bits
            map = map.with(key(id, sharedBits | (1 << shift)), id++); // an entry beside the chain at this level
            sharedBits |= digit << shift;
        }
        map = map.with(key(id, sharedBits), id++).with(key(id, sharedBits), id++); // equal hashes: a collision node
        map = map.with(key(id, 5), id); // one more root entry

        assertThat(map).hasSize(10);
        assertWalksLikeForEach(map);
    }

    /**
     * A root with 32 sub-nodes that each have a sub-node of their own: the walk goes down from and back up to every
     * index 0 to 31, the widest digit of the path.
     */
    @Test
    void walk_rootWith32SubNodesEachWithASubNode_resumesAfterEveryIndex() {
        PersistentMap.Builder<CollidingKey, Integer> builder = PersistentMap.builder();
        int id = 0;
        for (int position = 0; position < 32; position++) {
            builder.put(key(id, position | (1 << 5)), id++);
            builder.put(key(id, position | (1 << 5) | (1 << 10)), id++);
            builder.put(key(id, position | (2 << 5)), id++);
        }
        PersistentMap<CollidingKey, Integer> map = builder.build();
        ChampInvariants.check(map);

        assertThat(map.root().nodeCount()).isEqualTo(32);
        assertWalksLikeForEach(map);
    }

    /** Random tries with few distinct 5-bit digits per level: deep paths, collision nodes, pops of several levels. */
    @Test
    void walk_randomDeepTries_matchForEachAndTheModel(SeededRandom random) {
        int[] digits = {0, 1, 30, 31};
        for (int run = 0; run < 200; run++) {
            Map<CollidingKey, Integer> model = new HashMap<>();
            List<CollidingKey> added = new ArrayList<>();
            PersistentMap<CollidingKey, Integer> map = PersistentMap.empty();
            int keys = random.nextInt(0, 120);
            for (int id = 0; id < keys; id++) {
                int spread = 0;
                for (int level = 0; level < 7; level++) {
                    spread |= (digits[random.nextInt(digits.length)] & (level == 6 ? 3 : 31)) << (5 * level);
                }
                CollidingKey key = key(id, spread);
                map = map.with(key, id);
                model.put(key, id);
                added.add(key);
            }
            for (int i = 0; i < keys; i += 3) { // removals collapse nodes back into their parents
                map = map.without(added.get(i));
                model.remove(added.get(i));
            }
            ChampInvariants.check(map);

            assertThat(map).isEqualTo(model);
            assertWalksLikeForEach(map);
        }
    }

    /** next() alone walks the whole trie, and hasNext() asked twice does not skip an entry. */
    @Test
    void walk_nextWithoutHasNextAndRepeatedHasNext_giveTheSameEntries() {
        PersistentMap<CollidingKey, Integer> map = PersistentMap.empty();
        for (int id = 0; id < 200; id++) {
            map = map.with(key(id, id * 0x9E3779B9), id);
        }
        List<Map.Entry<CollidingKey, Integer>> expected = forEachOrder(map);

        Iterator<Map.Entry<CollidingKey, Integer>> withoutHasNext =
                map.entrySet().iterator();
        List<Map.Entry<CollidingKey, Integer>> byNext = new ArrayList<>();
        for (int i = 0; i < map.size(); i++) {
            byNext.add(withoutHasNext.next());
        }
        Iterator<Map.Entry<CollidingKey, Integer>> askingTwice = map.entrySet().iterator();
        List<Map.Entry<CollidingKey, Integer>> byHasNextTwice = new ArrayList<>();
        while (askingTwice.hasNext() && askingTwice.hasNext()) {
            byHasNextTwice.add(askingTwice.next());
        }

        assertThat(byNext).isEqualTo(expected);
        assertThat(withoutHasNext.hasNext()).isFalse();
        assertThat(byHasNextTwice).isEqualTo(expected);
    }

    /**
     * An iterator walks the version it was made from: new versions made while it runs (by updates, or by the builder
     * that made the map, which updates only nodes it has not handed out) do not change what it sees.
     */
    @Test
    void walk_whileNewVersionsAreMade_seesExactlyItsOwnVersion() {
        PersistentMap.Builder<Integer, Integer> builder = PersistentMap.builder();
        for (int i = 0; i < 1000; i++) {
            builder.put(i, i);
        }
        PersistentMap<Integer, Integer> map = builder.build();
        List<Map.Entry<Integer, Integer>> expected = forEachOrder(map);

        Iterator<Map.Entry<Integer, Integer>> iterator = map.entrySet().iterator();
        List<Map.Entry<Integer, Integer>> seen = new ArrayList<>();
        PersistentMap<Integer, Integer> changed = map;
        for (int i = 0; iterator.hasNext(); i++) {
            seen.add(iterator.next());
            changed = changed.without(i).with(1000 + i, i);
            builder.put(i, -i);
            builder.remove(999 - i);
        }

        assertThat(seen).isEqualTo(expected);
        assertThat(changed).doesNotContainKey(0);
    }

    private static CollidingKey key(int id, int spreadHash) {
        // ChampNode.hash spreads h ^ (h >>> 16); that function is its own inverse, so this key's spread hash is the one
        // asked for.
        return new CollidingKey(id, spreadHash ^ (spreadHash >>> 16));
    }

    private static <K, V> List<Map.Entry<K, V>> forEachOrder(PersistentMap<K, V> map) {
        List<Map.Entry<K, V>> entries = new ArrayList<>();
        map.forEach((key, value) -> entries.add(Map.entry(key, value)));
        return entries;
    }

    private static <K, V> void assertWalksLikeForEach(PersistentMap<K, V> map) {
        List<Map.Entry<K, V>> expected = forEachOrder(map);
        assertThat(new ArrayList<>(map.entrySet())).isEqualTo(expected);
        assertThat(new ArrayList<>(map.keySet()))
                .isEqualTo(expected.stream().map(Map.Entry::getKey).toList());
        assertThat(new ArrayList<>(map.values()))
                .isEqualTo(expected.stream().map(Map.Entry::getValue).toList());
        assertThat(expected).hasSize(map.size());
    }
}
