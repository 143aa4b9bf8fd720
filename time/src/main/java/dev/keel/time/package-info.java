/**
 * The time seam: how keel code reads elapsed time and waits, so that tests can replace both.
 *
 * <p>Reading order: {@link dev.keel.time.Ticker} (a monotonic nanosecond source, for measuring elapsed time),
 * then {@link dev.keel.time.Sleeper} (how blocking code waits for a duration). Wall-clock timestamps are not
 * this package's business: code that needs "what time is it" takes a {@link java.time.InstantSource}, which the
 * JDK already provides with {@code InstantSource.system()} and {@code Clock.fixed(...)}.
 *
 * <p>No keel code calls {@link System#nanoTime()}, {@link Thread#sleep} or {@link java.time.Instant#now()}
 * directly in its logic: it is handed a {@code Ticker}, a {@code Sleeper} and an {@code InstantSource}. A test hands
 * it {@code ManualTicker} from keel-testing instead, advances time explicitly and asserts on the transcript of
 * waits, so that a rate limiter's hour of behaviour runs in a millisecond and never flakes.
 *
 * <p>Thread safety: both interfaces' system implementations are stateless and thread-safe; implementations must
 * be safe to call from any thread.
 */
@NullMarked
package dev.keel.time;

import org.jspecify.annotations.NullMarked;
