package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The guided cut of a parallel run's index range into parts. */
final class PartPlanTest {

    @Test
    void guided_anySizeAndThreads_coversTheRangeInIncreasingNonEmptyParts() {
        for (long size : new long[] {1, 2, 3, 7, 63, 64, 65, 1_000, 10_000_000, 3_000_000_000L}) {
            for (int threads = 1; threads <= 9; threads++) {
                long[] bounds = PartPlan.guided(size, threads);
                assertThat(bounds[0]).as("size %d threads %d", size, threads).isZero();
                assertThat(bounds[bounds.length - 1])
                        .as("size %d threads %d", size, threads)
                        .isEqualTo(size);
                for (int i = 1; i < bounds.length; i++) {
                    assertThat(bounds[i])
                            .as("size %d threads %d part %d", size, threads, i)
                            .isGreaterThan(bounds[i - 1]);
                }
            }
        }
    }

    @Test
    void guided_largeRange_cutsLargePartsFirstAndSmallOnesLast() {
        long size = 10_000_000;
        long[] bounds = PartPlan.guided(size, 2);
        int parts = bounds.length - 1;
        long first = bounds[1] - bounds[0];
        long last = bounds[parts] - bounds[parts - 1];
        assertThat(first).isEqualTo(size / 4);
        assertThat(last).isLessThanOrEqualTo(size / 64);
        assertThat(parts).isBetween(8, 40);
        for (int i = 2; i <= parts; i++) {
            assertThat(bounds[i] - bounds[i - 1])
                    .as("part %d", i - 1)
                    .isLessThanOrEqualTo(bounds[i - 1] - bounds[i - 2]);
        }
    }

    @Test
    void guided_emptyRange_hasNoParts() {
        assertThat(PartPlan.guided(0, 4)).containsExactly(0L);
    }

    @Test
    void guided_sameInput_sameCut() {
        assertThat(PartPlan.guided(123_457, 3)).containsExactly(PartPlan.guided(123_457, 3));
    }

    @Test
    void guided_badArguments_areRejectedWithTheValue() {
        assertThatThrownBy(() -> PartPlan.guided(-1, 2)).hasMessageContaining("size (-1)");
        assertThatThrownBy(() -> PartPlan.guided(10, 0)).hasMessageContaining("threads (0)");
    }
}
