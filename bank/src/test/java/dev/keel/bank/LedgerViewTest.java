package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view captured between requests ({@link LedgerView}) encodes the ledger as it was at the capture, whatever the
 * sequencer does afterwards: the property that lets a snapshot be encoded off the sequencer's thread. Two ledgers run
 * the same seeded requests; one goes on after its capture (resolving holds created before it, rolling chains back,
 * opening accounts, growing histories past their chunks); its view must encode to the same bytes as the other's.
 */
@ExtendWith(SeedExtension.class)
final class LedgerViewTest {

    private static final byte[] HEAD = new byte[LedgerLog.HASH_SIZE];

    @TempDir
    Path dir;

    /** Seeded random requests against one ledger on a manual clock. */
    static final class Workload {
        final ManualTicker clock = ManualTicker.create();
        Ledger ledger = new Ledger(clock);
        private final SeededRandom random;
        private final List<String> accounts = new ArrayList<>();
        private final List<String> holds = new ArrayList<>();
        private int next;

        Workload(long seed) {
            random = SeededRandom.withSeed(seed);
            for (int i = 0; i < 6; i++) {
                open("hot" + i, 50_000_000);
            }
            for (int i = 0; i < 4; i++) {
                open("rare" + i, 1_000); // a few postings each: their first chunk still grows by copying
            }
        }

        void open(String id, long initial) {
            assertThat(ledger.openAccount(NewAccount.customer(id, id, new Money(initial, Money.currency("USD")))))
                    .isEqualTo(AccountResult.OK);
            accounts.add(id);
        }

        void run(int requests) {
            for (int i = 0; i < requests; i++) {
                clock.advanceNanos(random.nextLong(1, 100_000));
                step();
                ledger.drainEvents();
            }
        }

        private String account() {
            return random.chance(1, 40) ? "rare" + random.nextInt(4) : accounts.get(random.nextInt(accounts.size()));
        }

        private NewTransfer transfer(boolean pending) {
            String from = account();
            String to = account();
            Money amount = new Money(random.nextLong(1, 5_000), Money.currency("USD"));
            String id = "t" + next++;
            if (!pending) {
                return NewTransfer.of(id, from, to, amount, "r");
            }
            holds.add(id);
            Duration timeout = random.chance(1, 2) ? Duration.ofNanos(random.nextLong(1, 3_000_000)) : null;
            return NewTransfer.pending(id, from, to, amount, "h", timeout);
        }

        private String someHold() {
            return holds.get(random.nextInt(holds.size()));
        }

        private void step() {
            int dice = random.nextInt(100);
            if (dice < 55) {
                ledger.transfer(transfer(random.chance(1, 4)));
            } else if (dice < 65 && !holds.isEmpty()) {
                ledger.post(
                        someHold(),
                        random.chance(1, 2) ? null : new Money(random.nextLong(1, 3_000), Money.currency("USD")));
            } else if (dice < 72 && !holds.isEmpty()) {
                ledger.voidPending(someHold());
            } else if (dice < 78) {
                clock.advance(Duration.ofMillis(random.nextInt(1, 3)));
                ledger.expireDue();
            } else if (dice < 98) {
                List<NewTransfer> chain = new ArrayList<>();
                int length = random.nextInt(1, 5);
                for (int i = 0; i < length; i++) {
                    chain.add(transfer(random.chance(1, 5)));
                }
                if (random.chance(1, 2)) { // fails last: every member before it rolls back
                    chain.add(NewTransfer.of(
                            "t" + next++, account(), account(), new Money(1, Money.currency("EUR")), "fails"));
                }
                ledger.transferLinked(chain);
            } else {
                open("late" + next++, random.nextLong(0, 10_000));
            }
        }
    }

    private byte[] encode(LedgerView view, String name) throws IOException {
        Path into = Files.createDirectories(dir.resolve(name));
        LedgerSnapshot.write(into, view);
        return Files.readAllBytes(into.resolve(LedgerSnapshot.FILE));
    }

    @RepeatedTest(4)
    void aCapturedView_encodesTheLedgerAsItWasAtTheCapture_whateverHappensAfter(SeededRandom seeded)
            throws IOException {
        long seed = seeded.seed();
        int before = 30_000 + seeded.nextInt(10_000); // past a posting chunk on the hot accounts, and a list chunk
        Workload going = new Workload(seed);
        going.run(before);
        LedgerView captured = going.ledger.capture(7, HEAD);
        going.run(30_000);

        Workload stopped = new Workload(seed);
        stopped.run(before);
        byte[] expected = encode(stopped.ledger.capture(7, HEAD), "stopped");

        assertThat(going.ledger.transfers().size())
                .isGreaterThan(stopped.ledger.transfers().size());
        byte[] actual = encode(captured, "going");
        assertThat(java.util.Arrays.mismatch(actual, expected))
                .as("the first byte where the view encodes differently (of %d and %d)", actual.length, expected.length)
                .isEqualTo(-1);
    }

    @RepeatedTest(2)
    void aVersion2Snapshot_loadsIntoTheSameLedger_whichAuditsClean(SeededRandom seeded) throws IOException {
        Workload original = new Workload(seeded.seed());
        original.run(20_000);
        LedgerSnapshot.write(dir, original.ledger.capture(42, HEAD));

        Ledger loaded = new Ledger(original.clock);
        LedgerSnapshot.Loaded header = LedgerSnapshot.load(dir, loaded);

        assertThat(header.coveredLsn()).isEqualTo(42);
        assertSameLedger(loaded, original.ledger);
        assertThat(Audit.of(loaded).violations()).isEmpty();
        // The loaded ledger goes on as the original does: its holds still expire, its transfers still resolve, and
        // its own next snapshot holds the same ledger.
        Workload twin = new Workload(seeded.seed());
        twin.run(20_000);
        twin.ledger = new Ledger(twin.clock);
        LedgerSnapshot.load(dir, twin.ledger);
        original.run(5_000);
        twin.run(5_000);
        assertSameLedger(twin.ledger, original.ledger);
        Path again = Files.createDirectories(dir.resolve("again"));
        LedgerSnapshot.write(again, twin.ledger.capture(43, HEAD));
        Ledger reloaded = new Ledger(original.clock);
        LedgerSnapshot.load(again, reloaded);
        assertSameLedger(reloaded, original.ledger);
    }

    static void assertSameLedger(Ledger actual, Ledger expected) {
        assertThat(actual.lastTimestamp()).isEqualTo(expected.lastTimestamp());
        Map<String, Transfer> transfers = new HashMap<>();
        expected.transfers().forEach(t -> transfers.put(t.id(), t));
        Map<String, Transfer> restored = new HashMap<>();
        actual.transfers().forEach(t -> restored.put(t.id(), t));
        assertThat(restored).isEqualTo(transfers);
        assertThat(actual.accounts()).hasSameSizeAs(expected.accounts());
        for (AccountState account : expected.accounts()) {
            AccountState copy = actual.findAccount(account.id);
            assertThat(copy.balance()).as(account.id).isEqualTo(account.balance());
            assertThat(copy.closed).isEqualTo(account.closed);
            assertThat(copy.postings()).as(account.id).isEqualTo(account.postings());
            for (int i = 0; i < account.postings(); i++) {
                assertThat(copy.postingTimestamp(i)).isEqualTo(account.postingTimestamp(i));
                assertThat(copy.balanceAfter(i)).isEqualTo(account.balanceAfter(i));
                assertThat(copy.postingTransfer(i)).isEqualTo(account.postingTransfer(i));
            }
        }
    }
}
