package dev.keel.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop's write rounds: one timer a round, deferred flushes at its end, stale stamps after it. */
final class WriteRoundsTest {

    private static final long INTERVAL = 20_000_000;

    private final Timers timers = new Timers();
    private final WriteRounds rounds = new WriteRounds(timers, INTERVAL);

    @Test
    void wrote_firstWriteAfterAQuietSpell_opensOneRoundForEveryConnection() {
        long alice = rounds.wrote(1_000);
        long bob = rounds.wrote(5_000_000); // later in the same round: no second timer
        assertThat(rounds.isOpen(alice)).isTrue();
        assertThat(rounds.isOpen(bob)).isTrue();
        assertThat(rounds.isOpen(WriteRounds.NEVER)).isFalse();
        assertThat(timers.size()).isEqualTo(1);
        assertThat(timers.nanosUntilNext(1_000)).isEqualTo(INTERVAL);
    }

    @Test
    void end_runsEveryDeferredFlushOnceAtTheRoundsEnd_andMakesEveryStampStale() {
        List<String> flushed = new ArrayList<>();
        long stamp = rounds.wrote(0);
        rounds.defer(() -> flushed.add("alice"));
        rounds.defer(() -> flushed.add("bob"));
        timers.runDue(INTERVAL - 1);
        assertThat(flushed).isEmpty();
        assertThat(rounds.isOpen(stamp)).isTrue();
        timers.runDue(INTERVAL);
        assertThat(flushed).containsExactly("alice", "bob");
        assertThat(rounds.isOpen(stamp)).isFalse(); // a line from another loop wakes this one again
        timers.runDue(3 * INTERVAL);
        assertThat(flushed).hasSize(2);
    }

    @Test
    void end_aFlushThatWritesAgain_opensTheNextRound() {
        List<Long> stamps = new ArrayList<>();
        stamps.add(rounds.wrote(0));
        rounds.defer(() -> stamps.add(rounds.wrote(INTERVAL)));
        timers.runDue(INTERVAL);
        assertThat(stamps).hasSize(2);
        assertThat(rounds.isOpen(stamps.get(0))).isFalse();
        assertThat(rounds.isOpen(stamps.get(1))).isTrue();
        assertThat(timers.nanosUntilNext(INTERVAL)).isEqualTo(INTERVAL);
    }

    @Test
    void wrote_withoutCoalescing_neverOpensARound() {
        WriteRounds off = new WriteRounds(timers, 0);
        assertThat(off.isOpen(off.wrote(0))).isFalse();
        assertThat(timers.size()).isZero();
    }

    @Test
    void constructor_negativeInterval_isRejected() {
        assertThatThrownBy(() -> new WriteRounds(timers, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intervalNanos (-1) must not be negative");
    }
}
