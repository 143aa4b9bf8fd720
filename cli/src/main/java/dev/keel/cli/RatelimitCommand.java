package dev.keel.cli;

import dev.keel.ratelimit.Algorithm;
import dev.keel.ratelimit.Decision;
import dev.keel.ratelimit.Limit;
import dev.keel.ratelimit.RateLimiter;
import dev.keel.ratelimit.RateLimiterBuilder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keel ratelimit ...}: the rate limiter from the command line. */
@Command(
        name = "ratelimit",
        mixinStandardHelpOptions = true,
        description = "Rate limiting: every classic algorithm, simulated on a manual clock.",
        subcommands = {RatelimitCommand.Simulate.class})
final class RatelimitCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** One simulated request and what the limiter said. */
    record Outcome(int index, long atNanos, Decision decision) {}

    @Command(
            name = "simulate",
            mixinStandardHelpOptions = true,
            description = "Run an arrival schedule through one algorithm on a manual clock: a timeline of allowed and"
                    + " rejected requests, a chart of the admitted rate, and the totals.")
    static final class Simulate implements Callable<Integer> {

        private static final int CHART_ROWS = 10;
        private static final int BAR_WIDTH = 40;

        @Option(
                names = "--algorithm",
                paramLabel = "NAME",
                description = "gcra, token-bucket, leaky-bucket, fixed-window, sliding-log, sliding-counter, warm-up"
                        + " (default: ${DEFAULT-VALUE}).")
        String algorithm = "gcra";

        @Option(
                names = "--limit",
                paramLabel = "N/UNIT",
                description = "The limit, e.g. 10/s, 100/min (default: ${DEFAULT-VALUE}).")
        String limit = "10/s";

        @Option(names = "--burst", paramLabel = "N", description = "The burst (default: the limit's permits).")
        @Nullable
        Long burst;

        @Option(names = "--requests", paramLabel = "N", description = "How many requests (default: ${DEFAULT-VALUE}).")
        int requests = 100;

        @Option(
                names = "--arrival",
                paramLabel = "N/UNIT",
                description = "The arrival rate (default: ${DEFAULT-VALUE}).")
        String arrival = "20/s";

        @Option(
                names = "--seed",
                paramLabel = "N",
                description = "Random (Poisson) arrivals from this seed; without it, arrivals are evenly spaced.")
        @Nullable
        Long seed;

        @Option(
                names = "--warm-up",
                paramLabel = "DURATION",
                description = "For warm-up: the warm-up period (ISO-8601, default: ${DEFAULT-VALUE}).")
        Duration warmUp = Duration.ofSeconds(1);

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Algorithm chosen = parse(() -> Algorithm.fromCliName(algorithm));
            Limit base = parse(() -> Limit.parse(limit));
            Limit effective = burst == null ? base : parse(() -> base.withBurst(burst));
            Limit arrivals = parse(() -> Limit.parse(arrival));
            if (requests <= 0 || requests > 1_000_000) {
                throw new UserError("--requests " + requests + " must be between 1 and 1,000,000");
            }
            SimulatedClock clock = new SimulatedClock();
            RateLimiterBuilder builder =
                    RateLimiter.builder(chosen).limit(effective).ticker(clock).sleeper(clock);
            if (chosen == Algorithm.WARMING_UP) {
                builder.warmUp(warmUp);
            }
            RateLimiter limiter = parse(builder::build);
            List<Outcome> outcomes = run(limiter, clock, schedule(arrivals));
            print(chosen, effective, arrivals, outcomes);
            return ExitCode.OK;
        }

        private static <T> T parse(java.util.function.Supplier<T> parser) {
            try {
                return parser.get();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UserError(e.getMessage());
            }
        }

        /** Arrival instants: evenly spaced at the arrival rate, or exponential gaps of that mean from the seed. */
        private long[] schedule(Limit arrivals) {
            long meanGap = Math.max(1, arrivals.periodNanos() / arrivals.permits());
            SplittableRandom random = seed == null ? null : new SplittableRandom(seed);
            long[] at = new long[requests];
            long now = 0;
            for (int i = 0; i < requests; i++) {
                at[i] = now;
                double gap = random == null ? meanGap : -Math.log(1 - random.nextDouble()) * meanGap;
                now += Math.max(0, Math.round(gap));
            }
            return at;
        }

        private static List<Outcome> run(RateLimiter limiter, SimulatedClock clock, long[] schedule) {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < schedule.length; i++) {
                clock.advanceTo(schedule[i]);
                outcomes.add(new Outcome(i, schedule[i], limiter.tryAcquire()));
            }
            return outcomes;
        }

        private void print(Algorithm chosen, Limit limit, Limit arrivals, List<Outcome> outcomes) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "%s, limit %d per %s, burst %d; %d requests arriving at %d per %s%s%n",
                    chosen,
                    limit.permits(),
                    seconds(limit.periodNanos()),
                    limit.burst(),
                    outcomes.size(),
                    arrivals.permits(),
                    seconds(arrivals.periodNanos()),
                    seed == null ? ", evenly spaced" : " (Poisson, seed " + seed + ")");
            out.println();
            out.println("timeline:");
            for (Outcome outcome : outcomes) {
                Decision decision = outcome.decision();
                out.printf(
                        "  %10s  #%-4d %s%n",
                        seconds(outcome.atNanos()),
                        outcome.index(),
                        decision.allowed()
                                ? "ALLOWED   remaining " + decision.remaining()
                                : "REJECTED  retry after " + seconds(decision.retryAfterNanos()));
            }
            out.println();
            chart(out, outcomes);
            long allowed = outcomes.stream().filter(o -> o.decision().allowed()).count();
            long span = outcomes.getLast().atNanos();
            out.println();
            out.printf(
                    "totals: %d requests, %d allowed, %d rejected over %s",
                    outcomes.size(), allowed, outcomes.size() - allowed, seconds(span));
            if (span > 0) {
                out.printf(
                        " (admitted %.2f/s; the limit's envelope allows at most %d)",
                        allowed * 1e9 / span,
                        limit.burst() + Math.floorDiv(span * limit.permits(), limit.periodNanos()));
            }
            out.println();
        }

        /** The admitted rate per slice of the run, as bars. */
        private static void chart(PrintWriter out, List<Outcome> outcomes) {
            long span = Math.max(1, outcomes.getLast().atNanos() + 1);
            long slice = Math.ceilDiv(span, CHART_ROWS);
            long[] admitted = new long[CHART_ROWS];
            for (Outcome outcome : outcomes) {
                if (outcome.decision().allowed()) {
                    admitted[(int) (outcome.atNanos() / slice)]++;
                }
            }
            long most = Math.max(1, java.util.Arrays.stream(admitted).max().orElse(1));
            out.printf("admitted rate per %s:%n", seconds(slice));
            for (int row = 0; row < CHART_ROWS; row++) {
                int width = (int) (admitted[row] * BAR_WIDTH / most);
                out.printf(
                        "  %10s |%-" + BAR_WIDTH + "s| %8.1f/s%n",
                        seconds(row * slice),
                        "#".repeat(width),
                        admitted[row] * 1e9 / slice);
            }
        }

        static String seconds(long nanos) {
            return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
        }
    }
}
