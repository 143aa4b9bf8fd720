package dev.keel.fs;

import java.nio.file.FileStore;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The one store of a keel file system: its capacity and what is left of it ({@link StoreSpace}). Thread-safe. */
final class KeelFileStore extends FileStore {

    static final Set<String> VIEWS = Set.of("basic", "owner", "posix", "unix");

    private final String name;
    private final StoreSpace space;

    KeelFileStore(String name, StoreSpace space) {
        this.name = name;
        this.space = space;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "keelfs";
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public long getTotalSpace() {
        return space.capacity();
    }

    @Override
    public long getUsableSpace() {
        return space.free();
    }

    @Override
    public long getUnallocatedSpace() {
        return space.free();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == BasicFileAttributeView.class
                || type == FileOwnerAttributeView.class
                || type == PosixFileAttributeView.class;
    }

    @Override
    public boolean supportsFileAttributeView(String viewName) {
        return VIEWS.contains(viewName);
    }

    @Override
    public <V extends FileStoreAttributeView> @Nullable V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) {
        return switch (attribute) {
            case "totalSpace" -> getTotalSpace();
            case "usableSpace" -> getUsableSpace();
            case "unallocatedSpace" -> getUnallocatedSpace();
            default -> throw new UnsupportedOperationException("'" + attribute + "' not recognized");
        };
    }

    @Override
    public String toString() {
        return name + " (keelfs)";
    }
}
