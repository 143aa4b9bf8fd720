package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden encodings of every reply type. */
final class RespWriterTest {

    private static String encode(Reply reply) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RespWriter(out).write(reply);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void write_simpleString_plusLine() throws IOException {
        assertThat(encode(Reply.OK)).isEqualTo("+OK\r\n");
        assertThat(encode(new Reply.Simple("string"))).isEqualTo("+string\r\n");
    }

    @Test
    void write_error_withCrAndLfTurnedIntoSpaces() throws IOException {
        assertThat(encode(new Reply.Error("ERR syntax error"))).isEqualTo("-ERR syntax error\r\n");
        assertThat(encode(new Reply.Error("ERR unknown command 'a\r\nb'")))
                .isEqualTo("-ERR unknown command 'a  b'\r\n");
    }

    @Test
    void write_integer_includingTheExtremes() throws IOException {
        assertThat(encode(new Reply.Int(0))).isEqualTo(":0\r\n");
        assertThat(encode(new Reply.Int(-2))).isEqualTo(":-2\r\n");
        assertThat(encode(new Reply.Int(Long.MAX_VALUE))).isEqualTo(":9223372036854775807\r\n");
        assertThat(encode(new Reply.Int(Long.MIN_VALUE))).isEqualTo(":-9223372036854775808\r\n");
    }

    @Test
    void write_bulk_binarySafe() throws IOException {
        assertThat(encode(Reply.bulk("hello"))).isEqualTo("$5\r\nhello\r\n");
        assertThat(encode(Reply.bulk(""))).isEqualTo("$0\r\n\r\n");
        assertThat(encode(new Reply.Bulk(new byte[] {'\r', '\n', 0, (byte) 0xFF})))
                .isEqualTo("$4\r\n\r\n\0\u00ff\r\n");
    }

    @Test
    void write_nullBulkAndNullArray_minusOne() throws IOException {
        assertThat(encode(Reply.NULL_BULK)).isEqualTo("$-1\r\n");
        assertThat(encode(Reply.NULL_ARRAY)).isEqualTo("*-1\r\n");
        assertThat(encode(Reply.bulkOrNull(null))).isEqualTo("$-1\r\n");
    }

    @Test
    void write_nestedArray_elementsInOrder() throws IOException {
        Reply scan =
                new Reply.Array(List.of(Reply.bulk("0"), new Reply.Array(List.of(Reply.bulk("k"), Reply.NULL_BULK))));
        assertThat(encode(scan)).isEqualTo("*2\r\n$1\r\n0\r\n*2\r\n$1\r\nk\r\n$-1\r\n");
        assertThat(encode(Reply.EMPTY_ARRAY)).isEqualTo("*0\r\n");
        assertThat(encode(new Reply.Array(List.of(new Reply.Int(1), new Reply.Error("ERR x")))))
                .isEqualTo("*2\r\n:1\r\n-ERR x\r\n");
    }

    @Test
    void simpleString_withALineBreak_isRefused() {
        assertThatThrownBy(() -> new Reply.Simple("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    }
}
