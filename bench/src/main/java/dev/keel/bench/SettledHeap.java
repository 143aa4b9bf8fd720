package dev.keel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The used heap once garbage collection has settled, for harnesses that measure retained memory as the difference of
 * two readings: {@code System.gc()} repeated until two readings agree within 64 KiB (at most ten times).
 */
public final class SettledHeap {

    private SettledHeap() {}

    public static long bytes() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100); // a measurement harness, not logic: let the collector finish between readings
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
