package dev.keel.bench;

import dev.keel.time.Ticker;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the harness writes: the report (markdown) to standard output and, with {@code --out}, to a file, line by line
 * as sections finish so that a long run's results are not lost to a late failure; progress, with the time since the
 * start, to standard error. UTF-8 throughout, whatever the locale, because the tables say "µs". Not thread-safe: the
 * main thread writes.
 */
public final class Report implements AutoCloseable {

    private final String name;
    private final PrintStream out;
    private final PrintStream err;
    private final @Nullable BufferedWriter file;
    private final Ticker ticker;
    private final long start;

    private Report(String name, PrintStream out, PrintStream err, @Nullable BufferedWriter file, Ticker ticker) {
        this.name = name;
        this.out = out;
        this.err = err;
        this.file = file;
        this.ticker = ticker;
        this.start = ticker.read();
    }

    /**
     * A report to this process's standard output and error, and to {@code file} if present (replaced); {@code name}
     * (the harness's) prefixes failures.
     */
    public static Report toStandardStreams(String name, Optional<Path> file, Ticker ticker) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BufferedWriter writer = null;
        if (file.isPresent()) {
            Path parent = file.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8);
        }
        return new Report(name, out, err, writer, ticker);
    }

    /** One line of the report. */
    public void line(String text) throws IOException {
        out.println(text);
        if (file != null) {
            file.write(text);
            file.newLine();
            file.flush();
        }
    }

    public void lines(List<String> texts) throws IOException {
        for (String text : texts) {
            line(text);
        }
    }

    /** A progress line on standard error, prefixed with the elapsed time. */
    public void progress(String text) {
        long seconds = (ticker.read() - start) / 1_000_000_000L;
        err.println(String.format(Locale.ROOT, "[%d:%02d] %s", seconds / 60, seconds % 60, text));
    }

    /** A failure, with its stack trace, on standard error. */
    public void failure(String what, Throwable error) {
        err.println(name + ": " + what + ": " + error);
        error.printStackTrace(err);
    }

    @Override
    public void close() throws IOException {
        try {
            if (file != null) {
                file.close();
            }
        } finally {
            out.flush();
            err.flush();
        }
    }
}
