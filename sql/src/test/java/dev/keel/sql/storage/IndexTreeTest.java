package dev.keel.sql.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.sql.storage.SecondaryIndex.Bound;
import dev.keel.sql.value.ValueOrder;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The B+-tree of an index against a {@link TreeMap} of the same entries: random adds and removes (with pages of four
 * entries, so splits, page frees and root changes happen every few operations), then seeks between random probes,
 * including prefixes and {@link Bound} sentinels, must walk exactly the entries the map holds between them.
 */
@ExtendWith(SeedExtension.class)
final class IndexTreeTest {

    private static final int KEY_COLUMNS = 2;
    private static final Comparator<Object[]> ORDER = IndexTreeTest::compareReference;

    @Test
    void randomAddsAndRemoves_matchTreeMap(SeededRandom random) {
        for (int round = 0; round < 20; round++) {
            IndexTree tree = new IndexTree(KEY_COLUMNS, 2 + random.nextInt(4), 3 + random.nextInt(3));
            TreeMap<Object[], Object[]> model = new TreeMap<>(ORDER);
            int operations = 50 + random.nextInt(600);
            for (int op = 0; op < operations; op++) {
                Object[] tuple = randomTuple(random);
                if (random.chance(3, 5)) {
                    Object[] row = tuple.clone();
                    tree.add(tuple, row);
                    model.putIfAbsent(tuple, row);
                } else {
                    Object[] victim = !model.isEmpty() && random.chance(4, 5) ? pickKey(random, model) : tuple;
                    tree.remove(victim);
                    model.remove(victim);
                }
                assertThat(tree.size()).isEqualTo(model.size());
                if (op % 10 == 0) {
                    assertSameEntries(tree, model, random);
                }
            }
            assertSameEntries(tree, model, random);
            for (Object[] key : new ArrayList<>(model.keySet())) {
                tree.remove(key);
            }
            assertThat(tree.size()).isZero();
            assertThat(walk(tree, tree.first(), tree.seek(new Object[] {Bound.HIGH})))
                    .isEmpty();
        }
    }

    @Test
    void ascendingInserts_fillPagesAndStayOrdered() {
        IndexTree tree = new IndexTree(1, 8, 4);
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            Object[] row = {i, i};
            rows.add(row);
            tree.add(new Object[] {i, i}, row);
        }
        List<Object[]> walked = walk(tree, tree.first(), tree.seek(new Object[] {Bound.HIGH}));
        assertThat(walked).containsExactlyElementsOf(rows);
        IndexTree.Position start = tree.seek(new Object[] {500L, Bound.LOW});
        assertThat(walk(tree, start, tree.seek(new Object[] {509L, Bound.HIGH})))
                .containsExactlyElementsOf(rows.subList(500, 510));
        assertThat(tree.first().leaf().count)
                .as("an ascending load fills the left pages")
                .isEqualTo(8);
    }

    private static void assertSameEntries(IndexTree tree, TreeMap<Object[], Object[]> model, SeededRandom random) {
        assertThat(walk(tree, tree.first(), tree.seek(new Object[] {Bound.HIGH})))
                .containsExactlyElementsOf(model.values());
        for (int i = 0; i < 20; i++) {
            Object[] a = randomProbe(random);
            Object[] b = randomProbe(random);
            Object[] from = ORDER.compare(a, b) <= 0 ? a : b;
            Object[] to = from == a ? b : a;
            List<Object[]> expected =
                    new ArrayList<>(model.subMap(from, true, to, false).values());
            IndexTree.Cursor cursor = tree.cursor(tree.seek(from), tree.seek(to));
            List<Object[]> actual = new ArrayList<>();
            while (cursor.hasNext()) {
                Object[] row = cursor.next();
                actual.add(row);
                assertThat(cursor.key(0)).isEqualTo(row[0]);
                assertThat(cursor.rowid()).isEqualTo(row[KEY_COLUMNS]);
            }
            assertThat(actual)
                    .as("from %s to %s", Arrays.toString(from), Arrays.toString(to))
                    .containsExactlyElementsOf(expected);
        }
    }

    private static List<Object[]> walk(IndexTree tree, IndexTree.Position from, IndexTree.Position to) {
        List<Object[]> rows = new ArrayList<>();
        tree.cursor(from, to).forEachRemaining(rows::add);
        return rows;
    }

    private static Object[] pickKey(SeededRandom random, TreeMap<Object[], Object[]> model) {
        Object[] probe = randomTuple(random);
        Object[] key = model.ceilingKey(probe);
        return key != null ? key : model.firstKey();
    }

    private static Object[] randomTuple(SeededRandom random) {
        return new Object[] {randomValue(random), randomValue(random), (long) random.nextInt(40)};
    }

    /** A whole tuple, or a prefix of one (keys, or keys and rowid) ending in a sentinel, as the index's probes are. */
    private static Object[] randomProbe(SeededRandom random) {
        Object[] tuple = randomTuple(random);
        int length = random.nextInt(tuple.length + 1);
        if (length == tuple.length) {
            return tuple;
        }
        Object[] probe = Arrays.copyOf(tuple, length + 1);
        probe[length] = random.chance(1, 2) ? Bound.LOW : Bound.HIGH;
        return probe;
    }

    private static Object randomValue(SeededRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> (double) random.nextInt(6) / 2;
            case 2 -> "t" + random.nextInt(4);
            default -> (long) random.nextInt(4);
        };
    }

    private static int compareReference(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c;
            if (a[i] instanceof Bound x) {
                c = b[i] instanceof Bound y ? x.compareTo(y) : (x == Bound.LOW ? -1 : 1);
            } else if (b[i] instanceof Bound y) {
                c = y == Bound.LOW ? 1 : -1;
            } else {
                c = ValueOrder.compareValues(a[i], b[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
