package dev.keel.ratelimit;

import java.math.BigInteger;

/**
 * {@code a x b / d} without overflow, rounded down or up: the one piece of arithmetic every algorithm needs that a
 * {@code long} product cannot always hold. The common case (the product fits) is a multiply and a divide; a product
 * past 63 bits (only near the edges of {@link Limit}'s range) takes a {@link BigInteger} detour.
 */
final class ExactMath {

    private ExactMath() {}

    /** {@code floor(a * b / d)} for {@code a, b >= 0}, {@code d > 0}; the result must fit in a long. */
    static long mulDivFloor(long a, long b, long d) {
        long low = a * b;
        if (Math.multiplyHigh(a, b) == 0 && low >= 0) {
            return low / d;
        }
        return BigInteger.valueOf(a)
                .multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(d))
                .longValueExact();
    }

    /** {@code ceil(a * b / d)} for {@code a, b >= 0}, {@code d > 0}; the result must fit in a long. */
    static long mulDivCeil(long a, long b, long d) {
        long low = a * b;
        if (Math.multiplyHigh(a, b) == 0 && low >= 0) {
            return Math.ceilDiv(low, d);
        }
        BigInteger[] qr =
                BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    /** {@code a + b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} if that overflows. */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
