package dev.keel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LimitTest {

    @Test
    void constructor_badValues_nameTheValueAndTheExpectation() {
        assertThatThrownBy(() -> Limit.of(0, Duration.ofSeconds(1))).hasMessage("permits (0) must be positive");
        assertThatThrownBy(() -> Limit.of(5, Duration.ofSeconds(-1))).hasMessage("period (PT-1S) must be positive");
        assertThatThrownBy(() -> Limit.perSecond(5).withBurst(0)).hasMessage("burst (0) must be positive");
        assertThatThrownBy(() -> Limit.of(1, Duration.ofDays(1)).withBurst(1_000_000))
                .hasMessageStartingWith("burst (1000000) x period (86400000000000 ns) must fit in a long");
        assertThatThrownBy(() -> Limit.of(1, Duration.ofDays(200_000))).hasMessageContaining("292 years");
    }

    @Test
    void constructor_rangeEdges_areAccepted() {
        assertThat(Limit.of(1, Duration.ofDays(1)).withBurst(100_000).burst()).isEqualTo(100_000);
        assertThat(Limit.perSecond(1_000_000_000L).withBurst(9_000_000_000L).burst())
                .isEqualTo(9_000_000_000L);
    }

    @Test
    void parse_commonForms_giveThePermitsAndPeriod() {
        assertThat(Limit.parse("10/s")).isEqualTo(Limit.perSecond(10));
        assertThat(Limit.parse("100/min")).isEqualTo(Limit.of(100, Duration.ofMinutes(1)));
        assertThat(Limit.parse("1000/h")).isEqualTo(Limit.of(1000, Duration.ofHours(1)));
        assertThat(Limit.parse("5/250ms")).isEqualTo(Limit.of(5, Duration.ofMillis(250)));
        assertThat(Limit.parse("1/d")).isEqualTo(Limit.of(1, Duration.ofDays(1)));
        assertThatThrownBy(() -> Limit.parse("ten per second")).hasMessageStartingWith("limit 'ten per second' is not");
    }

    @Test
    void rate_fractionalInterval_roundsTheCostUp() {
        Rate rate = new Rate(Limit.perSecond(3));
        assertThat(rate.nanosFor(1)).isEqualTo(333_333_334);
        assertThat(rate.nanosFor(3)).isEqualTo(1_000_000_002);
        assertThat(rate.permitsIn(1_000_000_001)).isEqualTo(2);
    }
}
