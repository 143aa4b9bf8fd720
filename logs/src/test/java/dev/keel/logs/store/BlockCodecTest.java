package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class BlockCodecTest {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    static List<LogEntry> randomEntries(SeededRandom random, StreamKey stream, int count) {
        List<LogEntry> entries = new ArrayList<>();
        long nanos = LogEntry.epochNanosOf(BASE) + random.nextLong(-1_000_000_000L, 1_000_000_000L);
        for (int i = 0; i < count; i++) {
            nanos += random.nextLong(0, 5_000_000_000L);
            TreeMap<String, String> fields = new TreeMap<>();
            if (random.nextBoolean()) {
                fields.put("k" + random.nextInt(3), "v\u00e9\u4e2d" + random.nextInt());
            }
            String message =
                    random.chance(1, 10) ? "" : "msg \u2603 " + random.nextInt() + " " + "z".repeat(random.nextInt(50));
            entries.add(new LogEntry(
                    LogEntry.instantOf(nanos),
                    random.pick(List.of(LogLevel.values())),
                    stream.source(),
                    stream.labels(),
                    message,
                    fields));
        }
        return entries;
    }

    @Test
    void encodeDecode_roundTripsEntriesAndMeta(SeededRandom random) {
        for (int round = 0; round < 50; round++) {
            StreamKey stream = new StreamKey("src-" + round, new TreeMap<>(Map.of("env", "prod", "n", "" + round)));
            List<LogEntry> entries = randomEntries(random, stream, random.nextInt(1, 300));
            BlockCodec.Encoded encoded = BlockCodec.encode(round + 1, stream, entries, 1234L);

            BlockMeta meta = BlockCodec.decodeMeta(encoded.bytes(), encoded.bytes().length, "test");
            assertThat(meta.id()).isEqualTo(round + 1);
            assertThat(meta.stream()).isEqualTo(stream);
            assertThat(meta.count()).isEqualTo(entries.size());
            assertThat(meta.minNanos()).isEqualTo(entries.getFirst().epochNanos());
            assertThat(meta.maxNanos()).isEqualTo(entries.getLast().epochNanos());
            assertThat(meta.sealedThroughLsn()).isEqualTo(1234L);
            assertThat(meta.levelCounts()).isEqualTo(encoded.meta().levelCounts());
            assertThat(BlockCodec.decodeEntries(meta, encoded.bytes())).isEqualTo(entries);
            BlockCodec.Columns columns = BlockCodec.decodeColumns(meta, encoded.bytes());
            assertThat(columns.nanos())
                    .containsExactly(
                            entries.stream().mapToLong(LogEntry::epochNanos).toArray());
        }
    }

    @Test
    void decodeEntries_aRange_matchesTheSameSliceOfTheWhole(SeededRandom random) {
        StreamKey stream = new StreamKey("s", new TreeMap<>(Map.of("k", "v")));
        int count = 2 * BlockCodec.PAGE_SIZE + 300; // three message pages
        List<LogEntry> entries = randomEntries(random, stream, count);
        BlockCodec.Encoded encoded = BlockCodec.encode(3, stream, entries, 0);
        assertThat(encoded.meta().layout().pageRaw()).hasSize(3);
        BlockMeta reread = BlockCodec.decodeMeta(encoded.bytes(), encoded.bytes().length, "test");
        assertThat(BlockCodec.decodeEntries(reread, encoded.bytes())).isEqualTo(entries);
        for (int round = 0; round < 50; round++) {
            int from = random.nextInt(count + 1);
            int to = random.nextInt(from, count + 1);
            assertThat(BlockCodec.decodeEntries(encoded.meta(), encoded.bytes(), from, to))
                    .isEqualTo(entries.subList(from, to));
        }
    }

    @Test
    void bloom_neverMissesASubstringThatIsThere(SeededRandom random) {
        StreamKey stream = new StreamKey("s", new TreeMap<>());
        List<LogEntry> entries = randomEntries(random, stream, 200);
        BlockMeta meta = BlockCodec.encode(1, stream, entries, 0).meta();
        for (LogEntry entry : entries) {
            String message = entry.message();
            if (message.isEmpty()) {
                continue;
            }
            int from = random.nextInt(message.length());
            int to = random.nextInt(from, message.length() + 1);
            assertThat(meta.bloom().mightContain(message.substring(from, to).toUpperCase()))
                    .as("needle %s of %s", message.substring(from, to), message)
                    .isTrue();
        }
        assertThat(meta.bloom().mightContain("qqqqqqqqqq")).isFalse();
    }

    @Test
    void decode_everyFlippedByte_isDetected(SeededRandom random) {
        StreamKey stream = new StreamKey("s", new TreeMap<>(Map.of("a", "b")));
        byte[] bytes = BlockCodec.encode(7, stream, randomEntries(random, stream, 20), 0)
                .bytes();
        for (int trial = 0; trial < 200; trial++) {
            byte[] damaged = bytes.clone();
            int at = random.nextInt(damaged.length);
            damaged[at] ^= (byte) (1 << random.nextInt(8));
            assertThatThrownBy(() -> {
                        BlockMeta meta = BlockCodec.decodeMeta(damaged, damaged.length, "damaged");
                        BlockCodec.decodeEntries(meta, damaged);
                    })
                    .as("flip at byte %d of %d", at, damaged.length)
                    .isInstanceOf(LogsException.class)
                    .extracting(e -> ((LogsException) e).code())
                    .isEqualTo(LogsException.Code.CORRUPT);
        }
    }

    @Test
    void decode_truncatedFile_namesTheLength(SeededRandom random) {
        StreamKey stream = new StreamKey("s", new TreeMap<>());
        byte[] bytes = BlockCodec.encode(7, stream, randomEntries(random, stream, 20), 0)
                .bytes();
        assertThatThrownBy(() -> BlockCodec.decodeMeta(bytes, bytes.length - 1, "short"))
                .hasMessageContaining("short: file is " + (bytes.length - 1) + " bytes (expected: " + bytes.length);
    }

    @Test
    void entryCodec_batchRoundTrips_andRejectsTrailingBytes(SeededRandom random) {
        StreamKey stream = new StreamKey("s", new TreeMap<>(Map.of("x", "y")));
        List<LogEntry> entries = randomEntries(random, stream, 30);
        byte[] record = EntryCodec.encodeBatch(entries);
        assertThat(EntryCodec.decodeBatch(record, "record")).isEqualTo(entries);
        byte[] longer = java.util.Arrays.copyOf(record, record.length + 1);
        assertThatThrownBy(() -> EntryCodec.decodeBatch(longer, "record at LSN 9"))
                .hasMessage("record at LSN 9: 1 bytes after the last entry");
    }

    @Test
    void entryCodec_version1Record_stillDecodes(SeededRandom random) {
        StreamKey stream = new StreamKey("s", new TreeMap<>(Map.of("x", "y")));
        List<LogEntry> entries = randomEntries(random, stream, 10);
        ByteSink v1 = new ByteSink(256);
        v1.put(EntryCodec.VERSION_1);
        v1.putVarLong(entries.size());
        for (LogEntry entry : entries) {
            v1.putLong(entry.epochNanos());
            v1.put(entry.level().ordinal());
            v1.putString(entry.source());
            EntryCodec.putMap(v1, entry.labels());
            v1.putString(entry.message());
            EntryCodec.putMap(v1, entry.fields());
        }
        assertThat(EntryCodec.decodeBatch(v1.toByteArray(), "v1 record")).isEqualTo(entries);
    }

    @Test
    void entryCodec_batchOfSeveralStreams_namesEachStreamOnce() {
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        List<LogEntry> entries = List.of(
                new LogEntry(t, LogLevel.INFO, "a", Map.of("host", "h1"), "one"),
                new LogEntry(t, LogLevel.WARN, "b", Map.of("host", "h1"), "two"),
                new LogEntry(t.plusNanos(1), LogLevel.INFO, "a", Map.of("host", "h1"), "three"));
        byte[] record = EntryCodec.encodeBatch(entries);
        assertThat(EntryCodec.decodeBatch(record, "record")).isEqualTo(entries);
        String text = new String(record, java.nio.charset.StandardCharsets.ISO_8859_1);
        // two streams, three entries: the label value is written once per stream, not once per entry
        assertThat(text.split("h1", -1)).hasSize(3);
    }
}
