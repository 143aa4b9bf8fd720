package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

final class RetryAfterTest {

    private static final InstantSource NOW = InstantSource.fixed(Instant.parse("2026-10-21T07:28:00Z"));
    private static final Duration CAP = Duration.ofMinutes(1);

    @Test
    void delaySeconds_areReadAndCapped() {
        assertThat(RetryAfter.nanos("2", CAP, NOW)).isEqualTo(2_000_000_000L);
        assertThat(RetryAfter.nanos(" 0 ", CAP, NOW)).isZero();
        assertThat(RetryAfter.nanos("3600", CAP, NOW)).isEqualTo(CAP.toNanos());
        assertThat(RetryAfter.nanos("99999999999999", CAP, NOW)).isEqualTo(CAP.toNanos());
    }

    @Test
    void httpDate_isMeasuredAgainstTheClock() {
        assertThat(RetryAfter.nanos("Wed, 21 Oct 2026 07:28:30 GMT", CAP, NOW)).isEqualTo(30_000_000_000L);
        assertThat(RetryAfter.nanos("Wed, 21 Oct 2026 07:27:00 GMT", CAP, NOW)).isZero();
        assertThat(RetryAfter.nanos("Thu, 22 Oct 2026 07:28:00 GMT", CAP, NOW)).isEqualTo(CAP.toNanos());
    }

    @Test
    void garbage_meansNoAdvice() {
        assertThat(RetryAfter.nanos(null, CAP, NOW)).isZero();
        assertThat(RetryAfter.nanos("soon", CAP, NOW)).isZero();
        assertThat(RetryAfter.nanos("-5", CAP, NOW)).isZero();
        assertThat(RetryAfter.nanos("", CAP, NOW)).isZero();
    }
}
