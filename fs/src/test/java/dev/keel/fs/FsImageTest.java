package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.storage.DurableFiles;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots: a tree survives save and load whole; a damaged image is refused with its offset, never half-loaded. */
final class FsImageTest {

    @TempDir
    Path tempDir;

    private static FileSystem sample() throws IOException {
        FileSystem fs = KeelFs.newFileSystem(FsConfig.unix());
        Files.createDirectories(fs.getPath("/home/user/docs"));
        Files.writeString(fs.getPath("/home/user/readme.txt"), "Hello, World!");
        byte[] big = new byte[(3 << 20) + 17];
        new java.util.SplittableRandom(1).nextBytes(big);
        Files.write(fs.getPath("/home/user/docs/big.bin"), big);
        Files.createLink(fs.getPath("/home/user/hard"), fs.getPath("/home/user/readme.txt"));
        Files.createSymbolicLink(fs.getPath("/home/link"), fs.getPath("user/readme.txt"));
        Files.createSymbolicLink(fs.getPath("/home/dangling"), fs.getPath("/nowhere"));
        Files.setPosixFilePermissions(fs.getPath("/home/user/docs"), PosixFilePermissions.fromString("rwx------"));
        Files.setLastModifiedTime(
                fs.getPath("/home/user/readme.txt"), FileTime.from(Instant.parse("2020-02-02T02:02:02Z")));
        return fs;
    }

    @Test
    void saveThenLoad_givesTheSameTree() throws IOException {
        Path image = tempDir.resolve("fs.img");
        try (FileSystem original = sample()) {
            FsImage.save(original, image);
            try (FileSystem loaded = FsImage.load(image, FsConfig.unix())) {
                assertThat(Oracle.describe(loaded.getPath("/"))).isEqualTo(Oracle.describe(original.getPath("/")));
                assertThat(PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(loaded.getPath("/home/user/docs"))))
                        .isEqualTo("rwx------");
                assertThat(Files.getLastModifiedTime(loaded.getPath("/home/user/readme.txt")))
                        .isEqualTo(FileTime.from(Instant.parse("2020-02-02T02:02:02Z")));
                assertThat(Files.isSameFile(loaded.getPath("/home/user/hard"), loaded.getPath("/home/user/readme.txt")))
                        .isTrue();
                TreeInvariants.check(loaded);
            }
        }
    }

    /**
     * A save that crashed after writing its temporary file and before renaming it (the staged replacement is never
     * committed, as when the process dies there): the image is still the old one, and opening it at the next start
     * deletes the abandoned temporary.
     */
    @Test
    void open_afterASaveCrashedBeforeItsRename_keepsTheOldImage_andDeletesTheTemporary() throws IOException {
        Path image = tempDir.resolve("fs.img");
        try (FileSystem original = sample()) {
            FsImage.save(original, image);
        }
        DurableFiles.Staged crashed = DurableFiles.stage(
                image, out -> out.write("a torn new image".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(temporaries()).hasSize(1);
        try (FileSystem opened = FsImage.open(image, FsConfig.unix())) {
            assertThat(Files.readString(opened.getPath("/home/user/readme.txt")))
                    .isEqualTo("Hello, World!");
            TreeInvariants.check(opened);
        }
        assertThat(temporaries()).isEmpty();
        assertThat(crashed.target()).isEqualTo(image.toAbsolutePath());
    }

    @Test
    void open_withoutAnImage_givesAnEmptyFileSystem_andCreatesNothing() throws IOException {
        Path image = tempDir.resolve("new.img");
        try (FileSystem opened = FsImage.open(image, FsConfig.unix())) {
            try (Stream<Path> root = Files.list(opened.getPath("/"))) {
                assertThat(root).isEmpty();
            }
        }
        assertThat(image).doesNotExist();
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(tempDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    @Test
    void exportAndImport_throughARealDirectory() throws IOException {
        Path directory = Files.createDirectory(tempDir.resolve("tree"));
        try (FileSystem original = sample()) {
            FsImage.exportTo(original, directory);
            assertThat(Files.readString(directory.resolve("home/link"))).isEqualTo("Hello, World!");
            try (FileSystem imported = FsImage.importFrom(directory, FsConfig.unix())) {
                assertThat(Files.readString(imported.getPath("/home/user/readme.txt")))
                        .isEqualTo("Hello, World!");
                assertThat(Files.readSymbolicLink(imported.getPath("/home/dangling")))
                        .hasToString("/nowhere");
                assertThat(Files.size(imported.getPath("/home/user/docs/big.bin")))
                        .isEqualTo((3 << 20) + 17);
            }
        }
    }

    @Test
    void flippedBit_isAChecksumMismatch_atItsRecord() throws IOException {
        Path image = tempDir.resolve("fs.img");
        try (FileSystem original = sample()) {
            FsImage.save(original, image);
        }
        byte[] bytes = Files.readAllBytes(image);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(image, bytes);
        assertThatThrownBy(() -> FsImage.load(image, FsConfig.unix()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("at offset");
    }

    @Test
    void truncatedImage_isRefused_notHalfLoaded() throws IOException {
        Path image = tempDir.resolve("fs.img");
        try (FileSystem original = sample()) {
            FsImage.save(original, image);
        }
        byte[] bytes = Files.readAllBytes(image);
        Files.write(image, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> FsImage.load(image, FsConfig.unix()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("truncated");
        Files.write(image, java.util.Arrays.copyOf(bytes, 3));
        assertThatThrownBy(() -> FsImage.load(image, FsConfig.unix())).hasMessageContaining("truncated in the header");
        Files.writeString(image, "this is not an image at all");
        assertThatThrownBy(() -> FsImage.load(image, FsConfig.unix())).hasMessageContaining("not a keel-fs image");
    }

    @Test
    void absurdRecordLength_isRefusedBeforeAllocating() throws IOException {
        Path image = tempDir.resolve("fs.img");
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.put("KEELFS".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 0);
        bytes.putInt(Integer.MAX_VALUE).putInt(0);
        Files.write(image, bytes.array());
        assertThatThrownBy(() -> FsImage.load(image, FsConfig.unix()))
                .hasMessageContaining("at offset 8: record length 2147483647");
    }

    @Test
    void save_replacesAnOldImage_andRefusesOtherFileSystems() throws IOException {
        Path image = tempDir.resolve("fs.img");
        try (FileSystem first = sample()) {
            FsImage.save(first, image);
        }
        try (FileSystem second = KeelFs.newFileSystem(FsConfig.unix())) {
            Files.writeString(second.getPath("/only"), "second");
            FsImage.save(second, image);
        }
        try (FileSystem loaded = FsImage.load(image, FsConfig.unix())) {
            assertThat(Oracle.describe(loaded.getPath("/"))).isEqualTo("only = second (links 1)\n");
        }
        assertThatThrownBy(() -> FsImage.save(java.nio.file.FileSystems.getDefault(), image))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a keel file system");
        try (var files = Files.list(tempDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fs.img");
        }
    }
}
