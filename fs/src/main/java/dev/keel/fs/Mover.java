package dev.keel.fs;

import dev.keel.fs.Resolver.Entry;
import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;

/**
 * {@code Files.move} and {@code Files.copy} within one keel file system, with the rules the JDK applies on Linux.
 *
 * <p>A move is a rename: the node is unlinked from one directory and linked into another under the tree's write lock,
 * so it is always atomic and never copies content, whatever the options ({@code ATOMIC_MOVE} only changes what happens
 * to an existing target, as {@code rename(2)} would: it replaces a file or an empty directory of a compatible kind
 * without {@code REPLACE_EXISTING}). Moving a directory into itself or below itself is refused with
 * {@code EINVAL}, "Invalid argument", checked by walking up the target's parents under the same lock. A copy creates a
 * new node (a directory is copied empty, a link as a link when not followed), copies the content and, with
 * {@code COPY_ATTRIBUTES}, the times; the permissions are always copied, less the umask, as the JDK does.
 *
 * <p>Thread-safe: every operation holds the tree's write lock for its whole duration.
 */
final class Mover {

    private final FileTree tree;

    Mover(FileTree tree) {
        this.tree = tree;
    }

    void move(KeelPath source, KeelPath target, CopyOption... options) throws IOException {
        boolean replace = false;
        boolean atomic = false;
        for (CopyOption option : options) {
            if (option == StandardCopyOption.REPLACE_EXISTING) {
                replace = true;
            } else if (option == StandardCopyOption.ATOMIC_MOVE) {
                atomic = true;
            } else if (option != StandardCopyOption.COPY_ATTRIBUTES && option != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("Unsupported copy option: " + option);
            }
        }
        tree.lock().writeLock().lock();
        try {
            Resolver resolver = tree.resolver();
            Entry from = tree.resolveForStat(source, false);
            Node node = from.node();
            if (node == null) {
                throw new NoSuchFileException(source.toString());
            }
            if (node == tree.root() || FileTree.endsWithDot(source)) {
                throw new FileSystemException(source.toString(), target.toString(), Errno.INVALID_ARGUMENT);
            }
            Entry to = resolver.resolve(target, false);
            Node existing = to.node();
            if (existing == node) {
                return;
            }
            if (node instanceof Directory directory && to.parent().isWithin(directory)) {
                throw new FileSystemException(source.toString(), target.toString(), Errno.INVALID_ARGUMENT);
            }
            if (existing != null) {
                checkReplaceable(source, target, node, existing, replace, atomic);
            } else {
                resolver.checkNameLength(to.name(), target.toString());
            }
            resolver.permit(from.parent(), Resolver.WRITE, source);
            resolver.permit(to.parent(), Resolver.WRITE, target);
            long now = tree.nowNanos();
            if (existing != null) {
                tree.unlink(to.parent(), to.name(), existing, now);
            }
            from.parent().unlink(from.name(), node);
            from.parent().modifiedNanos(now);
            from.parent().notifyWatchers(StandardWatchEventKinds.ENTRY_DELETE, from.name());
            tree.linkNew(to, node, now);
        } finally {
            tree.lock().writeLock().unlock();
        }
    }

    private static void checkReplaceable(
            KeelPath source, KeelPath target, Node node, Node existing, boolean replace, boolean atomic)
            throws FileSystemException {
        if (atomic) {
            if (existing instanceof Directory directory) {
                if (!(node instanceof Directory)) {
                    throw new FileSystemException(source.toString(), target.toString(), Errno.IS_A_DIRECTORY);
                }
                if (!directory.isEmpty()) {
                    throw new DirectoryNotEmptyException(target.toString());
                }
            } else if (node instanceof Directory) {
                throw new FileSystemException(source.toString(), target.toString(), Errno.NOT_A_DIRECTORY);
            }
            return;
        }
        if (!replace) {
            throw new FileAlreadyExistsException(target.toString());
        }
        if (existing instanceof Directory directory && !directory.isEmpty()) {
            throw new DirectoryNotEmptyException(target.toString());
        }
    }

    void copy(KeelPath source, KeelPath target, CopyOption... options) throws IOException {
        boolean replace = false;
        boolean attributes = false;
        boolean follow = true;
        for (CopyOption option : options) {
            if (option == StandardCopyOption.REPLACE_EXISTING) {
                replace = true;
            } else if (option == StandardCopyOption.COPY_ATTRIBUTES) {
                attributes = true;
            } else if (option == LinkOption.NOFOLLOW_LINKS) {
                follow = false;
            } else {
                throw new UnsupportedOperationException("Unsupported copy option: " + option);
            }
        }
        tree.lock().writeLock().lock();
        try {
            Resolver resolver = tree.resolver();
            Node node = tree.resolveForStat(source, follow).node();
            if (node == null) {
                throw new NoSuchFileException(source.toString());
            }
            Entry to = resolver.resolve(target, false);
            Node existing = to.node();
            if (existing == node) {
                return;
            }
            if (existing != null) {
                if (!replace) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                if (existing instanceof Directory directory && !directory.isEmpty()) {
                    throw new DirectoryNotEmptyException(target.toString());
                }
            } else {
                resolver.checkNameLength(to.name(), target.toString());
            }
            if (node instanceof RegularFile) {
                resolver.permit(node, Resolver.READ, source);
            }
            resolver.permit(to.parent(), Resolver.WRITE, target);
            long now = tree.nowNanos();
            Node copy = newCopy(node, to, now, target);
            if (attributes) {
                copy.modifiedNanos(node.modifiedNanos());
                copy.accessNanos(node.accessNanos());
            }
            if (existing != null) {
                tree.unlink(to.parent(), to.name(), existing, now);
            }
            tree.linkNew(to, copy, now);
        } finally {
            tree.lock().writeLock().unlock();
        }
    }

    private Node newCopy(Node node, Entry to, long now, KeelPath target) throws IOException {
        int mode = node.mode() & ~PosixModes.UMASK;
        String owner = tree.owner();
        return switch (node) {
            case Directory ignored -> new Directory(tree.nextId(), now, mode, owner, to.parent(), to.name());
            case SymbolicLink link -> new SymbolicLink(tree.nextId(), now, owner, link.target());
            case RegularFile file -> {
                RegularFile copy = new RegularFile(tree.nextId(), now, mode, owner, tree.space());
                copy.copyContentFrom(file, now, target.toString());
                yield copy;
            }
        };
    }
}
