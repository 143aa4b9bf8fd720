package dev.keel.fs;

/**
 * An inode: what a directory entry names. A directory, a regular file or a symbolic link, with the metadata every
 * kind has.
 *
 * <p>The entry's name is not part of the node: a regular file with hard links has several names, and renaming one
 * changes only a directory. Times are nanoseconds since the epoch (as Linux keeps them), permissions the nine Unix
 * mode bits.
 *
 * <p>Thread safety: {@link #links} is guarded by the tree lock (only structural changes, which hold its write lock,
 * change it); times, permissions and owners are volatile, set by whoever holds the tree lock or, for the modification
 * time of a file's content, the file's own lock.
 */
abstract sealed class Node permits Directory, RegularFile, SymbolicLink {

    private final long id;
    private volatile long creationNanos;
    private volatile long modifiedNanos;
    private volatile long accessNanos;
    private volatile int mode;
    private volatile String owner;
    private volatile String group;

    /** Guarded by the tree lock. */
    int links;

    Node(long id, long nowNanos, int mode, String owner) {
        this.id = id;
        this.creationNanos = nowNanos;
        this.modifiedNanos = nowNanos;
        this.accessNanos = nowNanos;
        this.mode = mode;
        this.owner = owner;
        this.group = owner;
    }

    /** The inode number: unique within its file system, never reused. */
    final long id() {
        return id;
    }

    final long creationNanos() {
        return creationNanos;
    }

    final long modifiedNanos() {
        return modifiedNanos;
    }

    final long accessNanos() {
        return accessNanos;
    }

    final void creationNanos(long nanos) {
        creationNanos = nanos;
    }

    final void modifiedNanos(long nanos) {
        modifiedNanos = nanos;
    }

    final void accessNanos(long nanos) {
        accessNanos = nanos;
    }

    /** The permission bits, {@code 0777} at most. */
    final int mode() {
        return mode;
    }

    final void mode(int bits) {
        mode = bits & 0777;
    }

    final String owner() {
        return owner;
    }

    final void owner(String name) {
        owner = name;
    }

    final String group() {
        return group;
    }

    final void group(String name) {
        group = name;
    }

    /** The size {@code stat} reports. */
    abstract long size();
}
