package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ratelimit.Algorithm;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class RatelimitCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void simulate_everyAlgorithm_printsTimelineChartAndTotals(Algorithm algorithm) {
        Run run = keel(
                "ratelimit",
                "simulate",
                "--algorithm",
                algorithm.cliName(),
                "--limit",
                "10/s",
                "--burst",
                "5",
                "--requests",
                "100",
                "--arrival",
                "20/s",
                "--seed",
                "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("timeline:", "#99", "admitted rate per", "totals: 100 requests");
    }

    @Test
    void simulate_evenArrivalsThroughGcra_admitsBurstThenTheRate() {
        Run run = keel(
                "ratelimit",
                "simulate",
                "--algorithm",
                "gcra",
                "--limit",
                "10/s",
                "--burst",
                "5",
                "--requests",
                "100",
                "--arrival",
                "20/s");
        // 100 requests at 50 ms over 4.95 s: 5 at once, then one per 100 ms.
        assertThat(run.out()).contains("totals: 100 requests, 54 allowed, 46 rejected over 4.950s");
    }

    @Test
    void simulate_badValues_exitTwoNamingTheValue() {
        Run algorithm = keel("ratelimit", "simulate", "--algorithm", "magic");
        assertThat(algorithm.exitCode()).isEqualTo(2);
        assertThat(algorithm.err()).contains("unknown algorithm 'magic' (expected one of: token-bucket");
        Run limit = keel("ratelimit", "simulate", "--limit", "lots");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("limit 'lots' is not PERMITS/[N]UNIT");
        assertThat(keel("ratelimit", "simulate", "--burst", "0").err()).contains("burst (0) must be positive");
    }

    @Test
    void demo_runsTheSeedExampleAndEveryAlgorithm() {
        Run run = keel("demo", "ratelimit");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Request 9: ALLOWED", "Request 10: RATE LIMITED", "sliding-counter", "warm-up");
    }
}
