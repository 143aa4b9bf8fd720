package dev.keel.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * How the log opens its segment files. The default is {@link FileChannel#open(Path, Set,
 * java.nio.file.attribute.FileAttribute[])}; crash tests pass a fault-injecting disk model instead (keel-testing's
 * {@code FaultyDisk::open}) to cut the power after any write and check what survives.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ChannelOpener {

    /** Opens {@code path} with {@code options}, as {@code FileChannel.open} does. */
    FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException;

    /** The real file system. */
    static ChannelOpener system() {
        return (path, options) -> FileChannel.open(path, options);
    }
}
