package dev.keel.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.jspecify.annotations.Nullable;

/**
 * Path resolution: from a path to the directory entry it names, following symbolic links as Linux's
 * {@code path_resolution(7)} does.
 *
 * <p>How it works, step by step. The path is made absolute against the working directory. Starting at the root, each
 * name is looked up in the current directory: {@code "."} is the directory itself, {@code ".."} its parent (the root is
 * its own parent), any other name one hash lookup. A name before the last must lead to a directory: a symbolic link
 * there is followed (its target resolved from the link's own directory, or from the root if absolute) and whatever
 * it leads to must be a directory, otherwise "Not a directory"; a missing name is {@link NoSuchFileException}. The
 * last name is followed only when the operation follows links ({@code stat}, {@code open}) and not when it acts on
 * the link itself ({@code lstat}, {@code unlink}, {@code rename}).
 *
 * <p>Why this design: {@code ..} is physical because the walk moves between directory nodes, never between strings,
 * so {@code link/..} is the parent of the link's target, not the directory holding the link (which is what lexical
 * {@code normalize()} would give, and why {@code toRealPath} must not normalize first). Each link followed costs one
 * unit of a budget of {@value #MAX_SYMLINKS} per resolution (Linux's {@code MAXSYMLINKS}), so a loop ends with ELOOP
 * however it is built, without remembering visited links. The result is an {@link Entry}, the parent and name as well
 * as the node, because creating operations need the place where a missing name would go: for a dangling link, that
 * is where its target would be, which is how {@code open(O_CREAT)} through a dangling link creates the target.
 *
 * <p>Not thread-safe: the caller holds the tree lock (read or write) for the resolution and for the use of its result.
 */
final class Resolver {

    /** Linux's MAXSYMLINKS: how many links one resolution may follow. */
    static final int MAX_SYMLINKS = 40;

    /** Where a path leads: the directory holding the last name, the name, and the node if there is one. */
    record Entry(Directory parent, String name, @Nullable Node node) {}

    /** The owner's permission bits, which are the ones checked when permissions are enforced. */
    static final int READ = 0400;

    static final int WRITE = 0200;
    static final int SEARCH = 0100;

    private final Directory root;
    private final int maxNameLength;
    private final int maxPathDepth;
    private final boolean enforcePermissions;

    Resolver(Directory root, int maxNameLength, int maxPathDepth, boolean enforcePermissions) {
        this.root = root;
        this.maxNameLength = maxNameLength;
        this.maxPathDepth = maxPathDepth;
        this.enforcePermissions = enforcePermissions;
    }

    /**
     * When permissions are enforced, refuses access to {@code node} unless its owner bits include {@code bits}, as
     * Linux does for a process running as the owner (EACCES, which the JDK reports as {@link AccessDeniedException}).
     */
    void permit(Node node, int bits, KeelPath path) throws AccessDeniedException {
        if (enforcePermissions && (node.mode() & bits) != bits) {
            throw new AccessDeniedException(path.toString());
        }
    }

    /** Resolves {@code path}; the last name is followed if it is a link and {@code followLast} is set. */
    Entry resolve(KeelPath path, boolean followLast) throws FileSystemException {
        KeelPath absolute = path.toAbsolutePath();
        String[] names = absolute.names();
        if (names.length > maxPathDepth) {
            throw new FileSystemException(
                    path.toString(),
                    null,
                    "path depth " + names.length + " exceeds the limit of " + maxPathDepth + " (maxPathDepth)");
        }
        int[] budget = {MAX_SYMLINKS};
        return walk(root, names, followLast, budget, path);
    }

    private Entry walk(Directory start, String[] names, boolean followLast, int[] budget, KeelPath errorPath)
            throws FileSystemException {
        Directory dir = start;
        if (names.length == 0) {
            return new Entry(dir.parent(), dir.name(), dir);
        }
        int lastIndex = names.length - 1;
        for (int i = 0; ; i++) {
            String name = names[i];
            permit(dir, SEARCH, errorPath);
            boolean dot = name.equals(".") || name.equals("..");
            Node node = switch (name) {
                case "." -> dir;
                case ".." -> dir.parent();
                default -> lookup(dir, name, errorPath);
            };
            if (i == lastIndex) {
                if (followLast && node instanceof SymbolicLink link) {
                    return follow(dir, link, budget, errorPath);
                }
                if (dot && node instanceof Directory found) {
                    return new Entry(found.parent(), found.name(), found);
                }
                return new Entry(dir, name, node);
            }
            if (node == null) {
                throw new NoSuchFileException(errorPath.toString());
            }
            if (node instanceof SymbolicLink link) {
                node = follow(dir, link, budget, errorPath).node();
                if (node == null) {
                    throw new NoSuchFileException(errorPath.toString());
                }
            }
            if (!(node instanceof Directory next)) {
                throw Errno.notADirectory(errorPath.toString());
            }
            dir = next;
        }
    }

    private Entry follow(Directory linkDirectory, SymbolicLink link, int[] budget, KeelPath errorPath)
            throws FileSystemException {
        if (--budget[0] < 0) {
            throw Errno.loop(errorPath.toString());
        }
        KeelPath target = link.target();
        return walk(target.isAbsolute() ? root : linkDirectory, target.names(), true, budget, errorPath);
    }

    private @Nullable Node lookup(Directory dir, String name, KeelPath errorPath) throws FileSystemException {
        Node node = dir.get(name);
        if (node == null && name.length() > maxNameLength / 3) {
            checkNameLength(name, errorPath.toString());
        }
        return node;
    }

    /** Rejects a name longer than {@code maxNameLength} UTF-8 bytes, as Linux does (ENAMETOOLONG). */
    void checkNameLength(String name, String errorPath) throws FileSystemException {
        if (name.length() > maxNameLength / 3 && name.getBytes(StandardCharsets.UTF_8).length > maxNameLength) {
            throw new FileSystemException(errorPath, null, Errno.NAME_TOO_LONG);
        }
    }

    /** The absolute path of {@code directory}, walking up its parents. */
    KeelPath pathOf(KeelFileSystem fs, Directory directory) {
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        for (Directory d = directory; !d.isRoot(); d = d.parent()) {
            names.addFirst(d.name());
        }
        return KeelPath.of(fs, true, java.util.List.copyOf(names));
    }
}
