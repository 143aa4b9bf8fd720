package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

final class KeelCommandTest {

    /** What one run of the command line did. */
    private record Run(int exitCode, String out, String err) {}

    /** A system whose demo records that it ran, or fails if told to. */
    private static final class FakeSystem implements KeelSystem {
        private final String name;
        private final List<String> log;
        private final RuntimeException failure;

        FakeSystem(String name, List<String> log, RuntimeException failure) {
            this.name = name;
            this.log = log;
            this.failure = failure;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object command() {
            return new FakeCommand();
        }

        @Override
        public void demo(PrintWriter out) {
            log.add(name);
            if (failure != null) {
                throw failure;
            }
            out.println(name + " demo ran");
        }
    }

    @Command(name = "fake", description = "A fake system's command.")
    private static final class FakeCommand implements Runnable {
        @Override
        public void run() {}
    }

    private static Run run(List<KeelSystem> systems, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KeelCommand.run(systems, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void help_listsEveryCommand_andExitsZero() {
        Run run = run(List.of(), "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: keel")
                .contains("demo", "test", "bench", "fmt", "jdk", "help", "--verbose", "--version")
                .contains("Exit codes: 0 success, 1 failure, 2 usage error.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void help_includesLandedSystems() {
        Run run = run(List.of(new FakeSystem("kv", new ArrayList<>(), null)), "--help");
        assertThat(run.out()).containsPattern("(?m)^  kv +A fake system.s command\\.$");
    }

    @Test
    void version_printsKeelAndJavaVersions() {
        Run run = run(List.of(), "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("keel 0.1.0")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void noCommand_printsUsageToStderr_andExitsTwo() {
        Run run = run(List.of());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Usage: keel");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOption_isOneLineAndExitsTwo() {
        Run run = run(List.of(), "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("keel: Unknown option: '--bogus'; see 'keel --help'" + System.lineSeparator());
    }

    @Test
    void unknownCommand_exitsTwo() {
        Run run = run(List.of(), "frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void demo_noSystemsLanded_saysSoAndExitsZero() {
        Run run = run(List.of(), "demo");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No systems have landed yet, so the tour is empty." + System.lineSeparator());
    }

    @Test
    void demo_runsEverySystemUnderAHeading_inOrder() {
        List<String> log = new ArrayList<>();
        Run run = run(List.of(new FakeSystem("kv", log, null), new FakeSystem("sql", log, null)), "demo");
        assertThat(run.exitCode()).isZero();
        assertThat(log).containsExactly("kv", "sql");
        assertThat(run.out().lines().toList())
                .containsExactly("== kv ==", "kv demo ran", "", "== sql ==", "sql demo ran", "");
    }

    @Test
    void demo_namedSystems_runOnlyThose_inTheOrderGiven() {
        List<String> log = new ArrayList<>();
        List<KeelSystem> systems = List.of(
                new FakeSystem("kv", log, null), new FakeSystem("sql", log, null), new FakeSystem("chat", log, null));
        Run run = run(systems, "demo", "chat", "kv");
        assertThat(run.exitCode()).isZero();
        assertThat(log).containsExactly("chat", "kv");
    }

    @Test
    void demo_unknownSystem_isAUsageError_andRunsNothing() {
        List<String> log = new ArrayList<>();
        Run run = run(List.of(new FakeSystem("kv", log, null)), "demo", "kv", "nosuch");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(log).isEmpty();
        assertThat(run.err())
                .isEqualTo("keel demo: unknown system 'nosuch' (expected one of: kv); see 'keel demo --help'"
                        + System.lineSeparator());
    }

    @Test
    void demo_plannedButNotLandedSystem_saysItHasNotLanded() {
        Run run = run(List.of(), "demo", "sql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("keel demo: system 'sql' (SQL engine) has not landed yet (landed: none yet)");
    }

    @Test
    void demo_failure_exitsOne_withOneLineAndNoStackTrace() {
        Run run = run(
                List.of(new FakeSystem("kv", new ArrayList<>(), new IllegalStateException("disk on fire"))), "demo");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList())
                .containsExactly("keel demo: failed: disk on fire", "(run with --verbose for the stack trace)");
    }

    @Test
    void demo_failure_withVerbose_printsTheStackTrace() {
        Run run = run(
                List.of(new FakeSystem("kv", new ArrayList<>(), new IllegalStateException("disk on fire"))),
                "demo",
                "--verbose");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("keel demo: failed: disk on fire")
                .contains("java.lang.IllegalStateException: disk on fire", "\tat ");
    }

    @Test
    void userError_exitsTwo_withItsMessageAlone() {
        Run run =
                run(List.of(new FakeSystem("kv", new ArrayList<>(), new UserError("no such file: data.log"))), "demo");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("keel demo: no such file: data.log" + System.lineSeparator());
    }

    @Test
    void sourceTreeCommand_runFromTheJar_pointsAtTheLauncher() {
        Run run = run(List.of(), "test", "kv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("run ./keel test from your clone").hasLineCount(1);
    }

    @Test
    void subcommandHelp_exitsZero() {
        Run run = run(List.of(), "demo", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: keel demo").contains("SYSTEM");
    }
}
