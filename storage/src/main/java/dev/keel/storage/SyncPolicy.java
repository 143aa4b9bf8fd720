package dev.keel.storage;

import java.time.Duration;

/**
 * When the write-ahead log forces appended bytes to the disk, and so what a crash can lose.
 *
 * <ul>
 *   <li>{@link #ALWAYS}: {@code append} returns only once its record is on disk ({@code FileChannel.force}). Appends
 *       from many threads share one force (group commit), so throughput grows with concurrency while each append
 *       still waits for one force. A crash loses nothing that was acknowledged.
 *   <li>{@link #interval(Duration) interval(d)}: {@code append} returns once its record is handed to the operating
 *       system; a background thread forces every {@code d}. A process crash loses nothing; a power cut or kernel
 *       crash loses at most the last {@code d} (plus the force in flight).
 *   <li>{@link #NONE}: the operating system decides when to write back. A process crash loses nothing; a power cut
 *       loses whatever the kernel had not yet written.
 * </ul>
 *
 * <p>Immutable.
 */
public sealed interface SyncPolicy {

    /** Force before every append returns, shared between concurrent appends (group commit). */
    SyncPolicy ALWAYS = new Always();

    /** Never force from the append path; segments are still forced when they are closed or rolled. */
    SyncPolicy NONE = new None();

    /** Force in the background every {@code period}, which must be positive. */
    static SyncPolicy interval(Duration period) {
        return new Interval(period);
    }

    /** See {@link SyncPolicy#ALWAYS}. */
    record Always() implements SyncPolicy {
        @Override
        public String toString() {
            return "ALWAYS";
        }
    }

    /** See {@link SyncPolicy#interval(Duration)}. */
    record Interval(Duration period) implements SyncPolicy {
        public Interval {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("sync interval (" + period + ") must be positive");
            }
        }

        @Override
        public String toString() {
            return "INTERVAL(" + period + ")";
        }
    }

    /** See {@link SyncPolicy#NONE}. */
    record None() implements SyncPolicy {
        @Override
        public String toString() {
            return "NONE";
        }
    }
}
