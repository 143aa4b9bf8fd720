package dev.keel.chat;

import dev.keel.chat.server.IrcServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A chat server that speaks IRC: irssi, WeeChat, ii and any IRC library connect to it, as does {@link ChatClient}.
 *
 * <pre>{@code
 * try (ChatServer server = ChatServer.start(ChatConfig.defaults())) {        // 127.0.0.1, a free port
 *     ChatClient alice = ChatClient.connect("Alice", server);
 *     ChatClient bob = ChatClient.connect("Bob", server);
 *     alice.join("#general");
 *     bob.join("#general");
 *     alice.sendMessage("#general", "Hello everyone!");
 *     List<ChatMessage> messages = bob.getMessages();                    // includes Alice's message
 * }
 * }</pre>
 *
 * <p>Connections are served by a few NIO event loops (one per core), so thousands of clients cost little;
 * messages to a channel take no lock shared by channels; each client's outgoing traffic is bounded
 * ({@link ChatConfig#sendQueueBytes()}) so that a client that does not read is disconnected instead of slowing anyone
 * down; flood control, keepalive and channel history are on by default. See {@code docs/chat.md}.
 *
 * <p>The accepting thread is not a daemon: a started server keeps the JVM alive until it is closed. Thread-safe.
 */
public final class ChatServer implements AutoCloseable {

    private final IrcServer server;

    private ChatServer(IrcServer server) {
        this.server = server;
    }

    /**
     * Binds {@code config.bindAddress()}:{@code config.port()} and starts serving.
     *
     * @throws IOException if the address cannot be bound
     */
    public static ChatServer start(ChatConfig config) throws IOException {
        return new ChatServer(IrcServer.start(config));
    }

    /** The port the server listens on: the one configured, or the free port it took for port 0. */
    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public ChatConfig config() {
        return server.config();
    }

    /** Connections open now, registered or not. */
    public int connectedClients() {
        return server.connectedClients();
    }

    /** Clients that completed registration and are still connected. */
    public int registeredClients() {
        return server.registeredClients();
    }

    /** Blocks until {@link #close()} is called by another thread: for a {@code main} that only serves. */
    public void awaitClose() throws InterruptedException {
        server.awaitClose();
    }

    /**
     * Tells every client the server is shutting down, closes every connection and joins every thread the server
     * started. Idempotent.
     */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "ChatServer[" + address() + "]";
    }
}
