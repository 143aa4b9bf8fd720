package dev.keel.storage;

/**
 * What opening a write-ahead log does when it finds damage before the tail of the log.
 *
 * <p>A torn or corrupt record at the very tail of the last segment is what a crash mid-write leaves; both modes
 * truncate it and report it. The modes differ only for damage <em>before</em> the tail (a bit flip in an old segment,
 * a record that was known to be on disk), which no crash can cause.
 */
public enum RecoveryMode {
    /** Refuse to open: throw a {@link StorageException} naming the segment, offset and LSN. The default. */
    STRICT,

    /**
     * Keep the valid prefix of the log, up to the first damaged record, and move everything after it into the
     * directory's {@code salvaged/} folder rather than deleting it; the {@link RecoveryReport} lists what was dropped.
     */
    SALVAGE
}
