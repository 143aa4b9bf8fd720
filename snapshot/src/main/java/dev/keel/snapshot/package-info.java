/**
 * Persistent collections (immutable values whose updates return a new value sharing structure with the old) and a
 * versioned store built on them.
 *
 * <p>Reading order: {@link dev.keel.snapshot.PersistentMap} (a CHAMP hash trie: {@code ChampNode},
 * {@code BitmapNode}, {@code CollisionNode}, walked by {@code ChampIterator} and compared by {@code ChampDiff});
 * {@link dev.keel.snapshot.PersistentSortedMap} (a weight-balanced tree: {@code SortedTree}, {@code SortedIterator},
 * {@code SortedKeySet}); {@link dev.keel.snapshot.PersistentVector} (a 32-way trie with a tail); then the store: {@link dev.keel.snapshot.ImmutableDataStructure} with its
 * {@link dev.keel.snapshot.Batch} of {@link dev.keel.snapshot.Write}s, {@link dev.keel.snapshot.Snapshot} (a pinned
 * version), {@link dev.keel.snapshot.SnapshotIterator} (iterates exactly one version),
 * {@link dev.keel.snapshot.Difference} (what {@code diff} reports) and {@link dev.keel.snapshot.SnapshotException}.
 *
 * <p>Thread safety: the collections are immutable and thread-safe; their builders and iterators belong to one thread
 * each. The store is thread-safe: writers are serialized by one lock, readers never lock (a volatile current version,
 * a ring of recent versions and a concurrent table of pinned ones). {@code Snapshot} is thread-safe,
 * {@code SnapshotIterator} is not.
 */
@NullMarked
package dev.keel.snapshot;

import org.jspecify.annotations.NullMarked;
