package dev.keel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * CPU time per operation as the measuring thread itself spends it, for harnesses that compare libraries on a loaded
 * machine: there, wall time measures the other processes, while the thread's own CPU time is disturbed far less
 * (the caches and the sibling hyper-thread it shares still are). Warms up for a span of CPU time, then measures
 * batches of a fixed CPU span and returns the nanoseconds per operation of each batch, sorted.
 */
public final class ThreadCpuTime {

    private ThreadCpuTime() {}

    public static double[] sortedNanosPerOperation(Runnable operation, long warmUpNanos, int batches, long batchNanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmUpEnd = threads.getCurrentThreadCpuTime() + warmUpNanos;
        while (threads.getCurrentThreadCpuTime() < warmUpEnd) {
            operation.run();
        }
        double[] nanosPerOp = new double[batches];
        for (int batch = 0; batch < batches; batch++) {
            long start = threads.getCurrentThreadCpuTime();
            long ops = 0;
            long now = start;
            while (now - start < batchNanos) {
                operation.run();
                ops++;
                now = threads.getCurrentThreadCpuTime();
            }
            nanosPerOp[batch] = (double) (now - start) / ops;
        }
        Arrays.sort(nanosPerOp);
        return nanosPerOp;
    }
}
