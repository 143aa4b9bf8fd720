package dev.keel.ratelimit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A random arrival schedule, and the trivially correct token bucket in exact rational arithmetic to compare with. */
final class ScheduleModel {

    /** One request: {@code gapNanos} after the previous one, for {@code permits}. */
    record Arrival(long gapNanos, long permits) {}

    /** A limit and the arrivals thrown at it. */
    record Schedule(Limit limit, List<Arrival> arrivals) {}

    /** An admitted request: when, and how many permits. */
    record Admission(long at, long permits) {}

    private ScheduleModel() {}

    /**
     * The exact token bucket: {@code tokens x period} held as an integer (so fractions of a token are exact), refilled
     * by {@code elapsed x permits}, capped at {@code burst x period}. Returns each request's admission.
     */
    static List<Boolean> tokenBucket(Schedule schedule) {
        Limit limit = schedule.limit();
        BigInteger period = BigInteger.valueOf(limit.periodNanos());
        BigInteger capacity = BigInteger.valueOf(limit.burst()).multiply(period);
        BigInteger rate = BigInteger.valueOf(limit.permits());
        BigInteger tokens = capacity;
        List<Boolean> admitted = new ArrayList<>();
        for (Arrival arrival : schedule.arrivals()) {
            tokens = tokens.add(BigInteger.valueOf(arrival.gapNanos()).multiply(rate))
                    .min(capacity);
            BigInteger cost = BigInteger.valueOf(arrival.permits()).multiply(period);
            boolean allowed = tokens.compareTo(cost) >= 0;
            if (allowed) {
                tokens = tokens.subtract(cost);
            }
            admitted.add(allowed);
        }
        return admitted;
    }

    /** Every span between two admissions holds at most {@code (burst + extra) + rate x span} permits (exactly). */
    static boolean withinEnvelope(Limit limit, List<Admission> admissions, long extra) {
        BigInteger period = BigInteger.valueOf(limit.periodNanos());
        BigInteger allowance = BigInteger.valueOf(limit.burst() + extra).multiply(period);
        for (int i = 0; i < admissions.size(); i++) {
            long sum = 0;
            for (int j = i; j < admissions.size(); j++) {
                sum += admissions.get(j).permits();
                long span = admissions.get(j).at() - admissions.get(i).at();
                BigInteger bound =
                        allowance.add(BigInteger.valueOf(span).multiply(BigInteger.valueOf(limit.permits())));
                if (BigInteger.valueOf(sum).multiply(period).compareTo(bound) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The most permits admitted in any half-open window {@code (t - length, t]}. */
    static long busiestWindow(List<Admission> admissions, long length) {
        long busiest = 0;
        for (int j = 0; j < admissions.size(); j++) {
            long sum = 0;
            for (int i = j; i >= 0 && admissions.get(j).at() - admissions.get(i).at() < length; i--) {
                sum += admissions.get(i).permits();
            }
            busiest = Math.max(busiest, sum);
        }
        return busiest;
    }
}
