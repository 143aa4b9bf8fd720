package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Path syntax as a table, every row checked against Linux's {@code UnixPath} (the default provider) rather than
 * against expectations written here: parsing, normalization, parents and names, and for every pair resolve,
 * startsWith, endsWith and (for normalized pairs of the same kind) relativize.
 */
final class PathTableTest {

    private static final List<String> PATHS = List.of(
            "",
            "/",
            "//",
            "a",
            "/a",
            "a/",
            "a//b",
            "/a/b/",
            "./a",
            "a/.",
            "a/./b",
            "..",
            "../a",
            "a/..",
            "a/../..",
            "/..",
            "/../a",
            "/a/../../b",
            "a/b/c/../../d",
            ".",
            "./.",
            "...",
            "a b/c d",
            "ünï/cødé",
            "a/.hidden/b",
            "///a///b///",
            "a\\b",
            "-",
            "a/b/c/d/e/f/g/h");

    private final FileSystem fs = KeelFs.newFileSystem(FsConfig.unix());

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private static String describe(Path path) {
        return path + " | normalize " + path.normalize() + " | parent " + path.getParent() + " | fileName "
                + path.getFileName() + " | root " + path.getRoot() + " | names " + path.getNameCount() + " | absolute "
                + path.isAbsolute();
    }

    @Test
    void singlePaths_matchUnixPath() {
        for (String text : PATHS) {
            assertThat(describe(fs.getPath(text))).as("path '%s'", text).isEqualTo(describe(Path.of(text)));
        }
    }

    @Test
    void pairs_matchUnixPath() {
        int checked = 0;
        for (String first : PATHS) {
            for (String second : PATHS) {
                Path keelA = fs.getPath(first);
                Path keelB = fs.getPath(second);
                Path diskA = Path.of(first);
                Path diskB = Path.of(second);
                String pair = "'" + first + "' and '" + second + "'";
                assertThat(keelA.resolve(keelB).toString())
                        .as("resolve %s", pair)
                        .isEqualTo(diskA.resolve(diskB).toString());
                assertThat(keelA.startsWith(keelB)).as("startsWith %s", pair).isEqualTo(diskA.startsWith(diskB));
                assertThat(keelA.endsWith(keelB)).as("endsWith %s", pair).isEqualTo(diskA.endsWith(diskB));
                assertThat(Integer.signum(keelA.compareTo(keelB)))
                        .as("compareTo %s", pair)
                        .isEqualTo(Integer.signum(diskA.compareTo(diskB)));
                assertThat(keelA.equals(keelB)).as("equals %s", pair).isEqualTo(diskA.equals(diskB));
                boolean normalized =
                        keelA.normalize().equals(keelA) && keelB.normalize().equals(keelB);
                if (normalized
                        && keelA.isAbsolute() == keelB.isAbsolute()
                        && !first.contains("..")
                        && !second.contains("..")) {
                    assertThat(Objects.toString(keelA.relativize(keelB)))
                            .as("relativize %s", pair)
                            .isEqualTo(Objects.toString(diskA.relativize(diskB)));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(PATHS.size() * PATHS.size());
    }
}
