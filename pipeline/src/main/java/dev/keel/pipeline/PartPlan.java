package dev.keel.pipeline;

import java.util.Arrays;

/**
 * Where a parallel run cuts its source's index range into parts: guided self-scheduling.
 *
 * <p>How it is designed, and why: threads claim parts in index order from one counter, so the run ends when the last
 * part ends, and the time lost is the time the other threads wait for it: about half a part. Equal parts make that
 * loss large (with eight parts on two threads, a sixteenth of the run) unless there are many of them, and every part
 * costs a cursor chain and a partial result to combine. Guided self-scheduling (Polychronopoulos and Kuck, 1987, as
 * in OpenMP's {@code schedule(guided)}) cuts each part as {@code remaining / (2 x threads)}: large parts first, while
 * there is plenty left to balance with, and small ones at the end, where the last part decides the finish. Parts
 * never go below {@code size / (32 x threads)}, so a run has a few dozen parts at most. The cut depends only on the
 * size and the number of threads, never on timing, so a run's parts (and the errors' indexes within them) are the
 * same every time.
 */
final class PartPlan {

    /** The smallest part is this fraction of the size per thread: a tail of at most about 1/64 of a thread's share. */
    private static final int SMALLEST_PART_DIVISOR = 32;

    private PartPlan() {}

    /**
     * The bounds of the parts of {@code [0, size)} for {@code threads} threads: part {@code i} is
     * {@code [bounds[i], bounds[i + 1])}; the first bound is 0, the last {@code size}.
     */
    static long[] guided(long size, int threads) {
        if (size < 0) {
            throw new IllegalArgumentException("size (" + size + ") must not be negative");
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads (" + threads + ") must be positive");
        }
        long smallest = Math.max(1, size / ((long) SMALLEST_PART_DIVISOR * threads));
        long[] bounds = new long[16];
        int count = 1;
        long start = 0;
        while (start < size) {
            long remaining = size - start;
            long part = Math.min(remaining, Math.max(smallest, remaining / (2L * threads)));
            start += part;
            if (count == bounds.length) {
                bounds = Arrays.copyOf(bounds, count * 2);
            }
            bounds[count++] = start;
        }
        return Arrays.copyOf(bounds, count);
    }
}
