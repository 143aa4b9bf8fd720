package dev.keel.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed's file system facade: the few calls an interview starts with, by path string, over a full keel file
 * system that {@link #fileSystem()} exposes for everything else.
 *
 * <pre>{@code
 * MemoryFileSystem fs = new MemoryFileSystem();
 * fs.mkdir("/home/user");
 * fs.createFile("/home/user/readme.txt", "Hello, World!");
 * String content = fs.readFile("/home/user/readme.txt");
 * List<String> files = fs.listDirectory("/home/user");
 * }</pre>
 *
 * <p>Text is UTF-8. Failures are the {@code java.nio.file} exceptions, carrying the path ({@code NoSuchFileException},
 * {@code FileAlreadyExistsException}, ...). Thread-safe, as the file system under it.
 */
public final class MemoryFileSystem implements AutoCloseable {

    private final FileSystem fs;

    /** A new, empty Unix file system. */
    public MemoryFileSystem() {
        this(FsConfig.unix());
    }

    public MemoryFileSystem(FsConfig config) {
        this.fs = KeelFs.newFileSystem(config);
    }

    /** The {@code java.nio.file} file system behind this facade. */
    public FileSystem fileSystem() {
        return fs;
    }

    /** {@code path} in this file system. */
    public Path path(String path) {
        return fs.getPath(path);
    }

    /** Creates a directory and any missing parents, as {@code mkdir -p}; an existing directory is fine. */
    public void mkdir(String path) throws IOException {
        Files.createDirectories(path(path));
    }

    /** Creates a new file holding {@code content}; fails if it exists or its directory does not. */
    public void createFile(String path, String content) throws IOException {
        Files.writeString(path(path), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Writes {@code content}, creating the file or replacing what it held. */
    public void writeFile(String path, String content) throws IOException {
        Files.writeString(path(path), content);
    }

    /** Appends {@code content}, creating the file if needed. */
    public void appendFile(String path, String content) throws IOException {
        Files.writeString(path(path), content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The whole file, as text. */
    public String readFile(String path) throws IOException {
        return new String(Files.readAllBytes(path(path)), StandardCharsets.UTF_8);
    }

    /** The names in a directory, sorted. */
    public List<String> listDirectory(String path) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path(path))) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    public boolean exists(String path) {
        return Files.exists(path(path), LinkOption.NOFOLLOW_LINKS);
    }

    public boolean isDirectory(String path) {
        return Files.isDirectory(path(path));
    }

    /** Deletes a file, a link or an empty directory. */
    public void delete(String path) throws IOException {
        Files.delete(path(path));
    }

    /** Deletes a tree, deepest first; symbolic links are deleted, not followed. */
    public void deleteRecursively(String path) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(path(path))) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path each : all) {
            Files.delete(each);
        }
    }

    /** Renames, replacing nothing. */
    public void move(String source, String target) throws IOException {
        Files.move(path(source), path(target));
    }

    /** Copies a file (or an empty directory), replacing nothing. */
    public void copy(String source, String target) throws IOException {
        Files.copy(path(source), path(target));
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
