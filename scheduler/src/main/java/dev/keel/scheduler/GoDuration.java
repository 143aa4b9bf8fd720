package dev.keel.scheduler;

import java.math.BigDecimal;

/** Go's {@code time.Duration.String()}, for messages that quote a duration as upstream prints it ("1m30s"). */
final class GoDuration {

    private GoDuration() {}

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        if (abs < 1_000L) {
            return sign + abs + "ns";
        }
        if (abs < 1_000_000L) {
            return sign + decimal(abs, 3) + "µs";
        }
        if (abs < 1_000_000_000L) {
            return sign + decimal(abs, 6) + "ms";
        }
        long hours = abs / 3_600_000_000_000L;
        long minutes = abs / 60_000_000_000L % 60;
        long secondsNanos = abs % 60_000_000_000L;
        StringBuilder out = new StringBuilder(sign);
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(decimal(secondsNanos, 9)).append('s').toString();
    }

    /** {@code value / 10^scale} without trailing zeros. */
    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
