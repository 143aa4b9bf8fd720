package dev.keel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process's or a thread's {@code stat} line from Linux's {@code /proc} (proc(5)): its name as the kernel keeps it
 * (15 characters) and the CPU it has used, in clock ticks. Harnesses read it before and after a measured interval,
 * because CPU time is the figure a loaded machine distorts least, and per thread it shows the JIT compiler and the
 * collector, which a Java profiler does not.
 *
 * <p>Immutable.
 */
public record ProcStat(String name, long userTicks, long systemTicks) {

    /** The kernel's clock tick for /proc's times; 100 on every Linux this runs on (USER_HZ). */
    public static final long NANOS_PER_TICK = 10_000_000L;

    /** Parses a {@code stat} line: "pid (name) state ..." with utime and stime as fields 14 and 15. */
    public static ProcStat parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')'); // the name may itself hold parentheses and spaces
        String[] fields = stat.substring(close + 2).split(" ");
        // fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime (field 15) fields[12].
        return new ProcStat(stat.substring(open + 1, close), Long.parseLong(fields[11]), Long.parseLong(fields[12]));
    }

    /** Reads {@code file}, a process's or a thread's {@code stat}. */
    public static ProcStat read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /**
     * The threads of the process whose {@code /proc} directory is {@code process} ({@code /proc/self} or
     * {@code /proc/PID}); none where there is no {@code /proc}. A thread that ends between the listing and its read is
     * left out: its CPU is lost to both readings around an interval.
     */
    public static List<ProcStat> threadsOf(Path process) {
        Path tasks = process.resolve("task");
        List<ProcStat> threads = new ArrayList<>();
        if (!Files.isDirectory(tasks)) {
            return threads;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(tasks)) {
            for (Path task : stream) {
                try {
                    threads.add(read(task.resolve("stat")));
                } catch (NoSuchFileException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + tasks, e);
        }
        return threads;
    }

    /** User plus system ticks. */
    public long cpuTicks() {
        return userTicks + systemTicks;
    }
}
