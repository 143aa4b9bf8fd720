package dev.keel.fs;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.spi.FileSystemProvider;
import java.util.Objects;

/**
 * The entry point: a new in-memory file system that standard code uses through {@code java.nio.file}.
 *
 * <pre>{@code
 * try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
 *     Path home = Files.createDirectories(fs.getPath("/home/user"));
 *     Files.writeString(home.resolve("readme.txt"), "Hello, World!");
 * }
 * }</pre>
 *
 * <p>Each file system is independent: its own tree, lock and store. It lives on the heap until closed and is gone
 * with the process, unless saved with {@link FsImage}. Stateless and thread-safe.
 */
public final class KeelFs {

    private KeelFs() {}

    /** A new file system with a generated name, registered with the installed {@code keelfs} provider. */
    public static FileSystem newFileSystem(FsConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            return provider().newAnonymousFileSystem(config);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "workingDirectory (" + config.workingDirectory() + ") cannot be created: " + e.getMessage(), e);
        }
    }

    /**
     * A new file system named {@code name}, reachable as {@code keelfs:///name} until closed; a second open file
     * system of the same name is a {@link java.nio.file.FileSystemAlreadyExistsException}.
     */
    public static FileSystem newFileSystem(String name, FsConfig config) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        try {
            return provider().newFileSystem(name, config);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "workingDirectory (" + config.workingDirectory() + ") cannot be created: " + e.getMessage(), e);
        }
    }

    /** The installed provider, so that paths' URIs resolve; a private one when keel-fs is not installed as a service. */
    private static KeelFileSystemProvider provider() {
        for (FileSystemProvider provider : FileSystemProvider.installedProviders()) {
            if (provider instanceof KeelFileSystemProvider keel) {
                return keel;
            }
        }
        return new KeelFileSystemProvider();
    }
}
