package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.FaultyDisk;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power cuts at seeded points under the ledger's log (keel-testing's {@link FaultyDisk}: unsynced writes lost, torn or
 * reordered): after each, the system refuses work with {@code LOG_FAILED}, and a reopen on the real disk finds every
 * acknowledged transfer, nothing else half-applied, and books that balance.
 */
@ExtendWith(SeedExtension.class)
final class BankPowerCutTest {

    private static final int ROUNDS = 100;

    @TempDir
    Path root;

    @Test
    void powerCut_atAnyWrite_losesNothingAcknowledged_andTheBooksBalance(SeededRandom random) throws Exception {
        int cutsDuringTransfers = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path dir = root.resolve("round-" + round);
            FaultyDisk disk = FaultyDisk.create(random.split())
                    .crashMode(random.pick(List.of(FaultyDisk.CrashMode.values())))
                    .cutPowerAfterWrites(random.nextInt(1, 40));
            BankOptions options =
                    BankOptions.builder(dir).channelOpener(disk::open).build();
            List<NewTransfer> acknowledged = new ArrayList<>();
            boolean opened = false;
            try (BankingSystem bank = BankingSystem.open(options)) {
                bank.createAccount(NewAccount.customer("a", "A", Money.of("1000.00", "USD")));
                bank.createAccount(NewAccount.customer("b", "B", Money.of("1000.00", "USD")));
                opened = true;
                for (int i = 0; i < 200; i++) {
                    NewTransfer transfer = random.chance(1, 5)
                            ? NewTransfer.pending("t" + i, "a", "b", Money.ofMinor(1 + i, "USD"), "", null)
                            : NewTransfer.of(
                                    "t" + i,
                                    i % 2 == 0 ? "a" : "b",
                                    i % 2 == 0 ? "b" : "a",
                                    Money.ofMinor(1 + i, "USD"),
                                    "");
                    assertThat(bank.transfer(transfer).result()).isEqualTo(TransferResult.OK);
                    acknowledged.add(transfer);
                }
            } catch (BankException e) {
                assertThat(e.code()).as(e.getMessage()).isEqualTo(BankException.Code.LOG_FAILED);
                cutsDuringTransfers += opened ? 1 : 0;
            } catch (IOException e) {
                assertThat(e).hasMessageContaining("power cut");
            }
            assertThat(disk.isPowerCut())
                    .as("round %d: the power was cut", round)
                    .isTrue();
            try (BankingSystem bank = BankingSystem.open(dir)) {
                assertThat(bank.audit().violations()).as("round %d", round).isEmpty();
                for (NewTransfer transfer : acknowledged) {
                    Transfer stored = bank.lookupTransfer(transfer.id()).orElse(null);
                    assertThat(stored)
                            .as("round %d: acknowledged %s", round, transfer.id())
                            .isNotNull();
                    assertThat(stored.amount()).isEqualTo(transfer.amount());
                }
                assertThat(bank.transferAll(acknowledged))
                        .allSatisfy(outcome -> assertThat(outcome.result()).isEqualTo(TransferResult.EXISTS));
            }
        }
        assertThat(cutsDuringTransfers).as("some cuts fell among the transfers").isPositive();
    }

    @Test
    void afterTheLogFails_everyRequestIsRefused_withLogFailed(SeededRandom random) throws Exception {
        FaultyDisk disk = FaultyDisk.create(random).cutPowerAfterWrites(1_000_000);
        Path dir = root.resolve("failed");
        BankingSystem bank = BankingSystem.open(
                BankOptions.builder(dir).channelOpener(disk::open).build());
        try {
            bank.createAccount(NewAccount.customer("a", "A", Money.of("1.00", "USD")));
            disk.cutPower(FaultyDisk.CrashMode.LOSE_UNSYNCED);
            assertThatThrownBy(() -> bank.transfer("a", "bank:funding:USD", Money.of("0.50", "USD"), ""))
                    .isInstanceOfSatisfying(
                            BankException.class, e -> assertThat(e.code()).isEqualTo(BankException.Code.LOG_FAILED));
            assertThatThrownBy(() -> bank.balance("a"))
                    .isInstanceOfSatisfying(
                            BankException.class, e -> assertThat(e.code()).isEqualTo(BankException.Code.LOG_FAILED));
        } finally {
            assertThatThrownBy(bank::close).isInstanceOf(IOException.class);
        }
        try (BankingSystem reopened = BankingSystem.open(dir)) {
            assertThat(reopened.balance("a").orElseThrow().posted()).isEqualTo(Money.of("1.00", "USD"));
        }
    }
}
