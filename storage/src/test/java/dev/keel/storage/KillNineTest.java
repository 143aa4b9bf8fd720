package dev.keel.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ChildJvm;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process appends under {@link SyncPolicy#ALWAYS} and prints every acknowledged LSN; it is killed with SIGKILL
 * at a random moment, again and again on the same log, and after every kill each acknowledged record must be there,
 * intact, and nothing else but records the child really appended.
 */
@ExtendWith(SeedExtension.class)
final class KillNineTest {

    private static final int CYCLES = 20;

    @TempDir
    Path dir;

    /** The child: appends from several threads until killed, printing "ack LSN PAYLOAD-ID" after each append. */
    static final class Appender {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            int cycle = Integer.parseInt(args[1]);
            int threads = Integer.parseInt(args[2]);
            WalOptions options = WalOptions.builder().segmentSize(256 * 1024).build();
            WriteAheadLog log = WriteAheadLog.open(dir, options);
            System.out.println("ready " + log.recoveryReport().records());
            System.out.flush();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(Thread.ofPlatform().name("appender-" + t).start(() -> {
                    try {
                        for (int i = 0; ; i++) {
                            String id = cycle + "." + thread + "." + i;
                            long lsn = log.append(payloadFor(id));
                            synchronized (System.out) {
                                System.out.println("ack " + lsn + " " + id);
                                System.out.flush();
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
    }

    /** A payload whose content is fixed by its id, of a length (1 byte to 5 KiB) that varies with it. */
    static byte[] payloadFor(String id) {
        int length = 1 + Math.floorMod(id.hashCode() * 31, 5 * 1024);
        byte[] head = (id + "|").getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[head.length + length];
        System.arraycopy(head, 0, payload, 0, head.length);
        for (int i = head.length; i < payload.length; i++) {
            payload[i] = (byte) (id.hashCode() + i);
        }
        return payload;
    }

    private static String idOf(byte[] payload) {
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf('|'));
    }

    @Test
    void killNine_atRandomMoments_losesNoAcknowledgedRecord(SeededRandom random) throws Exception {
        Map<Long, String> acknowledged = new HashMap<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            int acksBeforeKill = random.nextInt(1, 300);
            try (ChildJvm child = ChildJvm.start(
                    Appender.class, List.of("-Xmx128m"), List.of(dir.toString(), String.valueOf(cycle), "4"))) {
                assertThat(child.awaitLine(Duration.ofMinutes(1))).startsWith("ready ");
                for (int i = 0; i < acksBeforeKill; i++) {
                    child.awaitLine(Duration.ofMinutes(1));
                }
                assertThat(child.kill9()).isEqualTo(137);
                for (String line : child.stdoutLines()) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3 && parts[0].equals("ack")) {
                        acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                    }
                }
            }
            verify(acknowledged, cycle);
        }
    }

    private void verify(Map<Long, String> acknowledged, int cycle) throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(
                dir, WalOptions.builder().segmentSize(256 * 1024).build())) {
            Map<Long, String> present = new HashMap<>();
            try (LogReader reader = log.reader()) {
                while (reader.hasNext()) {
                    LogRecord record = reader.next();
                    String id = idOf(record.payload());
                    assertThat(record.payload())
                            .as("record %s at LSN %d is intact", id, record.lsn())
                            .isEqualTo(payloadFor(id));
                    present.put(record.lsn(), id);
                }
            }
            assertThat(present)
                    .as("after kill %d: every acknowledged record is present", cycle)
                    .containsAllEntriesOf(acknowledged);
        }
    }
}
