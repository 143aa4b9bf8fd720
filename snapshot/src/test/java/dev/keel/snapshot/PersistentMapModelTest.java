package dev.keel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Random operation sequences against {@link HashMap}, with the trie's canonical form checked after every step. */
@ExtendWith(SeedExtension.class)
final class PersistentMapModelTest {

    /** Hash shapes: spread, all in few buckets (deep paths), fully colliding, and a mix. */
    private static final List<IntUnaryOperator> HASHES =
            List.of(id -> id * 0x9E3779B9, id -> (id % 16) << 27, id -> id % 3, id -> id % 7 == 0 ? 42 : id * 31);

    @Test
    void randomOperations_anyHashShape_matchHashMapAndStayCanonical(SeededRandom random) {
        for (IntUnaryOperator hashes : HASHES) {
            for (int run = 0; run < 20; run++) {
                runModel(random, hashes, random.nextInt(1, 400), random.nextInt(1, 1_500));
            }
        }
    }

    private static void runModel(SeededRandom random, IntUnaryOperator hashes, int keySpace, int steps) {
        HashMap<CollidingKey, Integer> model = new HashMap<>();
        PersistentMap<CollidingKey, Integer> map = PersistentMap.empty();
        List<PersistentMap<CollidingKey, Integer>> history = new ArrayList<>();
        List<Map<CollidingKey, Integer>> historyModel = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int id = random.nextInt(keySpace);
            CollidingKey key = new CollidingKey(id, hashes.applyAsInt(id));
            if (random.chance(3, 5)) {
                int value = random.nextInt(10);
                map = map.with(key, value);
                model.put(key, value);
            } else {
                map = map.without(key);
                model.remove(key);
            }
            ChampInvariants.check(map);
            assertThat(map.size()).isEqualTo(model.size());
            assertThat(map.get(key)).isEqualTo(model.get(key));
            assertThat(map.containsKey(key)).isEqualTo(model.containsKey(key));
            if (step % 50 == 0) {
                assertThat(map).isEqualTo(model);
                assertThat(model).isEqualTo(map);
                assertThat(map.hashCode()).isEqualTo(model.hashCode());
                history.add(map);
                historyModel.add(new HashMap<>(model));
            }
        }
        assertThat(map).isEqualTo(model);
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i)).as("version %d after later updates", i).isEqualTo(historyModel.get(i));
        }
    }

    @Test
    void equals_sameEntriesInsertedInAnyOrderOrViaRemovals_isTrueAndSameShape(SeededRandom random) {
        for (IntUnaryOperator hashes : HASHES) {
            List<CollidingKey> keys = new ArrayList<>();
            for (int id = 0; id < 500; id++) {
                keys.add(new CollidingKey(id, hashes.applyAsInt(id)));
            }
            PersistentMap<CollidingKey, Integer> ascending = PersistentMap.empty();
            for (CollidingKey key : keys) {
                ascending = ascending.with(key, key.id());
            }
            java.util.Collections.shuffle(keys, random);
            PersistentMap.Builder<CollidingKey, Integer> builder = PersistentMap.builder();
            PersistentMap<CollidingKey, Integer> withExtras = PersistentMap.empty();
            for (CollidingKey key : keys) {
                builder.put(key, key.id());
                withExtras = withExtras.with(key, key.id()).with(new CollidingKey(-key.id() - 1, key.hash()), 0);
            }
            for (CollidingKey key : keys) {
                withExtras = withExtras.without(new CollidingKey(-key.id() - 1, key.hash()));
            }
            PersistentMap<CollidingKey, Integer> built = builder.build();
            ChampInvariants.check(built);
            ChampInvariants.check(withExtras);
            assertThat(built).isEqualTo(ascending);
            assertThat(withExtras).isEqualTo(ascending);
            assertThat(built.root().equivalent(ascending.root())).isTrue();
            assertThat(withExtras.root().equivalent(ascending.root())).isTrue();
            assertThat(ascending.with(keys.getFirst(), -1)).isNotEqualTo(built);
        }
    }

    @Test
    void builder_afterBuild_neverChangesTheBuiltMap(SeededRandom random) {
        PersistentMap.Builder<Integer, Integer> builder = PersistentMap.builder();
        for (int i = 0; i < 1_000; i++) {
            builder.put(random.nextInt(2_000), i);
        }
        PersistentMap<Integer, Integer> first = builder.build();
        Map<Integer, Integer> firstCopy = new HashMap<>(first);
        for (int i = 0; i < 1_000; i++) {
            builder.put(random.nextInt(2_000), -i);
            builder.remove(random.nextInt(2_000));
        }
        PersistentMap<Integer, Integer> second = builder.build();
        ChampInvariants.check(first);
        ChampInvariants.check(second);
        assertThat(first).isEqualTo(firstCopy);
        assertThat(second.size()).isEqualTo(builder.size());
    }

    /** Large enough that build() lays the trie out afresh (spread hashes, deep paths with collisions, a mix). */
    @Test
    void builder_largeBuild_copiesACanonicalTrieThatLaterPutsNeverChange(SeededRandom random) {
        List<IntUnaryOperator> shapes =
                List.of(HASHES.getFirst(), id -> (id % 4_096) << 20, id -> id % 7 == 0 ? 42 : id * 31);
        for (IntUnaryOperator hashes : shapes) {
            PersistentMap.Builder<CollidingKey, Integer> builder = PersistentMap.builder();
            Map<CollidingKey, Integer> model = new HashMap<>();
            for (int i = 0; i < 40_000; i++) {
                int id = random.nextInt(60_000);
                CollidingKey key = new CollidingKey(id, hashes.applyAsInt(id));
                builder.put(key, i);
                model.put(key, i);
                if (i % 5 == 0) {
                    int removedId = random.nextInt(60_000);
                    CollidingKey removed = new CollidingKey(removedId, hashes.applyAsInt(removedId));
                    builder.remove(removed);
                    model.remove(removed);
                }
            }
            PersistentMap<CollidingKey, Integer> built = builder.build();
            ChampInvariants.check(built);
            assertThat(built).isEqualTo(model);
            Map<CollidingKey, Integer> builtCopy = new HashMap<>(built);
            for (int i = 0; i < 2_000; i++) {
                int id = random.nextInt(60_000);
                builder.put(new CollidingKey(id, hashes.applyAsInt(id)), -i);
                int removedId = random.nextInt(60_000);
                builder.remove(new CollidingKey(removedId, hashes.applyAsInt(removedId)));
            }
            ChampInvariants.check(builder.build());
            assertThat(built).isEqualTo(builtCopy);
        }
    }

    /** A builder from an existing map copies only the paths it changes, however large the map (batches rely on it). */
    @Test
    void toBuilder_largeMap_buildSharesEverySubTrieItDidNotChange() {
        PersistentMap.Builder<Integer, Integer> builder = PersistentMap.builder();
        for (int i = 0; i < 50_000; i++) {
            builder.put(i, i);
        }
        PersistentMap<Integer, Integer> source = builder.build();
        PersistentMap<Integer, Integer> derived = source.toBuilder().put(0, -1).build();
        ChampNode<Integer, Integer> sourceRoot = source.root();
        ChampNode<Integer, Integer> derivedRoot = derived.root();
        int shared = 0;
        for (int i = 0; i < sourceRoot.nodeCount(); i++) {
            if (sourceRoot.nodeAt(i) == derivedRoot.nodeAt(i)) {
                shared++;
            }
        }
        assertThat(shared).isEqualTo(sourceRoot.nodeCount() - 1);
        assertThat(derived.get(0)).isEqualTo(-1);
        assertThat(source.get(0)).isEqualTo(0);
    }

    @Test
    void toBuilder_neverChangesTheSourceMap() {
        PersistentMap<Integer, String> source = PersistentMap.of(1, "a", 2, "b");
        PersistentMap<Integer, String> derived =
                source.toBuilder().put(1, "z").put(3, "c").remove(2).build();
        assertThat(source).containsExactlyInAnyOrderEntriesOf(Map.of(1, "a", 2, "b"));
        assertThat(derived).containsExactlyInAnyOrderEntriesOf(Map.of(1, "z", 3, "c"));
    }
}
