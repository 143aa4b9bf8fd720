/**
 * keel's in-memory file system: standard Java code uses it through {@code java.nio.file}, as it would the disk.
 *
 * <p>Reading order: {@link dev.keel.fs.KeelFs} (the entry point) and {@link dev.keel.fs.FsConfig};
 * {@link dev.keel.fs.MemoryFileSystem} (the seed's facade); {@link dev.keel.fs.FsImage} (snapshots to a real file).
 * Inside: {@code KeelFileSystemProvider} and {@code KeelFileSystem} (the {@code java.nio} surface), {@code KeelPath}
 * (Unix paths), {@code FileTree} (the tree, its lock and its operations) and {@code Resolver} (path resolution),
 * the nodes {@code Node}, {@code Directory}, {@code RegularFile} (content in blocks) and {@code SymbolicLink};
 * {@code Mover} (rename and copy), {@code KeelFileChannel} and {@code FileLockTable} (advisory locks),
 * {@code Glob}, {@code KeelWatchService}, {@code KeelFileStore} and {@code StoreSpace} (capacity).
 *
 * <p>Thread safety: every public type is thread-safe. One read-write lock per file system guards the tree (structure
 * changes write, lookups read); one lock per regular file guards its content; the order is always tree then file.
 * Metadata is volatile. Watch keys and advisory lock tables have their own monitors, taken last.
 */
@NullMarked
package dev.keel.fs;

import org.jspecify.annotations.NullMarked;
