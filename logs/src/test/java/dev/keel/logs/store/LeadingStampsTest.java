package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code KLB5} pages: a message's leading date-time is moved into the stamps column only when it renders back to the
 * same characters, every page round-trips exactly whatever its messages start with, and a damaged stamps section is
 * refused as corrupt.
 */
@ExtendWith(SeedExtension.class)
final class LeadingStampsTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    /** Messages that start like a date-time but must stay text. */
    private static final List<String> NEAR_MISSES = List.of(
            "2025-09-22 04:45:60 a leap second",
            "2025-02-29 00:00:00 not a leap year",
            "2025-13-01 00:00:00 month 13",
            "2025-00-10 00:00:00 month 0",
            "2025-09-00 00:00:00 day 0",
            "2025-09-22 24:00:00 hour 24",
            "2025-09-22t04:45:12 lower-case t",
            "2025-09-22_04:45:12 underscore",
            "2025-9-22 04:45:12 short month",
            "2025-09-22 04:45:1",
            "+025-09-22 04:45:12 sign",
            "２０２５-09-22 04:45:12 wide digits",
            "",
            "x");

    @Test
    void secondsOf_exactDateTimes_andNothingElse() {
        assertThat(LeadingStamps.secondsOf("2025-09-22 04:45:12 status installed"))
                .isEqualTo(LocalDateTime.parse("2025-09-22T04:45:12").toEpochSecond(ZoneOffset.UTC));
        assertThat(LeadingStamps.secondsOf("2024-02-29T23:59:59"))
                .isEqualTo(LocalDateTime.parse("2024-02-29T23:59:59").toEpochSecond(ZoneOffset.UTC));
        assertThat(LeadingStamps.secondsOf("0000-01-01 00:00:00"))
                .isEqualTo(LocalDateTime.parse("0000-01-01T00:00:00").toEpochSecond(ZoneOffset.UTC));
        assertThat(LeadingStamps.secondsOf("9999-12-31 23:59:59.999 fraction stays text"))
                .isEqualTo(LocalDateTime.parse("9999-12-31T23:59:59").toEpochSecond(ZoneOffset.UTC));
        for (String message : NEAR_MISSES) {
            assertThat(LeadingStamps.secondsOf(message)).as(message).isEqualTo(Long.MIN_VALUE);
        }
    }

    @Test
    void page_randomStampsAndNearMisses_roundTripsEveryRange(SeededRandom random) {
        long min = LocalDateTime.parse("0000-01-01T00:00:00").toEpochSecond(ZoneOffset.UTC);
        long max = LocalDateTime.parse("9999-12-31T23:59:59").toEpochSecond(ZoneOffset.UTC);
        try (BodyCompression.Compressor compressor = new BodyCompression.Compressor()) {
            for (int round = 0; round < 150; round++) {
                List<LogEntry> entries = new ArrayList<>();
                int count = random.nextInt(1, 200);
                long seconds = random.nextLong(min, max);
                for (int i = 0; i < count; i++) {
                    String message;
                    int kind = random.nextInt(5);
                    if (kind <= 1) { // a log file's lines: close together, sometimes back in time
                        seconds = Math.clamp(seconds + random.nextInt(-3, 30), min, max);
                        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
                        String text = String.format(
                                "%04d-%02d-%02d%s%02d:%02d:%02d",
                                time.getYear(),
                                time.getMonthValue(),
                                time.getDayOfMonth(),
                                random.chance(1, 5) ? "T" : " ",
                                time.getHour(),
                                time.getMinute(),
                                time.getSecond());
                        message = text + (random.chance(1, 8) ? "" : " status installed lib" + i + ":amd64 1." + i);
                    } else if (kind == 2) {
                        message = random.pick(NEAR_MISSES) + " " + i;
                    } else if (kind == 3) {
                        message = "request " + i + " took " + random.nextInt(1000) + " ms \u0011\u0012 \u0000\u0001";
                    } else {
                        message = random.pick(List.of("", "\u2603 snow", "2025", "2025-09-22"));
                    }
                    TreeMap<String, String> fields = new TreeMap<>();
                    if (random.chance(1, 6)) {
                        fields.put("k", "v" + i);
                    }
                    entries.add(new LogEntry(T0, LogLevel.INFO, "app", new TreeMap<>(), message, fields));
                }
                BlockRows rows = BlockRows.of(entries);
                PageCodec.Page page = PageCodec.encode(rows, compressor, true);
                byte[] raw = BodyCompression.ZSTD.decompress(
                        page.compressed(),
                        0,
                        page.compressed().length,
                        page.rawBytes(),
                        new ByteSource(page.compressed(), 0, 0, "page"));
                int from = random.nextInt(count);
                int to = random.nextInt(from, count + 1);
                List<MessagePage.Message> decoded = PageCodec.decode(stamped(), raw, "page", count, from, to);
                assertThat(decoded)
                        .extracting(MessagePage.Message::text)
                        .containsExactlyElementsOf(entries.subList(from, to).stream()
                                .map(LogEntry::message)
                                .toList());
                assertThat(decoded.stream().map(m -> Map.copyOf(m.fields())).toList())
                        .isEqualTo(entries.subList(from, to).stream()
                                .map(e -> Map.copyOf(e.fields()))
                                .toList());
            }
        }
    }

    @Test
    void read_stampOutsideYears0To9999_isCorrupt() {
        ByteSink page = new ByteSink(64);
        ByteSink stamps = new ByteSink(16);
        long seconds = LocalDateTime.parse("9999-12-31T23:59:59").toEpochSecond(ZoneOffset.UTC) + 1;
        stamps.putVarLong(1 + (((seconds << 1) ^ (seconds >> 63)) << 1));
        page.putVarLong(stamps.size());
        page.putBytes(stamps.array(), 0, stamps.size());
        MessagePage.encodePlain(List.of(entry("")), page);

        assertThatThrownBy(() -> PageCodec.decode(stamped(), page.toByteArray(), "block 3 page 0", 1, 0, 1))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("block 3 page 0 stamps")
                .hasMessageContaining("expected: years 0000 to 9999")
                .extracting(e -> ((LogsException) e).code())
                .isEqualTo(LogsException.Code.CORRUPT);
    }

    @Test
    void read_stampsSectionTooShortOrTooLong_isCorrupt() {
        ByteSink short_ = new ByteSink(16);
        short_.putVarLong(1);
        short_.put(0); // one stamp for a page of two entries
        MessagePage.encodePlain(List.of(entry("a"), entry("b")), short_);
        assertThatThrownBy(() -> PageCodec.decode(stamped(), short_.toByteArray(), "page", 2, 0, 2))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("page stamps")
                .extracting(e -> ((LogsException) e).code())
                .isEqualTo(LogsException.Code.CORRUPT);

        ByteSink long_ = new ByteSink(16);
        long_.putVarLong(3);
        long_.put(0);
        long_.put(0);
        long_.put(0); // three stamps for a page of two entries
        MessagePage.encodePlain(List.of(entry("a"), entry("b")), long_);
        assertThatThrownBy(() -> PageCodec.decode(stamped(), long_.toByteArray(), "page", 2, 0, 2))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("1 bytes after the page's 2 stamps");

        ByteSink past = new ByteSink(16);
        past.putVarLong(1_000);
        past.put(0);
        assertThatThrownBy(() -> PageCodec.decode(stamped(), past.toByteArray(), "page", 1, 0, 1))
                .isInstanceOf(LogsException.class)
                .hasMessageContaining("stamps length 1000");
    }

    private static LogEntry entry(String message) {
        return new LogEntry(T0, LogLevel.INFO, "app", message);
    }

    private static BlockLayout stamped() {
        return new BlockLayout(0, 0, 4096, new int[0], new int[0], BodyCompression.ZSTD, true);
    }
}
