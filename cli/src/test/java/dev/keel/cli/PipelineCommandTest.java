package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class PipelineCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void demo_showsTheSeedExampleWithItsPullCount_anInfiniteSource_andOrderedConcurrency() {
        Run run = keel("pipeline", "demo");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("result: [4, 16, 36, 64, 100]")
                .contains("pulled from the source: 10 of 99")
                .contains("[2, 3, 5, 7, 11, 13, 17, 19, 23, 29] after pulling 28 numbers")
                .contains("results handed out in input order: [r0, r1, r2, r3, r4, r5, r6, r7]");
    }

    @Test
    void pipeline_withoutASubcommand_printsUsageAndExitsTwo() {
        Run run = keel("pipeline");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("demo");
    }

    @Test
    void demo_throughKeelDemo_runsTheTour() {
        Run run = keel("demo", "pipeline");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pulled from the source: 10 of 99");
    }
}
