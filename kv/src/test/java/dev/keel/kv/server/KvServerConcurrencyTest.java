package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.kv.KeyValueStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once over real sockets: every reply right, atomic counters exact, every thread joined. */
final class KvServerConcurrencyTest {

    private static final int CLIENTS = 200;
    private static final int KEYS_PER_CLIENT = 10;
    private static final int INCRS_PER_CLIENT = 5;

    @TempDir
    Path dir;

    @Test
    void twoHundredClients_setGetAndIncr_allRepliesCorrect() throws Exception {
        try (KeyValueStore store = KeyValueStore.open(dir);
                KvServer server = KvServer.start(store, KvServerOptions.defaults())) {
            CountDownLatch start = new CountDownLatch(1);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(Thread.ofVirtual().name("test-client-" + c).start(() -> {
                    try (RawClient connection = new RawClient(server.port())) {
                        start.await();
                        for (int k = 0; k < KEYS_PER_CLIENT; k++) {
                            String key = "client:" + client + ":" + k;
                            String value = "value-" + client + "-" + k;
                            assertThat(connection.call("SET", key, value)).isEqualTo("+OK\r\n");
                            assertThat(connection.call("GET", key))
                                    .isEqualTo("$" + value.length() + "\r\n" + value + "\r\n");
                        }
                        for (int i = 0; i < INCRS_PER_CLIENT; i++) {
                            assertThat(connection.call("INCR", "shared")).startsWith(":");
                        }
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

            try (RawClient check = new RawClient(server.port())) {
                String total = Integer.toString(CLIENTS * INCRS_PER_CLIENT);
                assertThat(check.call("GET", "shared")).isEqualTo("$" + total.length() + "\r\n" + total + "\r\n");
                assertThat(check.call("DBSIZE")).isEqualTo(":" + (CLIENTS * KEYS_PER_CLIENT + 1) + "\r\n");
            }
            List<Thread> serverThreads = server.connectionThreads();
            server.close();
            assertThat(serverThreads).noneMatch(Thread::isAlive);
            assertThat(server.acceptorThread().isAlive()).isFalse();
        }
    }
}
