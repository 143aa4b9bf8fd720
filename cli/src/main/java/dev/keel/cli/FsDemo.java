package dev.keel.cli;

import dev.keel.fs.FsConfig;
import dev.keel.fs.KeelFs;
import dev.keel.fs.MemoryFileSystem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.stream.Stream;

/** The file system's tour: the seed example, the same through java.nio.file, a symlink loop refused, a glob search. */
final class FsDemo {

    private final PrintWriter out;

    FsDemo(PrintWriter out) {
        this.out = out;
    }

    void run() throws IOException {
        out.println("The seed example: new MemoryFileSystem(), mkdir, createFile, readFile, listDirectory.");
        try (MemoryFileSystem fs = new MemoryFileSystem()) {
            fs.mkdir("/home/user");
            fs.createFile("/home/user/readme.txt", "Hello, World!");
            out.println("  readFile      -> " + fs.readFile("/home/user/readme.txt"));
            out.println("  listDirectory -> " + fs.listDirectory("/home/user"));
        }
        out.println();
        out.println("The same through java.nio.file, on KeelFs.newFileSystem(FsConfig.unix()):");
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Path home = Files.createDirectories(fs.getPath("/home/user"));
            Files.writeString(home.resolve("readme.txt"), "Hello, World!");
            out.println("  Files.readString -> " + Files.readString(home.resolve("readme.txt")));
            try (Stream<Path> list = Files.list(home)) {
                out.println("  Files.list       -> " + list.toList());
            }

            out.println();
            out.println("A symbolic link loop (a -> b, b -> a) is refused, as Linux refuses it (ELOOP):");
            Files.createSymbolicLink(fs.getPath("/tmp-a"), fs.getPath("/tmp-b"));
            Files.createSymbolicLink(fs.getPath("/tmp-b"), fs.getPath("/tmp-a"));
            try {
                Files.readString(fs.getPath("/tmp-a"));
                throw new IllegalStateException("the loop was followed");
            } catch (FileSystemException e) {
                out.println("  Files.readString(/tmp-a) -> refused, " + e.getMessage());
            }

            out.println();
            out.println("A glob search, Files.find with glob:**.java over a small source tree:");
            for (String file : new String[] {
                "src/main/java/App.java", "src/main/java/util/Strings.java", "src/test/java/AppTest.java", "README.md"
            }) {
                Path path = fs.getPath("/project", file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, "// " + file);
            }
            PathMatcher java = fs.getPathMatcher("glob:**.java");
            try (Stream<Path> found = Files.find(fs.getPath("/project"), 10, (p, a) -> java.matches(p))) {
                found.sorted().forEach(p -> out.println("  " + p));
            }
        }
        out.println("Try: keel fs --image /tmp/demo.img   (then: mkdir -p a/b, echo hi > a/b/f, tree, save, exit)");
    }
}
