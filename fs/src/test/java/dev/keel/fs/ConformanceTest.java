package dev.keel.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite: java.nio.file code only, run on the real file system (the oracle) and on keel-fs, which must
 * give the same outcome. Where a test also asserts the oracle's outcome, it is to make the scenario's point explicit,
 * not to invent one.
 */
final class ConformanceTest {

    @TempDir
    Path tempDir;

    private Oracle oracle;

    @BeforeEach
    void setUp() throws IOException {
        oracle = new Oracle(tempDir);
    }

    @AfterEach
    void tearDown() throws IOException {
        oracle.close();
    }

    private Oracle.Outcome check(Oracle.Scenario scenario) {
        return oracle.check(scenario);
    }

    private static void assertThrew(Oracle.Outcome outcome, Class<? extends Throwable> type) {
        assertThat(outcome.thrown()).as("the disk's outcome").isEqualTo(type);
    }

    private static List<String> names(Path root, Stream<Path> paths) {
        try (paths) {
            return paths.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void writeString_thenReadString_roundTripsUnicode() {
        Oracle.Outcome outcome = check(root -> {
            Path dir = Files.createDirectories(root.resolve("home/user with space/ünïcødé"));
            Files.writeString(dir.resolve("readme ✓.txt"), "Hello, Wörld! 🌍");
            return Files.readString(dir.resolve("readme ✓.txt"));
        });
        assertThat(outcome.value()).isEqualTo("Hello, Wörld! 🌍");
    }

    @Test
    void createDirectory_existing_isFileAlreadyExists() {
        assertThrew(
                check(root -> Files.createDirectory(Files.createDirectory(root.resolve("a")))),
                FileAlreadyExistsException.class);
    }

    @Test
    void createDirectory_missingParent_isNoSuchFile() {
        assertThrew(check(root -> Files.createDirectory(root.resolve("missing/a"))), NoSuchFileException.class);
    }

    @Test
    void createFile_underAFile_isNotADirectory() {
        check(root -> Files.createFile(Files.createFile(root.resolve("f")).resolve("x")));
    }

    @Test
    void createDirectories_overAFile_isFileAlreadyExists() {
        check(root -> Files.createDirectories(Files.createFile(root.resolve("f"))));
    }

    @Test
    void createDirectories_repeatedAndTrailingSlashes_areOneDirectory() {
        check(root -> {
            Files.createDirectories(root.getFileSystem().getPath(root + "//a///b/"));
            return List.of(
                    Files.isDirectory(root.resolve("a/b")),
                    root.getFileSystem().getPath("a//b/").toString());
        });
    }

    @Test
    void delete_nonEmptyDirectory_isDirectoryNotEmpty() {
        assertThrew(
                check(root -> {
                    Files.createFile(Files.createDirectory(root.resolve("d")).resolve("f"));
                    Files.delete(root.resolve("d"));
                    return null;
                }),
                DirectoryNotEmptyException.class);
    }

    @Test
    void delete_missing_isNoSuchFile_andDeleteIfExistsIsFalse() {
        assertThrew(
                check(root -> {
                    Files.delete(root.resolve("nope"));
                    return null;
                }),
                NoSuchFileException.class);
        check(root -> Files.deleteIfExists(root.resolve("nope")));
    }

    @Test
    void delete_pathEndingInDot_isRefused() {
        check(root -> {
            Files.createDirectory(root.resolve("d"));
            Files.delete(root.resolve("d/."));
            return null;
        });
    }

    @Test
    void move_ontoExistingFile_needsReplaceExisting() {
        check(root -> {
            Files.writeString(root.resolve("a"), "A");
            Files.writeString(root.resolve("b"), "B");
            return Files.move(root.resolve("a"), root.resolve("b"));
        });
        check(root -> {
            Files.writeString(root.resolve("c"), "C");
            Files.move(root.resolve("c"), root.resolve("b"), StandardCopyOption.REPLACE_EXISTING);
            return List.of(Files.readString(root.resolve("b")), Files.exists(root.resolve("c")));
        });
    }

    @Test
    void move_directoryIntoItself_isRefused() {
        check(root -> {
            Files.createDirectories(root.resolve("d/sub"));
            return Files.move(root.resolve("d"), root.resolve("d/sub/d"));
        });
        check(root -> Files.move(root.resolve("d"), root.resolve("d/sub/x"), StandardCopyOption.ATOMIC_MOVE));
    }

    @Test
    void move_atomic_replacesFileAndEmptyDirectory_refusesNonEmptyAndKindChanges() {
        check(root -> {
            Files.writeString(root.resolve("a"), "A");
            Files.writeString(root.resolve("b"), "B");
            Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.ATOMIC_MOVE);
            return Files.readString(root.resolve("b"));
        });
        check(root -> {
            Files.createDirectories(root.resolve("d1"));
            Files.createDirectories(root.resolve("d2"));
            Files.move(root.resolve("d1"), root.resolve("d2"), StandardCopyOption.ATOMIC_MOVE);
            return Files.exists(root.resolve("d1"));
        });
        check(root -> {
            Files.createDirectories(root.resolve("d3/x"));
            return Files.move(root.resolve("d2"), root.resolve("d3"), StandardCopyOption.ATOMIC_MOVE);
        });
        check(root -> Files.move(root.resolve("b"), root.resolve("d2"), StandardCopyOption.ATOMIC_MOVE));
        check(root -> Files.move(root.resolve("d2"), root.resolve("b"), StandardCopyOption.ATOMIC_MOVE));
    }

    @Test
    void move_directoryWithContent_keepsTheContent() {
        check(root -> {
            Files.createDirectories(root.resolve("a/b/c"));
            Files.writeString(root.resolve("a/b/c/f"), "deep");
            Files.move(root.resolve("a"), root.resolve("z"));
            return List.of(Files.readString(root.resolve("z/b/c/f")), Files.exists(root.resolve("a")));
        });
    }

    @Test
    void move_nonEmptyDirectoryOverNonEmpty_isDirectoryNotEmpty() {
        check(root -> {
            Files.createDirectories(root.resolve("a/x"));
            Files.createDirectories(root.resolve("b/y"));
            return Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.REPLACE_EXISTING);
        });
    }

    @Test
    void move_hardLinkOntoItsOtherName_doesNothing() {
        check(root -> {
            Files.writeString(root.resolve("a"), "A");
            Files.createLink(root.resolve("b"), root.resolve("a"));
            Files.move(root.resolve("a"), root.resolve("b"));
            return List.of(Files.exists(root.resolve("a")), Files.exists(root.resolve("b")));
        });
    }

    @Test
    void copy_fileDirectoryAndLink() {
        check(root -> {
            Files.writeString(root.resolve("a"), "A");
            Files.createDirectories(root.resolve("d/inner"));
            Files.createSymbolicLink(root.resolve("l"), root.getFileSystem().getPath("a"));
            Files.copy(root.resolve("a"), root.resolve("a2"));
            Files.copy(root.resolve("d"), root.resolve("d2"));
            Files.copy(root.resolve("l"), root.resolve("l2"), LinkOption.NOFOLLOW_LINKS);
            Files.copy(root.resolve("l"), root.resolve("l3"));
            return Oracle.describe(root);
        });
        assertThrew(check(root -> Files.copy(root.resolve("a"), root.resolve("a2"))), FileAlreadyExistsException.class);
        check(root -> Files.copy(root.resolve("a"), root.resolve("d"), StandardCopyOption.REPLACE_EXISTING));
    }

    @Test
    void copy_withAttributes_keepsTheModificationTime() {
        check(root -> {
            Path a = Files.writeString(root.resolve("a"), "A");
            Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));
            Files.copy(a, root.resolve("b"), StandardCopyOption.COPY_ATTRIBUTES);
            return Files.getLastModifiedTime(root.resolve("b"));
        });
    }

    @Test
    void listAndWalkAndFind_giveTheSameEntries() {
        check(root -> {
            for (String dir : List.of("src/main/java", "src/test/java", "docs")) {
                Files.createDirectories(root.resolve(dir));
            }
            for (String file : List.of("src/main/java/A.java", "src/test/java/ATest.java", "docs/a.md", "README")) {
                Files.writeString(root.resolve(file), file);
            }
            PathMatcher java = root.getFileSystem().getPathMatcher("glob:**.java");
            List<Object> result = new ArrayList<>();
            result.add(names(root, Files.list(root)));
            result.add(names(root, Files.walk(root)));
            result.add(names(root, Files.walk(root, 1)));
            result.add(names(root, Files.find(root, 10, (p, a) -> java.matches(p))));
            try (DirectoryStream<Path> md = Files.newDirectoryStream(root.resolve("docs"), "*.{md,txt}")) {
                List<String> found = new ArrayList<>();
                md.forEach(p -> found.add(p.getFileName().toString()));
                result.add(found);
            }
            return result;
        });
    }

    @Test
    void newDirectoryStream_onAFile_isNotADirectory() {
        assertThrew(
                check(root -> Files.newDirectoryStream(Files.createFile(root.resolve("f")))),
                NotDirectoryException.class);
    }

    @Test
    void symbolicLinks_readFollowAndDangle() {
        check(root -> {
            Files.writeString(root.resolve("target"), "T");
            Path link = Files.createSymbolicLink(
                    root.resolve("link"), root.getFileSystem().getPath("target"));
            Path dangling = Files.createSymbolicLink(
                    root.resolve("dangling"), root.getFileSystem().getPath("none"));
            return List.of(
                    Files.readSymbolicLink(link).toString(),
                    Files.readString(link),
                    Files.isSymbolicLink(link),
                    Files.isRegularFile(link),
                    Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS),
                    Files.exists(dangling),
                    Files.exists(dangling, LinkOption.NOFOLLOW_LINKS),
                    Files.notExists(dangling));
        });
        assertThrew(check(root -> Files.readSymbolicLink(root.resolve("target"))), NotLinkException.class);
    }

    @Test
    void symbolicLinkLoop_isRefusedWithALoopError() {
        Oracle.Outcome outcome = check(root -> {
            Files.createSymbolicLink(root.resolve("a"), root.getFileSystem().getPath("b"));
            Files.createSymbolicLink(root.resolve("b"), root.getFileSystem().getPath("a"));
            return Files.readAttributes(root.resolve("a"), "size");
        });
        assertThat(outcome.thrown()).isEqualTo(FileSystemException.class);
        check(root -> List.of(Files.exists(root.resolve("a")), Files.isSymbolicLink(root.resolve("a"))));
        check(root -> Files.readString(root.resolve("a/x")));
        check(root -> Files.newByteChannel(root.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.WRITE));
    }

    @Test
    void walkFollowingLinks_detectsACycle_andToRealPathOfADanglingLinkFails() {
        Oracle.Outcome outcome = check(root -> {
            Files.createDirectories(root.resolve("a/b"));
            Files.createSymbolicLink(
                    root.resolve("a/b/up"), root.getFileSystem().getPath(".."));
            try (Stream<Path> walk = Files.walk(root.resolve("a"), java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                return walk.count();
            }
        });
        assertThat(outcome.thrown()).isEqualTo(java.nio.file.FileSystemLoopException.class);
        check(root -> {
            Files.createSymbolicLink(
                    root.resolve("dangling"), root.getFileSystem().getPath("nowhere"));
            return root.resolve("dangling").toRealPath();
        });
    }

    @Test
    void dotDotAfterALink_isPhysical() {
        Oracle.Outcome outcome = check(root -> {
            Files.createDirectories(root.resolve("a/b"));
            Files.writeString(root.resolve("a/x"), "under a");
            Files.writeString(root.resolve("x"), "under root");
            Files.createSymbolicLink(root.resolve("l"), root.getFileSystem().getPath("a/b"));
            return List.of(
                    Files.readString(root.resolve("l/../x")),
                    root.relativize(root.resolve("l/..").toRealPath()).toString(),
                    root.relativize(root.resolve("l").toRealPath()).toString(),
                    root.resolve("l")
                            .toRealPath(LinkOption.NOFOLLOW_LINKS)
                            .getFileName()
                            .toString());
        });
        assertThat(((List<?>) outcome.value()).getFirst()).isEqualTo("under a");
    }

    @Test
    void hardLinks_shareContent_andOutliveEachOther() {
        check(root -> {
            Files.writeString(root.resolve("a"), "one");
            Files.createLink(root.resolve("b"), root.resolve("a"));
            Files.writeString(root.resolve("b"), "two");
            List<Object> result = new ArrayList<>();
            result.add(Files.readString(root.resolve("a")));
            result.add(Files.getAttribute(root.resolve("a"), "unix:nlink"));
            result.add(Files.isSameFile(root.resolve("a"), root.resolve("b")));
            Files.delete(root.resolve("a"));
            result.add(Files.readString(root.resolve("b")));
            result.add(Files.getAttribute(root.resolve("b"), "unix:nlink"));
            return result;
        });
        check(root -> Files.createLink(root.resolve("d2"), Files.createDirectory(root.resolve("d"))));
        check(root -> Files.createLink(root.resolve("b"), root.resolve("d")));
        check(root -> Files.createLink(root.resolve("c"), root.resolve("missing")));
    }

    @Test
    void directoryLinkCount_countsSubdirectories() {
        check(root -> {
            Files.createDirectories(root.resolve("d/x"));
            Files.createDirectories(root.resolve("d/y"));
            Files.createFile(root.resolve("d/f"));
            return Files.getAttribute(root.resolve("d"), "unix:nlink");
        });
    }

    @Test
    void fileChannel_positionsSizeTruncateAndGaps() {
        check(root -> {
            List<Object> result = new ArrayList<>();
            try (FileChannel channel = FileChannel.open(
                    root.resolve("f"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap("hello".getBytes(UTF_8)));
                result.add(channel.position());
                channel.write(ByteBuffer.wrap("X".getBytes(UTF_8)), 10);
                result.add(channel.size());
                result.add(channel.position());
                ByteBuffer buffer = ByteBuffer.allocate(20);
                result.add(channel.read(buffer, 3));
                result.add(new String(buffer.array(), 0, 8, UTF_8));
                channel.truncate(3);
                result.add(channel.size());
                result.add(channel.position());
                channel.position(100);
                result.add(channel.read(ByteBuffer.allocate(1)));
                result.add(channel.read(ByteBuffer.allocate(0), 100));
                channel.truncate(50);
                result.add(channel.size());
            }
            result.add(Files.readString(root.resolve("f")));
            return result;
        });
    }

    @Test
    void appendAndTruncateOptions() {
        check(root -> {
            Path f = root.resolve("f");
            Files.writeString(f, "abc");
            Files.writeString(f, "def", StandardOpenOption.APPEND);
            try (SeekableByteChannel channel = Files.newByteChannel(f, StandardOpenOption.APPEND)) {
                channel.position(0);
                channel.write(ByteBuffer.wrap("!".getBytes(UTF_8)));
            }
            String appended = Files.readString(f);
            try (OutputStream out = Files.newOutputStream(f)) {
                out.write('z');
            }
            return List.of(appended, Files.readString(f));
        });
        check(root -> Files.newByteChannel(root.resolve("f"), StandardOpenOption.APPEND, StandardOpenOption.READ));
        check(root -> Files.newByteChannel(
                root.resolve("f"), StandardOpenOption.APPEND, StandardOpenOption.TRUNCATE_EXISTING));
        check(root -> Files.writeString(root.resolve("f"), "x", StandardOpenOption.CREATE_NEW));
        check(root -> Files.readString(root.resolve("missing")));
    }

    @Test
    void inputStream_readsAllAndSkips() {
        check(root -> {
            Files.write(root.resolve("f"), new byte[] {1, 2, 3, 4, 5});
            try (InputStream in = Files.newInputStream(root.resolve("f"))) {
                long skipped = in.skip(2);
                return List.of(skipped, in.read(), List.of(in.readAllBytes().length));
            }
        });
    }

    @Test
    void directories_cannotBeWrittenOrReadAsFiles() {
        check(root -> Files.writeString(Files.createDirectory(root.resolve("d")), "x"));
        check(root -> Files.readString(root.resolve("d")));
    }

    @Test
    void openOptions_withLinks() {
        check(root -> {
            Files.createSymbolicLink(
                    root.resolve("dangling"), root.getFileSystem().getPath("created"));
            Files.writeString(root.resolve("dangling"), "through the link");
            return List.of(Files.readString(root.resolve("created")), Files.isSymbolicLink(root.resolve("dangling")));
        });
        check(root ->
                Files.newByteChannel(root.resolve("dangling"), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        check(root -> Files.writeString(root.resolve("dangling"), "x", StandardOpenOption.CREATE_NEW));
    }

    @Test
    void nameTooLong_isRefused_butTheLongestNameWorks() {
        check(root -> Files.createFile(root.resolve("n".repeat(255)))
                .getFileName()
                .toString()
                .length());
        check(root -> Files.createFile(root.resolve("n".repeat(256))));
        check(root -> Files.createFile(root.resolve("é".repeat(128))));
        check(root -> Files.exists(root.resolve("m".repeat(300))));
    }

    @Test
    void attributes_basicPosixAndTimes() {
        check(root -> {
            Path f = Files.writeString(root.resolve("f"), "12345");
            Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2021-06-07T08:09:10.123456789Z")));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
            Map<String, Object> posix = Files.readAttributes(f, "posix:*");
            return List.of(
                    new TreeSet<>(posix.keySet()),
                    posix.get("size"),
                    posix.get("isRegularFile"),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
                    Files.getLastModifiedTime(f),
                    Files.size(f),
                    Files.isDirectory(root),
                    Files.isHidden(root.resolve(".hidden")));
        });
        check(root -> Files.readAttributes(root.resolve("f"), "nosuchview:*"));
        check(root -> Files.readAttributes(root.resolve("f"), "basic:nosuchattribute"));
        check(root -> PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(
                root.resolve("g"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx"))))));
    }

    @Test
    void paths_normalizeResolveRelativize_asUnixPath() {
        check(root -> {
            var fs = root.getFileSystem();
            List<String> result = new ArrayList<>();
            for (String s : List.of("a/./b/../c", "/../a", "../../a/b", ".", "", "a/..", "/", "//a//b//", "a/b/")) {
                Path p = fs.getPath(s);
                result.add(p + "|" + p.normalize() + "|" + p.getNameCount() + "|" + p.getFileName() + "|"
                        + p.getParent() + "|" + p.isAbsolute());
            }
            result.add(fs.getPath("/a/b").relativize(fs.getPath("/a/c/d")).toString());
            result.add(fs.getPath("a").resolve("/b").toString());
            result.add(fs.getPath("a/b/c").subpath(1, 3).toString());
            result.add(String.valueOf(fs.getPath("/a/b").startsWith("/a")));
            result.add(String.valueOf(fs.getPath("a/b").endsWith("b")));
            result.add(String.valueOf(fs.getPath("a/b").startsWith("a/b/c")));
            return result;
        });
    }
}
