package dev.keel.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of operations on keel-fs and on the real file system, compared step by step (same value or same
 * exception type) and as whole trees at the end. The names come from a small pool so that operations collide:
 * creating what exists, deleting what is not empty, moving into a file, following links that dangle or loop.
 */
@ExtendWith(SeedExtension.class)
final class DifferentialPropertyTest {

    private static final int SEQUENCES = 25;
    private static final int STEPS = 60;

    private static final List<String> PATHS = List.of(
            "a", "b", "c", "d", "d/a", "d/b", "d/e", "d/e/a", "e", "e/a", "l", "d/l", "a/x", "l/a", "d/../b", "./c");
    private static final List<String> LINK_TARGETS = List.of("a", "d", "../a", "e", "l", "missing", "d/e", "/", "..");

    @TempDir
    Path tempDir;

    @Test
    void randomOperations_matchTheRealFileSystem(SeededRandom random) throws Exception {
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            Path disk = Files.createDirectories(tempDir.resolve("s" + sequence + "/p/q/oracle"));
            try (Oracle oracle = new Oracle(disk, "/p/q/oracle")) {
                List<String> transcript = new ArrayList<>();
                for (int step = 0; step < STEPS; step++) {
                    Oracle.Scenario operation = randomOperation(random, transcript);
                    Oracle.Outcome expected = Oracle.run(oracle.diskRoot(), operation);
                    Oracle.Outcome actual = Oracle.run(oracle.keelRoot(), operation);
                    try {
                        Oracle.assertSameOutcome(expected, actual);
                    } catch (AssertionError e) {
                        throw new AssertionError(
                                "sequence " + sequence + " diverged at step " + step + ": " + transcript.getLast()
                                        + "\ndisk:\n" + Oracle.describe(oracle.diskRoot()) + "keel:\n"
                                        + Oracle.describe(oracle.keelRoot()) + e.getMessage(),
                                e);
                    }
                }
                assertThat(Oracle.describe(oracle.keelRoot()))
                        .as("the whole tree after:\n%s", String.join("\n", transcript))
                        .isEqualTo(Oracle.describe(oracle.diskRoot()));
            }
        }
    }

    private static Oracle.Scenario randomOperation(SeededRandom random, List<String> transcript) {
        String p = random.pick(PATHS);
        String q = random.pick(PATHS);
        String text = "t" + random.nextInt(100);
        int kind = random.nextInt(14);
        transcript.add(kind + " " + p + " " + q + " " + text);
        return switch (kind) {
            case 0 -> root -> Files.createFile(root.resolve(p)) != null;
            case 1 -> root -> Files.createDirectory(root.resolve(p)) != null;
            case 2 -> root -> Files.writeString(root.resolve(p), text) != null;
            case 3 ->
                root -> Files.writeString(root.resolve(p), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                        != null;
            case 4 -> root -> Files.readString(root.resolve(p), UTF_8);
            case 5 -> root -> Files.move(root.resolve(p), root.resolve(q)) != null;
            case 6 -> root -> Files.move(root.resolve(p), root.resolve(q), StandardCopyOption.REPLACE_EXISTING) != null;
            case 7 -> root -> Files.copy(root.resolve(p), root.resolve(q)) != null;
            case 8 -> root -> Files.createLink(root.resolve(p), root.resolve(q)) != null;
            case 9 -> {
                String target = random.pick(LINK_TARGETS);
                transcript.set(transcript.size() - 1, kind + " symlink " + p + " -> " + target);
                yield root -> Files.createSymbolicLink(
                                root.resolve(p),
                                target.equals("/") ? root : root.getFileSystem().getPath(target))
                        != null;
            }
            case 10 ->
                root -> {
                    Files.delete(root.resolve(p));
                    return true;
                };
            case 11 ->
                root -> {
                    try (Stream<Path> list = Files.list(root.resolve(p))) {
                        return list.map(each -> each.getFileName().toString())
                                .sorted()
                                .toList();
                    }
                };
            case 12 ->
                root -> List.of(
                        Files.exists(root.resolve(p)),
                        Files.isDirectory(root.resolve(p)),
                        Files.isSymbolicLink(root.resolve(p)),
                        Files.isRegularFile(root.resolve(p), LinkOption.NOFOLLOW_LINKS));
            default ->
                root -> {
                    var attributes = Files.readAttributes(root.resolve(p), "unix:size,nlink,isRegularFile");
                    return attributes.get("isRegularFile").equals(Boolean.TRUE) ? attributes : attributes.get("nlink");
                };
        };
    }
}
