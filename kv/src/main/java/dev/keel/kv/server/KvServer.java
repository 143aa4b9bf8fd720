package dev.keel.kv.server;

import dev.keel.kv.KeyValueStore;
import dev.keel.storage.SyncPolicy;
import dev.keel.time.Sleeper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

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
 * <p>How it is designed, and why: Redis's and Netty's design. A platform thread named {@code keel-kv-accept} accepts
 * connections and hands them round-robin to {@link EventLoop}s ({@link KvServerOptions#eventLoops()}: by default one
 * fewer than the available processors and at least one, or one when SET batches are committed on the loop under
 * {@code SyncPolicy.ALWAYS}), each a
 * platform thread {@code keel-kv-loop-<n>} with its own selector that reads, runs and answers its connections'
 * requests ({@link Connection}); all share one thread-safe {@link CommandHandler}. Each loop gathers the plain SETs
 * of all its connections of one iteration into one store write (one append, and under {@code SyncPolicy.ALWAYS} one
 * force, as Redis writes its AOF and fsyncs once per iteration; {@link LoopWrites}). Under {@code ALWAYS} that write
 * runs on the loop or on a worker ({@link KvServerOptions#commitOnLoop()}), and other writes run alone, on virtual
 * threads, replies coming back to the loop in order; under {@code NONE} and {@code INTERVAL} everything runs on the
 * loop. Closing stops the acceptor, then every loop (which closes its connections), then waits for writes still
 * running off the loops, so nothing the server started outlives {@link #close()}. The server does not own the store:
 * close the store after the server.
 *
 * <p>Replaced: a virtual thread per connection, blocking on its socket (the design until November 2026, rejected then
 * "an NIO selector loop" as unnecessary). Per request it paid a read that found nothing ({@code EAGAIN}), an epoll
 * registration, the poller's wake-up and an unpark on a carrier. Measured against it in the same runs (redis-benchmark
 * {@code -c 50}, 2 cores, a machine loaded by other builds, {@code docs/kv.md}): CPU per request fell from 2.4-3.8 to
 * 1.9-2.6 us for pipelined SETs and from 22-25 to 19-24 us for fsynced SETs, and fsynced SETs per second rose
 * 1.5-1.9x. Not gained: pipelined GETs cost about the same (1.3-1.65 against 1.4-1.8 us) and were served more slowly
 * in most pairings on that machine, and a force still covers about 18 writes, as before, not all 50 clients.
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

    private final ServerSocketChannel serverChannel;
    private final int port;
    private final KvServerOptions options;
    private final ServerState state;
    private final CommandHandler handler;
    private final @Nullable ExecutorService writers;
    private final List<EventLoop> loops;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread acceptor;
    private final Object closedSignal = new Object();
    private int nextLoop;

    private KvServer(KeyValueStore store, KvServerOptions options, ServerSocketChannel serverChannel)
            throws IOException {
        this.serverChannel = serverChannel;
        this.port = ((InetSocketAddress) serverChannel.getLocalAddress()).getPort();
        this.options = options;
        this.state = new ServerState(port, options.maxClients(), store.options().clock());
        this.handler = new CommandHandler(store, options, state);
        @Nullable
        ExecutorService offLoop = store.options().syncPolicy() instanceof SyncPolicy.Always
                ? Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("keel-kv-write-", 1).factory())
                : null;
        this.writers = offLoop;
        List<EventLoop> created = new ArrayList<>();
        try {
            for (int i = 0, count = eventLoops(options, offLoop != null); i < count; i++) {
                created.add(new EventLoop(
                        i,
                        loop -> offLoop == null
                                ? LoopWrites.sharedOnLoop(handler, loop)
                                : new LoopWrites(handler, offLoop, loop, options.commitOnLoop())));
            }
        } catch (IOException e) {
            created.forEach(EventLoop::abandon);
            throw e;
        }
        this.loops = List.copyOf(created);
        this.acceptor = Thread.ofPlatform().name("keel-kv-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds {@code options.bindAddress()}:{@code options.port()} and starts serving {@code store}.
     *
     * @throws IOException if the address cannot be bound (a port in use, an address not on this machine)
     */
    public static KvServer start(KeyValueStore store, KvServerOptions options) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        KvServer server;
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(options.bindAddress(), options.port()), BACKLOG);
            server = new KvServer(store, options, channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        server.loops.forEach(EventLoop::start);
        server.acceptor.start();
        return server;
    }

    /** The port the server listens on: the one asked for, or the free port it took for port 0. */
    public int port() {
        return port;
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
     * Stops accepting, closes every connection and waits for every thread the server started to finish. A write running
     * off the event loops finishes first (it stays durable; its reply is lost). Idempotent.
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
            serverChannel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the listening socket on port " + port() + " failed", e);
        }
        try {
            acceptor.join();
            loops.forEach(EventLoop::stop);
            for (EventLoop loop : loops) {
                loop.thread().join();
            }
            if (writers != null) {
                writers.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many loops serve: the options' number, or the automatic choice ({@link KvServerOptions#eventLoops()}). */
    static int eventLoops(KvServerOptions options, boolean durable) {
        if (options.eventLoops() != KvServerOptions.AUTOMATIC_EVENT_LOOPS) {
            return options.eventLoops();
        }
        return durable && options.commitOnLoop()
                ? 1
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    @Override
    public String toString() {
        return "KvServer[" + address() + ", " + connectedClients() + " clients]";
    }

    /** The event loops' threads: for tests that check every one is joined. */
    List<Thread> loopThreads() {
        return loops.stream().map(EventLoop::thread).toList();
    }

    Thread acceptorThread() {
        return acceptor;
    }

    private void acceptLoop() {
        while (!closed.get()) {
            SocketChannel client;
            try {
                client = serverChannel.accept();
            } catch (IOException e) {
                if (closed.get() || !serverChannel.isOpen()) {
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

    private void admit(SocketChannel client) {
        if (state.connectedClients() >= options.maxClients()) {
            state.countRejectedConnection();
            // A fresh socket's send buffer is empty, so this short write (the channel still blocks) cannot stall.
            try (client) {
                client.write(ByteBuffer.wrap(MAX_CLIENTS_REACHED));
            } catch (IOException e) {
                // The client is gone already: nothing to tell it.
            }
            return;
        }
        EventLoop loop = loops.get(nextLoop);
        nextLoop = (nextLoop + 1) % loops.size();
        Session session;
        try {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            session = state.open(describe(client.getRemoteAddress()), describe(client.getLocalAddress()));
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        loop.adopt(new Connection(client, session, handler, state, options, loop.loopWrites()));
    }

    private static String describe(SocketAddress address) {
        return address instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() + ":" + inet.getPort()
                : String.valueOf(address);
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Best effort: the socket is being abandoned.
        }
    }
}
