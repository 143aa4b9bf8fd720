package dev.keel.bank;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rules a new transfer must pass, in the order {@link TransferResult} lists them: the first that fails is the
 * answer. Stateless; reads the accounts it is given.
 *
 * <p>The limits follow TigerBeetle: pending debits count against the debit account's limit at once (a hold reserves),
 * while pending credits do not count towards what the credit account may spend until they are posted. So posting,
 * voiding or expiring a hold can never break a limit, and only creation is checked.
 */
final class TransferRules {

    private TransferRules() {}

    /** {@link TransferResult#EXISTS} if {@code request} repeats {@code existing}, else the first field that differs. */
    static TransferResult compare(Transfer existing, NewTransfer request) {
        if (!existing.from().equals(request.from())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_FROM;
        }
        if (!existing.to().equals(request.to())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_TO;
        }
        if (existing.amount().minorUnits() != request.amount().minorUnits()) {
            return TransferResult.EXISTS_WITH_DIFFERENT_AMOUNT;
        }
        if (!existing.amount().currency().equals(request.amount().currency())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_CURRENCY;
        }
        if (!existing.reference().equals(request.reference())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_REFERENCE;
        }
        if (existing.pending() != request.pending()) {
            return TransferResult.EXISTS_WITH_DIFFERENT_PENDING;
        }
        if (!Objects.equals(existing.timeout(), request.timeout())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_TIMEOUT;
        }
        return TransferResult.EXISTS;
    }

    /** Null if {@code request} may be applied, else why not. */
    static @Nullable TransferResult judge(NewTransfer request, Map<String, AccountState> accounts) {
        if (request.reference().length() > Ledger.MAX_TEXT) {
            return TransferResult.REFERENCE_TOO_LONG;
        }
        if (request.from().equals(request.to())) {
            return TransferResult.ACCOUNTS_MUST_DIFFER;
        }
        long amount = request.amount().minorUnits();
        if (amount <= 0) {
            return TransferResult.AMOUNT_MUST_BE_POSITIVE;
        }
        Duration timeout = request.timeout();
        if (timeout != null
                && (!request.pending()
                        || timeout.isNegative()
                        || timeout.isZero()
                        || timeout.compareTo(Ledger.MAX_TIMEOUT) > 0)) {
            return TransferResult.TIMEOUT_INVALID;
        }
        AccountState debit = accounts.get(request.from());
        if (debit == null) {
            return TransferResult.DEBIT_ACCOUNT_NOT_FOUND;
        }
        AccountState credit = accounts.get(request.to());
        if (credit == null) {
            return TransferResult.CREDIT_ACCOUNT_NOT_FOUND;
        }
        if (!request.amount().currency().equals(debit.currency)
                || !request.amount().currency().equals(credit.currency)) {
            return TransferResult.CURRENCY_MISMATCH;
        }
        if (debit.closed) {
            return TransferResult.DEBIT_ACCOUNT_CLOSED;
        }
        if (credit.closed) {
            return TransferResult.CREDIT_ACCOUNT_CLOSED;
        }
        long debits = Ledger.sum(debit.debitsPosted, debit.debitsPending, amount);
        long credits = Ledger.sum(credit.creditsPosted, credit.creditsPending, amount);
        if (debits < 0 || credits < 0) {
            return TransferResult.OVERFLOW;
        }
        long allowance = Ledger.sum(debit.creditsPosted, debit.flags.overdraftLimit(), 0); // -1: beyond any long
        if (debit.flags.debitsMustNotExceedCredits() && allowance >= 0 && debits > allowance) {
            return TransferResult.INSUFFICIENT_FUNDS;
        }
        if (credit.flags.creditsMustNotExceedDebits() && credits > credit.debitsPosted) {
            return TransferResult.EXCEEDS_DEBITS;
        }
        return null;
    }
}
