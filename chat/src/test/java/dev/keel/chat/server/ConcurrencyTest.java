package dev.keel.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keel.chat.ChatClient;
import dev.keel.chat.ChatConfig;
import dev.keel.chat.ChatMessage;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many clients joining, parting, renaming and messaging one channel at once. Then everyone joins and sends: every
 * member must receive every message sent after its JOIN, in order per sender, and the registries must end up empty.
 */
@ExtendWith(SeedExtension.class)
final class ConcurrencyTest {

    private static final int CLIENTS = 12;
    private static final int CHAOS_OPS = 150;
    private static final int FINAL_MESSAGES = 40;

    @Test
    void joinPartRenameMessage_concurrently_keepsMembershipAndOrder(SeededRandom random) throws Exception {
        ChatConfig config =
                ChatConfig.builder().floodControl(false).historySize(0).build();
        try (IrcServer server = IrcServer.start(config);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CyclicBarrier joined = new CyclicBarrier(CLIENTS);
            CyclicBarrier sent = new CyclicBarrier(CLIENTS);
            List<ChatClient> clients = new ArrayList<>();
            for (int id = 0; id < CLIENTS; id++) {
                clients.add(ChatClient.connect("c" + id, server.address(), null));
            }
            List<Future<?>> done = new ArrayList<>();
            for (int id = 0; id < CLIENTS; id++) {
                int me = id;
                SeededRandom mine = random.split();
                done.add(threads.submit(() -> {
                    ChatClient client = clients.get(me);
                    int seq = 0;
                    for (int op = 0; op < CHAOS_OPS; op++) {
                        switch (mine.nextInt(6)) {
                            case 0 -> client.sendRaw("JOIN #c");
                            case 1 -> client.sendRaw("PART #c");
                            case 2 -> client.sendRaw("NICK c" + me + "_" + op);
                            default -> client.sendRaw("PRIVMSG #c :chaos " + me + " " + (seq++));
                        }
                    }
                    client.join("#c");
                    joined.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < FINAL_MESSAGES; i++) {
                        client.sendRaw("PRIVMSG #c :final " + me + " " + i);
                    }
                    client.sync();
                    sent.await(30, TimeUnit.SECONDS);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            for (int id = 0; id < CLIENTS; id++) {
                List<ChatMessage> messages = clients.get(id).getMessages();
                Map<Integer, List<Integer>> chaos = new HashMap<>();
                Map<Integer, List<Integer>> fin = new HashMap<>();
                for (ChatMessage message : messages) {
                    String[] words = message.text().split(" ");
                    Map<Integer, List<Integer>> phase = words[0].equals("chaos") ? chaos : fin;
                    phase.computeIfAbsent(Integer.parseInt(words[1]), k -> new ArrayList<>())
                            .add(Integer.parseInt(words[2]));
                }
                for (int sender = 0; sender < CLIENTS; sender++) {
                    assertThat(chaos.getOrDefault(sender, List.of()))
                            .as("client %d: chaos messages from %d in order, once each", id, sender)
                            .isSorted()
                            .doesNotHaveDuplicates();
                    List<Integer> expected = sender == id
                            ? List.of()
                            : java.util.stream.IntStream.range(0, FINAL_MESSAGES)
                                    .boxed()
                                    .toList();
                    assertThat(fin.getOrDefault(sender, List.of()))
                            .as("client %d: every final message from %d, in order", id, sender)
                            .isEqualTo(expected);
                }
            }
            Channel channel = server.hub().channel("#c");
            assertThat(channel).isNotNull();
            assertThat(channel.size()).isEqualTo(CLIENTS);
            for (ChatClient client : clients) {
                client.quit("done");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> server.connectedClients() == 0);
            assertThat(server.hub().channels()).isEmpty();
            assertThat(server.hub().clients()).isEmpty();
            assertThat(server.registeredClients()).isZero();
        }
    }
}
