package dev.keel.kv;

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
 * A child JVM writes to the store from several threads (single puts, overwrites, and two-key batches) and prints each
 * write it got an answer for; it is killed with SIGKILL at a random moment, over and over on the same store. After
 * each kill every acknowledged write must be visible, unless a later acknowledged write to the same key replaced it,
 * and every batch must be whole.
 */
@ExtendWith(SeedExtension.class)
final class KvKillNineTest {

    private static final int CYCLES = 12;

    @TempDir
    Path dir;

    /** The child: writers loop until killed; prints "put KEY VERSION" or "batch KEY1 KEY2 VERSION" after each write. */
    static final class Writer {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            int cycle = Integer.parseInt(args[1]);
            KeyValueStore store = KeyValueStore.open(dir);
            System.out.println("ready " + store.stats().keys());
            System.out.flush();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().name("writer-" + t).start(() -> {
                    try {
                        for (int i = 0; ; i++) {
                            String version = cycle + "." + thread + "." + i;
                            if (i % 5 == 4) {
                                String a = "pair-" + thread + "-a";
                                String b = "pair-" + thread + "-b";
                                store.write(new WriteBatch()
                                        .put(bytes(a), valueOf(a, version))
                                        .put(bytes(b), valueOf(b, version)));
                                print("batch " + a + " " + b + " " + version);
                            } else {
                                String key = "key-" + thread + "-" + (i % 50);
                                store.put(bytes(key), valueOf(key, version));
                                print("put " + key + " " + version);
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private static void print(String line) {
            synchronized (System.out) {
                System.out.println(line);
                System.out.flush();
            }
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The value written for {@code key} at {@code version}: self-describing, so a reader can tell which write it is. */
    static byte[] valueOf(String key, String version) {
        return bytes(key + "@" + version + "#" + "x".repeat(Math.floorMod((key + version).hashCode(), 400)));
    }

    @Test
    void killNine_duringWrites_losesNoAcknowledgedWrite_andNoBatchIsHalfApplied(SeededRandom random) throws Exception {
        Map<String, String> latestAcknowledged = new HashMap<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            int acks = random.nextInt(1, 400);
            try (ChildJvm child =
                    ChildJvm.start(Writer.class, List.of("-Xmx128m"), List.of(dir.toString(), String.valueOf(cycle)))) {
                assertThat(child.awaitLine(Duration.ofMinutes(1))).startsWith("ready ");
                for (int i = 0; i < acks; i++) {
                    child.awaitLine(Duration.ofMinutes(1));
                }
                child.kill9();
                for (String line : child.stdoutLines()) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals("put") && parts.length == 3) {
                        latestAcknowledged.put(parts[1], parts[2]);
                    } else if (parts[0].equals("batch") && parts.length == 4) {
                        latestAcknowledged.put(parts[1], parts[3]);
                        latestAcknowledged.put(parts[2], parts[3]);
                    }
                }
            }
            verify(latestAcknowledged, cycle);
        }
    }

    private void verify(Map<String, String> latestAcknowledged, int cycle) throws IOException {
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            for (Map.Entry<String, String> ack : latestAcknowledged.entrySet()) {
                byte[] value = store.get(bytes(ack.getKey()));
                assertThat(value)
                        .as("after kill %d: %s was acknowledged at %s", cycle, ack.getKey(), ack.getValue())
                        .isNotNull();
                String stored = new String(value, StandardCharsets.UTF_8);
                String version = stored.substring(stored.indexOf('@') + 1, stored.indexOf('#'));
                assertThat(value)
                        .as("after kill %d: %s is intact", cycle, ack.getKey())
                        .isEqualTo(valueOf(ack.getKey(), version));
                assertThat(compareVersions(version, ack.getValue()))
                        .as(
                                "after kill %d: %s holds %s, not older than acknowledged %s",
                                cycle, ack.getKey(), version, ack.getValue())
                        .isGreaterThanOrEqualTo(0);
            }
            for (int thread = 0; thread < 4; thread++) {
                byte[] a = store.get(bytes("pair-" + thread + "-a"));
                byte[] b = store.get(bytes("pair-" + thread + "-b"));
                assertThat(a == null).as("batch pair %d is whole", thread).isEqualTo(b == null);
                if (a != null) {
                    String va = new String(a, StandardCharsets.UTF_8);
                    String vb = new String(b, StandardCharsets.UTF_8);
                    assertThat(va.substring(va.indexOf('@'), va.indexOf('#')))
                            .as("batch pair %d holds one version", thread)
                            .isEqualTo(vb.substring(vb.indexOf('@'), vb.indexOf('#')));
                }
            }
        }
    }

    /** Orders "cycle.thread.i" versions of the same key (same thread): by cycle, then by i. */
    private static int compareVersions(String left, String right) {
        String[] l = left.split("\\.");
        String[] r = right.split("\\.");
        int byCycle = Integer.compare(Integer.parseInt(l[0]), Integer.parseInt(r[0]));
        return byCycle != 0 ? byCycle : Integer.compare(Integer.parseInt(l[2]), Integer.parseInt(r[2]));
    }
}
