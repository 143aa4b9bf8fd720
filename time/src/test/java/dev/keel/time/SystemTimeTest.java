package dev.keel.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class SystemTimeTest {

    @Test
    void systemTicker_readsNeverGoBackwards() {
        Ticker ticker = Ticker.system();
        long previous = ticker.read();
        for (int i = 0; i < 10_000; i++) {
            long now = ticker.read();
            assertThat(now - previous).isNotNegative();
            previous = now;
        }
    }

    @Test
    void systemTicker_isASingletonNamedForItsFactory() {
        assertThat(Ticker.system()).isSameAs(Ticker.system()).hasToString("Ticker.system()");
        assertThat(Sleeper.system()).isSameAs(Sleeper.system()).hasToString("Sleeper.system()");
    }

    @Test
    void systemSleeper_nonPositiveDuration_returnsAtOnceEvenWhenInterrupted() throws InterruptedException {
        Thread.currentThread().interrupt();
        try {
            Sleeper.system().sleepNanos(0);
            Sleeper.system().sleepNanos(-5);
            Sleeper.system().sleep(Duration.ofSeconds(-1));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void systemSleeper_interrupted_throwsAndClearsTheFlag() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Sleeper.system().sleep(Duration.ofDays(1))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void systemSleeper_waitsAtLeastTheDuration() throws InterruptedException {
        long before = System.nanoTime();
        Sleeper.system().sleepNanos(2_000_000);
        assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(2_000_000);
    }

    @Test
    void saturatedNanos_durationsBeyondALong_clampInsteadOfOverflowing() {
        assertThat(Sleeper.saturatedNanos(Duration.ofMillis(3))).isEqualTo(3_000_000);
        assertThat(Sleeper.saturatedNanos(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(Sleeper.saturatedNanos(Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void sleep_duration_delegatesToSleepNanos() throws InterruptedException {
        long[] asked = new long[1];
        Sleeper recording = nanos -> asked[0] = nanos;
        recording.sleep(Duration.ofMillis(250));
        assertThat(asked[0]).isEqualTo(250_000_000L);
    }
}
