package dev.keel.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code keelfs} provider: what {@code java.nio.file.Files} calls for a keel path. It is public only because
 * {@link java.util.ServiceLoader} needs it to be; use {@link KeelFs} or {@code FileSystems.newFileSystem(URI, env)}.
 *
 * <p>URIs: {@code keelfs://NAME/path} (what {@link Path#toUri()} gives) or {@code keelfs:///NAME} to name a file
 * system. The {@code env} of {@code newFileSystem} may hold {@code "config"} (an {@link FsConfig}) or any of
 * {@code "workingDirectory"}, {@code "capacityBytes"}, {@code "maxNameLength"}, {@code "maxPathDepth"},
 * {@code "enforcePermissions"} as values
 * or strings; anything else is rejected.
 *
 * <p>Thread-safe: the open file systems are a concurrent map by name; every operation is delegated to the path's file
 * system, which is thread-safe.
 */
public final class KeelFileSystemProvider extends FileSystemProvider {

    /** The URI scheme. */
    public static final String SCHEME = "keelfs";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private final Map<String, KeelFileSystem> open = new ConcurrentHashMap<>();

    /** For {@link java.util.ServiceLoader}; applications use {@link KeelFs}. */
    public KeelFileSystemProvider() {}

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        return newFileSystem(nameOf(uri), EnvConfig.parse(env));
    }

    KeelFileSystem newFileSystem(String name, FsConfig config) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("file system name (" + name + ") must be 1-255 of A-Z a-z 0-9 . _ -");
        }
        KeelFileSystem fs = new KeelFileSystem(this, name, config);
        if (open.putIfAbsent(name, fs) != null) {
            throw new FileSystemAlreadyExistsException(name);
        }
        return fs;
    }

    KeelFileSystem newAnonymousFileSystem(FsConfig config) throws IOException {
        return newFileSystem(UUID.randomUUID().toString(), config);
    }

    void unregister(KeelFileSystem fs) {
        open.remove(fs.name(), fs);
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return fileSystem(nameOf(uri));
    }

    private KeelFileSystem fileSystem(String name) {
        KeelFileSystem fs = open.get(name);
        if (fs == null) {
            throw new FileSystemNotFoundException("no open keelfs file system is named " + name);
        }
        return fs;
    }

    @Override
    public Path getPath(URI uri) {
        checkScheme(uri);
        String authority = uri.getAuthority();
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (authority != null) {
            return fileSystem(authority).getPath(path.isEmpty() ? "/" : path);
        }
        int slash = path.indexOf('/', 1);
        String name = slash < 0 ? path.substring(1) : path.substring(1, slash);
        return fileSystem(name).getPath(slash < 0 ? "/" : path.substring(slash));
    }

    private static String nameOf(URI uri) {
        checkScheme(uri);
        if (uri.getAuthority() != null) {
            return uri.getAuthority();
        }
        String path = uri.getPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException(
                    "uri (" + uri + ") must name a file system (expected: keelfs:///NAME or keelfs://NAME)");
        }
        return path.substring(1);
    }

    private static void checkScheme(URI uri) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("uri (" + uri + ") must have scheme " + SCHEME);
        }
    }

    private static KeelFileSystem fs(Path path) {
        KeelFileSystem fs = KeelPath.cast(path).getFileSystem();
        fs.checkOpen();
        return fs;
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        KeelPath keel = KeelPath.cast(path);
        for (OpenOption option : options) {
            if (!(Objects.requireNonNull(option, "option") instanceof StandardOpenOption)
                    && option != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("Unsupported open option: " + option);
            }
        }
        boolean append = options.contains(StandardOpenOption.APPEND);
        boolean writable = options.contains(StandardOpenOption.WRITE) || append;
        boolean readable = options.contains(StandardOpenOption.READ) || !writable;
        if (append && options.contains(StandardOpenOption.READ)) {
            throw new IllegalArgumentException("READ + APPEND not allowed");
        }
        if (append && options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            throw new IllegalArgumentException("APPEND + TRUNCATE_EXISTING not allowed");
        }
        FileTree tree = fs(path).tree();
        FileTree.Opened opened = tree.open(keel, options, attrs);
        KeelPath deleteOnClose = options.contains(StandardOpenOption.DELETE_ON_CLOSE) ? keel : null;
        return new KeelFileChannel(tree, opened, keel.toString(), readable, writable, append, deleteOnClose);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        Objects.requireNonNull(filter, "filter");
        KeelPath keel = KeelPath.cast(dir);
        return new KeelDirectoryStream(keel, fs(dir).tree().list(keel), filter);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        fs(dir).tree().createDirectory(KeelPath.cast(dir), attrs);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        KeelFileSystem fs = fs(link);
        KeelPath keelTarget = KeelPath.cast(target);
        if (keelTarget.getFileSystem() != fs) {
            throw new java.nio.file.ProviderMismatchException("target (" + target + ") is in another file system");
        }
        fs.tree().createSymbolicLink(KeelPath.cast(link), keelTarget, attrs);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        fs(link).tree().createLink(KeelPath.cast(link), KeelPath.cast(existing));
    }

    @Override
    public void delete(Path path) throws IOException {
        fs(path).tree().delete(KeelPath.cast(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        fs(source).mover().copy(KeelPath.cast(source), sameFileSystem(source, target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        fs(source).mover().move(KeelPath.cast(source), sameFileSystem(source, target), options);
    }

    private static KeelPath sameFileSystem(Path source, Path target) {
        KeelPath keel = KeelPath.cast(target);
        if (keel.getFileSystem() != source.getFileSystem()) {
            throw new java.nio.file.ProviderMismatchException(
                    "target (" + target + ") is in another keel file system than source (" + source + ")");
        }
        return keel;
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        if (path.equals(path2)) {
            return true;
        }
        if (!(path2 instanceof KeelPath other) || other.getFileSystem() != path.getFileSystem()) {
            return false;
        }
        FileTree tree = fs(path).tree();
        return tree.node(KeelPath.cast(path), true) == tree.node(other, true);
    }

    @Override
    public boolean isHidden(Path path) {
        KeelPath name = KeelPath.cast(path).getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        KeelFileSystem fs = fs(path);
        fs.tree().node(KeelPath.cast(path), true);
        return fs.store();
    }

    /** Checks that the file exists; permissions are recorded but not enforced, so every access mode is granted. */
    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        fs(path).tree().checkExists(KeelPath.cast(path));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> @Nullable V getFileAttributeView(
            Path path, Class<V> type, LinkOption... options) {
        String view;
        if (type == BasicFileAttributeView.class) {
            view = "basic";
        } else if (type == PosixFileAttributeView.class) {
            view = "posix";
        } else if (type == FileOwnerAttributeView.class) {
            view = "owner";
        } else {
            return null;
        }
        return (V) new KeelAttributeView(fs(path).tree(), KeelPath.cast(path), Options.followLinks(options), view);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (type != BasicFileAttributes.class && type != PosixFileAttributes.class) {
            throw new UnsupportedOperationException("attributes of type " + type.getName() + " are not supported");
        }
        return (A) fs(path).tree().attributes(KeelPath.cast(path), Options.followLinks(options));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        NodeAttributes snapshot = fs(path).tree().attributes(KeelPath.cast(path), Options.followLinks(options));
        return AttributeNames.read(snapshot, attributes);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        KeelAttributeView view =
                new KeelAttributeView(fs(path).tree(), KeelPath.cast(path), Options.followLinks(options), "posix");
        AttributeNames.write(view, attribute, value);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return fs(link).tree().readSymbolicLink(KeelPath.cast(link));
    }
}
