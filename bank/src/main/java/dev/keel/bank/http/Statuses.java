package dev.keel.bank.http;

import dev.keel.bank.AccountResult;
import dev.keel.bank.TransferResult;

/**
 * Result codes to HTTP statuses: 400 for a malformed request, 404 for something that does not exist, 409 for an id
 * conflict or a hold that is already resolved, 422 for a business rule. Successes are 200 or 201 and decided by the
 * caller. Stateless.
 */
final class Statuses {

    private Statuses() {}

    static int of(TransferResult result) {
        return switch (result) {
            case OK -> 201;
            case EXISTS -> 200;
            case ID_INVALID,
                    REFERENCE_TOO_LONG,
                    ACCOUNTS_MUST_DIFFER,
                    AMOUNT_MUST_BE_POSITIVE,
                    TIMEOUT_INVALID,
                    CHAIN_EMPTY -> 400;
            case DEBIT_ACCOUNT_NOT_FOUND, CREDIT_ACCOUNT_NOT_FOUND, PENDING_NOT_FOUND -> 404;
            case EXISTS_WITH_DIFFERENT_FROM,
                    EXISTS_WITH_DIFFERENT_TO,
                    EXISTS_WITH_DIFFERENT_AMOUNT,
                    EXISTS_WITH_DIFFERENT_CURRENCY,
                    EXISTS_WITH_DIFFERENT_REFERENCE,
                    EXISTS_WITH_DIFFERENT_PENDING,
                    EXISTS_WITH_DIFFERENT_TIMEOUT,
                    PENDING_ALREADY_POSTED,
                    PENDING_ALREADY_VOIDED,
                    PENDING_EXPIRED -> 409;
            case CURRENCY_MISMATCH,
                    DEBIT_ACCOUNT_CLOSED,
                    CREDIT_ACCOUNT_CLOSED,
                    OVERFLOW,
                    INSUFFICIENT_FUNDS,
                    EXCEEDS_DEBITS,
                    NOT_PENDING,
                    EXCEEDS_PENDING_AMOUNT,
                    LINKED_EVENT_FAILED -> 422;
        };
    }

    static int of(AccountResult result) {
        return switch (result) {
            case OK -> 201;
            case EXISTS -> 200;
            case ID_INVALID, ID_RESERVED, OWNER_INVALID, INITIAL_BALANCE_NEGATIVE -> 400;
            case ACCOUNT_NOT_FOUND -> 404;
            case EXISTS_WITH_DIFFERENT_CURRENCY,
                    EXISTS_WITH_DIFFERENT_OWNER,
                    EXISTS_WITH_DIFFERENT_FLAGS,
                    EXISTS_WITH_DIFFERENT_INITIAL_BALANCE,
                    ACCOUNT_ALREADY_CLOSED -> 409;
            case INITIAL_BALANCE_NOT_ALLOWED, OVERFLOW -> 422;
        };
    }

    /** A sentence for the error body's message. */
    static String describe(TransferResult result) {
        return switch (result) {
            case INSUFFICIENT_FUNDS -> "the debit account's debits would exceed its credits (and overdraft limit)";
            case EXCEEDS_DEBITS -> "the credit account's credits would exceed its debits";
            case DEBIT_ACCOUNT_NOT_FOUND -> "the debit account does not exist";
            case CREDIT_ACCOUNT_NOT_FOUND -> "the credit account does not exist";
            case PENDING_NOT_FOUND -> "no transfer has this id";
            case PENDING_ALREADY_POSTED -> "the hold was posted already";
            case PENDING_ALREADY_VOIDED -> "the hold was voided already";
            case PENDING_EXPIRED -> "the hold expired";
            default -> result.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
