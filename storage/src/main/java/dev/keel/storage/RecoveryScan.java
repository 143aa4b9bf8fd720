package dev.keel.storage;

/**
 * How much of the log opening reads and checksums.
 *
 * <p>Segments before the last are forced before the log moves past them, so a crash cannot damage them; what could is
 * bit rot, which every read detects anyway (each record is checksummed when it is read). Kafka checks only the
 * segments after its recovery point at start-up for the same reason. A store that rebuilds its state from a
 * checkpoint plus the tail of the log does not want to read the whole log just to open it.
 */
public enum RecoveryScan {
    /** Read and checksum every record of every segment. The default. */
    ALL_SEGMENTS,

    /**
     * Read and checksum every record of the last segment (where a crash can tear the tail); for the others check only
     * their headers and that they follow each other. Damage in them surfaces when they are read.
     */
    LAST_SEGMENT
}
