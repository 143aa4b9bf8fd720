package dev.keel.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The {@code keel} executable: runs the command line against the real stdout and stderr, then exits with its code. */
public final class Keel {

    private Keel() {}

    public static void main(String[] args) {
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        int exitCode;
        try (PrintWriter out = new PrintWriter(System.out, true, charset);
                PrintWriter err = new PrintWriter(System.err, true, charset)) {
            exitCode = KeelCommand.run(SystemCatalog.landed(), out, err, args);
        }
        System.exit(exitCode);
    }
}
