package dev.keel.kv.server;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Signed 64-bit decimals exactly as Redis reads them (its {@code string2ll}): an optional '-', then digits with no
 * leading zero ("0" alone is fine), nothing else: no '+', no spaces, no "-0", no overflow. Used for protocol lengths,
 * numeric arguments and the values INCR reads, so that "01", " 1" and "1.0" are refused everywhere, as in Redis.
 *
 * <p>Stateless; thread-safe.
 */
final class Decimal {

    private Decimal() {}

    /** The value of {@code bytes}, or empty if they are not a decimal in Redis's strict form. */
    static OptionalLong parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length);
    }

    /** The value of {@code bytes[from, to)}, or empty if they are not a decimal in Redis's strict form. */
    static OptionalLong parse(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > 20) {
            return OptionalLong.empty();
        }
        if (length == 1 && bytes[from] == '0') {
            return OptionalLong.of(0);
        }
        int at = from;
        boolean negative = bytes[at] == '-';
        if (negative) {
            at++;
            if (at == to) {
                return OptionalLong.empty();
            }
        }
        if (bytes[at] < '1' || bytes[at] > '9') {
            return OptionalLong.empty();
        }
        // Accumulate negatively: the negative range is one larger, so Long.MIN_VALUE parses without overflow.
        long value = 0;
        for (; at < to; at++) {
            int digit = bytes[at] - '0';
            if (digit < 0 || digit > 9) {
                return OptionalLong.empty();
            }
            if (value < Long.MIN_VALUE / 10) {
                return OptionalLong.empty();
            }
            value *= 10;
            if (value < Long.MIN_VALUE + digit) {
                return OptionalLong.empty();
            }
            value -= digit;
        }
        if (negative) {
            return OptionalLong.of(value);
        }
        return value == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(-value);
    }

    /** The ASCII decimal of {@code value}, as INCR stores it. */
    static byte[] toBytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
