package dev.keel.fs;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The {@code basic}, {@code owner} and {@code posix} attribute views of one path: one class, since each view is a
 * subset of the next. Like the JDK's views it resolves the path on every call, so a view obtained before a file is
 * replaced sees the new file. Thread-safe.
 */
final class KeelAttributeView implements PosixFileAttributeView {

    private final FileTree tree;
    private final KeelPath path;
    private final boolean followLinks;
    private final String name;

    KeelAttributeView(FileTree tree, KeelPath path, boolean followLinks, String name) {
        this.tree = tree;
        this.path = path;
        this.followLinks = followLinks;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NodeAttributes readAttributes() throws IOException {
        return tree.attributes(path, followLinks);
    }

    @Override
    public void setTimes(
            @Nullable FileTime lastModifiedTime, @Nullable FileTime lastAccessTime, @Nullable FileTime createTime)
            throws IOException {
        tree.changeNode(path, followLinks, node -> {
            if (lastModifiedTime != null) {
                node.modifiedNanos(lastModifiedTime.to(TimeUnit.NANOSECONDS));
            }
            if (lastAccessTime != null) {
                node.accessNanos(lastAccessTime.to(TimeUnit.NANOSECONDS));
            }
            if (createTime != null) {
                node.creationNanos(createTime.to(TimeUnit.NANOSECONDS));
            }
        });
    }

    @Override
    public void setPermissions(Set<PosixFilePermission> permissions) throws IOException {
        int mode = PosixModes.toMode(Objects.requireNonNull(permissions, "permissions"));
        tree.changeNode(path, followLinks, node -> node.mode(mode));
    }

    @Override
    public UserPrincipal getOwner() throws IOException {
        return readAttributes().owner();
    }

    @Override
    public void setOwner(UserPrincipal owner) throws IOException {
        String ownerName = Objects.requireNonNull(owner, "owner").getName();
        tree.changeNode(path, followLinks, node -> node.owner(ownerName));
    }

    @Override
    public void setGroup(GroupPrincipal group) throws IOException {
        String groupName = Objects.requireNonNull(group, "group").getName();
        tree.changeNode(path, followLinks, node -> node.group(groupName));
    }
}
