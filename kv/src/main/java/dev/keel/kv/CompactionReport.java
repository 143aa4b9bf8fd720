package dev.keel.kv;

/**
 * What one compaction did. Immutable.
 *
 * @param recordsCopied live records copied from the sealed segments to the head of the log
 * @param expiredDropped expired keys dropped instead of copied
 * @param segmentsDeleted sealed segments deleted after the copy
 * @param logBytesBefore bytes in the log when the compaction started
 * @param logBytesAfter bytes in the log when it finished
 * @param deferred true if the segments could not be deleted because a snapshot was open (the copy is kept; the next
 *     compaction deletes them)
 */
public record CompactionReport(
        long recordsCopied,
        long expiredDropped,
        int segmentsDeleted,
        long logBytesBefore,
        long logBytesAfter,
        boolean deferred) {

    /** Nothing to compact: the log has only its active segment. */
    static CompactionReport nothingToDo(long logBytes) {
        return new CompactionReport(0, 0, 0, logBytes, logBytes, false);
    }
}
