package dev.keel.fs;

import dev.keel.storage.DurableFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Snapshots of a keel file system: to one image file on a real disk and back, or to and from a real directory.
 *
 * <p>The image format, big-endian:
 *
 * <pre>
 * image   = header record* end
 * header  = "KEELFS" (6 bytes ASCII) | version u8 (1) | reserved u8 (0)
 * record  = length u32 (of body, at most 1 MiB + 64 KiB) | crc u32 (CRC32C of body) | body
 * body    = type u8 | path (u16 length + UTF-8, absolute) | fields of the type:
 *   1 directory   mtime i64 (ns since the epoch) | mode u16
 *   2 file        mtime i64 | mode u16 | content (the rest of the body, at most 1 MiB)
 *   3 more        content appended to the file at path (files over 1 MiB continue in these)
 *   4 symlink     mtime i64 | target (u16 length + UTF-8)
 *   5 hard link   existing path (u16 length + UTF-8): another name for a file already in the image
 *   6 end         record count i64 (of every record before it), so a truncated image is detected
 * </pre>
 *
 * <p>Parents come before children, so loading is one pass. Saving writes a temporary file, forces it and renames it
 * over the target, then forces the directory ({@link DurableFiles#replace}): a crash leaves the old image or the new
 * one, and perhaps the temporary file, which {@link #open} deletes at the next start. Loading trusts no byte:
 * lengths are bounded, every record's checksum is verified, and a bad one is an {@link IOException} naming its offset.
 *
 * <p>Consistency: the tree is walked under its read lock, so the structure saved is one moment's; each file's content
 * is read under its own lock, so each file is whole, but writes through channels opened earlier may land in some
 * files and not in others (as with {@code tar} of a live directory). Stateless and thread-safe.
 */
public final class FsImage {

    private static final byte[] MAGIC = "KEELFS".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int CHUNK = 1 << 20;
    private static final int MAX_BODY = CHUNK + (64 << 10);

    private static final int DIRECTORY = 1;
    private static final int FILE = 2;
    private static final int MORE = 3;
    private static final int SYMLINK = 4;
    private static final int HARD_LINK = 5;
    private static final int END = 6;

    private FsImage() {}

    /** Saves every node of {@code fileSystem} (a keel file system) to {@code image}, crash-safely. */
    public static void save(FileSystem fileSystem, Path image) throws IOException {
        if (!(fileSystem instanceof KeelFileSystem keel)) {
            throw new IllegalArgumentException("fileSystem (" + fileSystem + ") is not a keel file system");
        }
        DurableFiles.replace(image, out -> new Writer(new DataOutputStream(out)).write(keel));
    }

    /**
     * Opens {@code image} at start-up: deletes the temporary files that saves of it interrupted by a crash left beside
     * it (a save writes {@code .<name>.<random>.tmp} and renames it over the image; a crash before the rename leaves
     * the temporary behind and the old image intact), then loads the image, or returns a new empty file system with
     * {@code config} if there is no image yet. Call it before this process saves {@code image}: a save of the same
     * image running meanwhile in another process would lose its temporary and fail (the image itself stays whole).
     */
    public static FileSystem open(Path image, FsConfig config) throws IOException {
        DurableFiles.deleteAbandoned(image);
        if (!Files.exists(image)) {
            return KeelFs.newFileSystem(config);
        }
        return load(image, config);
    }

    /** A new keel file system with {@code config}, holding what {@code image} holds. */
    public static FileSystem load(Path image, FsConfig config) throws IOException {
        FileSystem fs = KeelFs.newFileSystem(config);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(image), 1 << 16)) {
            new Reader(new DataInputStream(in), fs, image.toString()).read();
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
        return fs;
    }

    /** Copies the whole tree of {@code fileSystem} into {@code directory}, which must exist (any file system). */
    public static void exportTo(FileSystem fileSystem, Path directory) throws IOException {
        copyTree(fileSystem.getPath("/"), directory);
    }

    /** A new keel file system holding a copy of {@code directory}'s tree (files, directories, links). */
    public static FileSystem importFrom(Path directory, FsConfig config) throws IOException {
        FileSystem fs = KeelFs.newFileSystem(config);
        try {
            copyTree(directory, fs.getPath("/"));
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
        return fs;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(target);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(
                            target,
                            to.getFileSystem()
                                    .getPath(Files.readSymbolicLink(file).toString()));
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Writes the records of one file system; not thread-safe, used once. */
    private static final class Writer {
        private final DataOutputStream out;
        private final Map<Node, String> filesSeen = new IdentityHashMap<>();
        private long records;

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(KeelFileSystem fs) throws IOException {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeByte(0);
            FileTree tree = fs.tree();
            tree.lock().readLock().lock();
            try {
                writeChildren(tree.root(), "");
            } finally {
                tree.lock().readLock().unlock();
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream end = new DataOutputStream(body);
            end.writeByte(END);
            writeString(end, "/");
            end.writeLong(records);
            writeRecord(body.toByteArray());
            out.flush();
        }

        private void writeChildren(Directory directory, String prefix) throws IOException {
            for (Map.Entry<String, Node> entry : directory.entries().entrySet()) {
                String path = prefix + "/" + entry.getKey();
                Node node = entry.getValue();
                switch (node) {
                    case Directory child -> {
                        writeRecord(header(DIRECTORY, path, node).toByteArray());
                        writeChildren(child, path);
                    }
                    case SymbolicLink link -> {
                        ByteArrayOutputStream body = header(SYMLINK, path, null);
                        DataOutputStream data = new DataOutputStream(body);
                        data.writeLong(node.modifiedNanos());
                        writeString(data, link.target().toString());
                        writeRecord(body.toByteArray());
                    }
                    case RegularFile file -> writeFile(path, file);
                }
            }
        }

        private void writeFile(String path, RegularFile file) throws IOException {
            String earlier = filesSeen.putIfAbsent(file, path);
            if (earlier != null) {
                ByteArrayOutputStream body = header(HARD_LINK, path, null);
                writeString(new DataOutputStream(body), earlier);
                writeRecord(body.toByteArray());
                return;
            }
            long position = 0;
            boolean first = true;
            while (true) {
                java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(CHUNK);
                int read = file.read(position, chunk);
                ByteArrayOutputStream body = first ? header(FILE, path, file) : header(MORE, path, null);
                if (read > 0) {
                    body.write(chunk.array(), 0, read);
                    position += read;
                }
                writeRecord(body.toByteArray());
                first = false;
                if (read < CHUNK) {
                    return;
                }
            }
        }

        private static ByteArrayOutputStream header(int type, String path, @Nullable Node withTimeAndMode)
                throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(body);
            data.writeByte(type);
            writeString(data, path);
            if (withTimeAndMode != null) {
                data.writeLong(withTimeAndMode.modifiedNanos());
                data.writeShort(withTimeAndMode.mode());
            }
            return body;
        }

        private void writeRecord(byte[] body) throws IOException {
            CRC32C crc = new CRC32C();
            crc.update(body);
            out.writeInt(body.length);
            out.writeInt((int) crc.getValue());
            out.write(body);
            records++;
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IOException("path (" + value.substring(0, 40) + "...) is longer than an image can hold");
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    /** Reads and applies the records of one image; not thread-safe, used once. */
    private static final class Reader {
        private final DataInputStream in;
        private final FileSystem fs;
        private final String source;
        private final List<Map.Entry<Path, Long>> directoryTimes = new ArrayList<>();
        private long offset;
        private long records;

        Reader(DataInputStream in, FileSystem fs, String source) {
            this.in = in;
            this.fs = fs;
            this.source = source;
        }

        void read() throws IOException {
            byte[] magic = new byte[MAGIC.length + 2];
            readFully(magic, "header");
            if (!java.util.Arrays.equals(magic, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw corrupt("not a keel-fs image (expected magic KEELFS)");
            }
            if (magic[MAGIC.length] != VERSION) {
                throw corrupt("image version " + magic[MAGIC.length] + " is not supported (expected " + VERSION + ")");
            }
            offset = magic.length;
            while (true) {
                long recordOffset = offset;
                byte[] header = new byte[8];
                readFully(header, "record header");
                int length = java.nio.ByteBuffer.wrap(header).getInt();
                int checksum = java.nio.ByteBuffer.wrap(header).getInt(4);
                if (length < 3 || length > MAX_BODY) {
                    throw corruptAt(recordOffset, "record length " + length + " (expected 3.." + MAX_BODY + ")");
                }
                byte[] body = new byte[length];
                readFully(body, "record body");
                CRC32C crc = new CRC32C();
                crc.update(body);
                if ((int) crc.getValue() != checksum) {
                    throw corruptAt(recordOffset, "checksum mismatch");
                }
                if (apply(recordOffset, new DataInputStream(new java.io.ByteArrayInputStream(body)), length)) {
                    break;
                }
                records++;
            }
            for (Map.Entry<Path, Long> entry : directoryTimes.reversed()) {
                Files.setLastModifiedTime(entry.getKey(), FileTime.from(entry.getValue(), TimeUnit.NANOSECONDS));
            }
        }

        /** Applies one record; true at the end record. */
        private boolean apply(long recordOffset, DataInputStream body, int length) throws IOException {
            int type = body.readUnsignedByte();
            String pathString = readString(body);
            Path path = fs.getPath(pathString);
            if (type != END && !pathString.startsWith("/")) {
                throw corruptAt(recordOffset, "path " + pathString + " is not absolute");
            }
            switch (type) {
                case DIRECTORY -> {
                    long mtime = body.readLong();
                    int mode = body.readUnsignedShort();
                    Files.createDirectory(path);
                    ((KeelFileSystem) fs).tree().changeNode((KeelPath) path, false, node -> node.mode(mode));
                    directoryTimes.add(Map.entry(path, mtime));
                }
                case FILE, MORE -> {
                    long mtime = type == FILE ? body.readLong() : 0;
                    int mode = type == FILE ? body.readUnsignedShort() : 0;
                    byte[] content = body.readAllBytes();
                    if (type == FILE) {
                        Files.write(
                                path,
                                content,
                                java.nio.file.StandardOpenOption.CREATE_NEW,
                                java.nio.file.StandardOpenOption.WRITE);
                        ((KeelFileSystem) fs).tree().changeNode((KeelPath) path, false, node -> node.mode(mode));
                    } else {
                        Files.write(path, content, java.nio.file.StandardOpenOption.APPEND);
                    }
                    if (type == FILE) {
                        Files.setLastModifiedTime(path, FileTime.from(mtime, TimeUnit.NANOSECONDS));
                    }
                }
                case SYMLINK -> {
                    long mtime = body.readLong();
                    Files.createSymbolicLink(path, fs.getPath(readString(body)));
                    ((KeelFileSystem) fs).tree().changeNode((KeelPath) path, false, node -> node.modifiedNanos(mtime));
                }
                case HARD_LINK -> Files.createLink(path, fs.getPath(readString(body)));
                case END -> {
                    long count = body.readLong();
                    if (count != records) {
                        throw corruptAt(recordOffset, "end record counts " + count + " records, found " + records);
                    }
                    return true;
                }
                default -> throw corruptAt(recordOffset, "unknown record type " + type + " (length " + length + ")");
            }
            return false;
        }

        private void readFully(byte[] buffer, String what) throws IOException {
            try {
                in.readFully(buffer);
            } catch (EOFException e) {
                throw corruptAt(offset, "truncated in the " + what + " (an image ends with an end record)");
            }
            offset += buffer.length;
        }

        private static String readString(DataInputStream body) throws IOException {
            int length = body.readUnsignedShort();
            return new String(body.readNBytes(length), StandardCharsets.UTF_8);
        }

        private IOException corrupt(String message) {
            return new IOException(source + ": " + message);
        }

        private IOException corruptAt(long at, String message) {
            return new IOException(source + ": at offset " + at + ": " + message);
        }
    }
}
