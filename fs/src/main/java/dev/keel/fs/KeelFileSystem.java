package dev.keel.fs;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A keel in-memory file system, as {@code java.nio.file} sees it: paths, the root, the one file store, matchers,
 * principals and watch services. The tree and its operations live in {@link FileTree}.
 *
 * <p>Thread-safe. Closing it makes every later operation through its paths fail with
 * {@link ClosedFileSystemException}, closes its watch services and unregisters it from its provider; its content is
 * then garbage.
 */
final class KeelFileSystem extends FileSystem {

    private final KeelFileSystemProvider provider;
    private final String name;
    private final FsConfig config;
    private final FileTree tree;
    private final Mover mover;
    private final KeelFileStore store;
    private final KeelPath workingDirectory;
    private final List<KeelWatchService> watchServices = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    /**
     * Recently parsed paths, by the hash of their string: a direct-mapped cache, so parsing the same string again (a
     * program resolving its configuration file, a build tool its output directory) costs a hash and an
     * {@code equals} instead of a split into names, which dominated the profile of a deep lookup. Entries are
     * immutable paths written and read without a lock: a racing reader sees an older path or a newer one, both valid.
     */
    private final KeelPath[] recentPaths = new KeelPath[RECENT_PATHS];

    private static final int RECENT_PATHS = 1024;

    KeelFileSystem(KeelFileSystemProvider provider, String name, FsConfig config) throws IOException {
        this.provider = provider;
        this.name = name;
        this.config = config;
        this.tree = new FileTree(this, config, System.getProperty("user.name", "keel"));
        this.mover = new Mover(tree);
        this.store = new KeelFileStore(name, tree.space());
        this.workingDirectory = KeelPath.parse(this, config.workingDirectory()).normalize();
        KeelPath current = KeelPath.root(this);
        for (String part : workingDirectory.names()) {
            current = current.resolveName(part);
            if (tree.lookup(current, true).node() == null) {
                tree.createDirectory(current);
            }
        }
    }

    String name() {
        return name;
    }

    FsConfig config() {
        return config;
    }

    FileTree tree() {
        checkOpen();
        return tree;
    }

    Mover mover() {
        checkOpen();
        return mover;
    }

    KeelFileStore store() {
        return store;
    }

    KeelPath workingDirectory() {
        return workingDirectory;
    }

    void checkOpen() {
        if (!open) {
            throw new ClosedFileSystemException();
        }
    }

    @Override
    public KeelFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        for (KeelWatchService service : watchServices) {
            service.close();
        }
        provider.unregister(this);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(KeelPath.root(this));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of(store);
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return KeelFileStore.VIEWS;
    }

    @Override
    public KeelPath getPath(String first, String... more) {
        Objects.requireNonNull(first, "first");
        if (more.length > 0) {
            return KeelPath.parse(this, first, more);
        }
        int slot = first.hashCode() & (RECENT_PATHS - 1);
        KeelPath recent = recentPaths[slot];
        if (recent != null && recent.toString().equals(first)) {
            return recent;
        }
        KeelPath parsed = KeelPath.parse(this, first);
        if (parsed.toString().equals(first)) {
            recentPaths[slot] = parsed;
        }
        return parsed;
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("syntaxAndPattern (" + syntaxAndPattern
                    + ") must be syntax:pattern (expected: glob:... or regex:...)");
        }
        String syntax = syntaxAndPattern.substring(0, colon).toLowerCase(Locale.ROOT);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern regex = switch (syntax) {
            case "glob" -> Pattern.compile(Glob.toRegex(pattern));
            case "regex" -> Pattern.compile(pattern);
            default -> throw new UnsupportedOperationException("Syntax '" + syntax + "' not recognized");
        };
        return path -> regex.matcher(path.toString()).matches();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return new UserPrincipalLookupService() {
            @Override
            public Principal lookupPrincipalByName(String name) {
                return new Principal(name);
            }

            @Override
            public Principal lookupPrincipalByGroupName(String group) {
                return new Principal(group);
            }
        };
    }

    @Override
    public WatchService newWatchService() {
        checkOpen();
        KeelWatchService service = new KeelWatchService(this);
        watchServices.add(service);
        return service;
    }

    void watchServiceClosed(KeelWatchService service) {
        watchServices.remove(service);
    }

    @Override
    public String toString() {
        return "keelfs:" + name;
    }
}
