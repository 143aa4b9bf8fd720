package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.storage.SyncPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart from the key directory checkpoint: used when it is good, ignored (with a full replay) when it is not. */
final class CheckpointTest {

    @TempDir
    Path dir;

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private KvOptions options() {
        return KvOptions.builder(dir)
                .segmentSize(8 * 1024)
                .syncPolicy(SyncPolicy.NONE)
                .compactionTrigger(0.999)
                .build();
    }

    private void fill(int keys) throws IOException {
        try (KeyValueStore store = KeyValueStore.open(options())) {
            for (int i = 0; i < keys; i++) {
                store.put(b("k" + i), b("value-" + i));
            }
            store.delete(b("k0"));
        }
    }

    @Test
    void open_deletesTheTemporaryFileOfACheckpointACrashInterrupted() throws IOException {
        fill(50);
        // What DurableFiles leaves behind when the process dies between writing the temporary file and its rename.
        Path abandoned = dir.resolve("." + DirectoryCheckpoint.FILE + ".4242.tmp");
        Files.write(abandoned, b("half a checkpoint"));
        try (KeyValueStore store = KeyValueStore.open(options())) {
            assertThat(abandoned).doesNotExist();
            assertThat(dir.resolve(DirectoryCheckpoint.FILE)).exists();
            assertThat(store.get(b("k7"))).isEqualTo(b("value-7"));
        }
    }

    @Test
    void cleanClose_thenOpen_loadsTheCheckpoint_andReplaysNothing() throws IOException {
        fill(300);
        try (KeyValueStore store = KeyValueStore.open(options())) {
            assertThat(store.stats().startup())
                    .startsWith("loaded 299 keys from the checkpoint")
                    .endsWith("replayed 0 log records");
            assertThat(store.stats().recovery().segmentsScanned()).isEqualTo(1);
            assertThat(store.get(b("k7"))).isEqualTo(b("value-7"));
            assertThat(store.get(b("k0"))).isNull();
            store.put(b("k7"), b("changed"));
            store.delete(b("k8"));
        }
        try (KeyValueStore store = KeyValueStore.open(options())) {
            assertThat(store.get(b("k7"))).isEqualTo(b("changed"));
            assertThat(store.get(b("k8"))).isNull();
            assertThat(store.stats().keys()).isEqualTo(298);
        }
    }

    @Test
    void writesAfterTheCheckpoint_areReplayedFromTheLog() throws IOException {
        fill(50);
        Path checkpoint = dir.resolve(DirectoryCheckpoint.FILE);
        byte[] saved = Files.readAllBytes(checkpoint);
        try (KeyValueStore store = KeyValueStore.open(options())) {
            store.put(b("late"), b("write"));
            store.delete(b("k1"));
        }
        // As if the process had died before writing a new checkpoint: the old one and a longer log.
        Files.write(checkpoint, saved);
        try (KeyValueStore store = KeyValueStore.open(options())) {
            assertThat(store.stats().startup()).startsWith("loaded 49 keys").contains("replayed 2 log records");
            assertThat(store.get(b("late"))).isEqualTo(b("write"));
            assertThat(store.get(b("k1"))).isNull();
            assertThat(store.stats().keys()).isEqualTo(49);
        }
    }

    @Test
    void damagedCheckpoint_isIgnored_andTheWholeLogReplayed() throws IOException {
        fill(100);
        Path checkpoint = dir.resolve(DirectoryCheckpoint.FILE);
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(checkpoint, bytes);
        try (KeyValueStore store = KeyValueStore.open(options())) {
            assertThat(store.stats().startup())
                    .startsWith("ignored the checkpoint (")
                    .contains("replayed 101 log records");
            assertThat(store.stats().keys()).isEqualTo(99);
            assertThat(store.get(b("k50"))).isEqualTo(b("value-50"));
        }
    }

    @Test
    void checkpointFromBeforeACompaction_isIgnored() throws IOException {
        fill(200);
        byte[] saved = Files.readAllBytes(dir.resolve(DirectoryCheckpoint.FILE));
        try (KeyValueStore store = KeyValueStore.open(options())) {
            for (int i = 0; i < 200; i++) {
                store.put(b("k" + i), b("second-" + i));
            }
            assertThat(store.compact().segmentsDeleted()).isPositive();
        }
        Files.write(dir.resolve(DirectoryCheckpoint.FILE), saved);
        try (KeyValueStore store = KeyValueStore.open(options())) {
            assertThat(store.stats().startup()).startsWith("ignored the checkpoint (it covers LSNs 0..");
            assertThat(store.get(b("k0"))).isEqualTo(b("second-0"));
            assertThat(store.get(b("k199"))).isEqualTo(b("second-199"));
        }
    }

    /** What a process crash leaves: the files as they are, page cache included, without close()'s checkpoint. */
    private static Path crashCopy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // Deleted by a background checkpoint (its temporary file) or compaction since the walk listed it:
                    // as in a crash a moment later, the file is simply not there.
                }
            }
        }
        return to;
    }

    @Test
    void checkpointTakenWhileWritersRun_thenACrash_restartsFromIt_withEveryWrite() throws Exception {
        Path live = Files.createDirectory(dir.resolve("live"));
        // No background compaction or checkpoint: the crash copy below must not race with one deleting files.
        java.util.function.Function<Path, KvOptions> optionsIn = path -> KvOptions.builder(path)
                .segmentSize(16 * 1024)
                .syncPolicy(SyncPolicy.NONE)
                .compactionTrigger(0.999)
                .checkpointInterval(0)
                .build();
        KvOptions options = optionsIn.apply(live);
        int writers = 4;
        int perWriter = 2_000;
        try (KeyValueStore store = KeyValueStore.open(options);
                java.util.concurrent.ExecutorService pool =
                        java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(writers);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        store.put(b("w" + writer + "-" + (i % 500)), b("v" + i));
                        if (i % 7 == 0) {
                            store.lists().push(b("list" + writer), KvLists.End.RIGHT, b("e" + i));
                        }
                        if (i % 11 == 0) {
                            store.lists().pop(b("list" + writer), KvLists.End.LEFT, 1);
                        }
                        if (i == perWriter / 2) {
                            halfway.countDown();
                        }
                    }
                    return null;
                }));
            }
            halfway.await();
            store.checkpoint(); // while the writers run
            for (var future : done) {
                future.get();
            }
            Path crashed = crashCopy(live, Files.createDirectory(dir.resolve("crashed")));
            try (KeyValueStore recovered = KeyValueStore.open(optionsIn.apply(crashed))) {
                assertThat(recovered.stats().startup()).startsWith("loaded ");
                for (int w = 0; w < writers; w++) {
                    for (int k = 0; k < 500; k++) {
                        byte[] key = b("w" + w + "-" + k);
                        assertThat(recovered.get(key)).as("key w%d-%d", w, k).isEqualTo(store.get(key));
                    }
                    byte[] list = b("list" + w);
                    assertThat(recovered.lists().range(list, 0, -1))
                            .as("list %d", w)
                            .containsExactlyElementsOf(store.lists().range(list, 0, -1));
                }
                assertThat(recovered.stats().keys()).isEqualTo(store.stats().keys());
            }
        }
    }

    @Test
    void afterACompaction_theWholeLogCountsTowardsTheNextCheckpoint_andACrashRestartsFromIt() throws Exception {
        Path live = Files.createDirectory(dir.resolve("live"));
        java.util.function.Function<Path, KvOptions> optionsIn = path -> KvOptions.builder(path)
                .segmentSize(8 * 1024)
                .syncPolicy(SyncPolicy.NONE)
                .compactionTrigger(0.999)
                .checkpointInterval(1) // the bound is then twice the checkpoint's size
                .build();
        KvOptions options = optionsIn.apply(live);
        try (KeyValueStore store = KeyValueStore.open(options)) {
            for (int i = 0; i < 200; i++) {
                store.put(b("k" + i), b("value-" + i));
            }
            store.checkpoint();
            for (int round = 1; round < 5; round++) {
                for (int i = 0; i < 200; i++) {
                    store.put(b("k" + i), b("value-" + i + "-" + round));
                }
            }
            assertThat(store.compact().segmentsDeleted()).isPositive();
            // Once the compacted log is longer than twice the (now unusable) checkpoint, a look at the trigger (every
            // 256 writes) checkpoints in the background; each poll writes some more.
            int[] written = {0};
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> {
                        for (int i = 0; i < 64; i++, written[0]++) {
                            store.put(b("after" + written[0]), b("compaction"));
                        }
                        Path crashed = Files.createTempDirectory(dir, "crashed");
                        try (KeyValueStore recovered = KeyValueStore.open(optionsIn.apply(crashCopy(live, crashed)))) {
                            return recovered.stats().startup().startsWith("loaded ")
                                    && java.util.Arrays.equals(recovered.get(b("k17")), b("value-17-4"))
                                    && java.util.Arrays.equals(recovered.get(b("after0")), b("compaction"));
                        }
                    });
        }
    }

    @Test
    void theLogGrowingByTheInterval_writesACheckpointInTheBackground() throws IOException {
        KvOptions options = KvOptions.builder(dir)
                .segmentSize(8 * 1024)
                .syncPolicy(SyncPolicy.NONE)
                .checkpointInterval(32 * 1024)
                .build();
        try (KeyValueStore store = KeyValueStore.open(options)) {
            for (int i = 0; i < 2_000; i++) {
                store.put(b("k" + i), b("v".repeat(30)));
            }
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> DirectoryCheckpoint.exists(dir));
        }
    }
}
