package dev.keel.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One record read back from a {@link WriteAheadLog}: its log sequence number and its payload.
 *
 * <p>Immutable in practice: each read returns a fresh payload array that nothing else references, and the record
 * hands out that array without copying (records are read in bulk during recovery). Do not modify it if the record is
 * shared.
 *
 * @param lsn the record's log sequence number: the byte position in the log where it starts
 * @param payload the bytes that were appended
 */
public record LogRecord(long lsn, byte[] payload) {

    public LogRecord {
        if (lsn < 0) {
            throw new IllegalArgumentException("lsn (" + lsn + ") must not be negative");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogRecord that && lsn == that.lsn && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lsn) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String preview = new String(payload, 0, Math.min(payload.length, 32), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", ".");
        return "LogRecord[lsn=" + lsn + ", " + payload.length + " bytes: " + preview
                + (payload.length > 32 ? "...]" : "]");
    }
}
