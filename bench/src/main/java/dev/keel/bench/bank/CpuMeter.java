package dev.keel.bench.bank;

import dev.keel.bench.ProcStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time of this JVM, and of the ledger's own threads in it (those named {@code keel-bank-*}: the sequencer, its
 * commit thread, the snapshot writer), read at the start and end of a measured window. CPU per transfer is the
 * measure a loaded machine distorts least: a busy neighbour delays the ledger's threads but does not make them do
 * more work. For a target in another process (PostgreSQL, the HTTP server) only the client side is in this JVM.
 *
 * <p>Not thread-safe: read by the harness's thread.
 */
final class CpuMeter {

    /**
     * CPU nanoseconds used so far by the whole JVM and by its {@code keel-bank-*} threads, and the part of the latter
     * spent in the kernel (system calls: write, fdatasync, futex wake-ups), from {@code /proc} (0 where there is none);
     * and the voluntary context switches of all the JVM's threads (each time a thread blocked: a client waiting for its
     * answer, the sequencer waiting for work or for an fsync, a hand-off between threads), which no load distorts.
     */
    record Reading(long processNanos, long ledgerNanos, long ledgerKernelNanos, long voluntarySwitches) {
        Reading minus(Reading start) {
            return new Reading(
                    processNanos - start.processNanos,
                    ledgerNanos - start.ledgerNanos,
                    ledgerKernelNanos - start.ledgerKernelNanos,
                    voluntarySwitches - start.voluntarySwitches);
        }
    }

    private static final String LEDGER_THREADS = "keel-bank-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    Reading read() {
        long ledger = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(LEDGER_THREADS)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    ledger += cpu; // -1 for a thread that ended in between: its time is lost to both readings
                }
            }
        }
        long[] kernel = kernelCounters();
        return new Reading(os.getProcessCpuTime(), ledger, kernel[0], kernel[1]);
    }

    /**
     * From /proc: the system time of the threads whose name (as the kernel keeps it: 15 chars) starts with
     * keel-bank-, and the voluntary context switches of every thread; zeros where there is no /proc.
     */
    private static long[] kernelCounters() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new long[2];
        }
        long ticks = 0;
        long switches = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(tasks)) {
            for (Path task : stream) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            switches += Long.parseLong(
                                    line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                    if (!Files.readString(task.resolve("comm")).startsWith(LEDGER_THREADS)) {
                        continue;
                    }
                    ticks += ProcStat.read(task.resolve("stat")).systemTicks();
                } catch (NoSuchFileException e) {
                    // the thread ended between the listing and the read: its counts are lost to both readings
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + tasks, e);
        }
        return new long[] {ticks * ProcStat.NANOS_PER_TICK, switches};
    }
}
