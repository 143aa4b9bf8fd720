package dev.keel.bench.storage;

/**
 * What {@link LoadRunner} measured in one window: how many calls the workers completed, how many records those calls
 * carried (a batch call carries many), over how long, and the latency of each call. Immutable.
 *
 * @param threads how many worker threads ran
 * @param calls calls started inside the measured window (and therefore completed before the workers stopped)
 * @param records records those calls carried
 * @param elapsedNanos the length of the measured window
 * @param latency per-call latency, all threads merged
 */
record LoadResult(int threads, long calls, long records, long elapsedNanos, LatencySummary latency) {

    LoadResult {
        if (threads <= 0 || calls < 0 || records < calls || elapsedNanos <= 0) {
            throw new IllegalArgumentException("inconsistent load result: threads " + threads + ", calls " + calls
                    + ", records " + records + ", elapsedNanos " + elapsedNanos);
        }
    }

    long callsPerSecond() {
        return perSecond(calls);
    }

    long recordsPerSecond() {
        return perSecond(records);
    }

    private long perSecond(long count) {
        return Math.round(count * 1e9 / elapsedNanos);
    }
}
