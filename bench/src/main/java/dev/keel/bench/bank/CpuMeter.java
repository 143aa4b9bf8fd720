package dev.keel.bench.bank;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this JVM, and of the ledger's own threads in it (those named {@code keel-bank-*}: the sequencer, its
 * commit thread, the snapshot writer), read at the start and end of a measured window. CPU per transfer is the
 * measure a loaded machine distorts least: a busy neighbour delays the ledger's threads but does not make them do
 * more work. For a target in another process (PostgreSQL, the HTTP server) only the client side is in this JVM.
 *
 * <p>Not thread-safe: read by the harness's thread.
 */
final class CpuMeter {

    /** CPU nanoseconds used so far by the whole JVM and by its {@code keel-bank-*} threads. */
    record Reading(long processNanos, long ledgerNanos) {
        Reading minus(Reading start) {
            return new Reading(processNanos - start.processNanos, ledgerNanos - start.ledgerNanos);
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
        return new Reading(os.getProcessCpuTime(), ledger);
    }
}
