package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import dev.keel.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When zstd-jni's native library cannot load (here: its temporary directory does not exist, so it cannot unpack the
 * library), encoding a block fails with a {@link LogsException} saying so, which the sealer records as a storage
 * failure, instead of an {@code Error} that would end the sealer's thread and leave ingesters waiting.
 */
final class ZstdUnavailableTest {

    @Test
    void encode_withoutTheNativeLibrary_failsWithStorageFailedNamingTheCodec(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-tmp");
        assertThat(Files.exists(missing)).isFalse();
        try (ChildJvm child = ChildJvm.start(Encoder.class, List.of("-Djava.io.tmpdir=" + missing), List.of())) {
            assertThat(child.awaitLine(Duration.ofMinutes(1)))
                    .startsWith("STORAGE_FAILED: the Zstandard codec (zstd-jni) is not available on ")
                    .contains("java.io.tmpdir");
        }
    }

    /** The child: encodes one block and prints the failure's code and message. */
    static final class Encoder {
        public static void main(String[] args) {
            StreamKey stream = new StreamKey("s", new TreeMap<>(Map.of()));
            List<LogEntry> entries = List.of(new LogEntry(Instant.EPOCH, LogLevel.INFO, "s", Map.of(), "hello"));
            try {
                BlockCodec.encode(1, stream, entries, 0);
                System.out.println("encoded: the native library loaded after all");
            } catch (LogsException e) {
                System.out.println(e.code() + ": " + e.getMessage());
            }
        }
    }
}
