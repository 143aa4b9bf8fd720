package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Golden requests and every protocol error, without sockets, fed whole, in chunks and byte by byte. */
@ExtendWith(SeedExtension.class)
final class RespParserTest {

    private static final KvServerOptions DEFAULTS = KvServerOptions.defaults();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Feeder reader(String input) {
        return reader(bytes(input), DEFAULTS);
    }

    private static Feeder reader(byte[] input, KvServerOptions options) {
        return new Feeder(new RespParser(options), new Chunks(input, Integer.MAX_VALUE));
    }

    private static List<String> words(Frame frame) {
        assertThat(frame).isInstanceOf(Frame.Request.class);
        return ((Frame.Request) frame)
                .args().stream()
                        .map(arg -> new String(arg, StandardCharsets.ISO_8859_1))
                        .toList();
    }

    /** Every frame until the end, as text: requests as their words joined by '|', errors as their message. */
    private static List<String> readAll(Feeder reader) throws IOException {
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
        Feeder reader = reader("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n");
        assertThat(words(reader.read())).containsExactly("SET", "k", "hello");
        assertThat(reader.read()).isEqualTo(Frame.END_OF_STREAM);
    }

    @Test
    void read_binaryBulk_keepsEveryByteIncludingCrLfAndNul() throws IOException {
        Feeder reader = reader("*2\r\n$4\r\nECHO\r\n$6\r\na\r\n\0\u00ffb\r\n");
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

    /** Every argument count from 1 to past the parser's scratch array, pipelined, each request intact and in order. */
    @Test
    void read_requestsOfEveryArgumentCount_keepTheirArguments() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (int count : new int[] {1, 2, 3, 4, 16, 17, 40, 3, 1, 100, 2}) {
            StringBuilder request = new StringBuilder("*" + count + "\r\n");
            List<String> words = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String word = "w" + count + "-" + i;
                request.append('$')
                        .append(word.length())
                        .append("\r\n")
                        .append(word)
                        .append("\r\n");
                words.add(word);
            }
            input.writeBytes(bytes(request.toString()));
            expected.add(String.join("|", words));
        }

        assertThat(readAll(new Feeder(new RespParser(DEFAULTS), new Chunks(input.toByteArray(), 7))))
                .isEqualTo(expected);
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
        Feeder reader = new Feeder(new RespParser(DEFAULTS), new Chunks(input.toByteArray(), 1));
        Frame set = reader.read();
        assertThat(((Frame.Request) set).args().get(2)).isEqualTo(value);
        assertThat(words(reader.read())).containsExactly("PING");
        assertThat(words(reader.read())).containsExactly("QUIT");
        assertThat(reader.read()).isEqualTo(Frame.END_OF_STREAM);
    }

    @Test
    void read_randomChunks_giveTheSameRequestsAsWholeInput(SeededRandom random) throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int size = random.nextInt(10) == 0 ? random.nextInt(100_000) : random.nextInt(40);
            String value = "v".repeat(size) + i;
            input.writeBytes(bytes("*3\r\n$3\r\nSET\r\n$" + Integer.toString(i).length() + "\r\n" + i + "\r\n$"
                    + value.length() + "\r\n" + value + "\r\n"));
            input.writeBytes(bytes("GET " + i + "\r\n"));
            expected.add("SET|" + i + "|" + value);
            expected.add("GET|" + i);
        }
        byte[] all = input.toByteArray();
        for (int chunk : new int[] {1 + random.nextInt(7), 1 + random.nextInt(5000), 1 + random.nextInt(70_000)}) {
            Feeder reader = new Feeder(new RespParser(DEFAULTS), new Chunks(all, chunk));
            assertThat(readAll(reader)).as("read %d bytes at a time", chunk).isEqualTo(expected);
        }
    }

    @Test
    void read_bulkLargerThanTheBuffer_arrivesIntact(SeededRandom random) throws IOException {
        byte[] value = random.nextBytes(3 * RespParser.BUFFER_SIZE + 17 + (1 << 20));
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(bytes("*2\r\n$4\r\nECHO\r\n$" + value.length + "\r\n"));
        input.writeBytes(value);
        input.writeBytes(bytes("\r\nPING\r\n"));
        Feeder reader = reader(input.toByteArray(), DEFAULTS);
        assertThat(((Frame.Request) reader.read()).args().get(1)).isEqualTo(value);
        assertThat(words(reader.read())).containsExactly("PING");
    }

    @Test
    void next_pipelinedRequests_allParsedFromOneRead_thenNullUntilMoreArrive() throws IOException {
        RespParser parser = new RespParser(DEFAULTS);
        Chunks channel = new Chunks(bytes("PING\r\nPING\r\n*1\r\n$4\r\nPI"), Integer.MAX_VALUE);
        assertThat(parser.next()).isNull();
        assertThat(parser.readFrom(channel)).isEqualTo(22);
        assertThat(words(parser.next())).containsExactly("PING");
        assertThat(words(parser.next())).containsExactly("PING");
        assertThat(parser.next()).isNull(); // the third has not fully arrived; its progress is kept
        assertThat(parser.hasPendingInput()).isTrue();
        assertThat(parser.readFrom(new Chunks(bytes("NG\r\n"), Integer.MAX_VALUE)))
                .isEqualTo(4);
        assertThat(words(parser.next())).containsExactly("PING");
        assertThat(parser.next()).isNull();
        assertThat(parser.hasPendingInput()).isFalse();
        assertThat(parser.readFrom(channel)).isEqualTo(-1);
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

    /** Parses as a blocking reader would: reads more whenever the parser needs it; the end of input ends it. */
    private record Feeder(RespParser parser, ReadableByteChannel channel) {
        Frame read() throws IOException {
            while (true) {
                Frame frame = parser.next();
                if (frame != null) {
                    return frame;
                }
                if (parser.readFrom(channel) < 0) {
                    return Frame.END_OF_STREAM;
                }
            }
        }
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network might. */
    private static final class Chunks implements ReadableByteChannel {
        private final byte[] data;
        private final int chunk;
        private int at;

        Chunks(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read(ByteBuffer into) {
            if (at == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(chunk, into.remaining()), data.length - at);
            into.put(data, at, n);
            at += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
