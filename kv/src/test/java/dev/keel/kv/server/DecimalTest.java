package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class DecimalTest {

    private static OptionalLong parse(String text) {
        return Decimal.parse(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void parse_redisStrictForm_accepted() {
        assertThat(parse("0")).hasValue(0);
        assertThat(parse("7")).hasValue(7);
        assertThat(parse("-42")).hasValue(-42);
        assertThat(parse("9223372036854775807")).hasValue(Long.MAX_VALUE);
        assertThat(parse("-9223372036854775808")).hasValue(Long.MIN_VALUE);
    }

    @Test
    void parse_anythingElse_rejectedAsRedisString2llDoes() {
        for (String bad : new String[] {
            "",
            "-",
            "+1",
            " 1",
            "1 ",
            "01",
            "-0",
            "00",
            "1.0",
            "1e3",
            "0x10",
            "abc",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
            "123456789012345678901"
        }) {
            assertThat(parse(bad)).as("'%s'", bad).isEmpty();
        }
    }

    @Test
    void parse_ofASlice_readsOnlyTheSlice() {
        byte[] line = "*12\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(Decimal.parse(line, 1, 3)).hasValue(12);
    }

    @Test
    void toBytes_anyLong_roundTripsThroughParse() {
        for (long value : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1234567890123L}) {
            assertThat(Decimal.parse(Decimal.toBytes(value))).hasValue(value);
        }
    }
}
