package dev.keel.logs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class JsonLineParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void fullEntry_withOddFieldsKept() throws Exception {
        LogEntry entry = JsonLineParser.parse(
                "{\"timestamp\":\"2026-11-28T09:00:00.123456789Z\",\"level\":\"warning\","
                        + "\"source\":\"api\",\"labels\":{\"env\":\"prod\",\"zone\":1},\"message\":\"slow\",\"status\":503,"
                        + "\"ok\":false,\"nothing\":null,\"nested\":{\"a\":[1,2]},\"http-path\":\"/x\"}",
                RECEIVED);

        assertThat(entry.timestamp()).isEqualTo(Instant.parse("2026-11-28T09:00:00.123456789Z"));
        assertThat(entry.level()).isEqualTo(LogLevel.WARN);
        assertThat(entry.source()).isEqualTo("api");
        assertThat(entry.labels()).isEqualTo(Map.of("env", "prod", "zone", "1"));
        assertThat(entry.message()).isEqualTo("slow");
        assertThat(entry.fields())
                .isEqualTo(Map.of(
                        "status",
                        "503",
                        "ok",
                        "false",
                        "nothing",
                        "null",
                        "nested",
                        "{\"a\":[1,2]}",
                        "http-path",
                        "/x"));
    }

    @Test
    void epochNanoseconds_asNumberOrString_andDefaults() throws Exception {
        LogEntry number =
                JsonLineParser.parse("{\"timestamp\":1764320400000000001,\"source\":\"s\",\"msg\":\"m\"}", RECEIVED);
        assertThat(number.epochNanos()).isEqualTo(1764320400000000001L);
        assertThat(number.level()).isEqualTo(LogLevel.INFO);
        assertThat(number.message()).isEqualTo("m");
        LogEntry text = JsonLineParser.parse("{\"timestamp\":\"1764320400000000002\",\"source\":\"s\"}", RECEIVED);
        assertThat(text.epochNanos()).isEqualTo(1764320400000000002L);
        assertThat(text.message()).isEmpty();
        assertThat(JsonLineParser.parse("{\"source\":\"s\",\"level\":3}", RECEIVED))
                .satisfies(e -> {
                    assertThat(e.timestamp()).isEqualTo(RECEIVED);
                    assertThat(e.level()).isEqualTo(LogLevel.ERROR);
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "not json => not JSON: Unrecognized token 'not'",
                "[1,2] => expected a JSON object, found ARRAY",
                "{\"message\":\"m\"} => missing \"source\"",
                "{\"source\":7} => \"source\": expected a string, found 7",
                "{\"source\":\"s\",\"timestamp\":\"yesterday\"} => \"timestamp\": \"yesterday\" is not a time",
                "{\"source\":\"s\",\"timestamp\":99999999999999999999} => \"timestamp\": 99999999999999999999 does not fit",
                "{\"source\":\"s\",\"level\":\"loud\"} => \"level\": level 'loud' is not a level",
                "{\"source\":\"s\",\"labels\":[1]} => \"labels\": expected an object of strings",
                "{\"source\":\"s\",\"labels\":{\"bad-name\":\"v\"}} => label name 'bad-name' is not valid",
                "{\"source\":\"s\",\"labels\":{\"a\":{\"b\":1}}} => \"labels\".\"a\": expected a string",
            })
    void malformed_lines_sayWhatIsWrong(String line, String expected) {
        assertThatThrownBy(() -> JsonLineParser.parse(line, RECEIVED))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(expected);
    }
}
