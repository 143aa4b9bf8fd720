package dev.keel.logs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The template-and-numbers page layout round-trips every message exactly, including the awkward numbers. */
@ExtendWith(SeedExtension.class)
final class MessagePageTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private static final List<String> AWKWARD = List.of(
            "",
            "0",
            "00",
            "007 bond",
            "id=0x1f3a",
            "max 9223372036854775807 and 999999999999999999 and 1000000000000000000",
            "-42 is negative, 3.14 is not an integer",
            "literal \u0011 and \u0012 markers \u0012\u0011 42",
            "trailing digits 12345",
            "\u2603 snow 1 \u4e2d 2",
            "2026-11-28 04:19:15 status installed libc6:amd64 2.36-9+deb12u4");

    /** Both layouts must give the same entries; returns them. */
    private static List<MessagePage.Message> roundTrip(List<LogEntry> entries, int from, int to) {
        ByteSink templated = new ByteSink(64);
        MessagePage.encode(entries, templated);
        ByteSink plain = new ByteSink(64);
        MessagePage.encodePlain(entries, plain);
        List<MessagePage.Message> fromTemplates =
                MessagePage.decode(templated.toByteArray(), "templated page", entries.size(), from, to);
        List<MessagePage.Message> fromPlain =
                MessagePage.decode(plain.toByteArray(), "plain page", entries.size(), from, to);
        assertThat(fromTemplates).isEqualTo(fromPlain);
        return fromTemplates;
    }

    private static LogEntry entry(String message, Map<String, String> fields) {
        return new LogEntry(T0, LogLevel.INFO, "app", new TreeMap<>(), message, new TreeMap<>(fields));
    }

    @Test
    void roundTrip_awkwardNumbersAndMarkers_comeBackExactly() {
        List<LogEntry> entries = new ArrayList<>();
        for (String message : AWKWARD) {
            entries.add(entry(message, Map.of()));
            entries.add(entry(message, Map.of("k", "v " + message.length())));
        }
        List<MessagePage.Message> decoded = roundTrip(entries, 0, entries.size());
        assertThat(decoded)
                .extracting(MessagePage.Message::text)
                .containsExactlyElementsOf(
                        entries.stream().map(LogEntry::message).toList());
        assertThat(decoded.stream().map(m -> Map.copyOf(m.fields())).toList())
                .isEqualTo(entries.stream().map(e -> Map.copyOf(e.fields())).toList());
    }

    @Test
    void roundTrip_randomMessagesAndRanges_matchTheInput(SeededRandom random) {
        List<String> templates = List.of("GET /api/v1/orders/%d 200 %dms", "user %d logged in from 10.0.%d.%d", "%d");
        for (int round = 0; round < 200; round++) {
            List<LogEntry> entries = new ArrayList<>();
            int count = random.nextInt(1, 120);
            for (int i = 0; i < count; i++) {
                String message;
                if (random.chance(1, 4)) {
                    message = random.pick(AWKWARD) + random.nextLong(0, Long.MAX_VALUE);
                } else {
                    String template = random.pick(templates);
                    Object[] args = new Object[4];
                    for (int a = 0; a < args.length; a++) {
                        args[a] = random.chance(1, 5) ? random.nextLong(0, Long.MAX_VALUE) : random.nextInt(0, 10_000);
                    }
                    message = String.format(template, args);
                }
                entries.add(entry(message, random.chance(1, 3) ? Map.of("n", "" + i) : Map.of()));
            }
            int from = random.nextInt(0, count);
            int to = random.nextInt(from, count + 1);
            List<MessagePage.Message> decoded = roundTrip(entries, from, to);
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
