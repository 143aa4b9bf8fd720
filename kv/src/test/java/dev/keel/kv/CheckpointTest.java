package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.storage.SyncPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
