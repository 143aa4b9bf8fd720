package dev.keel.bank;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link BankingSystem#verify} found in a data directory. Immutable.
 *
 * @param ok whether the log replayed (checksums and hash chain intact) and the audit passed
 * @param snapshot the snapshot recovery started from, in words
 * @param records log records replayed after it
 * @param events events in them
 * @param headHash the hash chain's head (hex SHA-256 of the newest record): keep it elsewhere to detect a rewritten tail
 * @param logRecovery the write-ahead log's recovery report (a torn tail cut, and how much)
 * @param audit the audit of the recovered books; null if recovery itself failed
 * @param failure why recovery failed (a damaged record, a broken hash chain), or null
 */
public record VerifyReport(
        boolean ok,
        String snapshot,
        long records,
        long events,
        String headHash,
        String logRecovery,
        @Nullable AuditReport audit,
        @Nullable String failure) {

    public VerifyReport {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(logRecovery, "logRecovery");
        if (ok && (failure != null || audit == null || !audit.ok())) {
            throw new IllegalArgumentException("ok (true) needs a passing audit and no failure");
        }
    }

    static VerifyReport failed(@Nullable String failure) {
        return new VerifyReport(
                false, "-", 0, 0, "-", "-", new AuditReport(false, 0, 0, List.of("recovery failed")), failure);
    }
}
