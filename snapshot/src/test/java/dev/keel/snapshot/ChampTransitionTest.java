package dev.keel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The small-node transitions of the trie: a third key below, between or above two (at position 31, where the bit is
 * the sign bit of a bitmap), removals back to two, push-downs and collisions, by the persistent updates and by the
 * builder's in-place ones, against a model and with the canonical form checked.
 */
@ExtendWith(SeedExtension.class)
final class ChampTransitionTest {

    /** Positions at the root level, including 0 and 31 (the sign bit of a bitmap). */
    private static final int[] POSITIONS = {0, 1, 15, 30, 31};

    @Test
    void thirdKey_anyPositionAndOrder_keepsPositionOrderAndCanonicalForm() {
        for (int a : POSITIONS) {
            for (int b : POSITIONS) {
                for (int c : POSITIONS) {
                    if (a != b && b != c && a != c) {
                        checkInsertionsAndRemovals(List.of(key(1, a), key(2, b), key(3, c)));
                    }
                }
            }
        }
    }

    @Test
    void keysMeetingAtOnePosition_pushDownIntoPairsAndCollapseBack() {
        // Same low 5 bits, different next 5 bits: a pair one level down; equal 32-bit hashes: a collision node.
        List<CollidingKey> keys = List.of(key(1, 7), key(2, 7 | (3 << 5)), key(3, 7 | (31 << 5)), key(4, 7));
        checkInsertionsAndRemovals(keys);
    }

    /**
     * A new key meeting another at a position compares their hashes before calling {@code equals}: different hashes
     * settle it, and the stored key's {@code equals} (for a {@code String}, a read of its character array, a cache
     * miss at 1M entries) is not called. Equal hashes still need {@code equals}: a collision or the same key.
     */
    @Test
    void with_keyMeetingAnotherOfDifferentHash_pushesDownWithoutCallingEquals() {
        AtomicInteger equalsCalls = new AtomicInteger();
        CountingKey stored = new CountingKey(1, 7, equalsCalls);
        CountingKey sameLowBits = new CountingKey(2, 7 | (3 << 5), equalsCalls);
        PersistentMap<CountingKey, Integer> map =
                PersistentMap.<CountingKey, Integer>empty().with(stored, 1);
        PersistentMap.Builder<CountingKey, Integer> builder = PersistentMap.builder(); // in place: putInPlace
        builder.put(stored, 1);

        PersistentMap<CountingKey, Integer> pushedDown = map.with(sameLowBits, 2);
        builder.put(sameLowBits, 2);

        assertThat(equalsCalls).hasValue(0);
        assertThat(pushedDown).containsExactlyInAnyOrderEntriesOf(Map.of(stored, 1, sameLowBits, 2));
        assertThat(builder.build()).isEqualTo(pushedDown);
        ChampInvariants.check(pushedDown);
    }

    @Test
    void with_keyOfEqualHash_callsEqualsToTellACollisionFromAReplacement() {
        AtomicInteger equalsCalls = new AtomicInteger();
        CountingKey stored = new CountingKey(1, 7, equalsCalls);
        PersistentMap<CountingKey, Integer> map =
                PersistentMap.<CountingKey, Integer>empty().with(stored, 1);

        PersistentMap<CountingKey, Integer> collided = map.with(new CountingKey(2, 7, equalsCalls), 2);
        PersistentMap<CountingKey, Integer> replaced = map.with(new CountingKey(1, 7, equalsCalls), 3);

        assertThat(equalsCalls.get()).isGreaterThanOrEqualTo(2);
        assertThat(collided).hasSize(2).containsEntry(stored, 1);
        assertThat(replaced).hasSize(1).containsEntry(stored, 3);
        ChampInvariants.check(collided);
        ChampInvariants.check(replaced);
    }

    /** A key with a chosen hash that counts the calls of its {@code equals}. */
    private record CountingKey(int id, int hash, AtomicInteger equalsCalls) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            equalsCalls.incrementAndGet();
            return other instanceof CountingKey that && that.id == id;
        }
    }

    private static void checkInsertionsAndRemovals(List<CollidingKey> keys) {
        for (List<CollidingKey> order : permutations(keys)) {
            PersistentMap<CollidingKey, Integer> map = PersistentMap.empty();
            PersistentMap.Builder<CollidingKey, Integer> builder = PersistentMap.builder();
            Map<CollidingKey, Integer> model = new HashMap<>();
            for (CollidingKey key : order) {
                map = map.with(key, key.id());
                builder.put(key, key.id());
                model.put(key, key.id());
                ChampInvariants.check(map);
                assertThat(map).isEqualTo(model);
            }
            PersistentMap<CollidingKey, Integer> built = builder.build();
            ChampInvariants.check(built);
            assertThat(built.root().equivalent(map.root())).isTrue();
            assertThat(new ArrayList<>(built.keySet())).isEqualTo(new ArrayList<>(map.keySet()));
            for (CollidingKey key : order) {
                PersistentMap<CollidingKey, Integer> smaller = map.without(key);
                ChampInvariants.check(smaller);
                Map<CollidingKey, Integer> expected = new HashMap<>(model);
                expected.remove(key);
                assertThat(smaller).isEqualTo(expected);
                assertThat(smaller.with(key, key.id()).root().equivalent(map.root()))
                        .isTrue();
                assertThat(map.with(key, -1).get(key)).isEqualTo(-1);
            }
        }
    }

    /** The builder's in-place path, checked against a model with every built map's canonical form. */
    @Test
    void builder_randomPutsAndRemoves_matchHashMapAndStayCanonical(SeededRandom random) {
        for (int run = 0; run < 30; run++) {
            int keySpace = random.nextInt(2, 300);
            PersistentMap.Builder<CollidingKey, Integer> builder = PersistentMap.builder();
            Map<CollidingKey, Integer> model = new HashMap<>();
            PersistentMap<CollidingKey, Integer> persistent = PersistentMap.empty();
            for (int step = 0; step < 600; step++) {
                int id = random.nextInt(keySpace);
                // Few distinct hashes at each level so that pairs form, split and collapse often.
                CollidingKey key = new CollidingKey(id, (id % 37) * 0x0842_1085);
                if (random.chance(2, 3)) {
                    builder.put(key, step);
                    model.put(key, step);
                    persistent = persistent.with(key, step);
                } else {
                    builder.remove(key);
                    model.remove(key);
                    persistent = persistent.without(key);
                }
                if (step % 97 == 0) {
                    PersistentMap<CollidingKey, Integer> built = builder.build();
                    ChampInvariants.check(built);
                    assertThat(built).isEqualTo(model);
                    assertThat(built.root().equivalent(persistent.root())).isTrue();
                }
            }
            PersistentMap<CollidingKey, Integer> built = builder.build();
            ChampInvariants.check(built);
            assertThat(built).isEqualTo(model).isEqualTo(persistent);
            assertThat(built.size()).isEqualTo(model.size());
        }
    }

    private static CollidingKey key(int id, int hash) {
        return new CollidingKey(id, hash);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }
}
