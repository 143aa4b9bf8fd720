package dev.keel.snapshot;

/**
 * A node above the last bit of the hash: 32 positions, each holding an inline entry ({@link #dataMap()}), a sub-node
 * ({@link #nodeMap()}) or nothing. Two representations of the same abstract node: {@link BitmapNode}, the general
 * one (bitmaps and one array), and {@link PairNode}, exactly two entries and no sub-node in fields of its own. Which
 * one a node is follows from its shape alone (see {@link #of}), so canonical form still means one trie per set of
 * keys, down to the class of every node.
 */
abstract sealed class BranchNode<K, V> extends ChampNode<K, V> permits BitmapNode, PairNode {

    static int mask(int hash, int shift) {
        return (hash >>> shift) & 31;
    }

    static int bitpos(int mask) {
        return 1 << mask;
    }

    /**
     * The node of this shape: a {@link PairNode} for two entries and no sub-node, otherwise a {@link BitmapNode} over
     * {@code content} (laid out as {@link BitmapNode} describes).
     */
    static <K, V> BranchNode<K, V> of(int dataMap, int nodeMap, Object[] content) {
        if (nodeMap == 0 && Integer.bitCount(dataMap) == 2) {
            return new PairNode<>(dataMap, content[0], content[1], content[2], content[3]);
        }
        return new BitmapNode<>(dataMap, nodeMap, content);
    }

    /** The positions holding an inline entry. */
    abstract int dataMap();

    /** The positions holding a sub-node. */
    abstract int nodeMap();

    /** The key of the entry at the position of {@code bit}, which must be in {@link #dataMap()}. */
    abstract K keyAtBit(int bit);

    /** The value of the entry at the position of {@code bit}, which must be in {@link #dataMap()}. */
    abstract V valueAtBit(int bit);

    /** The sub-node at the position of {@code bit}, which must be in {@link #nodeMap()}. */
    abstract ChampNode<K, V> nodeAtBit(int bit);
}
