package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Golden requests and every protocol error, without sockets. */
@ExtendWith(SeedExtension.class)
final class RespReaderTest {

    private static final KvServerOptions DEFAULTS = KvServerOptions.defaults();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static RespReader reader(String input) {
        return reader(bytes(input), DEFAULTS);
    }

    private static RespReader reader(byte[] input, KvServerOptions options) {
        return new RespReader(new ByteArrayInputStream(input), () -> {}, options);
    }

    private static List<String> words(Frame frame) {
        assertThat(frame).isInstanceOf(Frame.Request.class);
        return ((Frame.Request) frame)
                .args().stream()
                        .map(arg -> new String(arg, StandardCharsets.ISO_8859_1))
                        .toList();
    }

    /** Every frame until the end, as text: requests as their words joined by '|', errors as their message. */
    private static List<String> readAll(RespReader reader) throws IOException {
        List<String> frames = new ArrayList<>();
        while (true) {
            switch (reader.read()) {
                case Frame.Request request ->
                    frames.add(String.join(
                            "|",
                            request.args().stream()
                                    .map(arg -> new String(arg, StandardCharsets.ISO_8859_1))
                                    .toList()));
                case Frame.ProtocolError error -> {
                    frames.add("error: " + error.message());
                    return frames;
                }
                case Frame.EndOfStream _ -> {
                    return frames;
                }
            }
        }
    }

    private static String errorOf(String input) throws IOException {
        return errorOf(bytes(input), DEFAULTS);
    }

    private static String errorOf(byte[] input, KvServerOptions options) throws IOException {
        Frame frame = reader(input, options).read();
        assertThat(frame).isInstanceOf(Frame.ProtocolError.class);
        return ((Frame.ProtocolError) frame).message();
    }

    @Test
    void read_multibulk_givesTheArguments() throws IOException {
        RespReader reader = reader("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n");
        assertThat(words(reader.read())).containsExactly("SET", "k", "hello");
        assertThat(reader.read()).isEqualTo(Frame.END_OF_STREAM);
    }

    @Test
    void read_binaryBulk_keepsEveryByteIncludingCrLfAndNul() throws IOException {
        RespReader reader = reader("*2\r\n$4\r\nECHO\r\n$6\r\na\r\n\0\u00ffb\r\n");
        assertThat(words(reader.read())).containsExactly("ECHO", "a\r\n\0\u00ffb");
    }

    @Test
    void read_emptyBulk_isAnEmptyArgument() throws IOException {
        assertThat(words(reader("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n").read())).containsExactly("ECHO", "");
    }

    @Test
    void read_inline_splitsOnBlanks_withOrWithoutCr() throws IOException {
        assertThat(readAll(reader("SET k \"hello world\"\r\nGET k\nPING\r\n")))
                .containsExactly("SET|k|hello world", "GET|k", "PING");
    }

    @Test
    void read_blankLinesAndNonPositiveCounts_areSkippedWithoutAFrame() throws IOException {
        assertThat(readAll(reader("\r\n\n   \r\n*0\r\n*-1\r\nPING\r\n"))).containsExactly("PING");
    }

    @Test
    void read_pipelinedMixOfForms_inOrder() throws IOException {
        assertThat(readAll(reader("*1\r\n$4\r\nPING\r\nECHO hi\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n")))
                .containsExactly("PING", "ECHO|hi", "GET|k");
    }

    @Test
    void read_oneByteAtATime_givesTheSameRequests(SeededRandom random) throws IOException {
        byte[] value = random.nextBytes(40_000);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(bytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$40000\r\n"));
        input.writeBytes(value);
        input.writeBytes(bytes("\r\nPING\r\n*1\r\n$4\r\nQUIT\r\n"));
        RespReader reader = new RespReader(new Trickle(input.toByteArray()), () -> {}, DEFAULTS);
        Frame set = reader.read();
        assertThat(((Frame.Request) set).args().get(2)).isEqualTo(value);
        assertThat(words(reader.read())).containsExactly("PING");
        assertThat(words(reader.read())).containsExactly("QUIT");
        assertThat(reader.read()).isEqualTo(Frame.END_OF_STREAM);
    }

    @Test
    void read_bulkLargerThanTheBuffer_arrivesIntact(SeededRandom random) throws IOException {
        byte[] value = random.nextBytes(3 * RespReader.BUFFER_SIZE + 17 + (1 << 20));
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(bytes("*2\r\n$4\r\nECHO\r\n$" + value.length + "\r\n"));
        input.writeBytes(value);
        input.writeBytes(bytes("\r\nPING\r\n"));
        RespReader reader = reader(input.toByteArray(), DEFAULTS);
        assertThat(((Frame.Request) reader.read()).args().get(1)).isEqualTo(value);
        assertThat(words(reader.read())).containsExactly("PING");
    }

    @Test
    void read_pipelinedRequests_flushOnlyWhenTheBufferIsDrained() throws IOException {
        AtomicInteger flushes = new AtomicInteger();
        RespReader reader = new RespReader(
                new ByteArrayInputStream(bytes("PING\r\nPING\r\nPING\r\n")), flushes::incrementAndGet, DEFAULTS);
        reader.read();
        assertThat(flushes).hasValue(1); // before the first read of the socket
        reader.read();
        reader.read();
        assertThat(flushes).hasValue(1); // answered from the buffer: replies keep accumulating
        assertThat(reader.read()).isEqualTo(Frame.END_OF_STREAM);
        assertThat(flushes).hasValue(2); // about to wait for more: the three replies go out
    }

    @Test
    void read_streamEndsMidRequest_isTheEndOfStream() throws IOException {
        assertThat(reader("*2\r\n$3\r\nGET\r\n").read()).isEqualTo(Frame.END_OF_STREAM);
        assertThat(reader("*2\r\n$3\r\nGE").read()).isEqualTo(Frame.END_OF_STREAM);
        assertThat(reader("PING").read()).isEqualTo(Frame.END_OF_STREAM);
    }

    @Test
    void read_hugeAnnouncedBulk_isNotAllocatedUpFront() throws IOException {
        KvServerOptions options = KvServerOptions.builder()
                .maxBulkLength(Integer.MAX_VALUE - 8)
                .maxRequestBytes(Long.MAX_VALUE)
                .build();
        // An eager new byte[2147483639] would fail with OutOfMemoryError; the reader allocates as bytes arrive.
        byte[] input = bytes("*1\r\n$" + (Integer.MAX_VALUE - 8) + "\r\nonly a few bytes");
        assertThat(reader(input, options).read()).isEqualTo(Frame.END_OF_STREAM);
    }

    @Test
    void read_invalidMultibulkLength_redisWording() throws IOException {
        assertThat(errorOf("*x\r\n")).isEqualTo("Protocol error: invalid multibulk length");
        assertThat(errorOf("*+1\r\n")).isEqualTo("Protocol error: invalid multibulk length");
        assertThat(errorOf("*01\r\n")).isEqualTo("Protocol error: invalid multibulk length");
        assertThat(errorOf("*1048577\r\n")).isEqualTo("Protocol error: invalid multibulk length");
        assertThat(errorOf("*99999999999999999999\r\n")).isEqualTo("Protocol error: invalid multibulk length");
        assertThat(errorOf(
                        bytes("*3\r\n"),
                        KvServerOptions.builder().maxMultibulkLength(2).build()))
                .isEqualTo("Protocol error: invalid multibulk length");
    }

    @Test
    void read_argumentNotABulk_redisWording() throws IOException {
        assertThat(errorOf("*1\r\nx3\r\n")).isEqualTo("Protocol error: expected '$', got 'x'");
        assertThat(errorOf("*2\r\n$3\r\nGET\r\n:1\r\n")).isEqualTo("Protocol error: expected '$', got ':'");
    }

    @Test
    void read_invalidBulkLength_redisWording() throws IOException {
        assertThat(errorOf("*1\r\n$-1\r\n")).isEqualTo("Protocol error: invalid bulk length");
        assertThat(errorOf("*1\r\n$abc\r\n")).isEqualTo("Protocol error: invalid bulk length");
        assertThat(errorOf("*1\r\n$536870913\r\n")).isEqualTo("Protocol error: invalid bulk length");
        assertThat(errorOf("*1\r\n$999999999999\r\n")).isEqualTo("Protocol error: invalid bulk length");
        assertThat(errorOf(
                        bytes("*1\r\n$11\r\n"),
                        KvServerOptions.builder().maxBulkLength(10).build()))
                .isEqualTo("Protocol error: invalid bulk length");
    }

    @Test
    void read_headerWithoutCrWithinTheLimit_tooBigRedisWording() throws IOException {
        assertThat(errorOf("*" + "1".repeat(70_000))).isEqualTo("Protocol error: too big mbulk count string");
        assertThat(errorOf("*1\r\n$" + "1".repeat(70_000))).isEqualTo("Protocol error: too big bulk count string");
        // Redis waits for the line's end before judging its first byte, and so does the reader.
        assertThat(errorOf("*1\r\n" + "1".repeat(70_000))).isEqualTo("Protocol error: too big bulk count string");
    }

    @Test
    void read_inlineWithoutNewlineWithinTheLimit_tooBigRedisWording() throws IOException {
        assertThat(errorOf("A".repeat(70_000))).isEqualTo("Protocol error: too big inline request");
        KvServerOptions small = KvServerOptions.builder().maxInlineLength(16).build();
        assertThat(errorOf(bytes("PING" + " ".repeat(20) + "\r\n"), small))
                .isEqualTo("Protocol error: too big inline request");
        assertThat(readAll(reader(bytes("ECHO 0123456789\r\n"), small))).containsExactly("ECHO|0123456789");
    }

    @Test
    void read_unbalancedQuotes_redisWording() throws IOException {
        assertThat(errorOf("SET \"a b\r\n")).isEqualTo("Protocol error: unbalanced quotes in request");
    }

    @Test
    void read_bytesOtherThanCrLfAfterABulk_areAProtocolError() throws IOException {
        assertThat(errorOf("*1\r\n$3\r\nabcXY*1\r\n$4\r\nPING\r\n"))
                .isEqualTo("Protocol error: expected CRLF after a bulk string of 3 bytes");
        assertThat(errorOf("*1\rX$4\r\n")).isEqualTo("Protocol error: expected CRLF after a '*' header");
    }

    @Test
    void read_requestOverMaxRequestBytes_isAProtocolError() throws IOException {
        KvServerOptions options = KvServerOptions.builder().maxRequestBytes(10).build();
        assertThat(errorOf(bytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$7\r\n"), options))
                .isEqualTo("Protocol error: request of more than 10 bytes (maxRequestBytes)");
    }

    @Test
    void read_afterGoodRequests_errorComesInItsPlace() throws IOException {
        assertThat(readAll(reader("PING\r\n*1\r\n$4\r\nPING\r\n*x\r\nPING\r\n")))
                .containsExactly("PING", "PING", "error: Protocol error: invalid multibulk length");
    }

    /** Hands out one byte per read, as a slow network might. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private int at;

        Trickle(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int b = read();
            if (b < 0) {
                return -1;
            }
            into[offset] = (byte) b;
            return 1;
        }
    }
}
