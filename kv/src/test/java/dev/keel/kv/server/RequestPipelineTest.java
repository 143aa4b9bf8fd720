package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection's pipeline without sockets, on a loop whose SET batches are written on the loop (as under
 * {@code NONE}): plain SETs batched, every reply in order, failures kept in their place. The test plays the connection
 * (it submits what arrived while the pipeline accepts requests, and goes on when replies are back) and the loop (it
 * ends an iteration with {@link LoopWrites#dispatch()}).
 */
final class RequestPipelineTest {

    @TempDir
    Path dir;

    private InProcessServer server;
    private ByteArrayOutputStream out;
    private LoopWrites loopWrites;
    private RequestPipeline pipeline;
    /** Requests that arrived and were not submitted yet: the parser's buffer. */
    private final Queue<List<byte[]>> arrived = new ArrayDeque<>();

    @BeforeEach
    void open() throws IOException {
        server = new InProcessServer(dir);
        out = new ByteArrayOutputStream();
        loopWrites = LoopWrites.sharedOnLoop(server.handler, task -> {
            throw new AssertionError("nothing is handed back to the loop when writes run on it");
        });
        pipeline = new RequestPipeline(server.handler, server.session, new RespWriter(out), loopWrites, reply -> {
            try {
                pipeline.written(reply);
                submitArrived();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /** A request arrives; it is submitted at once if the pipeline accepts requests, as the connection does. */
    private void submit(String... words) throws IOException {
        arrived.add(Arrays.stream(words)
                .map(word -> word.getBytes(StandardCharsets.ISO_8859_1))
                .toList());
        submitArrived();
    }

    private void submitArrived() throws IOException {
        while (!arrived.isEmpty() && pipeline.accepting()) {
            pipeline.submit(arrived.poll());
        }
        pipeline.endOfInput();
    }

    /** The loop's iteration ends: the batch is written, and what its replies let run runs. */
    private void endIteration() {
        loopWrites.dispatch();
        assertThat(arrived).isEmpty();
    }

    private String sent() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void plainSets_areHeldUntilTheLoopsIterationEnds_thenWrittenTogetherAndAnsweredInOrder() throws IOException {
        submit("SET", "a", "1");
        submit("set", "b", "2");
        submit("SET", "a", "3");

        assertThat(pipeline.awaitingWrite()).isTrue();
        assertThat(sent()).isEmpty();
        assertThat(server.store.get(bytes("a"))).isNull();

        endIteration();

        assertThat(pipeline.awaitingWrite()).isFalse();
        assertThat(sent()).isEqualTo("+OK\r\n+OK\r\n+OK\r\n");
        assertThat(server.store.get(bytes("a"))).isEqualTo(bytes("3"));
        assertThat(server.store.get(bytes("b"))).isEqualTo(bytes("2"));
    }

    @Test
    void commandAfterSets_seesThem_andItsReplyComesAfterTheirs() throws IOException {
        submit("SET", "k", "v1");
        submit("SET", "k", "v2");
        submit("GET", "k");
        submit("SET", "n", "41");
        submit("INCR", "n");
        endIteration();

        assertThat(pipeline.awaitingWrite()).isFalse();
        assertThat(sent()).isEqualTo("+OK\r\n+OK\r\n$2\r\nv2\r\n+OK\r\n:42\r\n");
    }

    @Test
    void failingCommandsInTheMiddle_getTheirErrorsInPlace_othersUnaffected() throws IOException {
        submit("SET", "k1", "v1");
        submit("SET", "", "empty key");
        submit("SET", "k2", "v2", "EX", "soon");
        submit("SET", "k3");
        submit("NOSUCH", "x");
        submit("SET", "k4", "v4");
        submit("INCR", "k1");
        submit("SET", "k5", "v5");
        endIteration();

        assertThat(sent())
                .isEqualTo("+OK\r\n"
                        + "-ERR empty keys are not supported: keel's store needs at least one byte\r\n"
                        + "-ERR value is not an integer or out of range\r\n"
                        + "-ERR wrong number of arguments for 'set' command\r\n"
                        + "-ERR unknown command 'NOSUCH', with args beginning with: 'x' \r\n"
                        + "+OK\r\n"
                        + "-ERR value is not an integer or out of range\r\n"
                        + "+OK\r\n");
        assertThat(server.store.get(bytes("k1"))).isEqualTo(bytes("v1"));
        assertThat(server.store.get(bytes("k2"))).isNull();
        assertThat(server.store.get(bytes("k4"))).isEqualTo(bytes("v4"));
        assertThat(server.store.get(bytes("k5"))).isEqualTo(bytes("v5"));
    }

    @Test
    void setsWithOptions_runAlone_inTheirPlace() throws IOException {
        submit("SET", "a", "1");
        submit("SET", "a", "2", "NX");
        submit("SET", "a", "3", "GET");
        submit("SET", "b", "4", "PX", "1000");
        submit("SET", "a", "5");
        endIteration();

        assertThat(sent()).isEqualTo("+OK\r\n$-1\r\n$1\r\n1\r\n+OK\r\n+OK\r\n");
        assertThat(server.store.get(bytes("a"))).isEqualTo(bytes("5"));
        assertThat(server.store.expiresAt(bytes("b"))).isPresent();
    }

    @Test
    void plainSet_clearsTheTtlTheKeyHad_asWithoutBatching() throws IOException {
        submit("SET", "k", "v", "EX", "100");
        submit("SET", "k", "w");
        endIteration();

        assertThat(server.store.expiresAt(bytes("k"))).isEmpty();
        assertThat(server.store.get(bytes("k"))).isEqualTo(bytes("w"));
    }

    @Test
    void moreSetsThanOneBatchHolds_splitIntoBatches_allAnswered() throws IOException {
        int sets = SetBatch.MAX_SETS * 2 + 7;
        for (int i = 0; i < sets; i++) {
            submit("SET", "key:" + i, "value:" + i);
        }
        assertThat(arrived).hasSize(sets - SetBatch.MAX_SETS - 1); // one batch joined, one SET held behind it
        endIteration();

        assertThat(sent()).isEqualTo("+OK\r\n".repeat(sets));
        for (int i = 0; i < sets; i++) {
            assertThat(server.store.get(bytes("key:" + i))).isEqualTo(bytes("value:" + i));
        }
    }

    @Test
    void batchTheStoreRefuses_everySetInItGetsTheError_laterCommandsAnswered() throws IOException {
        submit("SET", "a", "1");
        submit("SET", "b", "2");
        server.store.close();
        submit("PING");
        endIteration();

        assertThat(sent()).startsWith("-ERR store failure: store in ").endsWith(" is closed\r\n+PONG\r\n");
        assertThat(sent().split("\r\n")).hasSize(3);
        assertThat(sent().split("\r\n")[0]).isEqualTo(sent().split("\r\n")[1]);
    }

    @Test
    void everyRequest_isCountedAndNoted_batchedOrNot() throws IOException {
        long before = server.state.commandsProcessed();
        submit("SET", "a", "1");
        submit("SET", "b", "2"); // requests are counted once per read, when all that arrived has been submitted
        endIteration();

        assertThat(server.state.commandsProcessed()).isEqualTo(before + 2);
        assertThat(server.session.describe(0)).contains(" cmd=set ");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
