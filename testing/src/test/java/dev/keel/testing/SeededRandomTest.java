package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class SeededRandomTest {

    @Test
    void sameSeed_sameSequence() {
        SeededRandom a = SeededRandom.withSeed(7);
        SeededRandom b = SeededRandom.withSeed(7);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        assertThat(a.nextBytes(16)).isEqualTo(b.nextBytes(16));
    }

    @Test
    void differentSeeds_differentSequences() {
        assertThat(SeededRandom.withSeed(1).nextLong())
                .isNotEqualTo(SeededRandom.withSeed(2).nextLong());
    }

    @Test
    void split_isReproducibleAndKeepsTheRootSeed() {
        SeededRandom a = SeededRandom.withSeed(99).split();
        SeededRandom b = SeededRandom.withSeed(99).split();
        assertThat(a.seed()).isEqualTo(99);
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }

    @Test
    void pick_andChance_stayInRange() {
        SeededRandom random = SeededRandom.withSeed(3);
        List<String> choices = List.of("a", "b", "c");
        assertThat(IntStream.range(0, 300).mapToObj(i -> random.pick(choices))).containsOnly("a", "b", "c");
        assertThat(IntStream.range(0, 100).filter(i -> random.chance(0, 5))).isEmpty();
        assertThat(IntStream.range(0, 100).filter(i -> random.chance(5, 5))).hasSize(100);
    }

    @Test
    void badArguments_areRejectedWithTheValue() {
        SeededRandom random = SeededRandom.withSeed(3);
        assertThatThrownBy(() -> random.nextBytes(-1)).hasMessage("length (-1) must not be negative");
        assertThatThrownBy(() -> random.pick(List.of())).hasMessage("choices must not be empty");
        assertThatThrownBy(() -> random.chance(3, 2))
                .hasMessage("chance 3/2 (expected: 0 <= numerator <= denominator, denominator > 0)");
    }
}
