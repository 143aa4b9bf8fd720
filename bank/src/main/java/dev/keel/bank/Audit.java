package dev.keel.bank;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the books from scratch, trusting none of the running totals: per currency, posted debits equal posted
 * credits and pending debits equal pending credits; every account's four totals equal the fold of the transfers that
 * touch it; every statement ends at the posted balance; every account's limits hold. Stateless.
 *
 * <p>O(accounts + transfers); it runs on the sequencer's thread, so it stalls other requests while it runs (about
 * 100 ms per million transfers).
 */
final class Audit {

    private static final int MAX_LISTED = 100;

    private Audit() {}

    static AuditReport of(Ledger ledger) {
        List<String> violations = new ArrayList<>();
        Map<String, long[]> folded =
                new HashMap<>(); // account -> {debitsPosted, creditsPosted, debitsPending, creditsPending}
        Map<Currency, long[]> totals = new HashMap<>(); // currency -> same four sums
        long transfers = 0;
        for (Transfer transfer : ledger.transfers()) {
            transfers++;
            long[] debit = folded.computeIfAbsent(transfer.from(), id -> new long[4]);
            long[] credit = folded.computeIfAbsent(transfer.to(), id -> new long[4]);
            long amount = transfer.amount().minorUnits();
            if (transfer.status() == TransferStatus.PENDING) {
                debit[2] += amount;
                credit[3] += amount;
            } else {
                debit[0] += transfer.postedAmount();
                credit[1] += transfer.postedAmount();
            }
        }
        for (AccountState account : ledger.accounts()) {
            long[] expected = folded.getOrDefault(account.id, new long[4]);
            long[] actual = {account.debitsPosted, account.creditsPosted, account.debitsPending, account.creditsPending
            };
            if (!java.util.Arrays.equals(expected, actual)) {
                add(
                        violations,
                        "account " + account.id + " has totals " + java.util.Arrays.toString(actual)
                                + " but its transfers fold to " + java.util.Arrays.toString(expected)
                                + " (debits posted, credits posted, debits pending, credits pending)");
            }
            long[] sums = totals.computeIfAbsent(account.currency, currency -> new long[4]);
            for (int i = 0; i < 4; i++) {
                sums[i] += actual[i];
            }
            long posted = account.creditsPosted - account.debitsPosted;
            if (account.balanceAfter(account.postings() - 1) != posted) {
                add(
                        violations,
                        "account " + account.id + ": its statement ends at "
                                + account.balanceAfter(account.postings() - 1) + " but its posted balance is "
                                + posted);
            }
            AccountFlags flags = account.flags;
            if (flags.debitsMustNotExceedCredits()
                    && account.debitsPosted + account.debitsPending > account.creditsPosted + flags.overdraftLimit()) {
                add(violations, "account " + account.id + ": debits exceed credits plus the overdraft limit");
            }
            if (flags.creditsMustNotExceedDebits()
                    && account.creditsPosted + account.creditsPending > account.debitsPosted) {
                add(violations, "account " + account.id + ": credits exceed debits");
            }
        }
        for (Map.Entry<Currency, long[]> total : totals.entrySet()) {
            long[] sums = total.getValue();
            if (sums[0] != sums[1]) {
                add(
                        violations,
                        total.getKey() + ": posted debits (" + sums[0] + ") differ from posted credits (" + sums[1]
                                + ")");
            }
            if (sums[2] != sums[3]) {
                add(
                        violations,
                        total.getKey() + ": pending debits (" + sums[2] + ") differ from pending credits (" + sums[3]
                                + ")");
            }
        }
        return new AuditReport(violations.isEmpty(), ledger.accounts().size(), transfers, violations);
    }

    private static void add(List<String> violations, String violation) {
        if (violations.size() < MAX_LISTED) {
            violations.add(violation);
        }
    }
}
