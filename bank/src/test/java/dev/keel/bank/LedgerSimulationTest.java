package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded, deterministic simulation: a million random requests (opening and closing accounts, transfers, holds,
 * posts, voids, expiry by the clock, linked chains, exact and altered resubmits, invalid requests) run against the
 * {@link Ledger} and against {@link LedgerModel}; every answer must agree, and after every step every account must
 * match the model and the books must balance per currency. A full audit runs every 100,000 steps, and at the end the
 * ledger is rebuilt from its events alone and must equal the original. The seed is printed on failure.
 */
@ExtendWith(SeedExtension.class)
final class LedgerSimulationTest {

    private static final int OPERATIONS = Integer.getInteger("keel.bank.simulation.operations", 1_000_000);
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AccountFlags[] FLAGS = {
        AccountFlags.CUSTOMER,
        AccountFlags.CUSTOMER,
        AccountFlags.overdraft(20_000),
        AccountFlags.NONE,
        AccountFlags.creditsLimited()
    };

    private final ManualTicker clock = ManualTicker.create();
    private final Ledger ledger = new Ledger(clock);
    private final LedgerModel model = new LedgerModel();
    private final List<Event> events = new ArrayList<>();
    private final List<NewTransfer> submitted = new ArrayList<>();
    private final Map<String, Integer> outcomes = new HashMap<>();
    private SeededRandom random;
    private int nextTransfer;

    @Test
    void randomRequests_agreeWithTheModel_andKeepEveryInvariant(SeededRandom seeded) {
        random = seeded;
        for (int i = 0; i < 8; i++) {
            step(i, 0); // open a few accounts before anything else
        }
        for (int step = 0; step < OPERATIONS; step++) {
            clock.advanceNanos(random.nextLong(1, 200_000));
            step(step, random.nextInt(100));
            checkAccounts(step);
            if (step % 100_000 == 99_999) {
                assertThat(Audit.of(ledger).violations())
                        .as("audit at step %d", step)
                        .isEmpty();
            }
            events.addAll(ledger.drainEvents());
        }
        assertThat(Audit.of(ledger).violations()).isEmpty();
        checkTransfers();
        checkReplay();
        // The mix reached the interesting outcomes, not only the easy ones.
        assertThat(outcomes.keySet())
                .contains("OK", "EXISTS", "INSUFFICIENT_FUNDS", "EXCEEDS_DEBITS", "PENDING_EXPIRED", "OVERFLOW")
                .contains("PENDING_ALREADY_POSTED", "PENDING_ALREADY_VOIDED", "NOT_PENDING")
                .contains("EXISTS_WITH_DIFFERENT_AMOUNT", "CURRENCY_MISMATCH", "DEBIT_ACCOUNT_CLOSED");
    }

    private void step(int step, int dice) {
        long now = nanos(clock.instant());
        if (dice < 3) {
            NewAccount request = new NewAccount(
                    random.chance(1, 50) ? "bad id" : accountId(),
                    "owner",
                    random.chance(9, 10) ? USD : EUR,
                    FLAGS[random.nextInt(FLAGS.length)],
                    random.chance(1, 100) ? Long.MAX_VALUE / 3 : random.chance(1, 3) ? 0 : random.nextLong(0, 200_000));
            AccountResult expected = model.open(request, now);
            expect(step, request, expected.name(), ledger.openAccount(request).name());
        } else if (dice < 4 && random.chance(1, 500)) {
            String id = "c" + random.nextInt(10);
            expect(
                    step,
                    "close " + id,
                    model.close(id, now).name(),
                    ledger.closeAccount(id).name());
        } else if (dice < 60) {
            NewTransfer request = newTransfer(random.chance(1, 4));
            expect(step, request, model.transfer(request, now).name(), outcomeOf(ledger.transfer(request)));
        } else if (dice < 70 && !submitted.isEmpty()) {
            NewTransfer request = submitted.get(random.nextInt(submitted.size()));
            if (random.chance(1, 3)) {
                request = altered(request);
            }
            expect(step, request, model.transfer(request, now).name(), outcomeOf(ledger.transfer(request)));
        } else if (dice < 82 && !submitted.isEmpty()) {
            NewTransfer hold = submitted.get(random.nextInt(submitted.size()));
            Long amount = random.chance(1, 2)
                    ? null
                    : random.nextLong(-1, hold.amount().minorUnits() + 2);
            Currency currency = random.chance(1, 50) ? EUR : hold.amount().currency();
            String expected = model.post(hold.id(), amount, currency.getCurrencyCode(), now)
                    .name();
            String actual = outcomeOf(ledger.post(hold.id(), amount == null ? null : new Money(amount, currency)));
            expect(step, "post " + hold.id() + " " + amount, expected, actual);
        } else if (dice < 88 && !submitted.isEmpty()) {
            NewTransfer hold = submitted.get(random.nextInt(submitted.size()));
            expect(
                    step,
                    "void " + hold.id(),
                    model.voidHold(hold.id(), now).name(),
                    outcomeOf(ledger.voidPending(hold.id())));
        } else if (dice < 96) {
            List<NewTransfer> chain = new ArrayList<>();
            int length = random.chance(1, 20) ? 0 : random.nextInt(1, 5);
            for (int i = 0; i < length; i++) {
                chain.add(
                        random.chance(1, 10) && !submitted.isEmpty()
                                ? submitted.get(random.nextInt(submitted.size()))
                                : newTransfer(random.chance(1, 4)));
            }
            String expected = model.chain(chain, now).name();
            ChainOutcome outcome = ledger.transferLinked(chain);
            expect(step, chain, expected, outcome.result().name());
        } else {
            clock.advance(Duration.ofMillis(random.nextInt(1, 20)));
            long later = nanos(clock.instant());
            model.begin(later);
            ledger.expireDue();
        }
    }

    /** One of the requests submitted lately, half the time among the last 50: holds that may still be pending. */
    private NewTransfer recent() {
        int size = submitted.size();
        return random.chance(1, 2)
                ? submitted.get(size - 1 - random.nextInt(Math.min(size, 50)))
                : submitted.get(random.nextInt(size));
    }

    private String outcomeOf(TransferOutcome outcome) {
        return outcome.result().name();
    }

    private void expect(int step, Object request, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("step " + step + ": " + request + " -> ledger " + actual + ", model " + expected);
        }
        outcomes.merge(actual, 1, Integer::sum);
    }

    /** Mostly one of 40 accounts that stay open; sometimes one of 10 that may be closed, or one never opened. */
    private String accountId() {
        if (random.chance(1, 100)) {
            return "ghost";
        }
        return random.chance(1, 20) ? "c" + random.nextInt(10) : "a" + random.nextInt(40);
    }

    private NewTransfer newTransfer(boolean pending) {
        String id = random.chance(1, 200) ? "bad id" : "t" + nextTransfer++;
        String from = accountId();
        String to = random.chance(1, 50) ? from : accountId();
        long amount = random.chance(1, 100)
                ? (random.chance(1, 2) ? 0 : Long.MAX_VALUE / 2)
                : random.nextLong(1, random.chance(1, 5) ? 100_000 : 5_000);
        LedgerModel.Acct debit = model.accounts.get(from);
        Currency currency = debit == null || random.chance(1, 50)
                ? random.pick(List.of(USD, EUR))
                : Currency.getInstance(debit.currency);
        Duration timeout = pending && random.chance(3, 4) ? Duration.ofNanos(random.nextLong(1, 50_000_000)) : null;
        NewTransfer request = new NewTransfer(id, from, to, new Money(amount, currency), "r", pending, timeout);
        submitted.add(request);
        if (submitted.size() > 2_000) {
            submitted.remove(random.nextInt(submitted.size()));
        }
        return request;
    }

    private NewTransfer altered(NewTransfer r) {
        return switch (random.nextInt(5)) {
            case 0 ->
                new NewTransfer(r.id(), r.from() + "x", r.to(), r.amount(), r.reference(), r.pending(), r.timeout());
            case 1 ->
                new NewTransfer(
                        r.id(),
                        r.from(),
                        r.to(),
                        new Money(r.amount().minorUnits() + 1, r.amount().currency()),
                        r.reference(),
                        r.pending(),
                        r.timeout());
            case 2 -> new NewTransfer(r.id(), r.from(), r.to(), r.amount(), "other", r.pending(), r.timeout());
            case 3 -> new NewTransfer(r.id(), r.from(), r.to(), r.amount(), r.reference(), !r.pending(), r.timeout());
            default ->
                new NewTransfer(
                        r.id(), r.from(), r.to(), r.amount(), r.reference(), r.pending(), Duration.ofSeconds(7));
        };
    }

    private void checkAccounts(int step) {
        Map<Currency, long[]> sums = new HashMap<>();
        assertThat(ledger.accounts()).hasSameSizeAs(model.accounts.entrySet());
        for (AccountState account : ledger.accounts()) {
            LedgerModel.Acct expected = model.accounts.get(account.id);
            if (expected == null
                    || expected.dp != account.debitsPosted
                    || expected.cp != account.creditsPosted
                    || expected.dpend != account.debitsPending
                    || expected.cpend != account.creditsPending
                    || expected.closed != account.closed) {
                throw new AssertionError("step " + step + ": account " + account.id + " is " + account.balance()
                        + " closed=" + account.closed + ", the model has "
                        + (expected == null
                                ? "none"
                                : expected.dp + "/" + expected.cp + "/" + expected.dpend + "/" + expected.cpend
                                        + " closed=" + expected.closed));
            }
            long[] s = sums.computeIfAbsent(account.currency, c -> new long[4]);
            s[0] += account.debitsPosted;
            s[1] += account.creditsPosted;
            s[2] += account.debitsPending;
            s[3] += account.creditsPending;
            AccountFlags flags = account.flags;
            if (flags.debitsMustNotExceedCredits()
                    && account.debitsPosted + account.debitsPending > account.creditsPosted + flags.overdraftLimit()) {
                throw new AssertionError("step " + step + ": " + account.id + " exceeds its credits");
            }
            if (flags.creditsMustNotExceedDebits()
                    && account.creditsPosted + account.creditsPending > account.debitsPosted) {
                throw new AssertionError("step " + step + ": " + account.id + " exceeds its debits");
            }
        }
        sums.forEach((currency, s) -> {
            if (s[0] != s[1] || s[2] != s[3]) {
                throw new AssertionError("step " + step + ": " + currency + " does not balance: " + s[0] + "/" + s[1]
                        + " posted, " + s[2] + "/" + s[3] + " pending");
            }
        });
    }

    private void checkTransfers() {
        assertThat(ledger.transfers()).hasSize(model.transfers.size());
        for (Transfer transfer : ledger.transfers()) {
            LedgerModel.Xfer expected = model.transfers.get(transfer.id());
            assertThat(expected).as(transfer.id()).isNotNull();
            assertThat(transfer.status()).as(transfer.id()).isEqualTo(expected.status);
            assertThat(transfer.postedAmount()).as(transfer.id()).isEqualTo(expected.posted);
            assertThat(transfer.timestamp()).as(transfer.id()).isEqualTo(expected.timestamp);
        }
    }

    private void checkReplay() {
        Ledger replayed = new Ledger(clock);
        events.forEach(replayed::apply);
        assertThat(replayed.lastTimestamp()).isEqualTo(ledger.lastTimestamp());
        Map<String, Transfer> original = new HashMap<>();
        ledger.transfers().forEach(t -> original.put(t.id(), t));
        assertThat(replayed.transfers()).hasSize(original.size());
        replayed.transfers().forEach(t -> assertThat(t).isEqualTo(original.get(t.id())));
        for (AccountState account : ledger.accounts()) {
            AccountState copy = replayed.findAccount(account.id);
            assertThat(copy.balance()).isEqualTo(account.balance());
            assertThat(copy.postings()).isEqualTo(account.postings());
            assertThat(copy.closed).isEqualTo(account.closed);
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
