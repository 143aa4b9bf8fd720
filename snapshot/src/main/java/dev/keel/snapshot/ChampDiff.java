package dev.keel.snapshot;

import java.util.function.Consumer;

/*
 * How the diff of two CHAMP tries is designed, and why.
 *
 * Two versions of a map made by updates share every sub-trie the updates did not touch: the same node object. The
 * diff walks both tries in parallel and stops at the first shared node (an identity test), so it costs O(d log32 n)
 * for d changed keys instead of O(n) for a comparison of all entries. At a position where both tries have a
 * sub-node it recurses; where one has an inline entry and the other a sub-node, the entry is looked up in that
 * sub-trie and the rest of the sub-trie is reported as added (or removed). Canonical form guarantees both tries put a
 * key at the same depth or deeper in the same path, so positions always line up. Collision nodes only meet collision
 * nodes (both sit below the last hash bit) and are compared as small sets.
 */
final class ChampDiff {

    private ChampDiff() {}

    /** Reports to {@code sink} every key whose mapping differs between {@code before} and {@code after}. */
    static <K, V> void diff(ChampNode<K, V> before, ChampNode<K, V> after, Consumer<Difference<K, V>> sink) {
        diff(before, after, 0, sink);
    }

    private static <K, V> void diff(
            ChampNode<K, V> before, ChampNode<K, V> after, int shift, Consumer<Difference<K, V>> sink) {
        if (before == after) {
            return;
        }
        if (before instanceof BitmapNode<K, V> a && after instanceof BitmapNode<K, V> b) {
            diffBranches(a, b, shift, sink);
        } else if (before instanceof CollisionNode<K, V> a && after instanceof CollisionNode<K, V> b) {
            diffCollisions(a, b, sink);
        } else {
            throw new IllegalStateException(
                    "tries out of canonical form: a " + before.getClass().getSimpleName() + " meets a "
                            + after.getClass().getSimpleName() + " at shift " + shift);
        }
    }

    private static <K, V> void diffBranches(
            BitmapNode<K, V> a, BitmapNode<K, V> b, int shift, Consumer<Difference<K, V>> sink) {
        int positions = a.dataMap() | a.nodeMap() | b.dataMap() | b.nodeMap();
        while (positions != 0) {
            int bit = positions & -positions;
            positions ^= bit;
            boolean aEntry = (a.dataMap() & bit) != 0;
            boolean aNode = (a.nodeMap() & bit) != 0;
            boolean bEntry = (b.dataMap() & bit) != 0;
            boolean bNode = (b.nodeMap() & bit) != 0;
            if (aEntry && bEntry) {
                K key = a.keyAtBit(bit);
                if (key.equals(b.keyAtBit(bit))) {
                    compareValues(key, a.valueAtBit(bit), b.valueAtBit(bit), sink);
                } else {
                    sink.accept(new Difference.Removed<>(key, a.valueAtBit(bit)));
                    sink.accept(new Difference.Added<>(b.keyAtBit(bit), b.valueAtBit(bit)));
                }
            } else if (aNode && bNode) {
                diff(a.nodeAtBit(bit), b.nodeAtBit(bit), shift + ChampNode.BITS, sink);
            } else if (aEntry && bNode) {
                entryAgainstTrie(a.keyAtBit(bit), a.valueAtBit(bit), b.nodeAtBit(bit), shift, true, sink);
            } else if (aNode && bEntry) {
                entryAgainstTrie(b.keyAtBit(bit), b.valueAtBit(bit), a.nodeAtBit(bit), shift, false, sink);
            } else if (aEntry) {
                sink.accept(new Difference.Removed<>(a.keyAtBit(bit), a.valueAtBit(bit)));
            } else if (aNode) {
                a.nodeAtBit(bit).forEach((key, value) -> sink.accept(new Difference.Removed<>(key, value)));
            } else if (bEntry) {
                sink.accept(new Difference.Added<>(b.keyAtBit(bit), b.valueAtBit(bit)));
            } else {
                b.nodeAtBit(bit).forEach((key, value) -> sink.accept(new Difference.Added<>(key, value)));
            }
        }
    }

    /** One side has an inline entry where the other has a sub-trie; {@code entryIsBefore} says which is which. */
    private static <K, V> void entryAgainstTrie(
            K key, V value, ChampNode<K, V> trie, int shift, boolean entryIsBefore, Consumer<Difference<K, V>> sink) {
        V inTrie = trie.get(key, ChampNode.hash(key), shift + ChampNode.BITS);
        if (inTrie == null) {
            sink.accept(entryIsBefore ? new Difference.Removed<>(key, value) : new Difference.Added<>(key, value));
        } else if (entryIsBefore) {
            compareValues(key, value, inTrie, sink);
        } else {
            compareValues(key, inTrie, value, sink);
        }
        trie.forEach((otherKey, otherValue) -> {
            if (!otherKey.equals(key)) {
                sink.accept(
                        entryIsBefore
                                ? new Difference.Added<>(otherKey, otherValue)
                                : new Difference.Removed<>(otherKey, otherValue));
            }
        });
    }

    private static <K, V> void diffCollisions(
            CollisionNode<K, V> a, CollisionNode<K, V> b, Consumer<Difference<K, V>> sink) {
        for (int i = 0; i < a.entryCount(); i++) {
            K key = a.keyAt(i);
            V after = b.get(key, a.hash(), Integer.SIZE);
            if (after == null) {
                sink.accept(new Difference.Removed<>(key, a.valueAt(i)));
            } else {
                compareValues(key, a.valueAt(i), after, sink);
            }
        }
        for (int i = 0; i < b.entryCount(); i++) {
            if (!a.containsKey(b.keyAt(i), b.hash(), Integer.SIZE)) {
                sink.accept(new Difference.Added<>(b.keyAt(i), b.valueAt(i)));
            }
        }
    }

    private static <K, V> void compareValues(K key, V before, V after, Consumer<Difference<K, V>> sink) {
        if (before != after && !before.equals(after)) {
            sink.accept(new Difference.Updated<>(key, before, after));
        }
    }
}
