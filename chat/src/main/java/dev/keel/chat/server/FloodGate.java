package dev.keel.chat.server;

import dev.keel.chat.ChatConfig;
import dev.keel.ratelimit.Algorithm;
import dev.keel.ratelimit.Decision;
import dev.keel.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * One client's flood control: RFC 1459 section 8.10's penalty timer, built on keel-ratelimit.
 *
 * <p>How it is designed, and why: RFC 1459 lets a client run ahead of a timer by a few seconds and then holds its
 * further commands back (it stops running them) until the timer catches up; hybrid, ratbox and ngIRCd do the same and
 * disconnect a client whose unprocessed input grows past a limit ("Excess Flood"). Here the timer is a GCRA limiter
 * (the penalty timer is GCRA's theoretical arrival time), one per client, so a command is admitted at once within the
 * burst and otherwise waits until GCRA says it may run. The gate never blocks: {@link #delayNanos()} says how long the
 * next command must wait, and the {@code Connection} holds that command back on an event-loop timer (so excess
 * commands are delayed, never dropped, and stay in order). A client that keeps sending while it is held back piles up
 * unprocessed bytes; more than {@link ChatConfig#floodBacklogBytes()} of them is flooding ({@link #flooding}). A client
 * that pastes a few lines is delayed but never disconnected. PONG is exempt (it answers the server's keepalive) and so
 * is registration (bounded by itself).
 *
 * <p>Not thread-safe: one per connection, confined to its event loop.
 */
final class FloodGate {

    private final @Nullable RateLimiter limiter;
    private final long maxBacklog;

    FloodGate(ChatConfig config) {
        this.limiter = config.floodControl()
                ? RateLimiter.builder(Algorithm.GCRA)
                        .limit(config.floodLimit())
                        .ticker(config.ticker())
                        .build()
                : null;
        this.maxBacklog = config.floodBacklogBytes();
    }

    /** 0 if the client may run its next command now (which then counts), else how long it must wait first. */
    long delayNanos() {
        if (limiter == null) {
            return 0;
        }
        Decision decision = limiter.tryAcquire();
        return decision.allowed() ? 0 : Math.max(1, decision.retryAfterNanos());
    }

    /** Whether {@code backlogBytes} of unprocessed input behind a held-back command is a flood. */
    boolean flooding(long backlogBytes) {
        return backlogBytes > maxBacklog;
    }
}
