package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvOptions;
import dev.keel.testing.ManualTicker;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over real sockets on 127.0.0.1: replies byte for byte, protocol errors, limits, shutdown. */
@ExtendWith(SeedExtension.class)
final class KvServerSocketTest {

    @TempDir
    Path dir;

    private final ManualTicker clock = ManualTicker.create();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private KeyValueStore store;
    private KvServer server;

    private KvServer start(KvOptions.Builder storeOptions, KvServerOptions options) throws IOException {
        store = KeyValueStore.open(storeOptions.clock(clock).build());
        server = KvServer.start(store, options);
        return server;
    }

    private KvServer start() throws IOException {
        return start(KvOptions.builder(dir), KvServerOptions.defaults());
    }

    private RawClient connect() throws IOException {
        RawClient client = new RawClient(server.port());
        toClose.add(client);
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void start_portZero_bindsAFreeLoopbackPort_withNamedThreads() throws IOException {
        start();
        assertThat(server.port()).isPositive();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.acceptorThread().getName()).isEqualTo("keel-kv-accept");
        connect().call("PING");
        assertThat(server.loopThreads())
                .as("the store is ALWAYS and SETs are committed on the loop: one loop, all writes share its forces")
                .hasSize(1)
                .allSatisfy(thread -> {
                    assertThat(thread.getName()).startsWith("keel-kv-loop-");
                    assertThat(thread.isVirtual()).isFalse();
                    assertThat(thread.isAlive()).isTrue();
                });
    }

    @Test
    void pipelinedCommands_inOneWrite_repliesInOrderByteForByte() throws IOException {
        start();
        RawClient client = connect();
        client.send(RawClient.encode("SET", "k", "v")
                + RawClient.encode("GET", "k")
                + "PING\r\n"
                + "INCR n\r\n"
                + RawClient.encode("GET", "missing")
                + "FOO bar\r\n"
                + RawClient.encode("GET")
                + RawClient.encode("MGET", "k", "missing")
                + "ECHO \"two words\"\r\n");
        String expected = "+OK\r\n"
                + "$1\r\nv\r\n"
                + "+PONG\r\n"
                + ":1\r\n"
                + "$-1\r\n"
                + "-ERR unknown command 'FOO', with args beginning with: 'bar' \r\n"
                + "-ERR wrong number of arguments for 'get' command\r\n"
                + "*2\r\n$1\r\nv\r\n$-1\r\n"
                + "$9\r\ntwo words\r\n";
        assertThat(client.read(expected.length())).isEqualTo(expected);
        assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
    }

    /** Pipelined plain SETs are written as batches: every reply still arrives, in order, and reads see the SETs. */
    @Test
    void pipelinedSets_withOtherCommandsAndFailuresBetween_repliesInOrderByteForByte() throws IOException {
        start();
        RawClient client = connect();
        StringBuilder request = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            request.append(RawClient.encode("SET", "key:" + (i % 100), "value:" + i));
            expected.append("+OK\r\n");
            if (i % 1000 == 500) {
                request.append(RawClient.encode("GET", "key:" + (i % 100)))
                        .append(RawClient.encode("SET", "", "x"))
                        .append(RawClient.encode("SET", "nx", "1", "NX"));
                String value = "value:" + i;
                expected.append("$" + value.length() + "\r\n" + value + "\r\n")
                        .append("-ERR empty keys are not supported: keel's store needs at least one byte\r\n")
                        .append(i == 500 ? "+OK\r\n" : "$-1\r\n");
            }
        }
        client.send(request.toString());

        assertThat(client.read(expected.length())).isEqualTo(expected.toString());
        assertThat(client.call("GET", "key:99")).isEqualTo("$10\r\nvalue:2999\r\n");
    }

    /** The server answers a pipeline's SETs only after they are written, also when the client closes at once. */
    @Test
    void pipelinedSets_clientClosesRightAfterSending_setsAreStillWritten() throws IOException {
        start();
        RawClient writer = connect();
        writer.send(RawClient.encode("SET", "a", "1") + RawClient.encode("SET", "b", "2"));
        writer.close();

        RawClient reader = connect();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(reader.call("MGET", "a", "b")).isEqualTo("*2\r\n$1\r\n1\r\n$1\r\n2\r\n"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*x\r\n|Protocol error: invalid multibulk length",
                "*1\r\nx3\r\n|Protocol error: expected '$', got 'x'",
                "*1\r\n$-5\r\n|Protocol error: invalid bulk length",
                "*1\r\n$536870913\r\n|Protocol error: invalid bulk length",
                "*2000000\r\n|Protocol error: invalid multibulk length",
                "SET \"unclosed\r\n|Protocol error: unbalanced quotes in request",
            })
    void malformedRequest_getsProtocolErrorAndClose_whileAnotherClientKeepsWorking(String testCase) throws IOException {
        String[] parts = testCase.split("\\|");
        start();
        RawClient bystander = connect();
        assertThat(bystander.call("SET", "k", "v")).isEqualTo("+OK\r\n");
        RawClient offender = connect();
        offender.send(parts[0]);
        assertThat(offender.readReply()).isEqualTo("-ERR " + parts[1] + "\r\n");
        assertThat(offender.closedByServer()).isTrue();
        assertThat(bystander.call("GET", "k")).isEqualTo("$1\r\nv\r\n");
    }

    @Test
    void inlineRequest_tooBig_getsProtocolErrorAndClose() throws IOException {
        start();
        RawClient client = connect();
        client.send("A".repeat(70_000));
        assertThat(client.readReply()).isEqualTo("-ERR Protocol error: too big inline request\r\n");
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void protocolError_afterGoodRequests_answersThemFirst() throws IOException {
        start();
        RawClient client = connect();
        client.send("PING\r\n*1\r\n$4\r\nPING\r\n*x\r\nPING\r\n");
        String expected = "+PONG\r\n+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n";
        assertThat(client.read(expected.length())).isEqualTo(expected);
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void quit_withPipelinedCommandsAfter_repliesOkThenCloses() throws IOException {
        start();
        RawClient client = connect();
        client.send("QUIT\r\nPING\r\n");
        assertThat(client.readReply()).isEqualTo("+OK\r\n");
        assertThat(client.closedByServer()).isTrue();
    }

    /** Under ALWAYS the QUIT waits behind the SET's write: it still ends the connection before the PING after it. */
    @Test
    void quit_heldBehindAnOwedSet_repliesBothOksThenCloses() throws IOException {
        start();
        RawClient client = connect();
        client.send("SET a 1\r\nQUIT\r\nPING\r\n");
        assertThat(client.readReply()).isEqualTo("+OK\r\n");
        assertThat(client.readReply()).isEqualTo("+OK\r\n");
        assertThat(client.closedByServer()).isTrue();
        assertThat(store.get("a".getBytes(StandardCharsets.ISO_8859_1))).isNotNull();
    }

    @Test
    void inlineCommands_typedAsInNc_answered() throws IOException {
        start();
        RawClient client = connect();
        client.send("SET greeting \"hello world\"\r\nGET greeting\n\r\nDBSIZE\r\n");
        String expected = "+OK\r\n$11\r\nhello world\r\n:1\r\n";
        assertThat(client.read(expected.length())).isEqualTo(expected);
    }

    @Test
    void setAndGet_threeMebibyteValue_roundTripsIntact(SeededRandom random) throws IOException {
        start();
        RawClient client = connect();
        String value = new String(random.nextBytes(3 << 20), StandardCharsets.ISO_8859_1);
        assertThat(client.call("SET", "big", value)).isEqualTo("+OK\r\n");
        assertThat(client.call("GET", "big")).isEqualTo("$" + value.length() + "\r\n" + value + "\r\n");
    }

    @Test
    void valueOverTheStoresLimit_errorNamesSizeAndLimit_connectionCarriesOn() throws IOException {
        start(KvOptions.builder(dir).maxValueSize(1024), KvServerOptions.defaults());
        RawClient client = connect();
        assertThat(client.call("SET", "k", "x".repeat(2000)))
                .isEqualTo("-ERR value of 2000 bytes exceeds the store's limit of 1024 bytes (maxValueSize)\r\n");
        assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
    }

    @Test
    void ttl_overASocket_followsTheStoresManualClock() throws IOException {
        start();
        RawClient client = connect();
        assertThat(client.call("SET", "session", "token", "EX", "10")).isEqualTo("+OK\r\n");
        assertThat(client.call("TTL", "session")).isEqualTo(":10\r\n");
        clock.advance(Duration.ofSeconds(9));
        assertThat(client.call("GET", "session")).isEqualTo("$5\r\ntoken\r\n");
        assertThat(client.call("PTTL", "session")).isEqualTo(":1000\r\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.call("GET", "session")).isEqualTo("$-1\r\n");
        assertThat(client.call("TTL", "session")).isEqualTo(":-2\r\n");
    }

    /**
     * A client that pipelines 10 MB worth of replies before reading any: its connection waits at the output limit
     * while another client is served, and every reply then arrives intact and in order.
     */
    @Test
    void clientNotReadingItsReplies_othersUnaffected_repliesArriveIntactLater() throws IOException {
        start();
        String value = "v".repeat(100_000);
        RawClient greedy = connect();
        assertThat(greedy.call("SET", "big", value)).isEqualTo("+OK\r\n");
        greedy.send(RawClient.encode("GET", "big").repeat(100) + RawClient.encode("PING"));

        assertThat(connect().call("PING")).isEqualTo("+PONG\r\n");
        for (int i = 0; i < 100; i++) {
            assertThat(greedy.readReply()).isEqualTo("$100000\r\n" + value + "\r\n");
        }
        assertThat(greedy.readReply()).isEqualTo("+PONG\r\n");
    }

    @Test
    void maxClients_extraConnectionIsToldAndClosed_othersUnaffected() throws IOException {
        start(KvOptions.builder(dir), KvServerOptions.builder().maxClients(2).build());
        RawClient first = connect();
        RawClient second = connect();
        assertThat(first.call("PING")).isEqualTo("+PONG\r\n");
        assertThat(second.call("PING")).isEqualTo("+PONG\r\n");
        RawClient third = connect();
        assertThat(third.readReply()).isEqualTo("-ERR max number of clients reached\r\n");
        assertThat(third.closedByServer()).isTrue();
        assertThat(first.call("INFO", "stats")).contains("rejected_connections:1\r\n");
    }

    @Test
    void close_closesEveryConnection_joinsEveryThread_andStopsListening() throws IOException {
        start();
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RawClient client = connect();
            assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
            clients.add(client);
        }
        List<Thread> threads = server.loopThreads();
        assertThat(server.connectedClients()).isEqualTo(5);
        int port = server.port();

        server.close();

        for (RawClient client : clients) {
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(server.acceptorThread().isAlive()).isFalse();
        assertThat(server.connectedClients()).isZero();
        assertThatThrownBy(() -> new RawClient(port).close()).isInstanceOf(ConnectException.class);
        server.close(); // idempotent
    }

    @Test
    void clientList_twoConnections_eachSeesTheOther() throws IOException {
        start();
        RawClient first = connect();
        first.call("CLIENT", "SETNAME", "first");
        RawClient second = connect();
        String list = second.call("CLIENT", "LIST");
        assertThat(list).contains(" name=first ").contains("laddr=127.0.0.1:" + server.port());
        assertThat(second.call("INFO", "clients")).contains("connected_clients:2\r\n");
    }
}
