package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The gather wait's target (how many requests a batch waits for, see {@code Sequencer#gather}): the clients of the
 * last cycle, bounded. Which requests then arrive in time depends on scheduling, so the rule itself is what is tested
 * here; {@code ConcurrencyStressTest} runs the gathering sequencer for correctness.
 */
final class GatherTargetTest {

    @Test
    void twoGroupsTakingTurns_areGatheredIntoOneBatch() {
        // 8 closed-loop clients split 4 / 4: the last batch answered 4, and 4 others were queued when its force
        // returned.
        assertThat(Sequencer.gatherTarget(4, 4, 8_192)).isEqualTo(8);
    }

    @Test
    void aBatchThatAlreadyHoldsEveryone_waitsForTheSameNumberAgain() {
        assertThat(Sequencer.gatherTarget(8, 0, 8_192)).isEqualTo(8);
    }

    @Test
    void oneClient_neverWaitsForAnother() {
        assertThat(Sequencer.gatherTarget(1, 0, 8_192)).isEqualTo(1);
    }

    @Test
    void manyClients_waitForAtMostTheBound_whereAForceIsAlreadyShared() {
        assertThat(Sequencer.gatherTarget(32, 32, 8_192)).isEqualTo(Sequencer.GATHER_AT_MOST);
    }

    @Test
    void theTarget_neverExceedsTheMaximumBatch() {
        assertThat(Sequencer.gatherTarget(4, 4, 3)).isEqualTo(3);
    }
}
