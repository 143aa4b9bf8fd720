package dev.keel.chat.server;

import dev.keel.chat.ChatConfig;
import dev.keel.chat.protocol.IrcMessage;
import dev.keel.time.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The IRC server: accepts connections, runs keepalive, and shuts down gracefully. {@code dev.keel.chat.ChatServer} is
 * its public face.
 *
 * <p>How it is designed, and why: a platform thread {@code keel-chat-accept} accepts and starts each
 * {@link Connection}'s two virtual threads; a virtual thread {@code keel-chat-keepalive} wakes every second and runs
 * {@link #sweep()}, which PINGs clients idle for {@code pingInterval}, disconnects those that have not answered within
 * {@code pingTimeout} ("Ping timeout: N seconds") and closes sockets whose writer is stuck behind a client that left
 * more than {@link #CLOSE_GRACE} ago. Every decision reads the injected ticker, so tests drive keepalive with a
 * {@code ManualTicker} and call {@code sweep()} themselves. Closing tells every client ({@code ERROR :Closing Link: ...
 * (Server shutting down)}), gives their writers {@link #CLOSE_GRACE} to say it, then closes every socket and joins every
 * thread.
 *
 * <p>Thread-safe.
 */
public final class IrcServer implements AutoCloseable {

    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(IrcServer.class.getName());
    private static final int BACKLOG = 1024;
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final ChatConfig config;
    private final ServerSocket serverSocket;
    private final Hub hub;
    private final Dispatcher dispatcher;
    private final ConcurrentMap<Long, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private final Thread acceptor;
    private final Thread keepalive;

    private IrcServer(ChatConfig config, ServerSocket serverSocket) {
        this.config = config;
        this.serverSocket = serverSocket;
        this.hub = new Hub(config);
        this.dispatcher = new Dispatcher(hub);
        this.acceptor = Thread.ofPlatform().name("keel-chat-accept").unstarted(this::acceptLoop);
        this.keepalive = Thread.ofVirtual().name("keel-chat-keepalive").unstarted(this::keepaliveLoop);
    }

    /** Binds {@code config.bindAddress()}:{@code config.port()} and starts serving. */
    public static IrcServer start(ChatConfig config) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(config.bindAddress(), config.port()), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        IrcServer server = new IrcServer(config, socket);
        server.acceptor.start();
        server.keepalive.start();
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(config.bindAddress(), port());
    }

    /** Connections open now, registered or not. */
    public int connectedClients() {
        return connections.size();
    }

    /** Clients that completed registration and are still connected. */
    public int registeredClients() {
        return hub.users();
    }

    public ChatConfig config() {
        return config;
    }

    /** Blocks until {@link #close()} has been called. */
    public void awaitClose() throws InterruptedException {
        closedSignal.await();
    }

    /**
     * Runs keepalive and stuck-writer cleanup once, at the ticker's current reading. The keepalive thread calls it every
     * second; tests call it after advancing a {@code ManualTicker}.
     */
    public void sweep() {
        long now = hub.nanos();
        long interval = config.pingInterval().toNanos();
        long timeout = config.pingTimeout().toNanos();
        for (Connection connection : connections.values()) {
            Client client = connection.client();
            if (connection.readerDone()) {
                if (now - client.closedAtNanos() >= CLOSE_GRACE.toNanos()) {
                    connection.forceClose();
                }
            } else if (client.quitReason() == null) {
                if (client.pingPending()) {
                    long waited = now - client.pingSentNanos();
                    if (waited >= timeout) {
                        client.abort("Ping timeout: " + TimeUnit.NANOSECONDS.toSeconds(now - client.lastActivityNanos())
                                + " seconds");
                    }
                } else if (now - client.lastActivityNanos() >= interval && client.startPing(now)) {
                    client.send(IrcMessage.text(null, "PING", hub.serverName()));
                }
            }
        }
    }

    /**
     * Stops accepting, tells every client the server is shutting down, closes every connection and joins every thread.
     * Idempotent. If interrupted while waiting, stops waiting and keeps the interrupt status.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closedSignal.countDown();
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the listening socket on port " + port() + " failed", e);
        }
        try {
            acceptor.join();
            keepalive.join();
            List<Connection> live = List.copyOf(connections.values());
            for (Connection connection : live) {
                connection.client().abort("Server shutting down");
            }
            long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
            for (Connection connection : live) {
                for (Thread thread : connection.threads()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                        connection.forceClose();
                    }
                }
            }
            for (Connection connection : live) {
                for (Thread thread : connection.threads()) {
                    thread.join();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "IrcServer[" + address() + ", " + connectedClients() + " connections]";
    }

    /** Every thread the server runs now: for tests that check all are joined. */
    List<Thread> threads() {
        List<Thread> threads = new java.util.ArrayList<>(List.of(acceptor, keepalive));
        for (Connection connection : connections.values()) {
            threads.addAll(connection.threads());
        }
        return threads;
    }

    Hub hub() {
        return hub;
    }

    private void keepaliveLoop() {
        try {
            while (!closedSignal.await(SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                sweep();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "accept on port " + port() + " failed; retrying", e);
                try {
                    Sleeper.system().sleep(ACCEPT_RETRY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        if (connections.size() >= config.maxClients()) {
            // A fresh socket's send buffer is empty, so this short write cannot block the acceptor.
            try (socket;
                    OutputStream out = socket.getOutputStream()) {
                out.write(IrcMessage.text(
                                null, "ERROR", "Closing Link: too many connections (" + config.maxClients() + ")")
                        .encode());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "refusing a connection over maxClients failed", e);
            }
            return;
        }
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "TCP_NODELAY on a new connection failed", e);
        }
        long id = ids.incrementAndGet();
        Connection connection = new Connection(id, socket, hub, dispatcher, () -> connections.remove(id));
        connections.put(id, connection);
        connection.start();
    }
}
