package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.fs.FsConfig;
import dev.keel.fs.KeelFs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class FsCommandTest {

    @TempDir
    Path tempDir;

    private static String shell(String... lines) throws IOException {
        StringWriter out = new StringWriter();
        try (FileSystem fs = KeelFs.newFileSystem(FsConfig.unix())) {
            FsShell shell = new FsShell(fs, new PrintWriter(out, true), null);
            for (String line : lines) {
                shell.run(line);
            }
        }
        return out.toString();
    }

    @Test
    void shell_commands_workTogether() throws IOException {
        String out = shell(
                "mkdir -p /home/user/docs",
                "cd /home/user",
                "pwd",
                "echo Hello, World! > readme.txt",
                "echo again >> readme.txt",
                "cat readme.txt",
                "cp readme.txt docs/copy.txt",
                "mv docs/copy.txt docs/moved.txt",
                "ln -s readme.txt link",
                "ln readme.txt hard",
                "touch empty",
                "ls",
                "find / -name '*.txt'",
                "du /home",
                "rm -r docs",
                "tree /home");
        assertThat(out).contains("/home/user\n");
        assertThat(out).contains("Hello, World!\nagain\n");
        assertThat(out).contains("docs\nempty\nhard\nlink\nreadme.txt\n");
        assertThat(out).contains("/home/user/docs/moved.txt\n/home/user/readme.txt\n");
        assertThat(out).contains("60\t/home\n");
        assertThat(out).contains("""
                /home
                └── user
                    ├── empty
                    ├── hard
                    ├── link -> readme.txt
                    └── readme.txt
                """);
    }

    @Test
    void shell_errors_printOneLine_andGoOn() throws IOException {
        String out = shell(
                "cat /missing",
                "mkdir /a",
                "mkdir /a",
                "echo x > /a/f",
                "rm /a",
                "cd /a/f",
                "ln -s /loop1 /loop2",
                "ln -s /loop2 /loop1",
                "cat /loop1",
                "frobnicate",
                "echo 'unterminated",
                "cp",
                "save",
                "pwd");
        assertThat(out.lines().toList())
                .containsExactly(
                        "cat: /missing: No such file or directory",
                        "mkdir: /a: File exists",
                        "rm: /a: Directory not empty",
                        "cd: /a/f: Not a directory",
                        "cat: /loop1: Too many levels of symbolic links",
                        "frobnicate: command not found (try: help)",
                        "keel-fs: unterminated quote '",
                        "cp: missing operand (try: help)",
                        "save: no image file: give one (save FILE), or start with --image FILE",
                        "/");
    }

    @Test
    void shell_stat_and_longListing() throws IOException {
        String out = shell("echo hi > /f", "ln /f /g", "stat /f", "ls -l /");
        assertThat(out).contains("  Size: 3  Type: regular file").contains("Links: 2");
        assertThat(out).containsPattern("-rw-r--r--   2 \\S+ +3 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d f");
    }

    @Test
    void command_withImage_savesOnExit_andLoadsNextTime() {
        Path image = tempDir.resolve("fs.img");
        String first = run(image, "mkdir -p /a/b\necho persisted > /a/b/f\nexit\n");
        assertThat(first).contains("saved to " + image);
        String second = run(image, "cat /a/b/f\n");
        assertThat(second).contains("loaded " + image).contains("persisted");
    }

    /** A temporary file a save interrupted by a crash left beside the image is deleted when the shell opens it. */
    @Test
    void command_withImage_deletesATemporaryACrashedSaveLeft() throws IOException {
        Path image = tempDir.resolve("fs.img");
        run(image, "echo kept > /f\nexit\n");
        Path abandoned = tempDir.resolve(".fs.img.4242.tmp");
        java.nio.file.Files.writeString(abandoned, "half of a newer image");
        String second = run(image, "cat /f\n");
        assertThat(second).contains("loaded " + image).contains("kept");
        assertThat(abandoned).doesNotExist();
    }

    @Test
    void command_imageThatIsADirectory_isAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine line = commandLine("", new StringWriter(), err);
        int exit = line.execute("fs", "--image", tempDir.toString());
        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("is not a file");
    }

    @Test
    void command_corruptImage_isAUsageError_namingTheOffset() throws IOException {
        Path image = tempDir.resolve("bad.img");
        java.nio.file.Files.writeString(image, "KEELFS\u0001\u0000 and then garbage");
        StringWriter err = new StringWriter();
        int exit = commandLine("", new StringWriter(), err).execute("fs", "--image", image.toString());
        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("cannot be loaded").contains("at offset 8");
    }

    private static String run(Path image, String input) {
        StringWriter out = new StringWriter();
        CommandLine line = commandLine(input, out, new StringWriter());
        assertThat(line.execute("fs", "--image", image.toString())).isZero();
        return out.toString();
    }

    /** The whole keel command line, with an fs command that reads {@code input} instead of standard input. */
    private static CommandLine commandLine(String input, StringWriter out, StringWriter err) {
        KeelSystem fs = new KeelSystem() {
            @Override
            public String name() {
                return "fs";
            }

            @Override
            public Object command() {
                return new FsCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public void demo(PrintWriter demoOut) throws IOException {
                new FsDemo(demoOut).run();
            }
        };
        return KeelCommand.newCommandLine(
                java.util.List.of(fs), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void demo_runsTheTour() {
        StringWriter out = new StringWriter();
        int exit = KeelCommand.run(
                SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(out, true), "demo", "fs");
        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("readFile      -> Hello, World!")
                .contains("listDirectory -> [readme.txt]")
                .contains("refused, /tmp-a: Too many levels of symbolic links")
                .contains("/project/src/test/java/AppTest.java");
    }
}
