package dev.keel.bank;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately simple reference for the ledger: plain maps, every rule written out once more in the most direct
 * way, and expiry by scanning every hold. The simulation runs both and demands the same answers.
 */
final class LedgerModel {

    static final class Acct {
        final String currency;
        final AccountFlags flags;
        final String owner;
        final long initial;
        boolean closed;
        long dp;
        long cp;
        long dpend;
        long cpend;

        Acct(String currency, AccountFlags flags, String owner, long initial) {
            this.currency = currency;
            this.flags = flags;
            this.owner = owner;
            this.initial = initial;
        }
    }

    static final class Xfer {
        final String from;
        final String to;
        final long amount;
        final String currency;
        final String reference;
        final boolean pending;
        final @Nullable Duration timeout;
        final long timestamp;
        TransferStatus status;
        long posted;

        Xfer(NewTransfer r, long timestamp) {
            from = r.from();
            to = r.to();
            amount = r.amount().minorUnits();
            currency = r.amount().currency().getCurrencyCode();
            reference = r.reference();
            pending = r.pending();
            timeout = r.timeout();
            this.timestamp = timestamp;
            status = pending ? TransferStatus.PENDING : TransferStatus.POSTED;
            posted = pending ? 0 : amount;
        }
    }

    final Map<String, Acct> accounts = new HashMap<>();
    final Map<String, Xfer> transfers = new HashMap<>();
    /** Holds with a timeout that are still pending, scanned by every request: few at a time. */
    private final Map<String, Xfer> expiring = new java.util.LinkedHashMap<>();

    private long last;

    /** Every request starts here: expire what is due by {@code now}. */
    void begin(long now) {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, Xfer> e : expiring.entrySet()) {
            Xfer x = e.getValue();
            if (x.status != TransferStatus.PENDING || transfers.get(e.getKey()) != x) {
                due.add(e.getKey());
            } else if (x.timestamp + x.timeout.toNanos() <= now) {
                due.add(e.getKey());
            }
        }
        for (String id : due) {
            Xfer x = expiring.remove(id);
            if (x.status != TransferStatus.PENDING || transfers.get(id) != x) {
                continue;
            }
            accounts.get(x.from).dpend -= x.amount;
            accounts.get(x.to).cpend -= x.amount;
            x.status = TransferStatus.EXPIRED;
            stamp(now);
        }
    }

    private long stamp(long now) {
        last = Math.max(now, last + 1);
        return last;
    }

    AccountResult open(NewAccount r, long now) {
        begin(now);
        if (!r.id().matches("[A-Za-z0-9_.:-]{1,64}")) {
            return AccountResult.ID_INVALID;
        }
        if (r.id().startsWith("bank:")) {
            return AccountResult.ID_RESERVED;
        }
        Acct a = accounts.get(r.id());
        String currency = r.currency().getCurrencyCode();
        if (a != null) {
            if (!a.currency.equals(currency)) {
                return AccountResult.EXISTS_WITH_DIFFERENT_CURRENCY;
            }
            if (!a.owner.equals(r.owner())) {
                return AccountResult.EXISTS_WITH_DIFFERENT_OWNER;
            }
            if (!a.flags.equals(r.flags())) {
                return AccountResult.EXISTS_WITH_DIFFERENT_FLAGS;
            }
            return a.initial == r.initialBalance()
                    ? AccountResult.EXISTS
                    : AccountResult.EXISTS_WITH_DIFFERENT_INITIAL_BALANCE;
        }
        if (r.owner().isBlank() || r.owner().length() > 256) {
            return AccountResult.OWNER_INVALID;
        }
        if (r.initialBalance() < 0) {
            return AccountResult.INITIAL_BALANCE_NEGATIVE;
        }
        if (r.initialBalance() > 0 && r.flags().creditsMustNotExceedDebits()) {
            return AccountResult.INITIAL_BALANCE_NOT_ALLOWED;
        }
        String fundingId = "bank:funding:" + currency;
        Acct funding = accounts.get(fundingId);
        if (funding != null
                && (java.math.BigInteger.valueOf(funding.dp)
                                .add(java.math.BigInteger.valueOf(funding.dpend))
                                .add(java.math.BigInteger.valueOf(r.initialBalance()))
                                .bitLength()
                        > 63)) {
            return AccountResult.OVERFLOW;
        }
        if (funding == null) {
            funding = new Acct(currency, AccountFlags.NONE, "bank", 0);
            accounts.put(fundingId, funding);
            stamp(now);
        }
        accounts.put(r.id(), new Acct(currency, r.flags(), r.owner(), r.initialBalance()));
        stamp(now);
        if (r.initialBalance() > 0) {
            long ts = stamp(now);
            NewTransfer opening = NewTransfer.of(
                    "open#" + r.id(),
                    fundingId,
                    r.id(),
                    new Money(r.initialBalance(), r.currency()),
                    "opening balance");
            transfers.put(opening.id(), new Xfer(opening, ts));
            funding.dp += r.initialBalance();
            accounts.get(r.id()).cp += r.initialBalance();
        }
        return AccountResult.OK;
    }

    AccountResult close(String id, long now) {
        begin(now);
        Acct a = accounts.get(id);
        if (a == null) {
            return AccountResult.ACCOUNT_NOT_FOUND;
        }
        if (a.closed) {
            return AccountResult.ACCOUNT_ALREADY_CLOSED;
        }
        a.closed = true;
        stamp(now);
        return AccountResult.OK;
    }

    TransferResult transfer(NewTransfer r, long now) {
        begin(now);
        return create(r, now);
    }

    private TransferResult create(NewTransfer r, long now) {
        if (!r.id().matches("[A-Za-z0-9_.:-]{1,64}")) {
            return TransferResult.ID_INVALID;
        }
        Xfer x = transfers.get(r.id());
        if (x != null) {
            if (!x.from.equals(r.from())) {
                return TransferResult.EXISTS_WITH_DIFFERENT_FROM;
            }
            if (!x.to.equals(r.to())) {
                return TransferResult.EXISTS_WITH_DIFFERENT_TO;
            }
            if (x.amount != r.amount().minorUnits()) {
                return TransferResult.EXISTS_WITH_DIFFERENT_AMOUNT;
            }
            if (!x.currency.equals(r.amount().currency().getCurrencyCode())) {
                return TransferResult.EXISTS_WITH_DIFFERENT_CURRENCY;
            }
            if (!x.reference.equals(r.reference())) {
                return TransferResult.EXISTS_WITH_DIFFERENT_REFERENCE;
            }
            if (x.pending != r.pending()) {
                return TransferResult.EXISTS_WITH_DIFFERENT_PENDING;
            }
            return Objects.equals(x.timeout, r.timeout())
                    ? TransferResult.EXISTS
                    : TransferResult.EXISTS_WITH_DIFFERENT_TIMEOUT;
        }
        if (r.reference().length() > 256) {
            return TransferResult.REFERENCE_TOO_LONG;
        }
        if (r.from().equals(r.to())) {
            return TransferResult.ACCOUNTS_MUST_DIFFER;
        }
        long amount = r.amount().minorUnits();
        if (amount <= 0) {
            return TransferResult.AMOUNT_MUST_BE_POSITIVE;
        }
        if (r.timeout() != null
                && (!r.pending() || r.timeout().toNanos() <= 0 || r.timeout().compareTo(Duration.ofDays(36_500)) > 0)) {
            return TransferResult.TIMEOUT_INVALID;
        }
        Acct d = accounts.get(r.from());
        if (d == null) {
            return TransferResult.DEBIT_ACCOUNT_NOT_FOUND;
        }
        Acct c = accounts.get(r.to());
        if (c == null) {
            return TransferResult.CREDIT_ACCOUNT_NOT_FOUND;
        }
        String currency = r.amount().currency().getCurrencyCode();
        if (!currency.equals(d.currency) || !currency.equals(c.currency)) {
            return TransferResult.CURRENCY_MISMATCH;
        }
        if (d.closed) {
            return TransferResult.DEBIT_ACCOUNT_CLOSED;
        }
        if (c.closed) {
            return TransferResult.CREDIT_ACCOUNT_CLOSED;
        }
        java.math.BigInteger debits = big(d.dp).add(big(d.dpend)).add(big(amount));
        java.math.BigInteger credits = big(c.cp).add(big(c.cpend)).add(big(amount));
        if (debits.bitLength() > 63 || credits.bitLength() > 63) {
            return TransferResult.OVERFLOW;
        }
        if (d.flags.debitsMustNotExceedCredits()
                && debits.compareTo(big(d.cp).add(big(d.flags.overdraftLimit()))) > 0) {
            return TransferResult.INSUFFICIENT_FUNDS;
        }
        if (c.flags.creditsMustNotExceedDebits() && credits.compareTo(big(c.dp)) > 0) {
            return TransferResult.EXCEEDS_DEBITS;
        }
        Xfer created = new Xfer(r, stamp(now));
        transfers.put(r.id(), created);
        if (r.timeout() != null) {
            expiring.put(r.id(), created);
        }
        if (r.pending()) {
            d.dpend += amount;
            c.cpend += amount;
        } else {
            d.dp += amount;
            c.cp += amount;
        }
        return TransferResult.OK;
    }

    private static java.math.BigInteger big(long value) {
        return java.math.BigInteger.valueOf(value);
    }

    /** A chain: the model copies every account's totals and restores them, and forgets what it created, on failure. */
    TransferResult chain(List<NewTransfer> chain, long now) {
        begin(now);
        if (chain.isEmpty()) {
            return TransferResult.CHAIN_EMPTY;
        }
        Map<String, long[]> saved = new HashMap<>();
        accounts.forEach((id, a) -> saved.put(id, new long[] {a.dp, a.cp, a.dpend, a.cpend}));
        List<String> created = new ArrayList<>();
        for (NewTransfer member : chain) {
            boolean existed = transfers.containsKey(member.id());
            TransferResult result = create(member, now);
            if (result == TransferResult.OK && !existed) {
                created.add(member.id());
            }
            if (!result.isSuccess()) {
                saved.forEach((id, totals) -> {
                    Acct a = accounts.get(id);
                    a.dp = totals[0];
                    a.cp = totals[1];
                    a.dpend = totals[2];
                    a.cpend = totals[3];
                });
                created.forEach(transfers::remove);
                return result;
            }
        }
        return TransferResult.OK;
    }

    TransferResult post(String id, @Nullable Long amount, String currency, long now) {
        begin(now);
        Xfer x = transfers.get(id);
        TransferResult unresolvable = resolvable(x);
        if (unresolvable != null) {
            return unresolvable;
        }
        long posted = amount == null ? x.amount : amount;
        if (amount != null && !currency.equals(x.currency)) {
            return TransferResult.CURRENCY_MISMATCH;
        }
        if (posted <= 0) {
            return TransferResult.AMOUNT_MUST_BE_POSITIVE;
        }
        if (posted > x.amount) {
            return TransferResult.EXCEEDS_PENDING_AMOUNT;
        }
        if (accounts.get(x.from).closed) {
            return TransferResult.DEBIT_ACCOUNT_CLOSED;
        }
        if (accounts.get(x.to).closed) {
            return TransferResult.CREDIT_ACCOUNT_CLOSED;
        }
        Acct d = accounts.get(x.from);
        Acct c = accounts.get(x.to);
        d.dpend -= x.amount;
        c.cpend -= x.amount;
        d.dp += posted;
        c.cp += posted;
        x.status = TransferStatus.POSTED;
        x.posted = posted;
        stamp(now);
        return TransferResult.OK;
    }

    TransferResult voidHold(String id, long now) {
        begin(now);
        Xfer x = transfers.get(id);
        TransferResult unresolvable = resolvable(x);
        if (unresolvable != null) {
            return unresolvable;
        }
        accounts.get(x.from).dpend -= x.amount;
        accounts.get(x.to).cpend -= x.amount;
        x.status = TransferStatus.VOIDED;
        stamp(now);
        return TransferResult.OK;
    }

    private static @Nullable TransferResult resolvable(@Nullable Xfer x) {
        if (x == null) {
            return TransferResult.PENDING_NOT_FOUND;
        }
        if (!x.pending) {
            return TransferResult.NOT_PENDING;
        }
        return switch (x.status) {
            case PENDING -> null;
            case POSTED -> TransferResult.PENDING_ALREADY_POSTED;
            case VOIDED -> TransferResult.PENDING_ALREADY_VOIDED;
            case EXPIRED -> TransferResult.PENDING_EXPIRED;
        };
    }
}
