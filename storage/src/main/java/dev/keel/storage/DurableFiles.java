package dev.keel.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
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
        try (Staged staged = stage(target, writer)) {
            staged.commit();
        }
    }

    /**
     * The first half of {@link #replace(Path, ContentWriter)}: writes the new contents to a temporary file beside
     * {@code target} without forcing it, and returns the replacement to {@link Staged#commit() commit} later, perhaps
     * on another thread. Writing costs what the writer costs and a copy into the page cache; the expensive part, the
     * forces, is left to the commit. Until it commits, {@code target} is untouched; closing an uncommitted replacement
     * deletes the temporary file.
     */
    public static Staged stage(Path target, ContentWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null) {
            throw new IllegalArgumentException("target (" + target + ") must be a file inside a directory");
        }
        Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                writer.writeTo(out);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException deleting) {
                e.addSuppressed(deleting);
            }
            throw e;
        }
        return new Staged(absolute, directory, temp);
    }

    /**
     * Deletes the temporary files that replacements of {@code target} left behind when a crash interrupted them before
     * their rename (the name pattern is this class's own: {@code .<name>.<random>.tmp} beside the target); returns how
     * many it deleted. Call it on start-up, before any replacement of {@code target} runs.
     */
    public static int deleteAbandoned(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> abandoned =
                Files.newDirectoryStream(directory, "." + absolute.getFileName() + ".*.tmp")) {
            for (Path file : abandoned) {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * A replacement written to a temporary file and not yet committed ({@link #stage}). Not thread-safe: one owner at
     * a time, which may hand it to another thread (through an executor, say) to commit.
     */
    public static final class Staged implements AutoCloseable {

        private final Path target;
        private final Path directory;
        private final Path temp;
        private boolean committed;

        private Staged(Path target, Path directory, Path temp) {
            this.target = target;
            this.directory = directory;
            this.temp = temp;
        }

        /** The file the commit will replace. */
        public Path target() {
            return target;
        }

        /** How many bytes the new contents are. */
        public long size() throws IOException {
            return Files.size(temp);
        }

        /**
         * Forces the new contents, renames them over the target atomically and forces the directory: after this
         * returns the target holds the new contents, also after a crash; if it fails, the target holds the old or the
         * new contents, never a mix. Committing twice is an error.
         */
        public void commit() throws IOException {
            if (committed) {
                throw new IllegalStateException("the replacement of " + target + " is already committed");
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(
                        "cannot replace " + target + " crash-safely: its file system has no atomic rename", e);
            }
            committed = true;
            forceDirectory(directory);
        }

        /** Deletes the temporary file unless the replacement was committed. Idempotent. */
        @Override
        public void close() throws IOException {
            if (!committed) {
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
