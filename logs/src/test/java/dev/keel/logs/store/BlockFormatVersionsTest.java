package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The block formats side by side: what is written now ({@code KLB5}, Zstandard pages of 4,096 entries with their
 * leading date-times in a column, filters sized in words), blocks written by the previous builds ({@code KLB4},
 * Zstandard pages without the column, filters in powers of two; {@code KLB3}, DEFLATE pages of 1,024; golden files made
 * by those builds' {@code BlockCodec.encode} from {@link #goldenEntries()}) read back exactly, and the format before
 * them refused.
 */
@ExtendWith(SeedExtension.class)
final class BlockFormatVersionsTest {

    private static final StreamKey GOLDEN_STREAM = new StreamKey("golden", new TreeMap<>(Map.of("env", "test")));

    /** The entries the golden KLB3 block holds: three pages, templates on the first two, plain text on the last. */
    static List<LogEntry> goldenEntries() {
        List<LogEntry> entries = new ArrayList<>();
        long base = LogEntry.epochNanosOf(Instant.parse("2026-01-01T00:00:00Z"));
        for (int i = 0; i < 2500; i++) {
            TreeMap<String, String> fields = new TreeMap<>();
            if (i % 5 == 0) {
                fields.put("k", "v" + i);
            }
            entries.add(new LogEntry(
                    LogEntry.instantOf(base + i * 1_000_000L + i % 7),
                    LogLevel.values()[i % 6],
                    GOLDEN_STREAM.source(),
                    GOLDEN_STREAM.labels(),
                    goldenMessage(i),
                    fields));
        }
        return entries;
    }

    private static String goldenMessage(int i) {
        if (i < 2048) {
            return "request " + i + " took " + (i * 7 % 1000) + " ms";
        }
        StringBuilder word = new StringBuilder();
        for (int n = i; n > 0; n /= 26) {
            word.append((char) ('a' + n % 26));
        }
        return "status installed lib" + word + ":amd64 1." + (i % 13) + "-" + (i % 3);
    }

    private static byte[] goldenKlb3() throws IOException {
        return golden("klb3-block.bin");
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = BlockFormatVersionsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void encode_writesKlb5_withZstandardPagesOf4096AndStamps() {
        List<LogEntry> entries = new ArrayList<>(goldenEntries());
        entries.replaceAll(e -> e.message().startsWith("status")
                ? new LogEntry(
                        e.timestamp(),
                        e.level(),
                        e.source(),
                        e.labels(),
                        "2025-09-22 04:45:" + String.format("%02d ", e.message().length() % 60) + e.message(),
                        e.fields())
                : e);
        BlockCodec.Encoded encoded = BlockCodec.encode(7, GOLDEN_STREAM, entries, 99L);

        assertThat(new String(encoded.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("KLB5");
        BlockMeta meta = BlockCodec.decodeMeta(encoded.bytes(), encoded.bytes().length, "new");
        assertThat(meta.layout().compression()).isEqualTo(BodyCompression.ZSTD);
        assertThat(meta.layout().leadingStamps()).isTrue();
        assertThat(meta.layout().pageSize()).isEqualTo(4096);
        assertThat(meta.layout().pageRaw()).hasSize(1);
        assertThat(NgramBloom.isBuiltSize(meta.bloom().wordCount())).isTrue();
        assertThat(BlockCodec.decodeEntries(meta, encoded.bytes())).isEqualTo(entries);
        assertThat(BlockCodec.decodeEntries(meta, encoded.bytes(), 2040, 2100)).isEqualTo(entries.subList(2040, 2100));
        assertThat(meta.bloom().mightContain("2025-09-22 04:45")).isTrue();
    }

    @Test
    void decode_klb4BlockOfThePreviousBuild_readsEveryEntryAndAnyRange() throws IOException {
        byte[] file = golden("klb4-block.bin");
        List<LogEntry> expected = goldenEntries();

        BlockMeta meta = BlockCodec.decodeMeta(file, file.length, "klb4-block.bin");
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("KLB4");
        assertThat(meta.layout().compression()).isEqualTo(BodyCompression.ZSTD);
        assertThat(meta.layout().leadingStamps()).isFalse();
        assertThat(meta.layout().pageSize()).isEqualTo(4096);
        assertThat(Integer.bitCount(meta.bloom().wordCount())).isEqualTo(1);
        assertThat(meta.stream()).isEqualTo(GOLDEN_STREAM);
        assertThat(BlockCodec.decodeEntries(meta, file)).isEqualTo(expected);
        assertThat(BlockCodec.decodeEntries(meta, file, 1000, 2100)).isEqualTo(expected.subList(1000, 2100));
        for (LogEntry entry : expected) {
            assertThat(meta.bloom().mightContain(entry.message()))
                    .as(entry.message())
                    .isTrue();
        }
    }

    @Test
    void decode_klb5BlockWithAFlippedByte_isCorrupt(SeededRandom random) {
        List<LogEntry> entries = new ArrayList<>();
        for (LogEntry entry : goldenEntries()) {
            entries.add(new LogEntry(
                    entry.timestamp(),
                    entry.level(),
                    entry.source(),
                    entry.labels(),
                    "2026-01-01 00:00:00 " + entry.message(),
                    entry.fields()));
        }
        byte[] file = BlockCodec.encode(7, GOLDEN_STREAM, entries, 99L).bytes();
        assertEveryFlipIsCorrupt(file, random);
    }

    @Test
    void decode_klb3BlockOfThePreviousBuild_readsEveryEntryAndAnyRange() throws IOException {
        byte[] file = goldenKlb3();
        List<LogEntry> expected = goldenEntries();

        BlockMeta meta = BlockCodec.decodeMeta(file, file.length, "klb3-block.bin");
        assertThat(meta.layout().compression()).isEqualTo(BodyCompression.DEFLATE);
        assertThat(meta.layout().pageSize()).isEqualTo(1024);
        assertThat(meta.id()).isEqualTo(7);
        assertThat(meta.sealedThroughLsn()).isEqualTo(99L);
        assertThat(meta.stream()).isEqualTo(GOLDEN_STREAM);
        assertThat(BlockCodec.decodeEntries(meta, file)).isEqualTo(expected);
        assertThat(BlockCodec.decodeEntries(meta, file, 1000, 2100)).isEqualTo(expected.subList(1000, 2100));
        assertThat(BlockCodec.decodeColumns(meta, file).nanos())
                .containsExactly(
                        expected.stream().mapToLong(LogEntry::epochNanos).toArray());
        assertThat(meta.bloom().mightContain("status installed")).isTrue();
    }

    @Test
    void decode_klb3BlockWithAFlippedByte_isCorrupt(SeededRandom random) throws IOException {
        byte[] file = goldenKlb3();
        assertEveryFlipIsCorrupt(file, random);
    }

    /** 50 single-bit flips at random places of {@code file}: each is reported as corruption. */
    private static void assertEveryFlipIsCorrupt(byte[] file, SeededRandom random) {
        for (int trial = 0; trial < 50; trial++) {
            byte[] damaged = file.clone();
            int at = random.nextInt(damaged.length);
            damaged[at] ^= (byte) (1 << random.nextInt(8));
            assertThatThrownBy(() -> BlockCodec.decodeEntries(
                            BlockCodec.decodeMeta(damaged, damaged.length, "damaged"), damaged))
                    .as("flip at byte %d of %d", at, damaged.length)
                    .isInstanceOf(LogsException.class)
                    .extracting(e -> ((LogsException) e).code())
                    .isEqualTo(LogsException.Code.CORRUPT);
        }
    }

    @Test
    void decodeMeta_klb2Block_isRefusedNamingTheFormats() throws IOException {
        byte[] file = goldenKlb3();
        file[3] = '2';

        assertThatThrownBy(() -> BlockCodec.decodeMeta(file, file.length, "old.block"))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("old.block")
                .hasMessageContaining("bad magic 0x4B4C4232")
                .hasMessageContaining("\"KLB5\"")
                .hasMessageContaining("\"KLB4\"")
                .hasMessageContaining("\"KLB3\"")
                .hasMessageContaining("\"KLB2\" are not read");
    }
}
