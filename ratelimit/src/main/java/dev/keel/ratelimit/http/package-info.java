/**
 * Rate limiting for {@code com.sun.net.httpserver}: {@link dev.keel.ratelimit.http.RateLimitFilter} answers 429 with
 * {@code Retry-After} and the IETF {@code RateLimit-Policy} / {@code RateLimit} headers, keyed by a
 * {@link dev.keel.ratelimit.http.RequestKey} (the client address, a header).
 *
 * <p>Thread safety: the filter and the key functions are immutable and thread-safe; the per-key state lives in the
 * {@link dev.keel.ratelimit.KeyedRateLimiter} the filter is given.
 */
@NullMarked
package dev.keel.ratelimit.http;

import org.jspecify.annotations.NullMarked;
