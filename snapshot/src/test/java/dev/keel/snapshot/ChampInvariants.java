package dev.keel.snapshot;

import java.util.HashSet;
import java.util.Set;

/** Checks a CHAMP trie's canonical form; throws {@link AssertionError} naming the first violation. */
final class ChampInvariants {

    private ChampInvariants() {}

    static void check(PersistentMap<?, ?> map) {
        Set<Object> keys = new HashSet<>();
        ChampNode<?, ?> root = map.root();
        if (!(root instanceof BitmapNode<?, ?>)) {
            throw new AssertionError("root is a " + root.getClass().getSimpleName() + ", expected a BitmapNode");
        }
        check(root, 0, 0, true, keys);
        if (keys.size() != map.size()) {
            throw new AssertionError("size() is " + map.size() + " but the trie holds " + keys.size() + " keys");
        }
    }

    /** Checks the sub-trie at {@code shift} whose keys all have {@code prefix} in their low {@code shift} bits. */
    private static int check(ChampNode<?, ?> node, int shift, int prefix, boolean isRoot, Set<Object> keys) {
        int count = 0;
        switch (node) {
            case BitmapNode<?, ?> bitmap -> {
                if (shift >= Integer.SIZE) {
                    throw new AssertionError("branch node below the last hash bit (shift " + shift + ")");
                }
                if ((bitmap.dataMap() & bitmap.nodeMap()) != 0) {
                    throw new AssertionError("a position is both entry and node at shift " + shift);
                }
                int entries = bitmap.entryCount();
                int expectedLength = 2 * entries + bitmap.nodeCount();
                if (bitmap.entryArray().length != expectedLength) {
                    throw new AssertionError(
                            "content length " + bitmap.entryArray().length + ", expected " + expectedLength);
                }
                int previousMask = -1;
                for (int i = 0; i < entries; i++) {
                    Object key = bitmap.keyAt(i);
                    int hash = ChampNode.hash(key);
                    checkPrefix(hash, shift, prefix, key);
                    int mask = BitmapNode.mask(hash, shift);
                    if (mask <= previousMask || (bitmap.dataMap() & BitmapNode.bitpos(mask)) == 0) {
                        throw new AssertionError("entry " + key + " at the wrong position at shift " + shift);
                    }
                    previousMask = mask;
                    addKey(keys, key);
                    count++;
                }
                int nodeMap = bitmap.nodeMap();
                for (int i = 0; i < bitmap.nodeCount(); i++) {
                    int mask = Integer.numberOfTrailingZeros(nodeMap);
                    nodeMap &= nodeMap - 1;
                    int childPrefix = prefix | (mask << shift);
                    count += check(bitmap.nodeAt(i), shift + ChampNode.BITS, childPrefix, false, keys);
                }
            }
            case CollisionNode<?, ?> collision -> {
                if (shift < Integer.SIZE) {
                    throw new AssertionError("collision node above the last hash bit (shift " + shift + ")");
                }
                for (int i = 0; i < collision.entryCount(); i++) {
                    Object key = collision.keyAt(i);
                    if (ChampNode.hash(key) != collision.hash()) {
                        throw new AssertionError("key " + key + " in a collision node of another hash");
                    }
                    addKey(keys, key);
                    count++;
                }
            }
        }
        if (!isRoot && count < 2) {
            throw new AssertionError("sub-trie at shift " + shift + " holds " + count
                    + " entries; canonical form needs at least 2 (a single entry is inlined)");
        }
        return count;
    }

    private static void checkPrefix(int hash, int shift, int prefix, Object key) {
        int lowBits = shift == 0 ? 0 : hash & ((1 << shift) - 1);
        if (lowBits != prefix) {
            throw new AssertionError("key " + key + " is under the wrong path at shift " + shift);
        }
    }

    private static void addKey(Set<Object> keys, Object key) {
        if (!keys.add(key)) {
            throw new AssertionError("key " + key + " appears twice in the trie");
        }
    }
}
