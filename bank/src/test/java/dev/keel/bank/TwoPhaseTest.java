package dev.keel.bank;

import static dev.keel.bank.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Holds on a manual clock: reserve, then post in full or in part, void, or expire; each resolves once. */
final class TwoPhaseTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void hold_reservesFromAvailable_butNotFromPosted_andIncomingIsNotSpendable() {
        assertThat(f.hold("h1", "alice", "bob", "300.00", Duration.ofHours(1)).result())
                .isEqualTo(TransferResult.OK);
        Balance alice = f.bank.balance("alice").orElseThrow();
        assertThat(alice.posted()).isEqualTo(usd("1000.00"));
        assertThat(alice.pending()).isEqualTo(usd("-300.00"));
        assertThat(alice.available()).isEqualTo(usd("700.00"));
        Balance bob = f.bank.balance("bob").orElseThrow();
        assertThat(bob.pending()).isEqualTo(usd("300.00"));
        assertThat(bob.available()).isEqualTo(usd("500.00"));
        assertThat(f.pay("t1", "bob", "alice", "500.01").result()).isEqualTo(TransferResult.INSUFFICIENT_FUNDS);
        assertThat(f.bank.audit().ok()).isTrue();
    }

    @Test
    void post_inFull_movesTheReservedAmount() {
        f.hold("h1", "alice", "bob", "300.00", Duration.ofHours(1));
        f.clock.advance(Duration.ofMinutes(59));
        TransferOutcome posted = f.bank.post("h1", null);
        assertThat(posted.result()).isEqualTo(TransferResult.OK);
        assertThat(posted.transfer().status()).isEqualTo(TransferStatus.POSTED);
        assertThat(posted.transfer().posted()).isEqualTo(usd("300.00"));
        assertThat(f.bank.balance("alice").orElseThrow().available()).isEqualTo(usd("700.00"));
        assertThat(f.posted("alice")).isEqualTo(usd("700.00"));
        assertThat(f.posted("bob")).isEqualTo(usd("800.00"));
        assertThat(f.bank.balance("bob").orElseThrow().pending()).isEqualTo(usd("0.00"));
        f.clock.advance(Duration.ofHours(2));
        assertThat(f.bank.lookupTransfer("h1").orElseThrow().status()).isEqualTo(TransferStatus.POSTED);
        assertThat(f.bank.audit().ok()).isTrue();
    }

    @Test
    void post_inPart_releasesTheRest() {
        f.hold("h1", "alice", "bob", "300.00", null);
        assertThat(f.bank.post("h1", usd("120.50")).result()).isEqualTo(TransferResult.OK);
        assertThat(f.posted("alice")).isEqualTo(usd("879.50"));
        assertThat(f.available("alice")).isEqualTo(usd("879.50"));
        assertThat(f.posted("bob")).isEqualTo(usd("620.50"));
        Statement statement = f.bank.statement("bob", 1, 10).orElseThrow();
        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.transferId()).isEqualTo("h1");
            assertThat(line.amount()).isEqualTo(usd("120.50"));
        });
        assertThat(f.bank.audit().ok()).isTrue();
    }

    @Test
    void void_releasesEverything() {
        f.hold("h1", "alice", "bob", "300.00", Duration.ofHours(1));
        assertThat(f.bank.voidPending("h1").transfer().status()).isEqualTo(TransferStatus.VOIDED);
        assertThat(f.bank.balance("alice").orElseThrow()).isEqualTo(new Balance(usd("0").currency(), 0, 100_000, 0, 0));
        f.clock.advance(Duration.ofHours(2));
        assertThat(f.bank.lookupTransfer("h1").orElseThrow().status()).isEqualTo(TransferStatus.VOIDED);
    }

    @Test
    void expiry_atTheTimeout_byTheInjectedClock_notBefore() {
        f.hold("h1", "alice", "bob", "300.00", Duration.ofMinutes(10));
        f.clock.advance(Duration.ofMinutes(10).minusNanos(1));
        assertThat(f.available("alice")).isEqualTo(usd("700.00"));
        f.clock.advanceNanos(1);
        assertThat(f.available("alice")).isEqualTo(usd("1000.00"));
        Transfer expired = f.bank.lookupTransfer("h1").orElseThrow();
        assertThat(expired.status()).isEqualTo(TransferStatus.EXPIRED);
        assertThat(expired.postedAmount()).isZero();
        assertThat(f.bank.post("h1", null).result()).isEqualTo(TransferResult.PENDING_EXPIRED);
        assertThat(f.bank.audit().ok()).isTrue();
    }

    @Test
    void resubmittingAHold_afterItResolved_isExistsWithTheResolvedTransfer() {
        f.hold("h1", "alice", "bob", "300.00", Duration.ofMinutes(10));
        f.bank.post("h1", null);
        TransferOutcome again = f.hold("h1", "alice", "bob", "300.00", Duration.ofMinutes(10));
        assertThat(again.result()).isEqualTo(TransferResult.EXISTS);
        assertThat(again.transfer().status()).isEqualTo(TransferStatus.POSTED);
        assertThat(f.posted("bob")).isEqualTo(usd("800.00"));
    }

    @Test
    void closedAccount_holdMayBeVoided_butNotPosted() {
        f.hold("h1", "alice", "bob", "300.00", null);
        f.hold("h2", "alice", "bob", "300.00", null);
        f.bank.closeAccount("bob");
        assertThat(f.bank.post("h1", null).result()).isEqualTo(TransferResult.CREDIT_ACCOUNT_CLOSED);
        assertThat(f.bank.voidPending("h2").result()).isEqualTo(TransferResult.OK);
        f.bank.closeAccount("alice");
        assertThat(f.bank.post("h1", null).result()).isEqualTo(TransferResult.DEBIT_ACCOUNT_CLOSED);
        assertThat(f.bank.voidPending("h1").result()).isEqualTo(TransferResult.OK);
        assertThat(f.available("alice")).isEqualTo(usd("1000.00"));
    }
}
