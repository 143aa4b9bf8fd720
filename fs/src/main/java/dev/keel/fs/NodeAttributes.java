package dev.keel.fs;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A snapshot of a node's attributes, taken under the tree lock: what {@code Files.readAttributes} returns. The file
 * key is the inode number, so {@code Files.walk} with {@code FOLLOW_LINKS} detects cycles. Immutable.
 */
record NodeAttributes(
        long id,
        Kind kind,
        long size,
        long creationNanos,
        long modifiedNanos,
        long accessNanos,
        int mode,
        String ownerName,
        String groupName,
        int links)
        implements PosixFileAttributes {

    enum Kind {
        DIRECTORY,
        REGULAR_FILE,
        SYMBOLIC_LINK
    }

    static NodeAttributes of(Node node) {
        Kind kind = switch (node) {
            case Directory ignored -> Kind.DIRECTORY;
            case RegularFile ignored -> Kind.REGULAR_FILE;
            case SymbolicLink ignored -> Kind.SYMBOLIC_LINK;
        };
        return new NodeAttributes(
                node.id(),
                kind,
                node.size(),
                node.creationNanos(),
                node.modifiedNanos(),
                node.accessNanos(),
                node.mode(),
                node.owner(),
                node.group(),
                node instanceof Directory directory ? 2 + directory.subdirectoryCount() : node.links);
    }

    @Override
    public FileTime lastModifiedTime() {
        return FileTime.from(modifiedNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public FileTime lastAccessTime() {
        return FileTime.from(accessNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public FileTime creationTime() {
        return FileTime.from(creationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isRegularFile() {
        return kind == Kind.REGULAR_FILE;
    }

    @Override
    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    @Override
    public boolean isSymbolicLink() {
        return kind == Kind.SYMBOLIC_LINK;
    }

    @Override
    public boolean isOther() {
        return false;
    }

    @Override
    public Object fileKey() {
        return id;
    }

    @Override
    public UserPrincipal owner() {
        return new Principal(ownerName);
    }

    @Override
    public GroupPrincipal group() {
        return new Principal(groupName);
    }

    @Override
    public Set<PosixFilePermission> permissions() {
        return PosixModes.toPermissions(mode);
    }

    /** The {@code st_mode} Linux reports: the file type bits and the permission bits. */
    int unixMode() {
        int type = switch (kind) {
            case DIRECTORY -> 0040000;
            case REGULAR_FILE -> 0100000;
            case SYMBOLIC_LINK -> 0120000;
        };
        return type | mode;
    }
}
