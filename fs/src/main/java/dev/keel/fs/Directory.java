package dev.keel.fs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A directory: a map from names to nodes, and the one link back to its parent.
 *
 * <p>How it is designed, and why: a {@link HashMap} keyed by the name as a {@code String}, so a lookup is one hash and
 * one {@code equals} with no wrapper objects (Jimfs wraps every name in a {@code Name} with a display and a canonical
 * form, which case-insensitive configurations need and a Unix file system does not). {@code "."} and {@code ".."}
 * are not stored: the resolver answers them from {@link #parent()}, which is what makes {@code ..} physical. A
 * directory has exactly one parent (no hard links to directories), so its own name is kept here too, which is what
 * {@code toRealPath} walks up.
 *
 * <p>Not thread-safe: every method is called with the tree lock held (read for queries, write for changes). The
 * watch keys are the exception: a copy-on-write array, read without the tree lock by writers of file content.
 */
final class Directory extends Node {

    private static final KeelWatchKey[] NO_KEYS = {};

    private final Map<String, Node> entries = new HashMap<>();
    private Directory parent;
    private String name;
    private volatile KeelWatchKey[] watchKeys = NO_KEYS;
    private int subdirectories;

    /** A root directory: its own parent, with an empty name. */
    Directory(long id, long nowNanos, String owner) {
        super(id, nowNanos, 0755, owner);
        this.parent = this;
        this.name = "";
    }

    Directory(long id, long nowNanos, int mode, String owner, Directory parent, String name) {
        super(id, nowNanos, mode, owner);
        this.parent = parent;
        this.name = name;
    }

    Directory parent() {
        return parent;
    }

    String name() {
        return name;
    }

    boolean isRoot() {
        return parent == this;
    }

    @Nullable
    Node get(String entryName) {
        return entries.get(entryName);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int entryCount() {
        return entries.size();
    }

    /** A snapshot of the names, in no particular order (as {@code readdir} returns them). */
    String[] names() {
        return entries.keySet().toArray(new String[0]);
    }

    Map<String, Node> entries() {
        return entries;
    }

    /** Links {@code node} under {@code entryName}; a directory also gets this directory as its parent. */
    void link(String entryName, Node node) {
        entries.put(entryName, node);
        node.links++;
        if (node instanceof Directory child) {
            child.parent = this;
            child.name = entryName;
            subdirectories++;
        }
    }

    /** How many entries are directories: a directory's link count is two more (its entry and its "."). */
    int subdirectoryCount() {
        return subdirectories;
    }

    /** Removes the entry {@code entryName}, which names {@code node}. */
    void unlink(String entryName, Node node) {
        entries.remove(entryName);
        node.links--;
        if (node instanceof Directory) {
            subdirectories--;
        }
    }

    /** Whether {@code ancestor} is this directory or one of its ancestors. */
    boolean isWithin(Directory ancestor) {
        Directory current = this;
        while (true) {
            if (current == ancestor) {
                return true;
            }
            if (current.isRoot()) {
                return false;
            }
            current = current.parent;
        }
    }

    /** What ext4 reports for a directory that fits in one block; nothing should depend on it. */
    @Override
    long size() {
        return 4096;
    }

    synchronized void addWatchKey(KeelWatchKey key) {
        List<KeelWatchKey> keys = new ArrayList<>(List.of(watchKeys));
        keys.add(key);
        watchKeys = keys.toArray(NO_KEYS);
    }

    synchronized void removeWatchKey(KeelWatchKey key) {
        List<KeelWatchKey> keys = new ArrayList<>(List.of(watchKeys));
        keys.remove(key);
        watchKeys = keys.toArray(NO_KEYS);
    }

    /** Tells every watch key on this directory that {@code entryName} was created, deleted or modified. */
    void notifyWatchers(java.nio.file.WatchEvent.Kind<java.nio.file.Path> kind, String entryName) {
        KeelWatchKey[] keys = watchKeys;
        for (KeelWatchKey key : keys) {
            key.post(kind, entryName);
        }
    }

    /** Invalidates every watch key: the directory is gone. */
    void cancelWatchKeys() {
        KeelWatchKey[] keys = watchKeys;
        watchKeys = NO_KEYS;
        for (KeelWatchKey key : keys) {
            key.directoryDeleted();
        }
    }
}
