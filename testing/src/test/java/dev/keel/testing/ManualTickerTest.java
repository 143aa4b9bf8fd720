package dev.keel.testing;

import static dev.keel.testing.KeelAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

final class ManualTickerTest {

    @Test
    void create_readsZeroAndTheDefaultOrigin() {
        ManualTicker ticker = ManualTicker.create();
        assertThat(ticker.read()).isZero();
        assertThat(ticker.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void advance_movesReadingAndInstantTogether() {
        ManualTicker ticker = ManualTicker.create();
        ticker.advance(Duration.ofMillis(1500)).advanceNanos(7);
        assertThat(ticker).reads(1_500_000_007L).neverSlept();
        assertThat(ticker.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:01.500000007Z"));
    }

    @Test
    void advance_negative_isRejectedAndTimeStays() {
        ManualTicker ticker = ManualTicker.create().advanceNanos(10);
        assertThatThrownBy(() -> ticker.advanceNanos(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nanos (-1) must not be negative: time only moves forward");
        assertThat(ticker.read()).isEqualTo(10);
    }

    @Test
    void sleep_doesNotBlock_advancesTimeAndRecordsTheWait() throws InterruptedException {
        ManualTicker ticker = ManualTicker.create();
        ticker.sleep(Duration.ofHours(1));
        ticker.advance(Duration.ofSeconds(1));
        ticker.sleepNanos(250);
        ticker.sleepNanos(0);
        assertThat(ticker).reads(3_601_000_000_250L).sleptExactly(Duration.ofHours(1), Duration.ofNanos(250));
        assertThat(ticker.transcript())
                .containsExactly(
                        new ManualTicker.Slept(3_600_000_000_000L),
                        new ManualTicker.Advanced(1_000_000_000L),
                        new ManualTicker.Slept(250));
    }

    @Test
    void sleep_interrupted_throwsWithoutMovingTime() {
        ManualTicker ticker = ManualTicker.create();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> ticker.sleepNanos(5)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(ticker).reads(0).neverSlept();
    }

    @Test
    void clearTranscript_keepsTime() throws InterruptedException {
        ManualTicker ticker = ManualTicker.create();
        ticker.sleepNanos(5);
        ticker.clearTranscript();
        assertThat(ticker).reads(5).neverSlept();
        assertThat(ticker.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00.000000005Z"));
    }

    @Test
    void startingNearTheWrap_differencesStayCorrect() {
        ManualTicker ticker = ManualTicker.startingAt(Long.MAX_VALUE - 5, Instant.EPOCH);
        long before = ticker.read();
        ticker.advanceNanos(10);
        assertThat(ticker.read()).isNegative();
        assertThat(ticker.read() - before).isEqualTo(10);
        assertThat(ticker.instant()).isEqualTo(Instant.EPOCH.plusNanos(10));
    }

    @Test
    void sleptExactly_mismatch_failsNamingExpectedAndActual() throws InterruptedException {
        ManualTicker ticker = ManualTicker.create();
        ticker.sleepNanos(1_000);
        assertThatThrownBy(() -> assertThat(ticker).sleptExactly(Duration.ofNanos(2_000)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "expected sleeps of <ManualTicker[1000 ns]> to be <[PT0.000002S]> but was <[PT0.000001S]>");
    }

    @Test
    void concurrentSleepers_eachAdvanceTimeExactlyOnce() throws InterruptedException {
        ManualTicker ticker = ManualTicker.create();
        int threads = 8;
        int sleepsEach = 1_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().name("sleeper-" + t).start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < sleepsEach; i++) {
                        ticker.sleepNanos(3);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(failures).isEmpty();
        assertThat(ticker.read()).isEqualTo(3L * threads * sleepsEach);
        assertThat(ticker.sleeps()).hasSize(threads * sleepsEach);
    }
}
