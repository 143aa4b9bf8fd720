package dev.keel.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates and opens segment files.
 *
 * <p>How a segment is created, and why: it is written whole under a temporary name (header, then {@code force}),
 * renamed to its final name, and the directory is forced. So a file with a segment's name always has a complete,
 * durable header, and recovery can call an empty or headerless segment what it is (damage) instead of guessing that
 * a crash made it. A crash mid-creation leaves only a {@code .log.tmp} file, which recovery deletes.
 *
 * <p>Stateless and thread-safe.
 */
final class SegmentFiles {

    static final Set<StandardOpenOption> READ_WRITE = EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
    static final Set<StandardOpenOption> READ_ONLY = EnumSet.of(StandardOpenOption.READ);

    private SegmentFiles() {}

    /** Creates the segment starting at {@code baseLsn} in {@code directory}, durable, and opens it for appending. */
    static Segment create(Path directory, long baseLsn, ChannelOpener opener) throws IOException {
        String name = LogFormat.segmentFileName(baseLsn);
        Path target = directory.resolve(name);
        if (Files.exists(target)) {
            throw new StorageException(
                    StorageException.Code.CORRUPT_HEADER, "segment " + name + " already exists in " + directory);
        }
        Path temp = directory.resolve(name.replace(".log", LogFormat.TEMP_SUFFIX));
        try (FileChannel channel = opener.open(
                temp,
                EnumSet.of(
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))) {
            var header = LogFormat.encodeHeader(baseLsn);
            while (header.hasRemaining()) {
                channel.write(header);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.forceDirectory(directory);
        return new Segment(target, baseLsn, opener, READ_WRITE);
    }

    /** Opens an existing segment, for appending if it is the last one. */
    static Segment open(Path file, long baseLsn, ChannelOpener opener, boolean writable) throws IOException {
        return new Segment(file, baseLsn, opener, writable ? READ_WRITE : READ_ONLY);
    }
}
