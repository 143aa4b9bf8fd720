package dev.keel.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A child JVM running one main class, for crash tests: it prints what it has made durable, one line at a time, and
 * the test {@linkplain #kill9() kills it with SIGKILL} at a moment of its choosing, then checks that everything
 * acknowledged survived.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.start(AppendForever.class, dir.toString())) {
 *     String ack = child.awaitLine(Duration.ofSeconds(30));   // the child is up and appending
 *     child.kill9();
 *     List<String> acknowledged = child.stdoutLines();
 * }
 * }</pre>
 *
 * <p>The child runs with this JVM's {@code java} executable and class path (and module path, flattened onto the class
 * path, so a test class's {@code main} works however Surefire launched us). Its stdout is read line by line by a
 * daemon virtual thread; its stderr is kept for diagnostics and appended to every failure message.
 *
 * <p>Thread-safe. {@link #close()} kills the child if it is still alive and waits for it.
 */
public final class ChildJvm implements AutoCloseable {

    private static final String END_OF_OUTPUT = new String("<end of output>");

    private final Process process;
    private final String description;
    private final BlockingQueue<String> pendingLines = new LinkedBlockingQueue<>();
    private final List<String> stdout = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private ChildJvm(Process process, String description) {
        this.process = process;
        this.description = description;
        this.stdoutReader = Thread.ofVirtual()
                .name("child-jvm-stdout-" + process.pid())
                .start(() -> pump(process.getInputStream(), this::acceptStdout, () -> pendingLines.add(END_OF_OUTPUT)));
        this.stderrReader = Thread.ofVirtual()
                .name("child-jvm-stderr-" + process.pid())
                .start(() -> pump(process.getErrorStream(), this::acceptStderr, () -> {}));
    }

    /** Starts {@code mainClass} with {@code args} in a new JVM. */
    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        return start(mainClass, List.of(), List.of(args));
    }

    /** Starts {@code mainClass} with extra JVM options (such as {@code -Xmx64m}) and {@code args}. */
    public static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        return new ChildJvm(process, mainClass.getSimpleName() + " (pid " + process.pid() + ")");
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The next line the child printed that no earlier call returned, waiting up to {@code timeout} for it.
     *
     * @throws AssertionError if the child printed nothing more within the timeout, or exited first; the message holds
     *     the child's stderr
     */
    public String awaitLine(Duration timeout) throws InterruptedException {
        String line = pendingLines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new AssertionError("no line from " + description + " within " + timeout + stderrSuffix());
        }
        if (line == END_OF_OUTPUT) {
            pendingLines.add(END_OF_OUTPUT);
            throw new AssertionError(description + " closed its output before printing another line" + stderrSuffix());
        }
        return line;
    }

    /**
     * Sends SIGKILL ({@code kill -9}): the child gets no chance to flush, close or run shutdown hooks, as in a power
     * cut of the process. Waits for it to die and for its output to be read completely.
     *
     * @return the exit code (137 on Linux for a killed process)
     */
    public int kill9() throws InterruptedException {
        process.destroyForcibly();
        return awaitTermination();
    }

    /** Waits up to {@code timeout} for the child to exit on its own and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError(description + " did not exit within " + timeout + stderrSuffix());
        }
        return awaitTermination();
    }

    /** Every line the child printed to stdout so far, complete once the child has exited. */
    public List<String> stdoutLines() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    /** What the child printed to stderr so far. */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /**
     * Kills the child if it is still alive and waits for it. If this thread is interrupted while waiting, the child
     * has still been sent SIGKILL; the interrupt status is restored rather than thrown, since a close that throws
     * {@code InterruptedException} would mask the test's own failure in try-with-resources.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ChildJvm[" + description + "]";
    }

    private int awaitTermination() throws InterruptedException {
        int exit = process.waitFor();
        stdoutReader.join();
        stderrReader.join();
        return exit;
    }

    private void acceptStdout(String line) {
        synchronized (stdout) {
            stdout.add(line);
        }
        pendingLines.add(line);
    }

    private void acceptStderr(String line) {
        synchronized (stderr) {
            stderr.append(line).append('\n');
        }
    }

    private String stderrSuffix() {
        String err = stderr();
        return err.isEmpty() ? "; it printed nothing on stderr" : "; its stderr:\n" + err;
    }

    private void pump(InputStream stream, Consumer<String> sink, Runnable atEnd) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            boolean failedOnce = false;
            while (true) {
                String line;
                try {
                    line = reader.readLine();
                } catch (IOException e) {
                    // When the child exits, the JDK moves the bytes still in its pipe into a buffer and closes the
                    // pipe (ProcessImpl's processExited): a read blocked on the pipe then fails, and the next read
                    // returns those bytes. Stopping at the first failure lost the child's last lines (seen once: a
                    // kill -9 test saw an acknowledgement fewer than the child had printed). A second failure is
                    // real: what was read is kept and the error goes with the diagnostics.
                    if (failedOnce) {
                        acceptStderr("<keel: reading the child's output failed: " + e + ">");
                        return;
                    }
                    failedOnce = true;
                    continue;
                }
                if (line == null) {
                    return;
                }
                sink.accept(line);
            }
        } catch (IOException e) {
            acceptStderr("<keel: closing the child's output failed: " + e + ">");
        } finally {
            atEnd.run();
        }
    }

    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String property : new String[] {"java.class.path", "jdk.module.path"}) {
            @Nullable String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.add(value);
            }
        }
        if (entries.isEmpty()) {
            throw new UncheckedIOException(new IOException("neither java.class.path nor jdk.module.path is set"));
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
