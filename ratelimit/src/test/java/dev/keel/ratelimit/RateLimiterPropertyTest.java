package dev.keel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ratelimit.ScheduleModel.Admission;
import dev.keel.ratelimit.ScheduleModel.Arrival;
import dev.keel.ratelimit.ScheduleModel.Schedule;
import dev.keel.testing.Gen;
import dev.keel.testing.ManualTicker;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Properties over seeded random arrival schedules, against an exact rational token bucket and exact envelopes. */
@ExtendWith(SeedExtension.class)
final class RateLimiterPropertyTest {

    private static final int TRIALS = 300;

    /** Limits whose interval is a whole number of nanoseconds, so the model and the limiters are both exact. */
    private static final Gen<Schedule> EXACT_SCHEDULES = random -> {
        long permits = random.nextLong(1, 21);
        long interval = random.nextLong(1_000, 100_000_001);
        return schedule(
                random, new Limit(permits, Duration.ofNanos(permits * interval), random.nextLong(1, 3 * permits + 1)));
    };

    /** Any limit, intervals with fractions of a nanosecond included. */
    private static final Gen<Schedule> ANY_SCHEDULES = random -> {
        long permits = random.nextLong(1, 1_000_001);
        long period = random.nextLong(1, 2_000_000_000L);
        return schedule(random, new Limit(permits, Duration.ofNanos(period), random.nextLong(1, 50)));
    };

    private static Schedule schedule(SeededRandom random, Limit limit) {
        long meanGap = Math.max(1, limit.periodNanos() / limit.permits());
        List<Arrival> arrivals = new ArrayList<>();
        int count = random.nextInt(1, 120);
        for (int i = 0; i < count; i++) {
            long gap = random.chance(1, 5) ? 0 : random.nextLong(0, 3 * meanGap);
            long permits = random.chance(3, 4) ? 1 : random.nextLong(1, limit.burst() + 1);
            arrivals.add(new Arrival(gap, permits));
        }
        return new Schedule(limit, arrivals);
    }

    private static List<Boolean> run(Algorithm algorithm, Schedule schedule, List<Admission> admissions) {
        ManualTicker ticker = ManualTicker.create();
        RateLimiter limiter = Limiters.create(algorithm, schedule.limit(), ticker);
        List<Boolean> decisions = new ArrayList<>();
        for (Arrival arrival : schedule.arrivals()) {
            ticker.advanceNanos(arrival.gapNanos());
            boolean allowed = limiter.tryAcquire(arrival.permits()).allowed();
            decisions.add(allowed);
            if (allowed) {
                admissions.add(new Admission(ticker.read(), arrival.permits()));
            }
        }
        return decisions;
    }

    @Test
    void gcraAndBuckets_anySchedule_decideExactlyAsTheAnalyticModel(SeededRandom random) {
        Property.forAll(random, TRIALS, EXACT_SCHEDULES, schedule -> {
            List<Boolean> model = ScheduleModel.tokenBucket(schedule);
            for (Algorithm algorithm :
                    List.of(Algorithm.GCRA, Algorithm.TOKEN_BUCKET, Algorithm.LEAKY_BUCKET, Algorithm.WARMING_UP)) {
                assertThat(run(algorithm, schedule, new ArrayList<>()))
                        .as("%s", algorithm)
                        .isEqualTo(model);
            }
        });
    }

    /** With an interval that is not a whole nanosecond, the limiters are the exact model at the interval rounded up. */
    @Test
    void gcraAndBuckets_fractionalIntervals_decideAsTheModelAtTheRoundedUpInterval(SeededRandom random) {
        Property.forAll(random, TRIALS, ANY_SCHEDULES, schedule -> {
            Limit limit = schedule.limit();
            long interval = Math.ceilDiv(limit.periodNanos(), limit.permits());
            Schedule rounded =
                    new Schedule(new Limit(1, Duration.ofNanos(interval), limit.burst()), schedule.arrivals());
            List<Boolean> model = ScheduleModel.tokenBucket(rounded);
            for (Algorithm algorithm : List.of(Algorithm.GCRA, Algorithm.TOKEN_BUCKET, Algorithm.LEAKY_BUCKET)) {
                List<Admission> admissions = new ArrayList<>();
                assertThat(run(algorithm, schedule, admissions))
                        .as("%s", algorithm)
                        .isEqualTo(model);
                assertThat(ScheduleModel.withinEnvelope(limit, admissions, 0)).isTrue();
            }
        });
    }

    @Test
    void everyAlgorithm_anySchedule_staysWithinBurstPlusRateTimesElapsed(SeededRandom random) {
        Property.forAll(random, TRIALS, random.chance(1, 2) ? EXACT_SCHEDULES : ANY_SCHEDULES, schedule -> {
            for (Algorithm algorithm : Algorithm.values()) {
                List<Admission> admissions = new ArrayList<>();
                run(algorithm, schedule, admissions);
                long extra = switch (algorithm) {
                    case FIXED_WINDOW -> schedule.limit().burst(); // the boundary: two windows back to back
                    case SLIDING_WINDOW_COUNTER -> 1; // its documented rounding
                    default -> 0;
                };
                assertThat(ScheduleModel.withinEnvelope(schedule.limit(), admissions, extra))
                        .as("%s admitted %s", algorithm, admissions)
                        .isTrue();
            }
        });
    }

    @Test
    void windows_anySchedule_holdTheirDocumentedBoundInAnyWindow(SeededRandom random) {
        Property.forAll(random, TRIALS, EXACT_SCHEDULES, schedule -> {
            long burst = schedule.limit().burst();
            long window = new Rate(schedule.limit()).burstNanos;
            List<Admission> log = new ArrayList<>();
            run(Algorithm.SLIDING_WINDOW_LOG, schedule, log);
            assertThat(ScheduleModel.busiestWindow(log, window)).as("exact log").isLessThanOrEqualTo(burst);
            List<Admission> counter = new ArrayList<>();
            run(Algorithm.SLIDING_WINDOW_COUNTER, schedule, counter);
            assertThat(ScheduleModel.busiestWindow(counter, window))
                    .as("counter")
                    .isLessThanOrEqualTo(2 * burst);
            List<Admission> fixed = new ArrayList<>();
            run(Algorithm.FIXED_WINDOW, schedule, fixed);
            assertThat(ScheduleModel.busiestWindow(fixed, window)).as("fixed").isLessThanOrEqualTo(2 * burst);
        });
    }
}
