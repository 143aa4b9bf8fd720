package dev.keel.ratelimit;

import dev.keel.time.Ticker;

/**
 * Reads an injected {@link Ticker} on the hot path, calling {@link System#nanoTime()} directly when the ticker is
 * {@link Ticker#system()}.
 *
 * <p>Why: every decision reads the ticker through one call site per limiter class. When an application (or a test
 * run, or a benchmark) has used three or more {@code Ticker} classes, the JIT's type profile at that site is
 * megamorphic and the read stays a virtual call that is not inlined ({@code -XX:+PrintInlining}: "Ticker::read ...
 * failed to inline: virtual call"). Comparing with the system ticker's instance first keeps the common case an
 * inlined intrinsic whatever else is loaded; any other ticker is still read through the interface, so time still
 * comes only from the injected ticker.
 *
 * <p>Stateless and thread-safe.
 */
final class SystemClock {

    private static final Ticker SYSTEM = Ticker.system();

    private SystemClock() {}

    /** {@code ticker.read()}, devirtualised for the system ticker. */
    static long read(Ticker ticker) {
        return ticker == SYSTEM ? System.nanoTime() : ticker.read();
    }
}
