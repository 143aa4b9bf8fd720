package dev.keel.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe replacement of a whole file: after a crash at any moment, the target holds either its old contents or
 * the new ones, never a mix, a truncation or an empty file.
 *
 * <p>How it is done, and why each step is needed on Linux:
 *
 * <ol>
 *   <li>Write the new contents to a temporary file in the same directory (a rename is atomic only within one file
 *       system).
 *   <li>{@code force} the temporary file: without it, ext4 and XFS may persist the rename before the data, and a
 *       crash leaves a zero-length target (the "O_PONIES" problem).
 *   <li>Atomically rename it over the target ({@code ATOMIC_MOVE}): readers see the old file or the new one.
 *   <li>{@code force} the directory: the rename is a change to the directory, and until the directory is on disk a
 *       crash can bring the old name back.
 * </ol>
 *
 * <p>Stateless and thread-safe; two concurrent replacements of the same target each succeed, and the last rename wins.
 */
public final class DurableFiles {

    /** Writes content to the stream it is given; the stream is closed by the caller. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private DurableFiles() {}

    /** Replaces {@code target} with {@code contents}, crash-safely. */
    public static void replace(Path target, byte[] contents) throws IOException {
        replace(target, out -> out.write(contents));
    }

    /** Replaces {@code target} with what {@code writer} writes, crash-safely; on failure the target is untouched. */
    public static void replace(Path target, ContentWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null) {
            throw new IllegalArgumentException("target (" + target + ") must be a file inside a directory");
        }
        Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(
                        "cannot replace " + target + " crash-safely: its file system has no atomic rename", e);
            }
            moved = true;
            forceDirectory(directory);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Forces a directory's entries to disk, so that files created, renamed or deleted in it stay that way after a
     * crash. On Linux this is {@code fsync} of the directory's file descriptor.
     */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
