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
 * Pipelines in durable mode without sockets: the "workers" are a queue this test runs by hand, so it can look at what
 * a client would have seen while a write is still off the loop.
 */
final class LoopWritesTest {

    @TempDir
    Path dir;

    private final Queue<Runnable> workers = new ArrayDeque<>();
    private final Queue<Runnable> loop = new ArrayDeque<>();
    private InProcessServer server;
    private LoopWrites durable;

    /** One client: its pipeline and what it was sent. */
    private final class Client {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final RequestPipeline pipeline;

        Client() {
            Session session = server.newSession();
            RequestPipeline[] self = new RequestPipeline[1];
            pipeline = new RequestPipeline(server.handler, session, new RespWriter(out), durable, reply -> {
                try {
                    self[0].written(reply);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            self[0] = pipeline;
        }

        /** Submits requests while the pipeline accepts them, as the connection does; returns how many it took. */
        int submit(String... requests) throws IOException {
            int taken = 0;
            for (String request : requests) {
                if (!pipeline.accepting()) {
                    break;
                }
                pipeline.submit(Arrays.stream(request.split(" "))
                        .map(word -> word.getBytes(StandardCharsets.ISO_8859_1))
                        .toList());
                taken++;
            }
            pipeline.endOfInput();
            return taken;
        }

        String sent() {
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @BeforeEach
    void open() throws IOException {
        server = new InProcessServer(dir);
        durable = new LoopWrites(server.handler, workers::add, loop::add, false);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /**
     * Loop iterations until nothing is left to do: each dispatches the batch, lets the writes finish and the replies
     * reach their connections (which may start writes of held requests).
     */
    private void finishWrites() {
        durable.dispatch();
        while (!workers.isEmpty() || !loop.isEmpty()) {
            if (!workers.isEmpty()) {
                workers.poll().run();
            } else {
                loop.poll().run();
            }
            durable.dispatch();
        }
    }

    private byte[] stored(String key) throws IOException {
        return server.store.get(key.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void set_noOkUntilTheStoreWriteReturned() throws IOException {
        Client client = new Client();
        client.submit("SET a 1");
        durable.dispatch();

        assertThat(workers).hasSize(1); // the write is off the loop and has not run
        assertThat(client.sent()).isEmpty();
        assertThat(stored("a")).isNull();
        assertThat(client.pipeline.awaitingWrite()).isTrue();

        workers.poll().run(); // the store write returns: under ALWAYS, after its force
        assertThat(stored("a")).isEqualTo("1".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(client.sent()).isEmpty(); // the reply still has to reach the loop

        loop.poll().run();
        assertThat(client.sent()).isEqualTo("+OK\r\n");
        assertThat(client.pipeline.awaitingWrite()).isFalse();
    }

    @Test
    void setsOfSeveralConnections_oneStoreWrite_eachAnswered() throws IOException {
        Client first = new Client();
        Client second = new Client();
        first.submit("SET a 1", "SET b 2");
        second.submit("SET c 3");
        durable.dispatch();

        assertThat(workers).hasSize(1);
        finishWrites();
        assertThat(first.sent()).isEqualTo("+OK\r\n+OK\r\n");
        assertThat(second.sent()).isEqualTo("+OK\r\n");
        assertThat(stored("c")).isEqualTo("3".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readAfterOwedSet_isHeldUntilTheSetIsDurable_thenSeesIt() throws IOException {
        Client client = new Client();
        assertThat(client.submit("SET k v1", "GET k", "PING")).isEqualTo(2); // GET is held; PING stays unread
        assertThat(client.pipeline.accepting()).isFalse();
        assertThat(client.sent()).isEmpty();

        finishWrites();
        assertThat(client.sent()).isEqualTo("+OK\r\n$2\r\nv1\r\n");
        assertThat(client.pipeline.accepting()).isTrue();
        client.submit("PING");
        assertThat(client.sent()).endsWith("+PONG\r\n");
    }

    @Test
    void otherWrites_runOneAtATimeOffTheLoop_repliesInOrder() throws IOException {
        Client client = new Client();
        String[] requests = {"SET n 41", "INCR n", "GET n", "DEL n", "EXISTS n", "SET x", "INCR n"};
        int at = 0;
        while (at < requests.length) {
            at += client.submit(Arrays.copyOfRange(requests, at, requests.length));
            assertThat(workers.size()).isLessThanOrEqualTo(1);
            finishWrites();
        }
        assertThat(client.sent())
                .isEqualTo("+OK\r\n:42\r\n$2\r\n42\r\n:1\r\n:0\r\n"
                        + "-ERR wrong number of arguments for 'set' command\r\n:1\r\n");
    }

    @Test
    void connectionWithSetsInFlight_doesNotJoinTheNextBatch() throws IOException {
        Client first = new Client();
        Client second = new Client();
        first.submit("SET a 1");
        durable.dispatch(); // first's SET is in flight
        assertThat(first.submit("SET a 2")).isEqualTo(1); // held, not in the next batch
        assertThat(first.pipeline.accepting()).isFalse();
        second.submit("SET b 1");
        durable.dispatch();
        assertThat(workers).hasSize(2);

        // The second batch finishes first: first's OK must still wait for its own batch.
        List<Runnable> inFlight = List.copyOf(workers);
        workers.clear();
        inFlight.get(1).run();
        loop.poll().run();
        assertThat(second.sent()).isEqualTo("+OK\r\n");
        assertThat(first.sent()).isEmpty();

        inFlight.get(0).run();
        finishWrites();
        assertThat(first.sent()).isEqualTo("+OK\r\n+OK\r\n");
        assertThat(stored("a")).isEqualTo("2".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void protocolErrorAfterOwedSets_comesAfterTheirOks() throws IOException {
        Client client = new Client();
        client.submit("SET a 1");
        client.pipeline.reply(new Reply.Error("ERR Protocol error: invalid multibulk length"));
        assertThat(client.sent()).isEmpty();
        finishWrites();
        assertThat(client.sent()).isEqualTo("+OK\r\n-ERR Protocol error: invalid multibulk length\r\n");
    }

    @Test
    void onTheLoop_dispatchWritesTheBatchAndAnswersAtOnce_noWorker() throws IOException {
        durable = new LoopWrites(server.handler, workers::add, loop::add, true);
        Client first = new Client();
        Client second = new Client();
        first.submit("SET a 1", "SET b 2");
        second.submit("SET c 3");
        assertThat(first.sent()).isEmpty(); // nothing is answered before the batch's write returns
        assertThat(stored("a")).isNull();

        durable.dispatch();
        assertThat(workers).isEmpty();
        assertThat(loop).isEmpty();
        assertThat(first.sent()).isEqualTo("+OK\r\n+OK\r\n");
        assertThat(second.sent()).isEqualTo("+OK\r\n");
        assertThat(stored("c")).isEqualTo("3".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void onTheLoop_requestsHeldBehindAnOwedSet_runWhenItIsAnswered_andTheirSetsJoinTheNextBatch() throws IOException {
        durable = new LoopWrites(server.handler, workers::add, loop::add, true);
        Client client = new Client();
        client.submit("SET a 1");
        Client other = new Client();
        other.submit("SET b 1");
        // The answer to "SET a 1" lets the held GET and SET run: the GET sees the write, the SET waits for a batch.
        client.pipeline.submit(
                List.of("GET".getBytes(StandardCharsets.ISO_8859_1), "a".getBytes(StandardCharsets.ISO_8859_1)));
        durable.dispatch();
        assertThat(client.sent()).isEqualTo("+OK\r\n$1\r\n1\r\n");
        assertThat(other.sent()).isEqualTo("+OK\r\n");

        client.submit("SET a 2");
        assertThat(client.sent()).isEqualTo("+OK\r\n$1\r\n1\r\n");
        durable.dispatch();
        assertThat(client.sent()).isEqualTo("+OK\r\n$1\r\n1\r\n+OK\r\n");
        assertThat(stored("a")).isEqualTo("2".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void onTheLoop_otherWritesStillGoToAWorker() throws IOException {
        durable = new LoopWrites(server.handler, workers::add, loop::add, true);
        Client client = new Client();
        client.submit("INCR n");
        assertThat(workers).hasSize(1);
        finishWrites();
        assertThat(client.sent()).isEqualTo(":1\r\n");
    }

    @Test
    void onTheLoop_aSetHeldBehindAFullBatch_isWrittenInTheSameDispatch() throws IOException {
        durable = new LoopWrites(server.handler, workers::add, loop::add, true);
        Client client = new Client();
        String[] sets = new String[SetBatch.MAX_SETS + 1];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = "SET k" + i + " " + i;
        }
        assertThat(client.submit(sets)).isEqualTo(sets.length); // the last one is held: the batch is full
        assertThat(client.pipeline.accepting()).isFalse();

        durable.dispatch(); // writes the full batch; answering it runs the held SET, whose batch must go too
        assertThat(client.sent()).isEqualTo("+OK\r\n".repeat(sets.length));
        assertThat(stored("k" + SetBatch.MAX_SETS))
                .isEqualTo(("" + SetBatch.MAX_SETS).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void sharedOnLoop_setsOfEveryConnectionShareOneWrite_answeredAtDispatch() throws IOException {
        durable = LoopWrites.sharedOnLoop(server.handler, loop::add);
        Client first = new Client();
        Client second = new Client();
        first.submit("SET a 1", "SET b 2");
        second.submit("SET c 3");
        assertThat(first.sent()).isEmpty();
        assertThat(stored("a")).isNull();

        durable.dispatch();
        assertThat(workers).isEmpty();
        assertThat(first.sent()).isEqualTo("+OK\r\n+OK\r\n");
        assertThat(second.sent()).isEqualTo("+OK\r\n");
        assertThat(stored("c")).isEqualTo("3".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void sharedOnLoop_otherWritesRunOnTheLoopAtOnce_butAfterTheSetsTheyFollow() throws IOException {
        durable = LoopWrites.sharedOnLoop(server.handler, loop::add);
        Client client = new Client();
        assertThat(durable.othersOffLoop()).isFalse();
        client.submit("INCR n");
        assertThat(workers).isEmpty();
        assertThat(client.sent()).isEqualTo(":1\r\n"); // no hand-off: answered during submit

        // INCR is held behind the owed SET, and the connection takes nothing more until it has run
        assertThat(client.submit("SET n 10", "INCR n", "GET n")).isEqualTo(2);
        assertThat(client.sent()).isEqualTo(":1\r\n");
        durable.dispatch();
        assertThat(workers).isEmpty();
        assertThat(client.sent()).isEqualTo(":1\r\n+OK\r\n:11\r\n");
        assertThat(client.pipeline.accepting()).isTrue();
        assertThat(client.submit("GET n")).isEqualTo(1);
        assertThat(client.sent()).endsWith("$2\r\n11\r\n");
    }

    @Test
    void sharedOnLoop_cannotRunWritesOffTheLoop() {
        LoopWrites shared = LoopWrites.sharedOnLoop(server.handler, loop::add);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> shared.execute(reply -> {}, server.newSession(), new ServerCommand.Quit()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("othersOffLoop() is false");
    }
}
