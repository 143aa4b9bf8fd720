package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's example, the same through java.nio.file, and the ways in: factory, URI, environment. */
final class MemoryFileSystemTest {

    @Test
    void seedExample_works() throws IOException {
        try (MemoryFileSystem fs = new MemoryFileSystem()) {
            fs.mkdir("/home/user");
            fs.createFile("/home/user/readme.txt", "Hello, World!");
            String content = fs.readFile("/home/user/readme.txt");
            List<String> files = fs.listDirectory("/home/user");

            assertThat(content).isEqualTo("Hello, World!");
            assertThat(files).containsExactly("readme.txt");
        }
    }

    @Test
    void facade_coversTheCommonCalls_withPlatformExceptions() throws IOException {
        try (MemoryFileSystem fs = new MemoryFileSystem()) {
            fs.mkdir("/a/b");
            fs.createFile("/a/b/f", "1");
            assertThatThrownBy(() -> fs.createFile("/a/b/f", "2"))
                    .isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessage("/a/b/f");
            fs.appendFile("/a/b/f", "2");
            fs.writeFile("/a/b/g", "g");
            fs.copy("/a/b/g", "/a/g");
            fs.move("/a/b/f", "/a/f");
            assertThat(fs.readFile("/a/f")).isEqualTo("12");
            assertThat(fs.listDirectory("/a")).containsExactly("b", "f", "g");
            assertThat(fs.exists("/a/b/f")).isFalse();
            assertThat(fs.isDirectory("/a/b")).isTrue();
            fs.delete("/a/g");
            fs.deleteRecursively("/a");
            assertThat(fs.exists("/a")).isFalse();
            assertThatThrownBy(() -> fs.readFile("/a/f"))
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessage("/a/f");
        }
    }

    @Test
    void newFileSystem_standardCodeWorks() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            Path home = Files.createDirectories(fs.getPath("/home/user"));
            Files.writeString(home.resolve("readme.txt"), "Hello, World!");
            assertThat(Files.readString(fs.getPath("/home/user/readme.txt"))).isEqualTo("Hello, World!");
            assertThat(fs.provider().getScheme()).isEqualTo("keelfs");
            assertThat(Path.of(home.toUri())).isEqualTo(home);
        }
    }

    @Test
    void newFileSystem_byUri_isFoundByUri_untilClosed() throws IOException {
        URI uri = URI.create("keelfs:///uri-test");
        FileSystem fs = FileSystems.newFileSystem(uri, Map.of("capacityBytes", "1024", "workingDirectory", "/w"));
        try (fs) {
            assertThat(FileSystems.getFileSystem(uri)).isSameAs(fs);
            assertThat(fs.getPath("x").toAbsolutePath()).hasToString("/w/x");
            assertThat(fs.getFileStores().iterator().next().getTotalSpace()).isEqualTo(1024);
            assertThat(Path.of(URI.create("keelfs://uri-test/w"))).isEqualTo(fs.getPath("/w"));
            assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of()))
                    .isInstanceOf(FileSystemAlreadyExistsException.class);
        }
        assertThatThrownBy(() -> FileSystems.getFileSystem(uri)).isInstanceOf(FileSystemNotFoundException.class);
    }

    @Test
    void newFileSystem_badEnvironment_namesTheKey() {
        URI uri = URI.create("keelfs:///bad-env");
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("capacity", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"capacity\" is not known");
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("capacityBytes", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacityBytes (lots) must be an integer");
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("capacityBytes", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacityBytes (0) must be positive");
        assertThatThrownBy(() -> FileSystems.newFileSystem(URI.create("keelfs:///a/b"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name a file system");
        assertThatThrownBy(() -> FileSystems.newFileSystem(URI.create("keelfs:///bad%20name"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file system name (bad name)");
    }

    @Test
    void config_rejectsNonsense_andOptionsSetTwice() {
        assertThatThrownBy(() ->
                        FsConfig.unix().toBuilder().workingDirectory("relative").build())
                .hasMessage("workingDirectory (relative) must be an absolute Unix path (expected: /...)");
        assertThatThrownBy(() -> FsConfig.unix().toBuilder().maxNameLength(0).build())
                .hasMessage("maxNameLength (0) must be in [1, 4096]");
        assertThatThrownBy(() -> FsConfig.unix().toBuilder().maxPathDepth(-1).build())
                .hasMessage("maxPathDepth (-1) must be positive");
        assertThatThrownBy(() -> FsConfig.unix().toBuilder().capacityBytes(1).capacityBytes(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("capacityBytes is already set");
    }

    @Test
    void closedFileSystem_refusesOperations() throws IOException {
        FileSystem fs = KeelFs.newFileSystem(FsConfig.unix());
        Path path = fs.getPath("/f");
        fs.close();
        assertThat(fs.isOpen()).isFalse();
        assertThatThrownBy(() -> Files.createFile(path)).isInstanceOf(java.nio.file.ClosedFileSystemException.class);
    }

    @Test
    void pathsOfAnotherProvider_areRefused() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            assertThatThrownBy(() -> fs.getPath("/a").resolve(Path.of("b")))
                    .isInstanceOf(ProviderMismatchException.class);
            assertThatThrownBy(() -> fs.provider().createDirectory(Path.of("/tmp/x")))
                    .isInstanceOf(ProviderMismatchException.class)
                    .hasMessageContaining("is not a keelfs path but a file path");
        }
    }

    @Test
    void pathDepthLimit_isAClearError() throws IOException {
        try (FileSystem fs =
                KeelFs.newFileSystem(FsConfig.unix().toBuilder().maxPathDepth(3).build())) {
            Files.createDirectories(fs.getPath("/a/b/c"));
            assertThatThrownBy(() -> Files.createDirectory(fs.getPath("/a/b/c/d")))
                    .isInstanceOf(java.nio.file.FileSystemException.class)
                    .hasMessage("/a/b/c/d: path depth 4 exceeds the limit of 3 (maxPathDepth)");
        }
    }

    @Test
    void getPath_reusesRecentlyParsedPaths_butNeverConfusesThem() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            String deep = "/a/b/c";
            assertThat(fs.getPath(deep)).isSameAs(fs.getPath(new String(deep.toCharArray())));
            assertThat(fs.getPath("a//b/")).hasToString("a/b").isEqualTo(fs.getPath("a/b"));
            for (int i = 0; i < 5_000; i++) {
                String name = "/d" + i + "/f";
                assertThat(fs.getPath(name)).hasToString(name);
                assertThat(fs.getPath(name).getNameCount()).isEqualTo(2);
            }
        }
    }

    @Test
    void nulInAPath_isInvalid() throws IOException {
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            assertThatThrownBy(() -> fs.getPath("a\0b"))
                    .isInstanceOf(java.nio.file.InvalidPathException.class)
                    .hasMessageContaining("Nul character not allowed");
        }
    }
}
