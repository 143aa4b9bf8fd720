package dev.keel.bank;

import dev.keel.testing.ManualTicker;

/** A bank in memory on a manual clock, with alice (USD 1000.00) and bob (USD 500.00), both customers. */
final class Fixture implements AutoCloseable {

    final ManualTicker clock = ManualTicker.create();
    final BankingSystem bank = BankingSystem.inMemory(clock);

    Fixture() {
        open("alice", "1000.00");
        open("bob", "500.00");
        // The ledger's timestamps are unique: events at one clock reading get readings 1 ns apart. Moving on makes
        // the tests' holds start exactly at the clock's reading.
        clock.advance(java.time.Duration.ofSeconds(1));
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    void open(String id, String initial) {
        AccountOutcome outcome = bank.createAccount(NewAccount.customer(id, id, usd(initial)));
        if (outcome.result() != AccountResult.OK) {
            throw new AssertionError("opening " + id + ": " + outcome);
        }
    }

    TransferOutcome pay(String id, String from, String to, String amount) {
        return bank.transfer(NewTransfer.of(id, from, to, usd(amount), "test"));
    }

    TransferOutcome hold(String id, String from, String to, String amount, java.time.Duration timeout) {
        return bank.transfer(NewTransfer.pending(id, from, to, usd(amount), "hold", timeout));
    }

    Money posted(String account) {
        return bank.balance(account).orElseThrow().posted();
    }

    Money available(String account) {
        return bank.balance(account).orElseThrow().available();
    }

    @Override
    public void close() throws java.io.IOException {
        bank.close();
    }
}
