package dev.keel.testing;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Fake time for tests: a {@link Ticker}, a {@link Sleeper} and an {@link InstantSource} that move only when told.
 *
 * <p>How it is designed, and why: code under test takes its elapsed time from a {@code Ticker}, its waiting from a
 * {@code Sleeper} and its timestamps from an {@code InstantSource}. Handing it one {@code ManualTicker} for all three
 * keeps them consistent: {@link #advance(Duration)} moves the nanosecond reading and the instant together, and a
 * {@link #sleepNanos(long) sleep} does not block but advances time by the amount asked and records it. A test then
 * asserts the transcript of what the code waited for (Guava's {@code RateLimiterTest} does the same with its
 * {@code FakeStopwatch}), so an hour of rate limiting runs in a millisecond and never depends on the scheduler.
 *
 * <p>The transcript records every {@link Event}: explicit advances and sleeps, in order. {@link #sleeps()} is the
 * common view: only what the code under test waited for.
 *
 * <p>Thread-safe: every method holds the instance's lock, so concurrent sleepers each advance time once, in some
 * serial order.
 */
public final class ManualTicker implements Ticker, Sleeper, InstantSource {

    /** One thing that happened to the clock. */
    public sealed interface Event {
        /** The nanoseconds the clock moved by. */
        long nanos();
    }

    /** The test moved time forward by {@code nanos}. */
    public record Advanced(long nanos) implements Event {}

    /** The code under test waited {@code nanos} (and time moved by that much). */
    public record Slept(long nanos) implements Event {}

    private final Object lock = new Object();
    private final long startNanos;
    private final Instant origin;

    // @GuardedBy("lock")
    private long nanos;
    // @GuardedBy("lock")
    private final List<Event> transcript = new ArrayList<>();

    private ManualTicker(long startNanos, Instant origin) {
        this.startNanos = startNanos;
        this.nanos = startNanos;
        this.origin = origin;
    }

    /** A ticker reading 0 whose instant starts at 2026-01-01T00:00:00Z. */
    public static ManualTicker create() {
        return new ManualTicker(0, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * A ticker reading {@code startNanos} whose instant starts at {@code origin}. A start near {@link Long#MAX_VALUE}
     * tests that the code under test survives the wrap of {@link System#nanoTime()}.
     */
    public static ManualTicker startingAt(long startNanos, Instant origin) {
        return new ManualTicker(startNanos, origin);
    }

    @Override
    public long read() {
        synchronized (lock) {
            return nanos;
        }
    }

    /** The wall-clock instant: the origin plus the time advanced so far. */
    @Override
    public Instant instant() {
        synchronized (lock) {
            return origin.plusNanos(nanos - startNanos);
        }
    }

    /** Moves time forward by {@code duration}. */
    public ManualTicker advance(Duration duration) {
        return advanceNanos(Sleeper.saturatedNanos(duration));
    }

    /** Moves time forward by {@code nanos}, which must not be negative: monotonic time never goes back. */
    public ManualTicker advanceNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("nanos (" + nanos + ") must not be negative: time only moves forward");
        }
        synchronized (lock) {
            this.nanos += nanos;
            transcript.add(new Advanced(nanos));
        }
        return this;
    }

    /** Does not block: records the wait and moves time forward by {@code nanos} (nothing for {@code nanos <= 0}). */
    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before a sleep of " + nanos + " ns");
        }
        if (nanos <= 0) {
            return;
        }
        synchronized (lock) {
            this.nanos += nanos;
            transcript.add(new Slept(nanos));
        }
    }

    /** Every advance and sleep so far, in order. */
    public List<Event> transcript() {
        synchronized (lock) {
            return List.copyOf(transcript);
        }
    }

    /** Only the sleeps so far, in order, as durations. */
    public List<Duration> sleeps() {
        synchronized (lock) {
            return transcript.stream()
                    .filter(Slept.class::isInstance)
                    .map(event -> Duration.ofNanos(event.nanos()))
                    .toList();
        }
    }

    /** Forgets the transcript (time stays where it is), so a test can assert on the next phase alone. */
    public void clearTranscript() {
        synchronized (lock) {
            transcript.clear();
        }
    }

    @Override
    public String toString() {
        return "ManualTicker[" + read() + " ns]";
    }
}
