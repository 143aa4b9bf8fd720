package dev.keel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.testing.ListTestSuiteBuilder;
import com.google.common.collect.testing.TestStringListGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PersistentVector} against {@link ArrayList}, its trie shape after every step, and guava's List contract. */
@ExtendWith(SeedExtension.class)
final class PersistentVectorTest {

    @TestFactory
    Iterable<DynamicTest> guavaListContract() {
        return GuavaSuites.dynamicTests(ListTestSuiteBuilder.using(new TestStringListGenerator() {
                    @Override
                    protected List<String> create(String[] elements) {
                        return PersistentVector.of(elements);
                    }
                })
                .named("PersistentVector")
                .withFeatures(CollectionSize.ANY, CollectionFeature.ALLOWS_NULL_QUERIES)
                .createTestSuite());
    }

    @Test
    void randomOperations_matchArrayListAndKeepOldVersions(SeededRandom random) {
        for (int run = 0; run < 12; run++) {
            PersistentVector<Integer> vector = PersistentVector.empty();
            List<Integer> model = new ArrayList<>();
            List<PersistentVector<Integer>> history = new ArrayList<>();
            List<List<Integer>> historyModel = new ArrayList<>();
            int steps = random.nextInt(1, 6_000);
            for (int step = 0; step < steps; step++) {
                int choice = random.nextInt(10);
                if (choice < 6 || model.isEmpty()) {
                    vector = vector.append(step);
                    model.add(step);
                } else if (choice < 8) {
                    int index = random.nextInt(model.size());
                    vector = vector.with(index, -step);
                    model.set(index, -step);
                } else {
                    vector = vector.pop();
                    model.removeLast();
                }
                checkShape(vector);
                assertThat(vector.size()).isEqualTo(model.size());
                if (!model.isEmpty()) {
                    int index = random.nextInt(model.size());
                    assertThat(vector.get(index)).isEqualTo(model.get(index));
                }
                if (step % 500 == 0) {
                    assertThat(vector).isEqualTo(model);
                    history.add(vector);
                    historyModel.add(List.copyOf(model));
                }
            }
            assertThat(vector).containsExactlyElementsOf(model);
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i)).isEqualTo(historyModel.get(i));
            }
        }
    }

    @Test
    void builder_buildsTheSameTrieAsAppends() {
        PersistentVector<Integer> appended = PersistentVector.empty();
        PersistentVector.Builder<Integer> builder = PersistentVector.builder();
        for (int size = 1; size <= 40_000; size++) {
            appended = appended.append(size);
            builder.add(size);
            if (size < 2_000 || size % 997 == 0 || size == 32 * 32 + 32 || size == 32 * 32 + 33) {
                PersistentVector<Integer> built = builder.build();
                checkShape(built);
                assertThat(built.shift()).as("shift at size %d", size).isEqualTo(appended.shift());
                assertThat(Arrays.deepEquals(built.root(), appended.root()))
                        .as("root at size %d", size)
                        .isTrue();
                assertThat(built.tail()).isEqualTo(appended.tail());
            }
        }
    }

    @Test
    void pop_downFromThreeLevels_shrinksTheTrie() {
        PersistentVector<Integer> vector = PersistentVector.copyOf(range(33 * 32 * 32 + 5));
        assertThat(vector.shift()).isEqualTo(15);
        while (!vector.isEmpty()) {
            vector = vector.pop();
            if ((vector.size() & 31) <= 1) {
                checkShape(vector);
            }
        }
        assertThat(vector).isSameAs(PersistentVector.empty());
    }

    @Test
    void badInput_rejectedWithTheValue() {
        PersistentVector<String> vector = PersistentVector.of("a", "b");
        assertThatThrownBy(() -> vector.get(2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("2");
        assertThatThrownBy(() -> vector.with(-1, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> vector.append(null)).hasMessage("element must not be null");
        assertThatThrownBy(() -> PersistentVector.empty().pop())
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("pop() on an empty vector");
        assertThatThrownBy(() -> vector.set(0, "x"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("with(index, e)");
        assertThatThrownBy(() -> PersistentVector.empty().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(vector).containsExactly("a", "b");
    }

    private static List<Integer> range(int size) {
        List<Integer> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(i);
        }
        return list;
    }

    /** The trie's invariants: full leaves, a 1-32 element tail, the minimal depth, unused slots null. */
    static void checkShape(PersistentVector<?> vector) {
        int size = vector.size();
        int tailOffset = size < 32 ? 0 : ((size - 1) >>> 5) << 5;
        assertThat(vector.tail()).hasSize(size - tailOffset);
        int leaves = tailOffset / 32;
        int minimalShift = 5;
        for (long capacity = 32; capacity < leaves; capacity *= 32) {
            minimalShift += 5;
        }
        assertThat(vector.shift()).as("shift of a vector of %d", size).isEqualTo(minimalShift);
        int counted = countLeaves(vector.root(), vector.shift());
        assertThat(counted).as("leaves in the trie of a vector of %d", size).isEqualTo(leaves);
    }

    private static int countLeaves(Object[] node, int level) {
        if (node.length != 32) {
            throw new AssertionError("a node of " + node.length + " slots at level " + level);
        }
        if (level == 0) {
            for (Object element : node) {
                if (element == null) {
                    throw new AssertionError("a leaf in the trie that is not full");
                }
            }
            return 1;
        }
        int leaves = 0;
        boolean seenNull = false;
        for (Object child : node) {
            if (child == null) {
                seenNull = true;
            } else if (seenNull) {
                throw new AssertionError("a child after an empty slot at level " + level);
            } else {
                leaves += countLeaves((Object[]) child, level - 5);
            }
        }
        return leaves;
    }
}
