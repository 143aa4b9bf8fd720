package dev.keel.bank;

import static dev.keel.bank.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One test per {@link TransferResult}: each outcome is produced, and a rejection changes nothing. */
final class TransferResultTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private void assertRejected(TransferOutcome outcome, TransferResult expected) {
        assertThat(outcome.result()).isEqualTo(expected);
        assertThat(outcome.isSuccess()).isFalse();
        assertThat(f.posted("alice")).isEqualTo(usd("1000.00"));
        assertThat(f.posted("bob")).isEqualTo(usd("500.00"));
        assertThat(f.bank.audit().ok()).isTrue();
    }

    @Test
    void transfer_valid_isOkAndMovesTheMoney() {
        TransferOutcome outcome = f.pay("t1", "alice", "bob", "200.00");
        assertThat(outcome.result()).isEqualTo(TransferResult.OK);
        assertThat(outcome.transfer().status()).isEqualTo(TransferStatus.POSTED);
        assertThat(f.posted("alice")).isEqualTo(usd("800.00"));
        assertThat(f.posted("bob")).isEqualTo(usd("700.00"));
    }

    @Test
    void transfer_sameIdSameFields_isExistsWithTheOriginal_andMovesNothingMore() {
        TransferOutcome first = f.pay("t1", "alice", "bob", "200.00");
        f.clock.advance(Duration.ofMinutes(1));
        TransferOutcome again = f.pay("t1", "alice", "bob", "200.00");
        assertThat(again.result()).isEqualTo(TransferResult.EXISTS);
        assertThat(again.isSuccess()).isTrue();
        assertThat(again.transfer()).isEqualTo(first.transfer());
        assertThat(f.posted("alice")).isEqualTo(usd("800.00"));
    }

    @Test
    void transfer_idInvalid() {
        assertRejected(f.pay("", "alice", "bob", "1.00"), TransferResult.ID_INVALID);
        assertRejected(f.pay("a b", "alice", "bob", "1.00"), TransferResult.ID_INVALID);
        assertRejected(f.pay("x".repeat(65), "alice", "bob", "1.00"), TransferResult.ID_INVALID);
        assertRejected(f.pay("open#alice", "alice", "bob", "1.00"), TransferResult.ID_INVALID);
    }

    @Test
    void transfer_existsWithDifferentFrom() {
        f.open("carol", "100.00");
        f.pay("t1", "alice", "bob", "1.00");
        assertThat(f.pay("t1", "carol", "bob", "1.00").result()).isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_FROM);
        assertThat(f.posted("carol")).isEqualTo(usd("100.00"));
    }

    @Test
    void transfer_existsWithDifferentTo() {
        f.open("carol", "100.00");
        f.pay("t1", "alice", "bob", "1.00");
        assertThat(f.pay("t1", "alice", "carol", "1.00").result()).isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_TO);
        assertThat(f.posted("carol")).isEqualTo(usd("100.00"));
    }

    @Test
    void transfer_existsWithDifferentAmount() {
        f.pay("t1", "alice", "bob", "1.00");
        assertThat(f.pay("t1", "alice", "bob", "1.01").result()).isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_AMOUNT);
        assertThat(f.posted("alice")).isEqualTo(usd("999.00"));
    }

    @Test
    void transfer_existsWithDifferentCurrency() {
        f.pay("t1", "alice", "bob", "1.00");
        TransferOutcome outcome =
                f.bank.transfer(NewTransfer.of("t1", "alice", "bob", Money.ofMinor(100, "EUR"), "test"));
        assertThat(outcome.result()).isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_CURRENCY);
    }

    @Test
    void transfer_existsWithDifferentReference() {
        f.pay("t1", "alice", "bob", "1.00");
        TransferOutcome outcome = f.bank.transfer(NewTransfer.of("t1", "alice", "bob", usd("1.00"), "other"));
        assertThat(outcome.result()).isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_REFERENCE);
    }

    @Test
    void transfer_existsWithDifferentPending() {
        f.pay("t1", "alice", "bob", "1.00");
        TransferOutcome outcome = f.bank.transfer(NewTransfer.pending("t1", "alice", "bob", usd("1.00"), "test", null));
        assertThat(outcome.result()).isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_PENDING);
    }

    @Test
    void transfer_existsWithDifferentTimeout() {
        f.hold("h1", "alice", "bob", "1.00", Duration.ofHours(1));
        assertThat(f.hold("h1", "alice", "bob", "1.00", Duration.ofHours(2)).result())
                .isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_TIMEOUT);
    }

    @Test
    void transfer_referenceTooLong() {
        TransferOutcome outcome = f.bank.transfer(NewTransfer.of("t1", "alice", "bob", usd("1.00"), "r".repeat(257)));
        assertRejected(outcome, TransferResult.REFERENCE_TOO_LONG);
    }

    @Test
    void transfer_accountsMustDiffer() {
        assertRejected(f.pay("t1", "alice", "alice", "1.00"), TransferResult.ACCOUNTS_MUST_DIFFER);
    }

    @Test
    void transfer_amountMustBePositive() {
        assertRejected(f.pay("t1", "alice", "bob", "0"), TransferResult.AMOUNT_MUST_BE_POSITIVE);
        assertRejected(f.pay("t2", "alice", "bob", "-1.00"), TransferResult.AMOUNT_MUST_BE_POSITIVE);
    }

    @Test
    void transfer_timeoutInvalid() {
        assertRejected(
                f.bank.transfer(new NewTransfer("t1", "alice", "bob", usd("1"), "", false, Duration.ofHours(1))),
                TransferResult.TIMEOUT_INVALID);
        assertRejected(f.hold("t2", "alice", "bob", "1.00", Duration.ZERO), TransferResult.TIMEOUT_INVALID);
        assertRejected(f.hold("t3", "alice", "bob", "1.00", Duration.ofDays(40_000)), TransferResult.TIMEOUT_INVALID);
    }

    @Test
    void transfer_debitAccountNotFound() {
        assertRejected(f.pay("t1", "nobody", "bob", "1.00"), TransferResult.DEBIT_ACCOUNT_NOT_FOUND);
    }

    @Test
    void transfer_creditAccountNotFound() {
        assertRejected(f.pay("t1", "alice", "nobody", "1.00"), TransferResult.CREDIT_ACCOUNT_NOT_FOUND);
    }

    @Test
    void transfer_currencyMismatch() {
        f.bank.createAccount(NewAccount.customer("eve", "Eve", Money.of("10.00", "EUR")));
        assertRejected(
                f.bank.transfer(NewTransfer.of("t1", "alice", "bob", Money.of("1.00", "EUR"), "")),
                TransferResult.CURRENCY_MISMATCH);
        assertRejected(f.pay("t2", "alice", "eve", "1.00"), TransferResult.CURRENCY_MISMATCH);
    }

    @Test
    void transfer_debitAccountClosed() {
        assertThat(f.bank.closeAccount("alice").result()).isEqualTo(AccountResult.OK);
        assertRejected(f.pay("t1", "alice", "bob", "1.00"), TransferResult.DEBIT_ACCOUNT_CLOSED);
    }

    @Test
    void transfer_creditAccountClosed() {
        f.bank.closeAccount("bob");
        assertRejected(f.pay("t1", "alice", "bob", "1.00"), TransferResult.CREDIT_ACCOUNT_CLOSED);
    }

    @Test
    void transfer_overflow() {
        Money huge = Money.ofMinor(Long.MAX_VALUE, "USD");
        f.bank.createAccount(new NewAccount("src", "S", huge.currency(), AccountFlags.NONE, 0));
        f.bank.createAccount(new NewAccount("dst", "D", huge.currency(), AccountFlags.NONE, 0));
        assertThat(f.bank.transfer(NewTransfer.of("t1", "src", "dst", huge, "")).result())
                .isEqualTo(TransferResult.OK);
        assertThat(f.bank.transfer(NewTransfer.of("t2", "src", "dst", usd("0.01"), ""))
                        .result())
                .isEqualTo(TransferResult.OVERFLOW);
        assertThat(f.bank.audit().ok()).isTrue();
    }

    @Test
    void transfer_insufficientFunds_countsHoldsAndOverdraft() {
        assertRejected(f.pay("t1", "alice", "bob", "1000.01"), TransferResult.INSUFFICIENT_FUNDS);
        f.hold("h1", "alice", "bob", "600.00", null);
        assertThat(f.pay("t2", "alice", "bob", "400.01").result()).isEqualTo(TransferResult.INSUFFICIENT_FUNDS);
        f.bank.createAccount(new NewAccount("od", "O", usd("0").currency(), AccountFlags.overdraft(5_000), 0));
        assertThat(f.pay("t3", "od", "bob", "50.00").result()).isEqualTo(TransferResult.OK);
        assertThat(f.pay("t4", "od", "bob", "0.01").result()).isEqualTo(TransferResult.INSUFFICIENT_FUNDS);
        assertThat(f.posted("od")).isEqualTo(usd("-50.00"));
    }

    @Test
    void transfer_exceedsDebits() {
        f.bank.createAccount(new NewAccount("loan", "L", usd("0").currency(), AccountFlags.creditsLimited(), 0));
        assertRejected(f.pay("t1", "alice", "loan", "1.00"), TransferResult.EXCEEDS_DEBITS);
        f.bank.createAccount(new NewAccount("lender", "B", usd("0").currency(), AccountFlags.NONE, 0));
        assertThat(f.pay("t2", "loan", "lender", "100.00").result()).isEqualTo(TransferResult.OK);
        assertThat(f.pay("t3", "alice", "loan", "100.00").result()).isEqualTo(TransferResult.OK);
        assertThat(f.pay("t4", "alice", "loan", "0.01").result()).isEqualTo(TransferResult.EXCEEDS_DEBITS);
    }

    @Test
    void post_pendingNotFound() {
        assertThat(f.bank.post("nope", null).result()).isEqualTo(TransferResult.PENDING_NOT_FOUND);
        assertThat(f.bank.voidPending("nope").result()).isEqualTo(TransferResult.PENDING_NOT_FOUND);
    }

    @Test
    void post_notPending() {
        f.pay("t1", "alice", "bob", "1.00");
        assertThat(f.bank.post("t1", null).result()).isEqualTo(TransferResult.NOT_PENDING);
        assertThat(f.bank.voidPending("t1").result()).isEqualTo(TransferResult.NOT_PENDING);
    }

    @Test
    void post_pendingAlreadyPosted() {
        f.hold("h1", "alice", "bob", "10.00", null);
        assertThat(f.bank.post("h1", null).result()).isEqualTo(TransferResult.OK);
        assertThat(f.bank.post("h1", null).result()).isEqualTo(TransferResult.PENDING_ALREADY_POSTED);
        assertThat(f.bank.voidPending("h1").result()).isEqualTo(TransferResult.PENDING_ALREADY_POSTED);
        assertThat(f.posted("bob")).isEqualTo(usd("510.00"));
    }

    @Test
    void post_pendingAlreadyVoided() {
        f.hold("h1", "alice", "bob", "10.00", null);
        assertThat(f.bank.voidPending("h1").result()).isEqualTo(TransferResult.OK);
        assertThat(f.bank.voidPending("h1").result()).isEqualTo(TransferResult.PENDING_ALREADY_VOIDED);
        assertThat(f.bank.post("h1", null).result()).isEqualTo(TransferResult.PENDING_ALREADY_VOIDED);
        assertThat(f.available("alice")).isEqualTo(usd("1000.00"));
    }

    @Test
    void post_pendingExpired() {
        f.hold("h1", "alice", "bob", "10.00", Duration.ofMinutes(5));
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(f.bank.post("h1", null).result()).isEqualTo(TransferResult.PENDING_EXPIRED);
        assertThat(f.bank.voidPending("h1").result()).isEqualTo(TransferResult.PENDING_EXPIRED);
        assertThat(f.available("alice")).isEqualTo(usd("1000.00"));
        assertThat(f.bank.lookupTransfer("h1").orElseThrow().status()).isEqualTo(TransferStatus.EXPIRED);
    }

    @Test
    void post_exceedsPendingAmount() {
        f.hold("h1", "alice", "bob", "10.00", null);
        assertThat(f.bank.post("h1", usd("10.01")).result()).isEqualTo(TransferResult.EXCEEDS_PENDING_AMOUNT);
        assertThat(f.bank.post("h1", usd("0")).result()).isEqualTo(TransferResult.AMOUNT_MUST_BE_POSITIVE);
        assertThat(f.bank.post("h1", Money.of("1", "EUR")).result()).isEqualTo(TransferResult.CURRENCY_MISMATCH);
        assertThat(f.bank.lookupTransfer("h1").orElseThrow().status()).isEqualTo(TransferStatus.PENDING);
    }

    @Test
    void chain_linkedEventFailed_andChainEmpty() {
        ChainOutcome outcome = f.bank.transferLinked(List.of(
                NewTransfer.of("c1", "alice", "bob", usd("1.00"), ""),
                NewTransfer.of("c2", "alice", "nobody", usd("1.00"), "")));
        assertThat(outcome.result()).isEqualTo(TransferResult.CREDIT_ACCOUNT_NOT_FOUND);
        assertThat(outcome.outcomes().get(0).result()).isEqualTo(TransferResult.LINKED_EVENT_FAILED);
        assertThat(f.bank.transferLinked(List.of()).result()).isEqualTo(TransferResult.CHAIN_EMPTY);
        assertThat(f.bank.lookupTransfer("c1")).isEmpty();
        assertRejected(outcome.outcomes().get(1), TransferResult.CREDIT_ACCOUNT_NOT_FOUND);
    }
}
