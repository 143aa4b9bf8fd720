package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.time.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Redis-protocol (RESP2) server for a {@link KeyValueStore}: redis-cli, redis-benchmark and Redis client libraries
 * work with it unchanged.
 *
 * <pre>{@code
 * try (KeyValueStore store = KeyValueStore.open(Path.of("data"));
 *         KvServer server = KvServer.start(store, KvServerOptions.builder().port(6379).build())) {
 *     // redis-cli -p 6379 SET greeting hello
 *     server.awaitClose();
 * }
 * }</pre>
 *
 * <p>How it is designed, and why: a platform thread named {@code keel-kv-accept} accepts connections and gives each
 * its own virtual thread, {@code keel-kv-conn-<id>}, which reads, runs and answers that client's requests in order
 * ({@link Connection}); all connections share one thread-safe {@link CommandHandler}. Connections run in parallel, so
 * writes from many clients share the store's forces (group commit) where Redis would run them one at a time.
 * Closing stops the acceptor, closes every connection's socket (which ends its blocked read) and joins every thread,
 * so nothing the server started outlives {@link #close()}. The server does not own the store: close the store after
 * the server. Rejected: an NIO selector loop (Redis's and Netty's design), which virtual threads make unnecessary for
 * this load and which would turn every command into a state machine.
 *
 * <p>Differences from Redis 7.0 a client may notice: RESP2 only ({@code HELLO 3} is refused with {@code NOPROTO}, so
 * clients fall back); one database ({@code SELECT} of another index fails); strings and lists only (no hashes, sets,
 * sorted sets, streams, blocking pops), no MULTI/EXEC, no EXPIRE options NX/XX/GT/LT; {@code SET} with {@code XX} or
 * {@code KEEPTTL} on a key holding a list answers {@code WRONGTYPE} (Redis replaces the list); empty keys are refused (the store needs a byte); commands on many keys (DEL, FLUSHDB) are atomic
 * per key, not as a whole; a SCAN cursor is valid on any connection but only while the server remembers it (the last
 * 4096); a bulk string must be followed by CRLF exactly (Redis skips two bytes unread).
 *
 * <p>The acceptor is not a daemon thread: a started server keeps the JVM alive until it is closed.
 *
 * <p>Thread-safe.
 */
public final class KvServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KvServer.class.getName());
    /** Redis's default {@code tcp-backlog}. */
    private static final int BACKLOG = 511;

    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);
    private static final byte[] MAX_CLIENTS_REACHED =
            "-ERR max number of clients reached\r\n".getBytes(StandardCharsets.US_ASCII);

    private record Live(Connection connection, Thread thread) {}

    private final ServerSocket serverSocket;
    private final KvServerOptions options;
    private final ServerState state;
    private final CommandHandler handler;
    private final ConcurrentMap<Long, Live> connections = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread acceptor;
    private final Object closedSignal = new Object();

    private KvServer(KeyValueStore store, KvServerOptions options, ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        this.options = options;
        this.state = new ServerState(
                serverSocket.getLocalPort(),
                options.maxClients(),
                store.options().clock());
        this.handler = new CommandHandler(store, options, state);
        this.acceptor = Thread.ofPlatform().name("keel-kv-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds {@code options.bindAddress()}:{@code options.port()} and starts serving {@code store}.
     *
     * @throws IOException if the address cannot be bound (a port in use, an address not on this machine)
     */
    public static KvServer start(KeyValueStore store, KvServerOptions options) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(options.bindAddress(), options.port()), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        KvServer server = new KvServer(store, options, socket);
        server.acceptor.start();
        return server;
    }

    /** The port the server listens on: the one asked for, or the free port it took for port 0. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress(options.bindAddress(), port());
    }

    /** How many clients are connected now. */
    public int connectedClients() {
        return state.connectedClients();
    }

    /** Blocks until {@link #close()} has been called (by another thread): for a {@code main} that only serves. */
    public void awaitClose() throws InterruptedException {
        synchronized (closedSignal) {
            while (!closed.get()) {
                closedSignal.wait();
            }
        }
    }

    /**
     * Stops accepting, closes every connection and waits for every thread the server started to finish. A connection
     * in the middle of a store call finishes that call first (its write stays durable; its reply is lost). Idempotent.
     * If the calling thread is interrupted while waiting, it stops waiting and keeps its interrupt status.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (closedSignal) {
            closedSignal.notifyAll();
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the listening socket on port " + port() + " failed", e);
        }
        try {
            acceptor.join();
            List<Live> live = List.copyOf(connections.values());
            for (Live connection : live) {
                connection.connection().close();
            }
            for (Live connection : live) {
                connection.thread().join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "KvServer[" + address() + ", " + connectedClients() + " clients]";
    }

    /** The threads serving connections now: for tests that check every one is joined. */
    List<Thread> connectionThreads() {
        return connections.values().stream().map(Live::thread).toList();
    }

    Thread acceptorThread() {
        return acceptor;
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                // Out of file descriptors, most likely: retry after a pause rather than spin on the failure.
                LOG.log(System.Logger.Level.WARNING, "accept on port " + port() + " failed; retrying", e);
                try {
                    Sleeper.system().sleep(ACCEPT_RETRY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            admit(client);
        }
    }

    private void admit(Socket client) {
        if (connections.size() >= options.maxClients()) {
            state.countRejectedConnection();
            // A fresh socket's send buffer is empty, so this short write cannot block the acceptor.
            try (client;
                    OutputStream out = client.getOutputStream()) {
                out.write(MAX_CLIENTS_REACHED);
            } catch (IOException e) {
                // The client is gone already: nothing to tell it.
            }
            return;
        }
        Session session;
        try {
            client.setTcpNoDelay(true);
            client.setKeepAlive(true);
            session = state.open(describe(client.getRemoteSocketAddress()), describe(client.getLocalSocketAddress()));
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        Connection connection = new Connection(client, session, handler, state, options);
        long id = session.id();
        Thread thread = Thread.ofVirtual().name("keel-kv-conn-" + id).unstarted(() -> {
            try {
                connection.run();
            } finally {
                connections.remove(id);
            }
        });
        connections.put(id, new Live(connection, thread));
        thread.start();
    }

    private static String describe(SocketAddress address) {
        return address instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() + ":" + inet.getPort()
                : String.valueOf(address);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Best effort: the socket is being abandoned.
        }
    }
}
