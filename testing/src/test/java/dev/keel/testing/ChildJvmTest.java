package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

final class ChildJvmTest {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    /** Prints its arguments one per line, then blocks until killed. */
    static final class EchoThenWait {
        public static void main(String[] args) throws InterruptedException {
            for (String arg : args) {
                System.out.println(arg);
            }
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    /** Writes to stderr and exits with the code given. */
    static final class ExitWith {
        public static void main(String[] args) {
            System.err.println("exiting with " + args[0]);
            System.exit(Integer.parseInt(args[0]));
        }
    }

    @Test
    void kill9_runningChild_diesAt137AndKeepsWhatItPrinted() throws IOException, InterruptedException {
        try (ChildJvm child = ChildJvm.start(EchoThenWait.class, "one", "two words")) {
            assertThat(child.awaitLine(STARTUP)).isEqualTo("one");
            assertThat(child.awaitLine(STARTUP)).isEqualTo("two words");
            assertThat(child.isAlive()).isTrue();

            int exit = child.kill9();

            assertThat(exit).isEqualTo(137);
            assertThat(child.isAlive()).isFalse();
            assertThat(child.stdoutLines()).containsExactly("one", "two words");
            assertThatThrownBy(() -> child.awaitLine(Duration.ofSeconds(5)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("closed its output before printing another line");
        }
    }

    @Test
    void awaitExit_reportsTheCodeAndKeepsStderr() throws IOException, InterruptedException {
        try (ChildJvm child = ChildJvm.start(ExitWith.class, List.of("-Xmx64m"), List.of("3"))) {
            assertThat(child.awaitExit(STARTUP)).isEqualTo(3);
            assertThat(child.stderr()).contains("exiting with 3");
            assertThatThrownBy(() -> child.awaitLine(Duration.ofSeconds(5)))
                    .hasMessageContaining("its stderr:\nexiting with 3");
        }
    }

    @Test
    void close_killsAChildStillRunning() throws IOException, InterruptedException {
        ChildJvm child = ChildJvm.start(EchoThenWait.class, "up");
        assertThat(child.awaitLine(STARTUP)).isEqualTo("up");
        child.close();
        assertThat(child.isAlive()).isFalse();
        assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
