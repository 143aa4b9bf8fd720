package dev.keel.logs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.logs.LogEntry;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The byte parser gives what the string parser gives (entry or error), and takes its fast path where it should. */
@ExtendWith(SeedExtension.class)
final class SyslogBytesParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:00Z");
    private static final InstantSource CLOCK = InstantSource.fixed(RECEIVED);

    @Test
    void parse_commonRfc5424_takesTheFastPathWithTheSameEntry() throws Exception {
        String text = "<165>1 2026-11-28T10:00:00.123456Z web-1.example nginx 4321 ACCESS - \uFEFFGET /caf\u00e9 200";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SyslogBytesParser parser = new SyslogBytesParser(new RecentStrings());

        LogEntry fast = parser.parseCommon(bytes, 0, bytes.length);

        assertThat(fast).isEqualTo(SyslogParser.parse(text, RECEIVED));
        assertThat(fast.message()).isEqualTo("GET /caf\u00e9 200");
    }

    @Test
    void parse_sameConnectionAgain_reusesTheHeaderStrings() throws Exception {
        SyslogBytesParser parser = new SyslogBytesParser(new RecentStrings());
        byte[] first = "<14>1 2026-11-28T10:00:00Z host-a app 77 - - one".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "<14>1 2026-11-28T10:00:01Z host-a app 77 - - two".getBytes(StandardCharsets.US_ASCII);

        LogEntry a = parser.parse(first, 0, first.length, CLOCK);
        LogEntry b = parser.parse(second, 0, second.length, CLOCK);

        assertThat(b.source()).isSameAs(a.source());
        assertThat(b.labels().get("host")).isSameAs(a.labels().get("host"));
        assertThat(b.fields().get("procid")).isSameAs(a.fields().get("procid"));
    }

    @Test
    void parse_sliceOfALargerBuffer_readsOnlyTheSlice() throws Exception {
        byte[] bytes = "xx<13>1 2026-11-28T10:00:00Z h a - - - mid\nyy".getBytes(StandardCharsets.US_ASCII);
        int to = bytes.length - 3;

        LogEntry entry = new SyslogBytesParser(new RecentStrings()).parse(bytes, 2, to, CLOCK);

        assertThat(entry.message()).isEqualTo("mid");
    }

    /** Generated messages, well-formed and broken: the same entry, or the same error, as {@link SyslogParser}. */
    @Test
    void parse_generatedMessages_sameResultAsTheStringParser(SeededRandom random) {
        SyslogBytesParser parser = new SyslogBytesParser(new RecentStrings());
        int fast = 0;
        for (int i = 0; i < 5_000; i++) {
            String text = generate(random);
            if (random.chance(1, 4)) {
                text = mutate(text, random);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            byte[] framed = new byte[bytes.length + 4];
            System.arraycopy(bytes, 0, framed, 2, bytes.length);
            if (random.chance(1, 10) && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256); // maybe not UTF-8 any more
                System.arraycopy(bytes, 0, framed, 2, bytes.length);
            }
            String decoded = new String(bytes, StandardCharsets.UTF_8);

            Object expected = outcome(() -> SyslogParser.parse(decoded, RECEIVED, new RecentStrings()));
            Object actual = outcome(() -> parser.parse(framed, 2, 2 + bytes.length, CLOCK));

            assertThat(actual).as(decoded).isEqualTo(expected);
            if (parser.parseCommon(framed, 2, 2 + bytes.length) != null) {
                fast++;
            }
        }
        assertThat(fast).as("messages on the fast path").isGreaterThan(50);
    }

    private interface Parse {
        LogEntry run() throws ParseException;
    }

    private static Object outcome(Parse parse) {
        try {
            return parse.run();
        } catch (ParseException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String generate(SeededRandom random) {
        if (random.chance(1, 5)) {
            return "<" + random.nextInt(192) + ">" + random.pick(List.of("Oct 11 22:14:15 ", "Feb  5 17:32:18 "))
                    + random.pick(List.of("host ", "10.0.0.9 ", "")) + random.pick(List.of("su: ", "app[12]: ", ""))
                    + random.pick(List.of("hello", "'su root' failed", ""));
        }
        String time = random.pick(List.of(
                "2026-11-28T10:00:00Z",
                "2026-11-28T10:00:00.1Z",
                "2026-11-28T10:00:00.123456789Z",
                "2026-11-28T10:00:00.000001+02:00",
                "2026-11-28T10:00:00-07:30",
                "2026-02-30T10:00:00Z",
                "2026-11-28T24:00:00Z",
                "2026-11-28t10:00:00z",
                "2026-11-28T10:00:00.Z",
                "2026-11-28T10:00:00.1234567891Z",
                "9999-12-31T23:59:59Z",
                "2026-11-28T10:00:00",
                "-"));
        String sd = random.pick(List.of("-", "-", "-", "[a@1 k=\"v\"]", "[x", "-junk"));
        String message = random.pick(
                List.of("", " ", "hello world", "\uFEFFbom", "caf\u00e9 \u4e2d", "  two spaces", "- dash", "[not sd]"));
        return "<" + random.pick(List.of("13", "165", "0", "191", "013", "192", "1a", "", "1234")) + ">"
                + random.pick(List.of("1 ", "1 ", "1 ", "2 ", "1"))
                + time
                + " " + random.pick(List.of("host", "-", "h\u00f6st", "web-1.example"))
                + " " + random.pick(List.of("app", "-", "db-1", "x".repeat(300)))
                + " " + random.pick(List.of("1234", "-", "p"))
                + " " + random.pick(List.of("ID47", "-"))
                + " " + sd
                + (random.nextBoolean() ? " " + message : message);
    }

    private static String mutate(String text, SeededRandom random) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + " " + text.substring(at);
            default -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
        };
    }
}
