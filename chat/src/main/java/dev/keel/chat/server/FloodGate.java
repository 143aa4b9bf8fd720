package dev.keel.chat.server;

import dev.keel.chat.ChatConfig;
import dev.keel.chat.protocol.LineReader;
import dev.keel.ratelimit.Algorithm;
import dev.keel.ratelimit.Decision;
import dev.keel.ratelimit.RateLimiter;
import dev.keel.time.Sleeper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * One client's flood control: RFC 1459 section 8.10's penalty timer, built on keel-ratelimit.
 *
 * <p>How it is designed, and why: RFC 1459 lets a client run ahead of a timer by a few seconds and then holds its
 * further commands back (it stops reading them) until the timer catches up; hybrid, ratbox and ngIRCd do the same and
 * disconnect a client whose unread input grows past a limit ("Excess Flood"). Here the timer is a GCRA limiter (the
 * penalty timer is GCRA's theoretical arrival time), one per client, so a command is admitted at once within the
 * burst and otherwise waits, through the injected {@link Sleeper}, until GCRA says it may run: excess commands are
 * delayed, never dropped, and stay in order because the connection reads nothing while it waits. A client that keeps
 * sending while it is held back accumulates unread bytes; when a command must wait and more than
 * {@link ChatConfig#floodBacklogBytes()} are waiting behind it, the client is flooding and is disconnected. A client
 * that pastes a few lines is delayed but never disconnected. PONG is exempt (it answers the server's keepalive) and so
 * is registration (bounded by itself).
 *
 * <p>Not thread-safe: one per connection, confined to its thread.
 */
final class FloodGate {

    private final @Nullable RateLimiter limiter;
    private final Sleeper sleeper;
    private final long maxBacklog;

    FloodGate(ChatConfig config) {
        this.limiter = config.floodControl()
                ? RateLimiter.builder(Algorithm.GCRA)
                        .limit(config.floodLimit())
                        .ticker(config.ticker())
                        .sleeper(config.sleeper())
                        .build()
                : null;
        this.sleeper = config.sleeper();
        this.maxBacklog = config.floodBacklogBytes();
    }

    /**
     * Waits until the client may run its next command; returns false if it is flooding and must be disconnected.
     * Returns early, true, if {@code client} is told to leave while waiting.
     */
    boolean admit(Client client, LineReader lines) throws IOException, InterruptedException {
        if (limiter == null) {
            return true;
        }
        while (true) {
            Decision decision = limiter.tryAcquire();
            if (decision.allowed()) {
                return true;
            }
            if (lines.backlog() > maxBacklog) {
                return false;
            }
            sleeper.sleepNanos(decision.retryAfterNanos());
            if (client.quitReason() != null) {
                return true;
            }
        }
    }
}
