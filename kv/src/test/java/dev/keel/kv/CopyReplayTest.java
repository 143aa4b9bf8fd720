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

    @Test
    void anElementOutsideItsListsHeadAndTail_isDroppedAfterReplay() throws IOException {
        // What a compaction racing with a list's deletion can leave: a copy of an element of the old list (its source
        // truncated away), then a new list at the key that does not reach that position.
        try (WriteAheadLog log = WriteAheadLog.open(
                dir.resolve(KeyValueStore.LOG_DIRECTORY),
                WalOptions.builder().segmentSize(64 * 1024).build())) {
            long source =
                    log.append(KvRecord.encodePut(ElementKey.of(KEY, 5), b("old"), 0, KvRecord.Kind.LIST_ELEMENT));
            while (log.segmentBases().size() < 2) {
                log.append(KvRecord.encodePut(Key.copyOf(b("filler")), new byte[4096], 0));
            }
            log.truncateBefore(log.segmentBases().getLast());
            log.append(KvRecord.encodeCopy(ElementKey.of(KEY, 5), source, b("old"), 0, KvRecord.Kind.LIST_ELEMENT));
            log.append(KvRecord.encodeCopy(
                    ElementKey.of(KEY, 9), source, b("orphan of a gone list"), 0, KvRecord.Kind.LIST_ELEMENT));
            log.append(KvRecord.encodePut(ElementKey.of(KEY, 0), b("new"), 0, KvRecord.Kind.LIST_ELEMENT));
            log.append(KvRecord.encodePut(KEY, new ListHead(0, 1).encode(), 0, KvRecord.Kind.LIST_HEAD));
        }
        try (KeyValueStore store = KeyValueStore.open(dir)) {
            assertThat(store.lists().range(b("k"), 0, -1)).containsExactly(b("new"));
            assertThat(store.keyspace().elements().liveKeys()).isEqualTo(1);
            assertThat(store.stats().startup()).contains("dropped 2 elements of deleted lists");
        }
    }
}
