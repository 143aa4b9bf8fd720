package dev.keel.fs;

import dev.keel.fs.Resolver.Entry;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.attribute.FileAttribute;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The tree of one file system: its root, its lock, and every operation that reads or changes its structure.
 *
 * <p>How the locking is designed, and why: one {@link ReentrantReadWriteLock} for the whole tree, as Jimfs has. A
 * structural change (create, delete, link, rename) holds it for writing, which makes every such change atomic with
 * the lookups it depends on: {@code rename} checks that the target is not inside the source and moves the entry with
 * no window in between, and a reader never sees a half-moved directory. Lookups, listings and attribute reads hold it
 * for reading and run in parallel. File content has its own lock per file ({@link RegularFile}), so reads and writes
 * of content, the bulk of the work, never touch the tree lock once a channel is open. The order is always tree, then
 * file, never the reverse, so the two levels cannot deadlock. Rejected: a lock per directory (hand-over-hand locking
 * down the path), which scales writers in different directories but makes rename deadlock-prone (two renames lock
 * two parents in opposite orders) and symbolic links, which jump anywhere in the tree, unbounded in lock count.
 *
 * <p>Thread-safe.
 */
final class FileTree {

    /** What opening a file gives: the file, and where it was found (for modification events). */
    record Opened(RegularFile file, Directory parent, String name) {}

    private final KeelFileSystem fs;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Directory root;
    private final Resolver resolver;
    private final StoreSpace space;
    private final InstantSource clock;
    private final String owner;

    /** Guarded by the write lock. */
    private long lastId;

    FileTree(KeelFileSystem fs, FsConfig config, String owner) {
        this.fs = fs;
        this.clock = config.clock();
        this.owner = owner;
        this.space = new StoreSpace(config.capacityBytes());
        this.root = new Directory(++lastId, nowNanos(), owner);
        this.root.links = 1;
        this.resolver = new Resolver(root, config.maxNameLength(), config.maxPathDepth(), config.enforcePermissions());
    }

    ReentrantReadWriteLock lock() {
        return lock;
    }

    Directory root() {
        return root;
    }

    Resolver resolver() {
        return resolver;
    }

    StoreSpace space() {
        return space;
    }

    String owner() {
        return owner;
    }

    long nowNanos() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    /** A new inode number; the caller holds the write lock. */
    long nextId() {
        return ++lastId;
    }

    /** Resolves {@code path} under the read lock. */
    Entry lookup(KeelPath path, boolean followLinks) throws IOException {
        lock.readLock().lock();
        try {
            return resolver.resolve(path, followLinks);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The node {@code path} names, or {@link NoSuchFileException}. */
    Node node(KeelPath path, boolean followLinks) throws IOException {
        Node node = lookup(path, followLinks).node();
        if (node == null) {
            throw new NoSuchFileException(path.toString());
        }
        return node;
    }

    /**
     * Resolves {@code path} as the JDK's {@code stat} calls see it: "Not a directory" on the way is reported as
     * {@link NoSuchFileException}, which is what the default provider throws for attributes, access checks and the
     * source of a move or copy. The caller holds the tree lock.
     */
    Entry resolveForStat(KeelPath path, boolean followLinks) throws FileSystemException {
        try {
            return resolver.resolve(path, followLinks);
        } catch (FileSystemException e) {
            if (Errno.NOT_A_DIRECTORY.equals(e.getReason())) {
                NoSuchFileException noSuchFile = new NoSuchFileException(path.toString());
                noSuchFile.initCause(e);
                throw noSuchFile;
            }
            throw e;
        }
    }

    /** Checks that {@code path} exists, as {@code access(2)} does. */
    void checkExists(KeelPath path) throws IOException {
        lock.readLock().lock();
        try {
            if (resolveForStat(path, true).node() == null) {
                throw new NoSuchFileException(path.toString());
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A snapshot of the attributes of the node {@code path} names. */
    NodeAttributes attributes(KeelPath path, boolean followLinks) throws IOException {
        lock.readLock().lock();
        try {
            Node node = resolveForStat(path, followLinks).node();
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
            return NodeAttributes.of(node);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies {@code change} to the node {@code path} names; for metadata, which is volatile, a read lock is enough. */
    void changeNode(KeelPath path, boolean followLinks, Consumer<Node> change) throws IOException {
        lock.readLock().lock();
        try {
            Node node = resolver.resolve(path, followLinks).node();
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
            change.accept(node);
        } finally {
            lock.readLock().unlock();
        }
    }

    void createDirectory(KeelPath path, FileAttribute<?>... attributes) throws IOException {
        int mode = PosixModes.initialMode(PosixModes.DEFAULT_DIRECTORY_MODE, attributes);
        lock.writeLock().lock();
        try {
            Entry entry = freeEntry(path, null);
            long now = nowNanos();
            Directory directory = new Directory(nextId(), now, mode, owner, entry.parent(), entry.name());
            linkNew(entry, directory, now);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void createSymbolicLink(KeelPath link, KeelPath target, FileAttribute<?>... attributes) throws IOException {
        if (attributes.length > 0) {
            throw new UnsupportedOperationException(
                    "Initial file attributes not supported when creating symbolic link");
        }
        lock.writeLock().lock();
        try {
            Entry entry = freeEntry(link, null);
            long now = nowNanos();
            linkNew(entry, new SymbolicLink(nextId(), now, owner, target), now);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A hard link: as Linux's {@code link(2)}, which does not follow a symbolic link and refuses a directory, checking
     * in its order: the existing file, then the new name, then the directory.
     */
    void createLink(KeelPath link, KeelPath existing) throws IOException {
        lock.writeLock().lock();
        try {
            Node node = resolver.resolve(existing, false).node();
            if (node == null) {
                throw new NoSuchFileException(link.toString(), existing.toString(), null);
            }
            Entry entry = freeEntry(link, existing);
            if (node instanceof Directory) {
                throw new FileSystemException(link.toString(), existing.toString(), Errno.NOT_PERMITTED);
            }
            linkNew(entry, node, nowNanos());
        } finally {
            lock.writeLock().unlock();
        }
    }

    void delete(KeelPath path) throws IOException {
        lock.writeLock().lock();
        try {
            Entry entry = resolver.resolve(path, false);
            Node node = entry.node();
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
            if (node == root) {
                throw new FileSystemException(path.toString(), null, Errno.BUSY);
            }
            if (endsWithDot(path)) {
                throw new FileSystemException(path.toString(), null, Errno.INVALID_ARGUMENT);
            }
            if (node instanceof Directory directory && !directory.isEmpty()) {
                throw new DirectoryNotEmptyException(path.toString());
            }
            resolver.permit(entry.parent(), Resolver.WRITE, path);
            unlink(entry.parent(), entry.name(), node, nowNanos());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Opens (and maybe creates) a regular file, with {@code open(2)}'s rules for links and existing files. */
    Opened open(KeelPath path, Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException {
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        boolean createNew = write && options.contains(StandardOpenOption.CREATE_NEW);
        boolean create = write && (createNew || options.contains(StandardOpenOption.CREATE));
        boolean follow = !options.contains(java.nio.file.LinkOption.NOFOLLOW_LINKS);
        int mode = create ? PosixModes.initialMode(PosixModes.DEFAULT_FILE_MODE, attributes) : 0;
        ReentrantReadWriteLock.ReadLock readLock = lock.readLock();
        ReentrantReadWriteLock.WriteLock writeLock = lock.writeLock();
        java.util.concurrent.locks.Lock held = create ? writeLock : readLock;
        held.lock();
        try {
            Entry entry = resolver.resolve(path, follow && !createNew);
            Node node = entry.node();
            if (node != null && createNew) {
                throw new FileAlreadyExistsException(path.toString());
            }
            if (node == null) {
                if (!create) {
                    throw new NoSuchFileException(path.toString());
                }
                resolver.permit(entry.parent(), Resolver.WRITE, path);
                long now = nowNanos();
                RegularFile file = new RegularFile(nextId(), now, mode, owner, space);
                linkNew(entry, file, now);
                file.opened();
                return new Opened(file, entry.parent(), entry.name());
            }
            return switch (node) {
                case RegularFile file -> {
                    boolean read = options.contains(StandardOpenOption.READ) || !write;
                    resolver.permit(file, (read ? Resolver.READ : 0) | (write ? Resolver.WRITE : 0), path);
                    if (write && options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
                        file.truncate(0, nowNanos());
                    }
                    file.opened();
                    yield new Opened(file, entry.parent(), entry.name());
                }
                case Directory ignored -> throw new FileSystemException(path.toString(), null, Errno.IS_A_DIRECTORY);
                case SymbolicLink ignored -> throw Errno.loop(path.toString());
            };
        } finally {
            held.unlock();
        }
    }

    KeelPath readSymbolicLink(KeelPath link) throws IOException {
        Node node = node(link, false);
        if (!(node instanceof SymbolicLink symbolic)) {
            throw new NotLinkException(link.toString());
        }
        return symbolic.target();
    }

    /** The absolute path with no {@code .}, {@code ..} or links: the names up from the node to the root. */
    KeelPath toRealPath(KeelPath path, boolean followLinks) throws IOException {
        lock.readLock().lock();
        try {
            Entry entry = resolver.resolve(path, followLinks);
            Node node = entry.node();
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
            if (node instanceof Directory directory) {
                return resolver.pathOf(fs, directory);
            }
            return resolver.pathOf(fs, entry.parent()).resolve(KeelPath.parse(fs, entry.name()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The names in the directory {@code path} names, as a snapshot. */
    String[] list(KeelPath path) throws IOException {
        lock.readLock().lock();
        try {
            Node node;
            try {
                node = resolver.resolve(path, true).node();
            } catch (FileSystemException e) {
                if (Errno.NOT_A_DIRECTORY.equals(e.getReason())) {
                    // opendir(3) reports ENOTDIR anywhere in the path, and the JDK maps that to its own exception.
                    throw new NotDirectoryException(path.toString());
                }
                throw e;
            }
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
            if (!(node instanceof Directory directory)) {
                throw new NotDirectoryException(path.toString());
            }
            resolver.permit(directory, Resolver.READ, path);
            return directory.names();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The place for a new node at {@code path}, which must not exist yet. */
    Entry freeEntry(KeelPath path, @Nullable KeelPath other) throws IOException {
        Entry entry = resolver.resolve(path, false);
        if (entry.node() != null) {
            throw new FileAlreadyExistsException(path.toString(), other == null ? null : other.toString(), null);
        }
        resolver.checkNameLength(entry.name(), path.toString());
        resolver.permit(entry.parent(), Resolver.WRITE, path);
        return entry;
    }

    /** Links a new (or, for a hard link, existing) node at a free entry; the caller holds the write lock. */
    void linkNew(Entry entry, Node node, long now) {
        Directory parent = entry.parent();
        parent.link(entry.name(), node);
        parent.modifiedNanos(now);
        parent.notifyWatchers(StandardWatchEventKinds.ENTRY_CREATE, entry.name());
    }

    /** Removes one entry; the caller holds the write lock and has checked that a directory is empty. */
    void unlink(Directory parent, String name, Node node, long now) {
        parent.unlink(name, node);
        parent.modifiedNanos(now);
        switch (node) {
            case Directory directory -> directory.cancelWatchKeys();
            case RegularFile file -> {
                if (node.links == 0) {
                    file.lastLinkRemoved();
                }
            }
            case SymbolicLink ignored -> {}
        }
        parent.notifyWatchers(StandardWatchEventKinds.ENTRY_DELETE, name);
    }

    static boolean endsWithDot(KeelPath path) {
        String[] names = path.names();
        if (names.length == 0) {
            return false;
        }
        String last = names[names.length - 1];
        return last.equals(".") || last.equals("..");
    }
}
