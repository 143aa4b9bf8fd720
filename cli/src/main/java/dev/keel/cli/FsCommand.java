package dev.keel.cli;

import dev.keel.fs.FsConfig;
import dev.keel.fs.FsImage;
import dev.keel.fs.KeelFs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keel fs [--image FILE]}: a shell over an in-memory file system, loaded from and saved to an image. */
@Command(
        name = "fs",
        mixinStandardHelpOptions = true,
        description = "A shell over keel's in-memory file system: ls, cd, mkdir, cat, echo > FILE, cp, mv, rm, ln,"
                + " find, tree, stat, du, save, load. Reads commands from standard input.",
        footer = {"", "Commands:", FsShell.HELP})
final class FsCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--image",
            paramLabel = "FILE",
            description = "Load the file system from FILE if it exists, and save it there on exit.")
    @Nullable
    Path image;

    private final InputStream in;

    FsCommand() {
        this(System.in);
    }

    FsCommand(InputStream in) {
        this.in = in;
    }

    /**
     * A terminal session through JLine: line editing, history, Tab completion of command names; Ctrl-C abandons the
     * line, Ctrl-D ends the session (and saves the image, as {@code exit} does).
     */
    private static void interactive(FsShell shell) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .completer(new StringsCompleter(FsShell.COMMANDS))
                    .build();
            while (true) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                if (!shell.run(line)) {
                    return;
                }
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        FileSystem fs;
        if (image != null) {
            if (Files.exists(image) && !Files.isRegularFile(image)) {
                throw new UserError("--image " + image + " is not a file (expected: an image saved by keel fs)");
            }
            boolean existed = Files.exists(image);
            try {
                // open, not load: it also deletes the temporary files a save interrupted by a crash left behind.
                fs = FsImage.open(image, FsConfig.unix());
            } catch (IOException e) {
                throw new UserError("--image " + image + " cannot be loaded (expected: an image saved by keel fs): "
                        + e.getMessage());
            }
            if (existed) {
                out.println("loaded " + image);
            }
        } else {
            fs = KeelFs.newFileSystem(FsConfig.unix());
        }
        FsShell shell = new FsShell(fs, out, image);
        try {
            if (System.console() != null && in == System.in) {
                interactive(shell);
            } else {
                BufferedReader input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = input.readLine()) != null && shell.run(line)) {
                    // each line runs as it is read
                }
            }
            if (image != null) {
                FsImage.save(shell.fileSystem(), image);
                out.println("saved to " + image);
            }
        } finally {
            shell.fileSystem().close();
        }
        out.flush();
        return ExitCode.OK;
    }
}
