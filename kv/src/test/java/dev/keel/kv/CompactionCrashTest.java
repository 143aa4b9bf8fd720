package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.storage.SyncPolicy;
import dev.keel.testing.FaultyDisk;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compaction interrupted by a power cut at every one of its writes, and right after it returns, under ALWAYS and
 * NONE: after recovery every key holds the value it had before the compaction started.
 */
final class CompactionCrashTest {

    private static final int KEYS = 600;
    private static final int ROUNDS = 3;

    @TempDir
    Path root;

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int key, int round) {
        return b("v" + key + "." + round + "." + "y".repeat(150));
    }

    private static KvOptions options(Path dir, SyncPolicy policy) {
        return KvOptions.builder(dir)
                .segmentSize(8 * 1024)
                .syncPolicy(policy)
                .compactionTrigger(0.999)
                .build();
    }

    @Test
    void powerCutAtEveryWriteOfACompaction_losesNoValue() throws IOException {
        int cuts = 0;
        for (SyncPolicy policy : new SyncPolicy[] {SyncPolicy.ALWAYS, SyncPolicy.NONE}) {
            for (int cutAfter = 1; ; cutAfter++) {
                Path dir = Files.createDirectory(root.resolve(policy + "-" + cutAfter));
                // The data set, written quickly (close() forces it), then compacted under the policy being tested.
                try (KeyValueStore store = KeyValueStore.open(options(dir, SyncPolicy.NONE))) {
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int key = 0; key < KEYS; key++) {
                            store.put(b("k" + key), value(key, round));
                        }
                    }
                }
                FaultyDisk disk = FaultyDisk.create(SeededRandom.withSeed(cutAfter))
                        .crashMode(FaultyDisk.CrashMode.values()[cutAfter % 3]);
                boolean compacted = false;
                try (KeyValueStore store = KeyValueStore.open(options(dir, policy), disk::open)) {
                    disk.cutPowerAfterWrites(cutAfter);
                    store.compact();
                    compacted = !disk.isPowerCut();
                    // The compaction returned: cut the power right after it, before anything else is forced.
                    disk.cutPower(FaultyDisk.CrashMode.LOSE_UNSYNCED);
                } catch (IOException powerCut) {
                    // Thrown by the compaction, or by close() once the power is off.
                    assertThat(disk.isPowerCut())
                            .as("%s cut %d: %s", policy, cutAfter, powerCut)
                            .isTrue();
                }
                try (KeyValueStore recovered = KeyValueStore.open(options(dir, policy))) {
                    for (int key = 0; key < KEYS; key++) {
                        assertThat(recovered.get(b("k" + key)))
                                .as("%s, power cut after write %d of the compaction: key %d", policy, cutAfter, key)
                                .isEqualTo(value(key, ROUNDS - 1));
                    }
                }
                deleteRecursively(dir);
                cuts++;
                if (compacted) {
                    break;
                }
            }
        }
        assertThat(cuts).isGreaterThan(4);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
