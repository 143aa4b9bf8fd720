package dev.keel.bench.crawler;

import dev.keel.bench.ProcStat;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the harness's own JVM, which serves the sites to both crawlers, spent while one crawl ran: its CPU in all, the
 * part its JIT compiler threads used, and its garbage collections. On a 2-core machine a crawl shares the cores with
 * the sites it crawls, so a site that compiles or collects more during one crawler's turn than during the other's
 * takes CPU from that crawler: this is how an unequal share shows up. Not thread-safe: read by the harness's thread.
 */
final class SiteJvmMeter {

    /** CPU nanoseconds of the whole JVM and of its JIT threads, and its collections and their milliseconds. */
    record Reading(long processNanos, long jitNanos, long collections, long collectionMillis) {
        Reading minus(Reading start) {
            return new Reading(
                    processNanos - start.processNanos,
                    jitNanos - start.jitNanos,
                    collections - start.collections,
                    collectionMillis - start.collectionMillis);
        }

        /** "CPU ms / JIT ms / collections (ms)", for a table cell. */
        String cell() {
            return String.format(
                    Locale.ROOT,
                    "%d / %d / %d (%d ms)",
                    processNanos / 1_000_000,
                    jitNanos / 1_000_000,
                    collections,
                    collectionMillis);
        }
    }

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    Reading read() {
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            collectionMillis += Math.max(0, gc.getCollectionTime());
        }
        return new Reading(os.getProcessCpuTime(), jitThreadNanos(), collections, collectionMillis);
    }

    /**
     * CPU of the threads the kernel names "C1 CompilerThre..." or "C2 CompilerThre..." (user + system time from
     * /proc/self/task/N/stat); 0 where there is no /proc. A compiler thread that ends between two readings takes its
     * time with it (HotSpot starts and stops extra ones as the queue grows and drains), so this is a lower bound.
     */
    private static long jitThreadNanos() {
        long ticks = 0;
        for (ProcStat thread : ProcStat.threadsOf(Path.of("/proc/self"))) {
            if (thread.name().contains("CompilerThre")) {
                ticks += thread.cpuTicks();
            }
        }
        return ticks * ProcStat.NANOS_PER_TICK;
    }
}
