package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction appends COPY records without the key's lock; replay must let a user's write that landed between the
 * copy's source and the copy win. These logs are written by hand, as a race would leave them.
 */
final class CopyReplayTest {

    @TempDir
    Path dir;

    private static final Key KEY = Key.copyOf("k".getBytes(StandardCharsets.UTF_8));

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private WriteAheadLog log() throws IOException {
        return WriteAheadLog.open(dir.resolve(KeyValueStore.LOG_DIRECTORY), WalOptions.defaults());
    }

    @Test
    void copyOfTheCurrentValue_takesEffect() throws IOException {
        try (WriteAheadLog log = log()) {
            long source = log.append(KvRecord.encodePut(KEY, b("v1"), 0));
            log.append(KvRecord.encodeCopy(KEY, source, b("v1"), 0));
        }
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            assertThat(store.get(b("k"))).isEqualTo(b("v1"));
            assertThat(store.stats().keys()).isEqualTo(1);
        }
    }

    @Test
    void copyAfterAnOverwrite_isIgnored() throws IOException {
        try (WriteAheadLog log = log()) {
            long source = log.append(KvRecord.encodePut(KEY, b("old"), 0));
            log.append(KvRecord.encodePut(KEY, b("new"), 0));
            log.append(KvRecord.encodeCopy(KEY, source, b("old"), 0));
        }
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            assertThat(store.get(b("k"))).isEqualTo(b("new"));
        }
    }

    @Test
    void copyAfterADelete_doesNotResurrectTheKey() throws IOException {
        try (WriteAheadLog log = log()) {
            long source = log.append(KvRecord.encodePut(KEY, b("old"), 0));
            log.append(KvRecord.encodeDelete(KEY));
            log.append(KvRecord.encodeCopy(KEY, source, b("old"), 0));
        }
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            assertThat(store.get(b("k"))).isNull();
            assertThat(store.stats().keys()).isZero();
        }
    }
}
