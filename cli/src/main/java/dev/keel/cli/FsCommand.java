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

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        FileSystem fs;
        if (image != null && Files.exists(image)) {
            if (!Files.isRegularFile(image)) {
                throw new UserError("--image " + image + " is not a file (expected: an image saved by keel fs)");
            }
            fs = FsImage.load(image, FsConfig.unix());
            out.println("loaded " + image);
        } else {
            fs = KeelFs.newFileSystem(FsConfig.unix());
        }
        FsShell shell = new FsShell(fs, out, image);
        boolean interactive = System.console() != null && in == System.in;
        try {
            BufferedReader input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            while (true) {
                if (interactive) {
                    out.print(shell.prompt());
                    out.flush();
                }
                String line = input.readLine();
                if (line == null || !shell.run(line)) {
                    break;
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
