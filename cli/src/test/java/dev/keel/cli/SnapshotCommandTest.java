package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SnapshotCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path script(Path dir, String text) throws Exception {
        Path file = dir.resolve("script.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void script_everyCommand_printsVersionsValuesAndDiffs(@TempDir Path dir) throws Exception {
        Path file = script(dir, """
                # a comment, then every command
                set name Alice Smith
                set age 30
                batch set age 31; delete name; set city NYC
                get name 2
                get name
                show 2
                show
                diff 2 3
                versions
                """);
        Run run = keel("snapshot", "script", file.toString(), "--retain", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("""
                        version 1
                        version 2
                        version 3
                        Alice Smith
                        (absent)
                        version 2: {age=30, name=Alice Smith}
                        version 3: {age=31, city=NYC}
                        """
                        + run.out()
                                .lines()
                                .skip(7)
                                .limit(3)
                                .map(line -> line + "\n")
                                .reduce("", String::concat)
                        + "[1, 2, 3]\n");
        assertThat(run.out().lines().skip(7).limit(3).toList())
                .containsExactlyInAnyOrder("~ age: 30 -> 31", "- name = Alice Smith", "+ city = NYC");
    }

    @Test
    void script_badLines_exitTwoNamingLineAndValue_stopAtTheFirst(@TempDir Path dir) throws Exception {
        assertError(dir, "sett a 1", "line 1 ('sett a 1'): unknown command 'sett' (expected one of: set, delete");
        assertError(dir, "set a", "line 1 ('set a'): expected: set KEY VALUE");
        assertError(dir, "set a 1\nget a x", "line 2 ('get a x'): version 'x' is not a number");
        assertError(
                dir, "show 9", "line 1 ('show 9'): version 9 does not exist (expected: 0 to the current version, 0)");
        assertError(dir, "batch set a 1; frob b", "batch write 'frob b' (expected: set KEY VALUE or delete KEY");
        assertError(dir, "delete a b", "unexpected 'b' (expected: delete KEY)");
        assertError(dir, "diff 0", "expected: diff FROM TO");
        Run retain = keel("snapshot", "script", script(dir, "versions").toString(), "--retain", "0");
        assertThat(retain.exitCode()).isEqualTo(2);
        assertThat(retain.err()).contains("--retain 0 (expected: 1 to 16777216)");
        Run missing = keel("snapshot", "script", dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("script file '" + dir.resolve("nope.txt") + "' does not exist");
    }

    private static void assertError(Path dir, String text, String expected) throws Exception {
        Run run = keel("snapshot", "script", script(dir, text).toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).contains(expected).doesNotContain("Exception");
    }

    @Test
    void demo_runsSeedExampleDiffAndIsolatedReader() {
        Run run = keel("demo", "snapshot");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("data.snapshot(0)         -> {age=30, name=Alice}")
                .contains("    age = 31")
                .contains("~ age: 30 -> 31", "+ city = NYC")
                .contains("the reader saw  {a=1, b=2, c=3, d=4}")
                .contains("now at version 30000");
    }
}
