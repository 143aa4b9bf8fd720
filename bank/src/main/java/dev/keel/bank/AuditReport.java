package dev.keel.bank;

import java.util.List;

/**
 * What {@link BankingSystem#audit()} found: {@code ok} exactly when there are no violations. Immutable.
 *
 * @param ok whether the books balance and every account agrees with its transfers
 * @param accounts how many accounts were checked
 * @param transfers how many transfers were folded
 * @param violations what is wrong, one sentence each (at most 100 are listed)
 */
public record AuditReport(boolean ok, long accounts, long transfers, List<String> violations) {

    public AuditReport {
        violations = List.copyOf(violations);
        if (ok != violations.isEmpty()) {
            throw new IllegalArgumentException("ok (" + ok + ") must be true exactly when there are no violations");
        }
    }
}
