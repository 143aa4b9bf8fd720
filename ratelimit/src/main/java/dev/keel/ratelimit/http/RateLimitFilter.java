package dev.keel.ratelimit.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.keel.ratelimit.Decision;
import dev.keel.ratelimit.KeyedRateLimiter;
import dev.keel.ratelimit.Limit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@code com.sun.net.httpserver} filter that limits requests per key and answers {@code 429 Too Many Requests}
 * when a key is over its limit.
 *
 * <pre>{@code
 * HttpContext context = server.createContext("/api", handler);
 * context.getFilters().add(new RateLimitFilter(perClient, RequestKey.clientAddress()));
 * }</pre>
 *
 * <p>Every response carries the IETF headers of draft-ietf-httpapi-ratelimit-headers: {@code RateLimit-Policy:
 * "default";q=BURST;w=SECONDS} (the quota and the seconds it takes to refill completely) and {@code RateLimit:
 * "default";r=REMAINING;t=SECONDS} (what is left and the seconds until the quota is full again). A rejected request
 * also gets {@code Retry-After: SECONDS} (whole seconds, rounded up, at least 1) and a one-line text body; the
 * handler is not called. Each request costs one permit.
 *
 * <p>Thread-safe: immutable; the state is in the {@link KeyedRateLimiter}.
 */
public final class RateLimitFilter extends Filter {

    static final String POLICY_NAME = "\"default\"";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final KeyedRateLimiter<String> limiter;
    private final RequestKey key;

    /** Limits each key that {@code key} derives from a request by {@code limiter}. */
    public RateLimitFilter(KeyedRateLimiter<String> limiter, RequestKey key) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Decision decision = limiter.tryAcquire(key.keyOf(exchange));
        Headers headers = exchange.getResponseHeaders();
        headers.set("RateLimit-Policy", policy(limiter.limit()));
        headers.set(
                "RateLimit",
                POLICY_NAME + ";r=" + decision.remaining() + ";t=" + seconds(decision.resetAfterNanos(), 0));
        if (decision.allowed()) {
            chain.doFilter(exchange);
            return;
        }
        long retryAfter = seconds(decision.retryAfterNanos(), 1);
        headers.set("Retry-After", Long.toString(retryAfter));
        headers.set("Content-Type", "text/plain; charset=utf-8");
        byte[] body = ("429 Too Many Requests: retry after " + retryAfter + " s\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(429, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The {@code RateLimit-Policy} value of {@code limit}: its burst, and the seconds a full refill takes. */
    static String policy(Limit limit) {
        long refill = Math.ceilDiv(Math.multiplyExact(limit.burst(), limit.periodNanos()), limit.permits());
        return POLICY_NAME + ";q=" + limit.burst() + ";w=" + seconds(refill, 1);
    }

    private static long seconds(long nanos, long atLeast) {
        return Math.max(atLeast, Math.ceilDiv(nanos, NANOS_PER_SECOND));
    }

    @Override
    public String description() {
        return "rate limit " + limiter.limit() + " per key";
    }
}
