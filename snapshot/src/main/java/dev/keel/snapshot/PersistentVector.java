package dev.keel.snapshot;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/*
 * How the persistent vector is designed, and why.
 *
 * Elements live in leaves of 32 under a trie of 32-way branches (Clojure's PersistentVector, after Bagwell's
 * "Ideal Hash Trees"), plus a tail: the last 1-32 elements in a separate array, not yet in the trie.
 *
 *            root (shift 10)
 *          /      |       \
 *     [32 refs] [32 refs] ...         branches: 32 slots, unused ones null
 *      /  |  \
 *   [e0..e31] [e32..e63] ...          leaves: always full
 *                                   + tail [e(n-k) .. e(n-1)], 1 <= k <= 32
 *
 * Index i is found by its 5-bit digits: (i >>> shift) & 31 at the root, down to i & 31 in the leaf, so get reads
 * log32(n) arrays (at most 7 for 2^31 elements). Appending copies only the tail (O(1), a 1-32 element copy); every
 * 32nd append pushes the full tail into the trie as a leaf, copying one path. with(i, e) and pop() copy one path.
 * Rejected: a balanced binary tree (log2 instead of log32 reads and 32x more nodes), and an RRB-tree (adds O(log n)
 * concatenation and slicing, at the cost of size tables in every relaxed node; the issue asks for neither).
 */

/**
 * An immutable list whose {@link #append}, {@link #with} and {@link #pop} return a new vector sharing all but one
 * path with the old: a 32-way trie with a tail, as in Clojure.
 *
 * <pre>{@code
 * PersistentVector<String> v1 = PersistentVector.of("a", "b");
 * PersistentVector<String> v2 = v1.append("c").with(0, "z");   // [z, b, c]; v1 is still [a, b]
 * }</pre>
 *
 * <p>{@link #get} reads O(log32 n) arrays; {@link #append} is O(1) amortised; {@link #with} and {@link #pop} are
 * O(log32 n). A read-only {@link java.util.List}: its mutators, {@code set} included, throw
 * {@link UnsupportedOperationException}; use {@link #with} to replace an element. Elements must not be null.
 *
 * <p>Immutable and thread-safe; its iterators and {@link Builder} belong to one thread each.
 */
public final class PersistentVector<E> extends AbstractList<E> implements RandomAccess {

    private static final int BITS = 5;
    private static final int WIDTH = 1 << BITS;
    private static final int MASK = WIDTH - 1;
    private static final Object[] EMPTY_BRANCH = new Object[WIDTH];
    private static final PersistentVector<?> EMPTY = new PersistentVector<>(0, BITS, EMPTY_BRANCH, new Object[0]);

    private final int size;
    private final int shift;
    private final Object[] root;
    private final Object[] tail;

    private PersistentVector(int size, int shift, Object[] root, Object[] tail) {
        this.size = size;
        this.shift = shift;
        this.root = root;
        this.tail = tail;
    }

    /** The empty vector. */
    @SuppressWarnings("unchecked")
    public static <E> PersistentVector<E> empty() {
        return (PersistentVector<E>) EMPTY;
    }

    /** A vector of {@code elements}, in order. */
    @SafeVarargs
    public static <E> PersistentVector<E> of(E... elements) {
        Objects.requireNonNull(elements, "elements");
        Builder<E> builder = builder();
        for (E element : elements) {
            builder.add(element);
        }
        return builder.build();
    }

    /** A vector of {@code elements} in iteration order; {@code elements} itself if it is a persistent vector. */
    @SuppressWarnings("unchecked")
    public static <E> PersistentVector<E> copyOf(Collection<? extends E> elements) {
        Objects.requireNonNull(elements, "elements");
        if (elements instanceof PersistentVector<?> vector) {
            return (PersistentVector<E>) vector;
        }
        Builder<E> builder = builder();
        for (E element : elements) {
            builder.add(element);
        }
        return builder.build();
    }

    /** A builder that fills leaves in place and assembles the trie once, for bulk construction. */
    public static <E> Builder<E> builder() {
        return new Builder<>();
    }

    private int tailOffset() {
        return size < WIDTH ? 0 : ((size - 1) >>> BITS) << BITS;
    }

    private Object[] leafFor(int index) {
        if (index >= tailOffset()) {
            return tail;
        }
        Object[] node = root;
        for (int level = shift; level > 0; level -= BITS) {
            node = (Object[]) node[(index >>> level) & MASK];
        }
        return node;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) leafFor(index)[index & MASK];
    }

    @Override
    public int size() {
        return size;
    }

    /** This vector with {@code element} added at the end. */
    public PersistentVector<E> append(E element) {
        Objects.requireNonNull(element, "element must not be null");
        if (size - tailOffset() < WIDTH) {
            Object[] newTail = Arrays.copyOf(tail, tail.length + 1);
            newTail[tail.length] = element;
            return new PersistentVector<>(size + 1, shift, root, newTail);
        }
        Object[] newRoot;
        int newShift = shift;
        if ((size >>> BITS) > (1 << shift)) {
            newRoot = new Object[WIDTH];
            newRoot[0] = root;
            newRoot[1] = newPath(shift, tail);
            newShift += BITS;
        } else {
            newRoot = pushTail(shift, root, tail);
        }
        return new PersistentVector<>(size + 1, newShift, newRoot, new Object[] {element});
    }

    private Object[] pushTail(int level, Object[] parent, Object[] leaf) {
        int slot = ((size - 1) >>> level) & MASK;
        Object[] copy = parent.clone();
        if (level == BITS) {
            copy[slot] = leaf;
        } else {
            Object[] child = (Object[]) parent[slot];
            copy[slot] = child != null ? pushTail(level - BITS, child, leaf) : newPath(level - BITS, leaf);
        }
        return copy;
    }

    private static Object[] newPath(int level, Object[] leaf) {
        if (level == 0) {
            return leaf;
        }
        Object[] branch = new Object[WIDTH];
        branch[0] = newPath(level - BITS, leaf);
        return branch;
    }

    /** This vector with the element at {@code index} replaced by {@code element}. */
    public PersistentVector<E> with(int index, E element) {
        Objects.checkIndex(index, size);
        Objects.requireNonNull(element, "element must not be null");
        if (index >= tailOffset()) {
            Object[] newTail = tail.clone();
            newTail[index & MASK] = element;
            return new PersistentVector<>(size, shift, root, newTail);
        }
        return new PersistentVector<>(size, shift, replace(shift, root, index, element), tail);
    }

    private static Object[] replace(int level, Object[] node, int index, Object element) {
        Object[] copy = node.clone();
        if (level == 0) {
            copy[index & MASK] = element;
        } else {
            int slot = (index >>> level) & MASK;
            copy[slot] = replace(level - BITS, (Object[]) node[slot], index, element);
        }
        return copy;
    }

    /** This vector without its last element; throws {@link NoSuchElementException} if it is empty. */
    public PersistentVector<E> pop() {
        if (size == 0) {
            throw new NoSuchElementException("pop() on an empty vector");
        }
        if (size == 1) {
            return empty();
        }
        if (size - tailOffset() > 1) {
            return new PersistentVector<>(size - 1, shift, root, Arrays.copyOf(tail, tail.length - 1));
        }
        Object[] newTail = leafFor(size - 2);
        Object[] newRoot = popTail(shift, root);
        int newShift = shift;
        if (newRoot == null) {
            newRoot = EMPTY_BRANCH;
        }
        if (shift > BITS && newRoot[1] == null) {
            newRoot = (Object[]) newRoot[0];
            newShift -= BITS;
        }
        return new PersistentVector<>(size - 1, newShift, newRoot, newTail);
    }

    /** The branch without its last leaf, or null if that leaves it empty. */
    private Object @Nullable [] popTail(int level, Object[] node) {
        int slot = ((size - 2) >>> level) & MASK;
        if (level > BITS) {
            Object[] child = popTail(level - BITS, (Object[]) node[slot]);
            if (child == null && slot == 0) {
                return null;
            }
            Object[] copy = node.clone();
            copy[slot] = child;
            return copy;
        }
        if (slot == 0) {
            return null;
        }
        Object[] copy = node.clone();
        copy[slot] = null;
        return copy;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int index;
            private Object[] leaf = size == 0 ? tail : leafFor(0);

            @Override
            public boolean hasNext() {
                return index < size;
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                if (index >= size) {
                    throw new NoSuchElementException("no more elements (size " + size + ")");
                }
                if (index != 0 && (index & MASK) == 0) {
                    leaf = leafFor(index);
                }
                return (E) leaf[index++ & MASK];
            }
        };
    }

    int shift() {
        return shift;
    }

    Object[] root() {
        return root;
    }

    Object[] tail() {
        return tail;
    }

    // The java.util mutators: a persistent vector never changes.

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException(
                "PersistentVector is immutable: use append(e), with(index, e) or pop()");
    }

    @Override
    public E set(int index, E element) {
        throw immutable();
    }

    @Override
    public boolean add(E element) {
        throw immutable();
    }

    @Override
    public void add(int index, E element) {
        throw immutable();
    }

    @Override
    public E remove(int index) {
        throw immutable();
    }

    @Override
    public boolean remove(@Nullable Object o) {
        throw immutable();
    }

    @Override
    public boolean addAll(Collection<? extends E> elements) {
        throw immutable();
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> elements) {
        throw immutable();
    }

    @Override
    public boolean removeAll(Collection<?> elements) {
        throw immutable();
    }

    @Override
    public boolean retainAll(Collection<?> elements) {
        throw immutable();
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        throw immutable();
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        throw immutable();
    }

    @Override
    public void sort(@Nullable Comparator<? super E> comparator) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void addFirst(E element) {
        throw immutable();
    }

    @Override
    public void addLast(E element) {
        throw immutable();
    }

    @Override
    public E removeFirst() {
        throw immutable();
    }

    @Override
    public E removeLast() {
        throw immutable();
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        throw immutable();
    }

    /**
     * Builds a {@link PersistentVector} by filling full leaves in place and assembling the trie above them once, at
     * {@link #build()}: no path copies. The builder stays usable; built vectors never change.
     *
     * <p>Not thread-safe: one builder belongs to one thread.
     */
    public static final class Builder<E> {

        private Object[][] leaves = new Object[4][];
        private int fullLeaves;
        private Object[] current = new Object[WIDTH];
        private int inCurrent;

        private Builder() {}

        /** Adds {@code element} at the end. */
        public Builder<E> add(E element) {
            Objects.requireNonNull(element, "element must not be null");
            if (inCurrent == WIDTH) {
                if (fullLeaves == leaves.length) {
                    leaves = Arrays.copyOf(leaves, 2 * leaves.length);
                }
                leaves[fullLeaves++] = current;
                current = new Object[WIDTH];
                inCurrent = 0;
            }
            current[inCurrent++] = element;
            return this;
        }

        /** How many elements the vector built now would have. */
        public int size() {
            return fullLeaves * WIDTH + inCurrent;
        }

        /** The vector of the elements added so far. */
        public PersistentVector<E> build() {
            int size = size();
            if (size == 0) {
                return empty();
            }
            // The last leaf, full or not, is the tail; the full leaves before it go into the trie. Full leaves are
            // never written again, so built vectors share them; only the open leaf is copied.
            Object[] tail = Arrays.copyOf(current, inCurrent);
            Object[][] level = Arrays.copyOf(leaves, fullLeaves);
            int shift = BITS;
            while (level.length > WIDTH) {
                Object[][] parents = new Object[(level.length + WIDTH - 1) / WIDTH][];
                for (int p = 0; p < parents.length; p++) {
                    parents[p] = new Object[WIDTH];
                    int from = p * WIDTH;
                    System.arraycopy(level, from, parents[p], 0, Math.min(WIDTH, level.length - from));
                }
                level = parents;
                shift += BITS;
            }
            Object[] root = level.length == 0 ? EMPTY_BRANCH : Arrays.copyOf(level, WIDTH, Object[].class);
            return new PersistentVector<>(size, shift, root, tail);
        }
    }
}
