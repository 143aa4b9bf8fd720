package dev.keel.bank;

import static dev.keel.bank.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Linked chains: all or nothing, the first failure named, later members may spend what earlier ones moved. */
final class LinkedChainTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void chain_allValid_appliesInOrder_laterMembersSpendEarlierCredits() {
        f.open("carol", "0");
        ChainOutcome outcome = f.bank.transferLinked(List.of(
                NewTransfer.of("c1", "alice", "carol", usd("100.00"), ""),
                NewTransfer.of("c2", "carol", "bob", usd("100.00"), ""),
                NewTransfer.pending("c3", "bob", "alice", usd("50.00"), "", Duration.ofMinutes(1))));
        assertThat(outcome.result()).isEqualTo(TransferResult.OK);
        assertThat(outcome.failedIndex()).isEqualTo(-1);
        assertThat(outcome.outcomes()).allSatisfy(o -> assertThat(o.result()).isEqualTo(TransferResult.OK));
        assertThat(f.posted("carol")).isEqualTo(usd("0.00"));
        assertThat(f.posted("bob")).isEqualTo(usd("600.00"));
        assertThat(f.available("bob")).isEqualTo(usd("550.00"));
    }

    @Test
    void chain_memberFails_nothingRemains_firstFailureNamed() {
        f.open("carol", "0");
        ChainOutcome outcome = f.bank.transferLinked(List.of(
                NewTransfer.of("c1", "alice", "carol", usd("100.00"), ""),
                NewTransfer.pending("c2", "carol", "bob", usd("60.00"), "", Duration.ofMinutes(1)),
                NewTransfer.of("c3", "carol", "bob", usd("40.01"), ""),
                NewTransfer.of("c4", "carol", "nobody", usd("1.00"), "")));
        assertThat(outcome.result()).isEqualTo(TransferResult.INSUFFICIENT_FUNDS);
        assertThat(outcome.failedIndex()).isEqualTo(2);
        assertThat(outcome.outcomes())
                .extracting(TransferOutcome::result)
                .containsExactly(
                        TransferResult.LINKED_EVENT_FAILED,
                        TransferResult.LINKED_EVENT_FAILED,
                        TransferResult.INSUFFICIENT_FUNDS,
                        TransferResult.LINKED_EVENT_FAILED);
        assertThat(f.bank.lookupTransfer("c1")).isEmpty();
        assertThat(f.bank.lookupTransfer("c2")).isEmpty();
        assertThat(f.bank.balance("carol").orElseThrow()).isEqualTo(new Balance(usd("0").currency(), 0, 0, 0, 0));
        assertThat(f.bank.statement("alice", 0, 10).orElseThrow().lines()).hasSize(1);
        assertThat(f.bank.audit().ok()).isTrue();
        // The rolled-back hold's expiry entry must not expire a later transfer that reuses its id.
        f.clock.advance(Duration.ofSeconds(30));
        f.hold("c2", "alice", "bob", "1.00", Duration.ofMinutes(1));
        f.clock.advance(Duration.ofSeconds(45));
        assertThat(f.bank.lookupTransfer("c2").orElseThrow().status()).isEqualTo(TransferStatus.PENDING);
    }

    @Test
    void chain_resubmitted_isExistsForEveryMember_andMovesNothingMore() {
        List<NewTransfer> chain = List.of(
                NewTransfer.of("c1", "alice", "bob", usd("1.00"), ""),
                NewTransfer.of("c2", "alice", "bob", usd("2.00"), ""));
        assertThat(f.bank.transferLinked(chain).result()).isEqualTo(TransferResult.OK);
        ChainOutcome again = f.bank.transferLinked(chain);
        assertThat(again.result()).isEqualTo(TransferResult.OK);
        assertThat(again.outcomes())
                .extracting(TransferOutcome::result)
                .containsExactly(TransferResult.EXISTS, TransferResult.EXISTS);
        assertThat(f.posted("alice")).isEqualTo(usd("997.00"));
    }

    @Test
    void transferAll_independent_eachJudgedAlone() {
        List<TransferOutcome> outcomes = f.bank.transferAll(List.of(
                NewTransfer.of("b1", "alice", "bob", usd("1.00"), ""),
                NewTransfer.of("b2", "alice", "bob", usd("5000.00"), ""),
                NewTransfer.of("b3", "bob", "alice", usd("2.00"), "")));
        assertThat(outcomes)
                .extracting(TransferOutcome::result)
                .containsExactly(TransferResult.OK, TransferResult.INSUFFICIENT_FUNDS, TransferResult.OK);
        assertThat(f.posted("alice")).isEqualTo(usd("1001.00"));
    }
}
