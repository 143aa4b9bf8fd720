package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Glob and regex matching, as a table checked against the default provider's matcher (the oracle). */
final class GlobTest {

    private static final List<String> GLOBS = List.of(
            "*.java",
            "**.java",
            "**/*.java",
            "*",
            "**",
            "?.txt",
            "[abc].txt",
            "[!abc].txt",
            "[a-c]*",
            "[!a-c]*",
            "{foo,bar}.md",
            "src/{main,test}/**",
            "a\\*b",
            "*.{java,kt}",
            "[-a]x",
            "a?c",
            "\\{x\\}",
            "*[0-9]",
            "**/",
            ".*",
            "a.b",
            "a+b(c)",
            "x^y$");
    private static final List<String> PATHS = List.of(
            "A.java",
            "src/A.java",
            "src/main/java/A.java",
            "a.txt",
            "d.txt",
            "b",
            "foo.md",
            "baz.md",
            "src/main/x",
            "src/test/y/z",
            "a*b",
            "axb",
            "A.kt",
            "-x",
            "ax",
            "abc",
            "a/c",
            "{x}",
            "f9",
            "dir/",
            ".hidden",
            "a.b",
            "aXb",
            "a+b(c)",
            "x^y$",
            "");

    private final FileSystem fs = KeelFs.newFileSystem(FsConfig.unix());

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    @Test
    void globTable_matchesTheDefaultProvider() {
        int checked = 0;
        for (String glob : GLOBS) {
            PathMatcher expected = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            PathMatcher actual = fs.getPathMatcher("glob:" + glob);
            for (String path : PATHS) {
                assertThat(actual.matches(fs.getPath(path)))
                        .as("glob %s on %s", glob, path)
                        .isEqualTo(expected.matches(Path.of(path)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(GLOBS.size() * PATHS.size());
    }

    @Test
    void regexAndSyntaxNames() {
        assertThat(fs.getPathMatcher("regex:.*\\.java").matches(fs.getPath("src/A.java")))
                .isTrue();
        assertThat(fs.getPathMatcher("GLOB:*.java").matches(fs.getPath("A.java")))
                .isTrue();
        assertThatThrownBy(() -> fs.getPathMatcher("*.java"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be syntax:pattern");
        assertThatThrownBy(() -> fs.getPathMatcher("wild:*"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Syntax 'wild' not recognized");
    }

    @Test
    void malformedGlobs_arePatternSyntaxErrors_likeTheDefaultProvider() {
        for (String glob : List.of("[abc", "{a,{b}}", "{a", "a\\", "[a/b]", "[c-a]")) {
            assertThatThrownBy(() -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                    .as("the oracle on %s", glob)
                    .isInstanceOf(PatternSyntaxException.class);
            assertThatThrownBy(() -> fs.getPathMatcher("glob:" + glob))
                    .as("keel on %s", glob)
                    .isInstanceOf(PatternSyntaxException.class);
        }
    }
}
