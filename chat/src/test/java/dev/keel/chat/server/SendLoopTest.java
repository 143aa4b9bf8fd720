package dev.keel.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer loop on fake time: what it writes in each socket write, and when it waits. */
final class SendLoopTest {

    private static final long FIVE_MS = Duration.ofMillis(5).toNanos();

    /** Records each flush as one write; runs a hook after each, to queue lines as if other threads did. */
    private static final class Socket extends OutputStream {
        final List<String> writes = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final List<Runnable> afterWrite = new ArrayList<>();

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() {
            writes.add(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            if (writes.size() <= afterWrite.size()) {
                afterWrite.get(writes.size() - 1).run();
            }
        }
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void run_linesArrivingRightAfterAWrite_waitForTheIntervalAndGoOutInOneWrite() throws Exception {
        ManualTicker time = ManualTicker.create();
        SendQueue queue = new SendQueue(1024);
        Socket socket = new Socket();
        // While the loop waits, one more line and the closing line arrive.
        var sleeper = (dev.keel.time.Sleeper) nanos -> {
            time.sleepNanos(nanos);
            queue.offer(line("4"));
            queue.close(line("ERROR"));
        };
        socket.afterWrite.add(() -> {
            queue.offer(line("2"));
            queue.offer(line("3"));
        });
        queue.offer(line("1"));

        long writes = new SendLoop(queue, socket, time, sleeper, FIVE_MS).run();

        assertThat(writes).isEqualTo(2);
        assertThat(socket.writes).containsExactly("1\n", "2\n3\n4\nERROR\n");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(5));
        assertThat(queue.bytes()).isZero();
    }

    @Test
    void run_aLineAfterAQuietSpell_isWrittenAtOnce() throws Exception {
        ManualTicker time = ManualTicker.create();
        SendQueue queue = new SendQueue(1024);
        Socket socket = new Socket();
        socket.afterWrite.add(() -> {
            time.advance(Duration.ofMillis(6));
            queue.offer(line("2"));
            queue.close(line("ERROR"));
        });
        queue.offer(line("1"));

        long writes = new SendLoop(queue, socket, time, time, FIVE_MS).run();

        assertThat(writes).isEqualTo(2);
        assertThat(socket.writes).containsExactly("1\n", "2\nERROR\n");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void run_partOfTheIntervalPassed_waitsOnlyForTheRest() throws Exception {
        ManualTicker time = ManualTicker.create();
        SendQueue queue = new SendQueue(1024);
        Socket socket = new Socket();
        socket.afterWrite.add(() -> {
            time.advance(Duration.ofMillis(2));
            queue.offer(line("2"));
            queue.close(line("ERROR"));
        });
        queue.offer(line("1"));

        new SendLoop(queue, socket, time, time, FIVE_MS).run();

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(3));
        assertThat(socket.writes).containsExactly("1\n", "2\nERROR\n");
    }

    @Test
    void run_withoutCoalescing_neverWaits() throws Exception {
        ManualTicker time = ManualTicker.create();
        SendQueue queue = new SendQueue(1024);
        Socket socket = new Socket();
        socket.afterWrite.add(() -> queue.offer(line("2")));
        socket.afterWrite.add(() -> queue.close(line("ERROR")));
        queue.offer(line("1"));

        long writes = new SendLoop(queue, socket, time, time, 0).run();

        assertThat(writes).isEqualTo(3);
        assertThat(socket.writes).containsExactly("1\n", "2\n", "ERROR\n");
        assertThat(time.sleeps()).isEmpty();
    }
}
