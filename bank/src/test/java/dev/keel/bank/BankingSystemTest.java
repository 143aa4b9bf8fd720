package dev.keel.bank;

import static dev.keel.bank.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

final class BankingSystemTest {

    @Test
    void seedExample_worksAsWritten() throws Exception {
        try (BankingSystem bank = BankingSystem.inMemory()) {
            Account alice = bank.createAccount("Alice", Money.of("1000.00", "USD"));
            Account bob = bank.createAccount("Bob", Money.of("500.00", "USD"));
            TransferOutcome outcome = bank.transfer("Alice", "Bob", Money.of("200.00", "USD"), "Payment");
            assertThat(outcome.result()).isEqualTo(TransferResult.OK);
            assertThat(alice.getBalance()).hasToString("USD 800.00");
            assertThat(bob.getBalance()).hasToString("USD 700.00");
            assertThat(outcome.transfer().id()).isEqualTo("auto#1");
            assertThat(bank.transfer("Alice", "Bob", Money.of("1.00", "USD"), "again")
                            .transfer()
                            .id())
                    .isEqualTo("auto#2");
            assertThat(bank.audit().ok()).isTrue();
        }
    }

    @Test
    void createAccount_convenience_refusedIsAnExceptionNamingTheResult() throws Exception {
        try (BankingSystem bank = BankingSystem.inMemory()) {
            bank.createAccount("Alice", Money.of("1.00", "USD"));
            assertThat(bank.createAccount("Alice", Money.of("1.00", "USD")).id())
                    .isEqualTo("Alice");
            assertThatThrownBy(() -> bank.createAccount("Alice", Money.of("2.00", "USD")))
                    .isInstanceOf(BankException.class)
                    .hasMessageContaining("EXISTS_WITH_DIFFERENT_INITIAL_BALANCE");
        }
    }

    @Test
    void createAccount_everyResultCode() throws Exception {
        try (Fixture f = new Fixture()) {
            Currency usd = usd("0").currency();
            BankingSystem bank = f.bank;
            assertThat(bank.createAccount(new NewAccount("a b", "A", usd, AccountFlags.CUSTOMER, 0))
                            .result())
                    .isEqualTo(AccountResult.ID_INVALID);
            assertThat(bank.createAccount(new NewAccount("bank:x", "A", usd, AccountFlags.CUSTOMER, 0))
                            .result())
                    .isEqualTo(AccountResult.ID_RESERVED);
            assertThat(bank.createAccount(new NewAccount("c", " ", usd, AccountFlags.CUSTOMER, 0))
                            .result())
                    .isEqualTo(AccountResult.OWNER_INVALID);
            assertThat(bank.createAccount(new NewAccount("c", "C", usd, AccountFlags.CUSTOMER, -1))
                            .result())
                    .isEqualTo(AccountResult.INITIAL_BALANCE_NEGATIVE);
            assertThat(bank.createAccount(new NewAccount("c", "C", usd, AccountFlags.creditsLimited(), 1))
                            .result())
                    .isEqualTo(AccountResult.INITIAL_BALANCE_NOT_ALLOWED);
            NewAccount alice = NewAccount.customer("alice", "alice", usd("1000.00"));
            assertThat(bank.createAccount(alice).result()).isEqualTo(AccountResult.EXISTS);
            assertThat(bank.createAccount(NewAccount.customer("alice", "alice", Money.of("1000.00", "EUR")))
                            .result())
                    .isEqualTo(AccountResult.EXISTS_WITH_DIFFERENT_CURRENCY);
            assertThat(bank.createAccount(NewAccount.customer("alice", "Al", usd("1000.00")))
                            .result())
                    .isEqualTo(AccountResult.EXISTS_WITH_DIFFERENT_OWNER);
            assertThat(bank.createAccount(new NewAccount("alice", "alice", usd, AccountFlags.NONE, 100_000))
                            .result())
                    .isEqualTo(AccountResult.EXISTS_WITH_DIFFERENT_FLAGS);
            assertThat(bank.createAccount(NewAccount.customer("alice", "alice", usd("1.00")))
                            .result())
                    .isEqualTo(AccountResult.EXISTS_WITH_DIFFERENT_INITIAL_BALANCE);
            bank.createAccount(new NewAccount("rich", "R", usd, AccountFlags.NONE, Long.MAX_VALUE - 150_000));
            assertThat(bank.createAccount(new NewAccount("richer", "R", usd, AccountFlags.NONE, 1))
                            .result())
                    .isEqualTo(AccountResult.OVERFLOW);
            assertThat(bank.closeAccount("nobody").result()).isEqualTo(AccountResult.ACCOUNT_NOT_FOUND);
            assertThat(bank.closeAccount("bob").result()).isEqualTo(AccountResult.OK);
            assertThat(bank.closeAccount("bob").result()).isEqualTo(AccountResult.ACCOUNT_ALREADY_CLOSED);
            assertThat(bank.account("bob").orElseThrow().isClosed()).isTrue();
            assertThat(bank.audit().ok()).isTrue();
        }
    }

    @Test
    void initialBalance_isATransferFromTheFundingAccount_soTheBooksBalance() throws Exception {
        try (Fixture f = new Fixture()) {
            Transfer opening = f.bank.lookupTransfer("open#alice").orElseThrow();
            assertThat(opening.from()).isEqualTo("bank:funding:USD");
            assertThat(f.posted("bank:funding:USD")).isEqualTo(usd("-1500.00"));
            AuditReport audit = f.bank.audit();
            assertThat(audit.ok()).isTrue();
            assertThat(audit.accounts()).isEqualTo(3);
            assertThat(audit.transfers()).isEqualTo(2);
        }
    }

    @Test
    void statement_pagesWithRunningBalances() throws Exception {
        try (Fixture f = new Fixture()) {
            for (int i = 1; i <= 5; i++) {
                f.clock.advance(Duration.ofSeconds(1));
                f.pay("t" + i, "alice", "bob", i + ".00");
            }
            Statement first = f.bank.statement("alice", 0, 4).orElseThrow();
            assertThat(first.lines())
                    .extracting(StatementLine::transferId)
                    .containsExactly("open#alice", "t1", "t2", "t3");
            assertThat(first.lines())
                    .extracting(line -> line.balance().toPlainString())
                    .containsExactly("1000.00", "999.00", "997.00", "994.00");
            assertThat(first.lines().get(1).amount()).isEqualTo(usd("-1.00"));
            assertThat(first.next()).isEqualTo(4);
            Statement second = f.bank.statement("alice", first.next(), 4).orElseThrow();
            assertThat(second.lines()).extracting(StatementLine::sequence).containsExactly(5L, 6L);
            assertThat(second.lines().get(1).balance()).isEqualTo(usd("985.00"));
            assertThat(second.next()).isEqualTo(-1);
            assertThat(f.bank.statement("nobody", 0, 10)).isEmpty();
        }
    }

    @Test
    void balanceAt_pastTimes_foldsPostingsUpToThen() throws Exception {
        try (Fixture f = new Fixture()) {
            Instant opened = f.clock.instant();
            f.clock.advance(Duration.ofHours(1));
            f.pay("t1", "alice", "bob", "100.00");
            Instant afterFirst = f.clock.instant();
            f.clock.advance(Duration.ofHours(1));
            f.pay("t2", "alice", "bob", "100.00");
            assertThat(f.bank.balanceAt("alice", opened.minusSeconds(1)).orElseThrow())
                    .isEqualTo(usd("0"));
            assertThat(f.bank.balanceAt("alice", opened.plusNanos(5)).orElseThrow())
                    .isEqualTo(usd("1000.00"));
            assertThat(f.bank.balanceAt("alice", afterFirst.plusSeconds(1)).orElseThrow())
                    .isEqualTo(usd("900.00"));
            assertThat(f.bank.balanceAt("alice", f.clock.instant().plusSeconds(1))
                            .orElseThrow())
                    .isEqualTo(usd("800.00"));
        }
    }

    @Test
    void close_thenAnyRequest_isClosedException() throws Exception {
        BankingSystem bank = BankingSystem.inMemory();
        bank.close();
        bank.close();
        assertThatThrownBy(() -> bank.balance("x"))
                .isInstanceOf(BankException.class)
                .satisfies(e -> assertThat(((BankException) e).code()).isEqualTo(BankException.Code.CLOSED));
    }

    @Test
    void options_commitGatherOutOfRangeOrWithPipelining_isRefusedNamingTheValue() {
        assertThatThrownBy(() ->
                        BankOptions.builder().commitGather(Duration.ofNanos(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commitGather (PT-0.000000001S)");
        assertThatThrownBy(() -> BankOptions.builder()
                        .commitGather(Duration.ofMillis(11))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commitGather (PT0.011S) must be in");
        assertThatThrownBy(() -> BankOptions.builder()
                        .commitGather(Duration.ofMillis(1))
                        .pipelineDepth(4)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs pipelineDepth 0, not 4");
    }

    @Test
    void options_commitGather_defaultsTo50MicrosOnlyWhereTheSequencerForcesEachBatchItself() {
        assertThat(BankOptions.builder().build().commitGather()).isEqualTo(Duration.ofNanos(50_000));
        assertThat(BankOptions.builder().pipelineDepth(4).build().commitGather())
                .isZero();
        assertThat(BankOptions.builder().forceThreads(2).build().commitGather()).isZero();
        assertThat(BankOptions.builder()
                        .syncPolicy(dev.keel.storage.SyncPolicy.NONE)
                        .build()
                        .commitGather())
                .isZero();
        assertThat(BankOptions.builder().commitGather(Duration.ZERO).build().commitGather())
                .isZero();
        // A copy follows its new design's default, and keeps a gather that was set.
        assertThat(BankOptions.builder().build().toBuilder()
                        .pipelineDepth(4)
                        .build()
                        .commitGather())
                .isZero();
        assertThat(BankOptions.builder().commitGather(Duration.ofMillis(1)).build().toBuilder()
                        .build()
                        .commitGather())
                .isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void options_forceThreadsOutOfRangeOrCombinedWithOtherCommitDesigns_isRefusedNamingTheValue() {
        assertThatThrownBy(() -> BankOptions.builder().forceThreads(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forceThreads (-1) must be in [0, 8]");
        assertThatThrownBy(() -> BankOptions.builder().forceThreads(9).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forceThreads (9) must be in [0, 8]");
        assertThatThrownBy(() ->
                        BankOptions.builder().forceThreads(2).pipelineDepth(4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forceThreads (2) needs pipelineDepth 0 and no commitGather, not 4");
        assertThatThrownBy(() -> BankOptions.builder()
                        .forceThreads(2)
                        .commitGather(Duration.ofMillis(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("and PT0.001S");
        assertThatThrownBy(() -> BankOptions.builder()
                        .forceThreads(2)
                        .syncPolicy(dev.keel.storage.SyncPolicy.NONE)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forceThreads (2) needs SyncPolicy.ALWAYS, not NONE");
        assertThat(BankOptions.builder().build().forceThreads()).isZero();
        assertThat(BankOptions.builder().forceThreads(2).build().toBuilder()
                        .build()
                        .forceThreads())
                .isEqualTo(2);
    }
}
