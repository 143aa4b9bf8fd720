package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Runs the same {@code java.nio.file} code against the real file system (a temporary directory, Linux's default
 * provider: the oracle) and against keel-fs, and checks that both give the same outcome: the same value, or
 * exceptions where keel's is an instance of the oracle's class (keel may be more precise, as
 * {@code FileSystemLoopException} for the oracle's {@code FileSystemException} with ELOOP, never less).
 */
final class Oracle implements AutoCloseable {

    /** A step of java.nio.file code, relative to a root directory; what it returns must not depend on the root. */
    @FunctionalInterface
    interface Scenario {
        @Nullable
        Object run(Path root) throws Exception;
    }

    /** What a scenario did: a value, or the class of what it threw. */
    record Outcome(
            @Nullable Object value,
            @Nullable Class<? extends Throwable> thrown,
            @Nullable Throwable cause) {
        @Override
        public String toString() {
            return thrown == null ? "value " + value : "threw " + cause;
        }
    }

    private final Path diskRoot;
    private final FileSystem keel;
    private final Path keelRoot;

    Oracle(Path tempDir) throws IOException {
        this(tempDir, "/oracle");
    }

    /**
     * An oracle whose keel root is {@code keelRoot}; links that climb above the roots with {@code ..} see the same
     * number of directories on both sides when the disk root is {@code keelRoot} under a fresh directory.
     */
    Oracle(Path diskRoot, String keelRoot) throws IOException {
        this.diskRoot = diskRoot.toRealPath();
        this.keel = KeelFs.newFileSystem(FsConfig.unix());
        this.keelRoot = Files.createDirectories(keel.getPath(keelRoot));
    }

    Path diskRoot() {
        return diskRoot;
    }

    Path keelRoot() {
        return keelRoot;
    }

    FileSystem keel() {
        return keel;
    }

    /** Runs {@code scenario} on both and asserts the same outcome; returns the oracle's. */
    Outcome check(Scenario scenario) {
        Outcome expected = run(diskRoot, scenario);
        Outcome actual = run(keelRoot, scenario);
        assertSameOutcome(expected, actual);
        return expected;
    }

    static void assertSameOutcome(Outcome expected, Outcome actual) {
        if (expected.thrown() == null) {
            assertThat(actual.thrown())
                    .as("keel threw %s where the disk returned %s", actual.cause(), expected.value())
                    .isNull();
            assertThat(actual.value()).as("value").isEqualTo(expected.value());
        } else {
            assertThat(actual.thrown())
                    .as("keel gave %s where the disk threw %s", actual, expected.cause())
                    .isNotNull();
            assertThat(expected.thrown())
                    .as("keel threw %s where the disk threw %s", actual.cause(), expected.cause())
                    .isAssignableFrom(actual.thrown());
        }
    }

    static Outcome run(Path root, Scenario scenario) {
        try {
            return new Outcome(scenario.run(root), null, null);
        } catch (Exception e) {
            Throwable cause = e;
            if (e instanceof UncheckedIOException || e instanceof DirectoryIteratorException) {
                cause = e.getCause();
            }
            return new Outcome(null, cause.getClass(), cause);
        }
    }

    /** Every entry under {@code root}, as "relative/path kind [content]" lines, sorted: a whole-tree comparison. */
    static String describe(Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        java.util.List<String> lines = new java.util.ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    lines.add(root.relativize(dir) + "/");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = root.relativize(file).toString();
                if (attrs.isSymbolicLink()) {
                    Path target = Files.readSymbolicLink(file);
                    String shown = target.isAbsolute() && target.startsWith(root)
                            ? "<root>/" + root.relativize(target)
                            : target.toString();
                    lines.add(name + " -> " + shown);
                } else {
                    lines.add(
                            name + " = " + new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)
                                    + " (links " + Files.getAttribute(file, "unix:nlink") + ")");
                }
                return FileVisitResult.CONTINUE;
            }
        });
        lines.sort(null);
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        keel.close();
    }
}
