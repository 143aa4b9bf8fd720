package dev.keel.logs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5424 section 6.5's examples, RFC 3164's, and what real senders produce. */
@ExtendWith(SeedExtension.class)
final class SyslogParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void rfc5424_example1_withBomAndNoStructuredData() throws Exception {
        LogEntry entry = SyslogParser.parse(
                "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - "
                        + "\uFEFF'su root' failed for lonvick on /dev/pts/8",
                RECEIVED);

        assertThat(entry.timestamp()).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
        assertThat(entry.level()).isEqualTo(LogLevel.CRITICAL);
        assertThat(entry.source()).isEqualTo("su");
        assertThat(entry.labels()).isEqualTo(Map.of("facility", "auth", "host", "mymachine.example.com"));
        assertThat(entry.fields()).isEqualTo(Map.of("msgid", "ID47"));
        assertThat(entry.message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
    }

    @Test
    void rfc5424_example2_offsetAndMicroseconds() throws Exception {
        LogEntry entry = SyslogParser.parse(
                "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
                RECEIVED);

        assertThat(entry.timestamp()).isEqualTo(Instant.parse("2003-08-24T12:14:15.000003Z"));
        assertThat(entry.level()).isEqualTo(LogLevel.NOTICE);
        assertThat(entry.labels()).containsEntry("facility", "local4").containsEntry("host", "192.0.2.1");
        assertThat(entry.fields()).isEqualTo(Map.of("procid", "8710"));
        assertThat(entry.message()).isEqualTo("%% It's time to make the do-nuts.");
    }

    @Test
    void rfc5424_example3_structuredDataBecomesLabels() throws Exception {
        LogEntry entry = SyslogParser.parse(
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                        + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application "
                        + "event log entry...",
                RECEIVED);

        assertThat(entry.source()).isEqualTo("evntslog");
        assertThat(entry.labels())
                .containsEntry("exampleSDID_32473_iut", "3")
                .containsEntry("exampleSDID_32473_eventSource", "Application")
                .containsEntry("exampleSDID_32473_eventID", "1011");
        assertThat(entry.message()).isEqualTo("An application event log entry...");
    }

    @Test
    void rfc5424_example4_twoElementsAndNoMessage_escapes() throws Exception {
        LogEntry entry = SyslogParser.parse(
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                        + "[exampleSDID@32473 iut=\"3\"][examplePriority@32473 class=\"high\" note=\"a \\\"q\\\" \\] \\\\ z\"]",
                RECEIVED);

        assertThat(entry.labels())
                .containsEntry("examplePriority_32473_class", "high")
                .containsEntry("examplePriority_32473_note", "a \"q\" ] \\ z");
        assertThat(entry.message()).isEmpty();
    }

    @Test
    void rfc5424_nilFields_andUtilLinuxLoggerOutput() throws Exception {
        LogEntry nil = SyslogParser.parse("<14>1 2026-11-28T09:59:59Z - - - - - hello", RECEIVED);
        assertThat(nil.source()).isEqualTo("syslog");
        assertThat(nil.labels()).isEqualTo(Map.of("facility", "user"));
        assertThat(nil.fields()).isEmpty();

        LogEntry logger = SyslogParser.parse(
                "<13>1 2026-11-28T02:13:50.361279+00:00 host1 root - - [timeQuality "
                        + "tzKnown=\"1\" isSynced=\"0\"] e2e message",
                RECEIVED);
        assertThat(logger.source()).isEqualTo("root");
        assertThat(logger.level()).isEqualTo(LogLevel.NOTICE);
        assertThat(logger.labels()).containsEntry("timeQuality_tzKnown", "1");
        assertThat(logger.message()).isEqualTo("e2e message");
    }

    @Test
    void rfc3164_examples() throws Exception {
        LogEntry su = SyslogParser.parse(
                "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8", RECEIVED);
        assertThat(su.timestamp()).isEqualTo(Instant.parse("2026-10-11T22:14:15Z"));
        assertThat(su.source()).isEqualTo("su");
        assertThat(su.labels()).isEqualTo(Map.of("facility", "auth", "host", "mymachine"));
        assertThat(su.message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");

        LogEntry pid = SyslogParser.parse("<13>Feb  5 17:32:18 10.0.0.99 myapp[1234]: Use the BFG!", RECEIVED);
        assertThat(pid.timestamp()).isEqualTo(Instant.parse("2026-02-05T17:32:18Z"));
        assertThat(pid.source()).isEqualTo("myapp");
        assertThat(pid.fields()).isEqualTo(Map.of("procid", "1234"));
        assertThat(pid.message()).isEqualTo("Use the BFG!");
    }

    @Test
    void rfc3164_decemberReceivedInJanuary_isLastYear() throws Exception {
        LogEntry entry =
                SyslogParser.parse("<13>Dec 31 23:59:59 host app: late", Instant.parse("2027-01-01T00:00:05Z"));
        assertThat(entry.timestamp()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
    }

    @Test
    void rfc3164_withoutTimestamp_keepsTheRestWithTheReceiveTime() throws Exception {
        LogEntry entry = SyslogParser.parse("<13>just some text", RECEIVED);
        assertThat(entry.timestamp()).isEqualTo(RECEIVED);
        assertThat(entry.message()).isEqualTo("just some text");
        assertThat(entry.source()).isEqualTo("syslog");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "hello => expected '<' and a priority such as <13> at position 0, found 'h'",
                "<> x => expected a priority of 1 to 3 digits and '>' at position 1, found '>'",
                "<1a> x => expected a digit in the priority at position 2, found 'a'",
                "<192>1 x => priority 192 is out of range (expected: 0 to 191)",
                "<13>1 2026-11-28T10:00:00Z host => expected HOSTNAME and a space at position 27, found the end of the message",
                "<13>1 yesterday host app - - - m => TIMESTAMP 'yesterday' at position 6 is not an RFC 3339 time",
                "<13>1 - host app - - - m => TIMESTAMP at position 6 is '-'",
                "<13>1 2026-11-28T10:00:00Z host app - - [x a=\"1 m => expected a closing '\"' for x a starting at position 45",
                "<13>1 2026-11-28T10:00:00Z host app - - [x a=1] m => expected PARAM-NAME=\"value\" in [x] at position 43",
                "<13>1 2026-11-28T10:00:00Z host app - - oops => expected STRUCTURED-DATA ('-' or '[') at position 40, found 'o'",
            })
    void malformed_namesPositionAndExpectation(String message, String expected) {
        assertThatThrownBy(() -> SyslogParser.parse(message, RECEIVED))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(expected);
    }

    /** Format an entry as RFC 5424 (as a sender would), parse it back: the same entry. */
    @Test
    void rfc5424_formatThenParse_roundTrips(SeededRandom random) throws Exception {
        for (int i = 0; i < 500; i++) {
            LogLevel picked = random.pick(List.of(LogLevel.values()));
            LogLevel level = picked == LogLevel.TRACE ? LogLevel.DEBUG : picked; // syslog has no TRACE
            int facility = random.nextInt(24);
            Instant time = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000) * 1000L);
            String host = "h" + random.nextInt(100) + ".example";
            String app = random.pick(List.of("web", "db-1", "app.server", "x_y"));
            String sdValue = random.pick(List.of("plain", "q\"uote", "br]acket", "back\\slash", ""));
            String message = random.pick(
                    List.of("", "hello", "  leading spaces", "unicode \u00e9\u4e2d\u2603", "[not sd]", "- dash"));
            String text = "<" + (facility * 8 + level.syslogSeverity()) + ">1 "
                    + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            time.atOffset(ZoneOffset.ofHours(random.nextInt(-12, 13))))
                    + " " + host + " " + app + " " + random.nextInt(1, 99999) + " ID" + i
                    + " [meta@1 v=\""
                    + sdValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]") + "\"]"
                    + (message.isEmpty() && random.nextBoolean() ? "" : " " + message);

            LogEntry parsed = SyslogParser.parse(text, RECEIVED);

            assertThat(parsed.timestamp()).as(text).isEqualTo(time);
            assertThat(parsed.level()).as(text).isEqualTo(level);
            assertThat(parsed.source()).as(text).isEqualTo(app);
            assertThat(parsed.labels())
                    .as(text)
                    .isEqualTo(new TreeMap<>(
                            Map.of("facility", parsed.labels().get("facility"), "host", host, "meta_1_v", sdValue)));
            assertThat(parsed.fields()).as(text).containsEntry("msgid", "ID" + i);
            assertThat(parsed.message()).as(text).isEqualTo(message);
        }
    }
}
