package dev.keel.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keel.chat.ChatConfig;
import dev.keel.testing.ManualTicker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-loop transport over real sockets: partial lines, slow readers beside fast ones, many clients, coalescing. */
final class TransportTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void read_linesArrivingByteByByte_areJoinedAcrossReads() throws Exception {
        ChatConfig config = ChatConfig.builder().floodControl(false).build();
        try (IrcServer server = IrcServer.start(config);
                RawClient alice = new RawClient(server);
                RawClient bob = new RawClient(server)) {
            alice.register("alice").join("#c");
            bob.register("bob").join("#c");
            alice.sync();
            bob.socket.setTcpNoDelay(true);
            byte[] bytes =
                    "PRIVMSG #c :one\r\nPRIVMSG #c :two\rPRIVMSG #c :three\n".getBytes(StandardCharsets.US_ASCII);
            for (byte b : bytes) {
                bob.sendBytes(new byte[] {b}); // a write per byte: the server reads the lines in many pieces
            }
            assertThat(alice.await(line -> line.contains("PRIVMSG"))).endsWith(" :one");
            assertThat(alice.await(line -> line.contains("PRIVMSG"))).endsWith(" :two");
            assertThat(alice.await(line -> line.contains("PRIVMSG"))).endsWith(" :three");
        }
    }

    @Test
    void slowReader_besideFastReadersOnEveryLoop_isDroppedAndTheOthersGetEverything() throws Exception {
        ChatConfig config = ChatConfig.builder().floodControl(false).build();
        int loops = Runtime.getRuntime().availableProcessors();
        try (IrcServer server = IrcServer.start(config);
                RawClient slow = new RawClient(server, 4096);
                RawClient talker = new RawClient(server)) {
            slow.register("slow").join("#busy");
            talker.register("talker").join("#busy");
            // Connections go to the loops in turn: with one listener more than loops, one shares the slow one's loop.
            List<RawClient> listeners = new ArrayList<>();
            try {
                for (int i = 0; i <= loops; i++) {
                    listeners.add(new RawClient(server).register("l" + i).join("#busy"));
                }
                String text = "y".repeat(400);
                int sent = 0;
                boolean dropped = false;
                List<List<Integer>> heard = new ArrayList<>();
                listeners.forEach(l -> heard.add(new ArrayList<>()));
                while (!dropped && sent < 50_000) {
                    List<String> batch = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        batch.add("PRIVMSG #busy :" + (sent++) + " " + text);
                    }
                    talker.send(batch.toArray(String[]::new));
                    talker.sync();
                    for (int l = 0; l < listeners.size(); l++) {
                        for (String line : listeners.get(l).sync()) {
                            if (line.contains(" PRIVMSG #busy :")) {
                                heard.get(l).add(Integer.parseInt(line.split(" ")[3].substring(1)));
                            }
                            dropped |= line.startsWith(":slow!slow@127.0.0.1 QUIT :SendQ exceeded");
                        }
                    }
                }
                assertThat(dropped).as("the slow reader was dropped for SendQ").isTrue();
                for (List<Integer> numbers : heard) {
                    assertThat(numbers).hasSize(sent).isSorted();
                }
                await().atMost(BOUND).until(() -> server.connectedClients() == 2 + listeners.size());
            } finally {
                for (RawClient listener : listeners) {
                    listener.close();
                }
            }
        }
    }

    @Test
    void manyClients_spreadOverTheLoops_eachGetEveryMessageInOrder_andAllLeaveCleanly() throws Exception {
        ChatConfig config =
                ChatConfig.builder().floodControl(false).historySize(0).build();
        int count = 150;
        try (IrcServer server = IrcServer.start(config)) {
            List<RawClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    clients.add(new RawClient(server).register("m" + i));
                }
                for (RawClient client : clients) {
                    client.join("#many");
                }
                RawClient sender = clients.get(0);
                for (int i = 0; i < 20; i++) {
                    sender.send("PRIVMSG #many :n" + i);
                }
                for (RawClient client : clients.subList(1, count)) {
                    for (int i = 0; i < 20; i++) {
                        assertThat(client.await(line -> line.contains(" PRIVMSG #many ")))
                                .endsWith(" :n" + i);
                    }
                }
                assertThat(server.registeredClients()).isEqualTo(count);
                for (RawClient client : clients) {
                    client.send("QUIT :bye");
                }
                await().atMost(BOUND).until(() -> server.connectedClients() == 0);
                assertThat(server.hub().channel("#many")).isNull();
                assertThat(server.hub().clients()).isEmpty();
            } finally {
                for (RawClient client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    void coalescing_aBusyClientsLines_waitForTheIntervalOnTheLoopTimer() throws Exception {
        ManualTicker time = ManualTicker.create();
        ChatConfig config = ChatConfig.builder()
                .ticker(time)
                .clock(time)
                .floodControl(false)
                .writeCoalescing(Duration.ofMillis(20))
                .build();
        try (IrcServer server = IrcServer.start(config);
                RawClient alice = new RawClient(server);
                RawClient bob = new RawClient(server)) {
            alice.register("alice"); // a client's first write goes out at once
            time.advance(Duration.ofSeconds(1));
            bob.register("bob");
            bob.send("PRIVMSG alice :one"); // alice's last write was 1 s ago: written at once
            assertThat(alice.await(line -> line.contains("PRIVMSG"))).endsWith(" :one");
            bob.send("PRIVMSG alice :two", "PRIVMSG alice :three"); // within 20 ms of that write: held
            Client queued = server.hub().client("alice");
            assertThat(queued).isNotNull();
            await().atMost(BOUND).until(() -> queued.queue().bytes() > 0);
            time.advance(Duration.ofMillis(19));
            server.sweep();
            assertThat(queued.queue().bytes()).isPositive();
            time.advance(Duration.ofMillis(1));
            server.sweep();
            assertThat(alice.await(line -> line.contains("PRIVMSG"))).endsWith(" :two");
            assertThat(alice.await(line -> line.contains("PRIVMSG"))).endsWith(" :three");
        }
    }

    /**
     * Write rounds under senders on every loop: a line another loop queues for a client that wrote in the open round
     * skips the wake-up, and every line must still arrive, in order per sender, as 1 ms rounds open and close around
     * the bursts.
     */
    @Test
    void writeRounds_sendersOnEveryLoop_everyLineArrivesInOrderPerSender() throws Exception {
        ChatConfig config = ChatConfig.builder()
                .floodControl(false)
                .writeCoalescing(Duration.ofMillis(1))
                .build();
        int clients = 2 * Runtime.getRuntime().availableProcessors() + 2;
        int bursts = 20;
        int perBurst = 10;
        try (IrcServer server = IrcServer.start(config)) {
            List<RawClient> all = new ArrayList<>();
            try {
                for (int c = 0; c < clients; c++) {
                    all.add(new RawClient(server).register("s" + c).join("#rounds"));
                }
                int[][] expectedNext = new int[clients][clients]; // [receiver][sender]
                for (int burst = 0; burst < bursts; burst++) {
                    for (int sender = 0; sender < clients; sender++) {
                        String[] lines = new String[perBurst];
                        for (int i = 0; i < perBurst; i++) {
                            lines[i] = "PRIVMSG #rounds :" + (burst * perBurst + i);
                        }
                        all.get(sender).send(lines);
                    }
                    for (int receiver = 0; receiver < clients; receiver++) {
                        for (int got = 0; got < (clients - 1) * perBurst; ) {
                            String line = all.get(receiver).next();
                            assertThat(line)
                                    .as("s%d in burst %d", receiver, burst)
                                    .isNotNull();
                            if (line.contains(" PRIVMSG #rounds :")) {
                                int sender = Integer.parseInt(line.substring(2, line.indexOf('!')));
                                int number = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
                                assertThat(number)
                                        .as("s%d's line from s%d", receiver, sender)
                                        .isEqualTo(expectedNext[receiver][sender]++);
                                got++;
                            }
                        }
                    }
                }
            } finally {
                for (RawClient client : all) {
                    client.close();
                }
            }
        }
    }
}
