package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvOptions;
import dev.keel.storage.SyncPolicy;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Many clients at once over real sockets: every reply right, atomic counters exact, every thread joined. */
@ExtendWith(SeedExtension.class)
final class KvServerConcurrencyTest {

    private static final int PIPELINING_CLIENTS = 8;
    private static final int PIPELINES_PER_CLIENT = 40;

    private static final int CLIENTS = 200;
    private static final int KEYS_PER_CLIENT = 10;
    private static final int INCRS_PER_CLIENT = 5;

    @TempDir
    Path dir;

    @Test
    void twoHundredClients_setGetAndIncr_allRepliesCorrect() throws Exception {
        try (KeyValueStore store = KeyValueStore.open(dir);
                KvServer server = KvServer.start(store, KvServerOptions.defaults())) {
            runClients(server, CLIENTS, "test-client", (connection, client) -> {
                for (int k = 0; k < KEYS_PER_CLIENT; k++) {
                    String key = "client:" + client + ":" + k;
                    String value = "value-" + client + "-" + k;
                    assertThat(connection.call("SET", key, value)).isEqualTo("+OK\r\n");
                    assertThat(connection.call("GET", key)).isEqualTo("$" + value.length() + "\r\n" + value + "\r\n");
                }
                for (int i = 0; i < INCRS_PER_CLIENT; i++) {
                    assertThat(connection.call("INCR", "shared")).startsWith(":");
                }
                return 0;
            });

            try (RawClient check = new RawClient(server.port())) {
                String total = Integer.toString(CLIENTS * INCRS_PER_CLIENT);
                assertThat(check.call("GET", "shared")).isEqualTo("$" + total.length() + "\r\n" + total + "\r\n");
                assertThat(check.call("DBSIZE")).isEqualTo(":" + (CLIENTS * KEYS_PER_CLIENT + 1) + "\r\n");
            }
            List<Thread> serverThreads = server.loopThreads();
            server.close();
            assertThat(serverThreads).noneMatch(Thread::isAlive);
            assertThat(server.acceptorThread().isAlive()).isFalse();
        }
    }

    /**
     * Clients pipelining random SET/GET/INCR/DEL on their own keys and INCR on a shared one, under ALWAYS and NONE
     * (ALWAYS runs writes off the event loops and merges SETs across connections): each client's replies match, in
     * order, what a model of its own keys says, and the shared counter is exact.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ALWAYS", "NONE"})
    void pipeliningClients_interleavingWrites_repliesInOrderAndExact(String policy, SeededRandom random)
            throws Exception {
        SyncPolicy sync = policy.equals("ALWAYS") ? SyncPolicy.ALWAYS : SyncPolicy.NONE;
        try (KeyValueStore store = KeyValueStore.open(
                        KvOptions.builder(dir).syncPolicy(sync).build());
                KvServer server = KvServer.start(store, KvServerOptions.defaults())) {
            List<SeededRandom> randoms = new ArrayList<>();
            for (int c = 0; c < PIPELINING_CLIENTS; c++) {
                randoms.add(random.split());
            }
            int total = runClients(
                    server,
                    PIPELINING_CLIENTS,
                    "test-pipeliner",
                    (connection, client) -> pipeline(connection, client, randoms.get(client)));
            try (RawClient check = new RawClient(server.port())) {
                String expected = Integer.toString(total);
                assertThat(check.call("GET", "shared"))
                        .isEqualTo(total == 0 ? "$-1\r\n" : "$" + expected.length() + "\r\n" + expected + "\r\n");
            }
        }
    }

    /** Sends random pipelines on {@code connection}, checking every reply; returns how many shared INCRs it sent. */
    private static int pipeline(RawClient connection, int client, SeededRandom random) throws Exception {
        Map<String, Long> model = new HashMap<>();
        int shared = 0;
        for (int p = 0; p < PIPELINES_PER_CLIENT; p++) {
            int length = 1 + random.nextInt(20);
            StringBuilder requests = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                String key = "c" + client + ":" + random.nextInt(4);
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        long value = random.nextInt(1000);
                        requests.append(RawClient.encode("SET", key, Long.toString(value)));
                        model.put(key, value);
                        expected.add("+OK\r\n");
                    }
                    case 2 -> {
                        requests.append(RawClient.encode("GET", key));
                        Long value = model.get(key);
                        expected.add(
                                value == null
                                        ? "$-1\r\n"
                                        : "$" + value.toString().length() + "\r\n" + value + "\r\n");
                    }
                    case 3 -> {
                        requests.append(RawClient.encode("INCR", key));
                        long value = model.merge(key, 1L, Long::sum);
                        expected.add(":" + value + "\r\n");
                    }
                    default -> {
                        if (random.nextInt(2) == 0) {
                            requests.append(RawClient.encode("DEL", key));
                            expected.add(model.remove(key) != null ? ":1\r\n" : ":0\r\n");
                        } else {
                            requests.append(RawClient.encode("INCR", "shared"));
                            shared++;
                            expected.add(null);
                        }
                    }
                }
            }
            connection.send(requests.toString());
            for (int i = 0; i < expected.size(); i++) {
                String reply = connection.readReply();
                if (expected.get(i) == null) {
                    assertThat(reply).as("reply %d of pipeline %d", i, p).startsWith(":");
                } else {
                    assertThat(reply).as("reply %d of pipeline %d", i, p).isEqualTo(expected.get(i));
                }
            }
        }
        return shared;
    }

    /** A client's work on its own connection; returns a count the test adds up. */
    private interface ClientWork {
        int run(RawClient connection, int client) throws Exception;
    }

    /**
     * Runs {@code count} clients at once, each on its own virtual thread and connection, started together; fails if
     * any fails or does not finish within two minutes. Returns the sum of what they returned.
     */
    private static int runClients(KvServer server, int count, String name, ClientWork work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sum = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int client = c;
            clients.add(Thread.ofVirtual().name(name + "-" + c).start(() -> {
                try (RawClient connection = new RawClient(server.port())) {
                    start.await();
                    sum.addAndGet(work.run(connection, client));
                } catch (Throwable failure) {
                    failures.add(failure);
                }
            }));
        }
        start.countDown();
        for (Thread client : clients) {
            assertThat(client.join(Duration.ofMinutes(2)))
                    .as(client.getName() + " finished")
                    .isTrue();
        }
        assertThat(failures).isEmpty();
        return sum.get();
    }
}
