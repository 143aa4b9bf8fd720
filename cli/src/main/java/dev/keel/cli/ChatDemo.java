package dev.keel.cli;

import dev.keel.chat.ChatClient;
import dev.keel.chat.ChatConfig;
import dev.keel.chat.ChatMessage;
import dev.keel.chat.ChatServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chat server's tour: the seed example, a private message, and a client that stops reading being
 * disconnected ({@code SendQ exceeded}) while everyone else keeps receiving. On 127.0.0.1 and a free port; a few
 * seconds.
 */
final class ChatDemo {

    private static final int MAX_MESSAGES = 50_000;

    private final PrintWriter out;

    ChatDemo(PrintWriter out) {
        this.out = out;
    }

    void run() throws IOException {
        // Flood control off: Alice sends thousands of lines below, which a real client would never be allowed to.
        ChatConfig config = ChatConfig.builder().floodControl(false).build();
        try (ChatServer server = ChatServer.start(config);
                ChatClient alice = ChatClient.connect("Alice", server);
                ChatClient bob = ChatClient.connect("Bob", server)) {
            out.println("The seed example: a server on 127.0.0.1:" + server.port() + "; Alice and Bob join #general.");
            alice.join("#general");
            bob.join("#general");
            alice.sendMessage("#general", "Hello everyone!");
            List<ChatMessage> messages = bob.getMessages();
            out.println("  bob.getMessages(): " + messages);
            alice.sendPrivateMessage("Bob", "hi");
            out.println(
                    "  a private message, Alice to Bob: " + bob.getMessages().getLast());
            out.println();
            slowReader(server, alice, bob);
        }
    }

    private void slowReader(ChatServer server, ChatClient alice, ChatClient bob) throws IOException {
        out.println("A slow reader: 'slowpoke' joins #general, then stops reading. Each client's send queue holds "
                + (server.config().sendQueueBytes() >> 10) + " KiB; Alice talks in batches of 100 lines.");
        out.flush();
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(server.address());
            OutputStream request = slow.getOutputStream();
            request.write(
                    "NICK slowpoke\r\nUSER slow 0 * :Slow Poke\r\nJOIN #general\r\n".getBytes(StandardCharsets.UTF_8));
            request.flush();
            readUntil(slow.getInputStream(), " 366 ");
            String text = "x".repeat(400);
            int sent = 0;
            @Nullable String quit = null;
            while (quit == null && sent < MAX_MESSAGES) {
                for (int i = 0; i < 100; i++) { // 40 KB a batch: within Bob's 64 KiB queue
                    alice.sendRaw("PRIVMSG #general :" + (sent++) + " " + text);
                }
                alice.sync();
                bob.sync();
                quit = bob.receivedLines().stream()
                        .filter(line -> line.startsWith(":slowpoke!") && line.contains(" QUIT "))
                        .findFirst()
                        .orElse(null);
            }
            if (quit == null) {
                throw new IllegalStateException("slowpoke was not dropped after " + sent + " messages");
            }
            long received = bob.getMessages().stream()
                    .filter(m -> m.sender().equals("Alice") && m.text().endsWith(text))
                    .count();
            out.println("  Alice sent " + sent + " messages of 400 bytes; Bob saw: " + quit);
            out.println("  Bob received " + received + " of the " + sent + "; the server has "
                    + server.registeredClients() + " clients left.");
        }
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                if (line.toString().contains(marker)) {
                    return;
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        throw new IOException("the server closed the connection before '" + marker.strip() + "'");
    }
}
