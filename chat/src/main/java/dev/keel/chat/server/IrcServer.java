package dev.keel.chat.server;

import dev.keel.chat.ChatConfig;
import dev.keel.chat.protocol.IrcMessage;
import dev.keel.time.Sleeper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The IRC server: accepts connections, hands them to event loops, and shuts down gracefully.
 * {@code dev.keel.chat.ChatServer} is its public face.
 *
 * <p>How it is designed, and why: ngIRCd's and Netty's shape, as kv's RESP server has it. A platform thread
 * {@code keel-chat-accept} accepts and hands each connection round-robin to one of {@link EventLoop}s (one per core by
 * default, {@code keel-chat-loop-<n>}), which reads, runs and writes for it from then on ({@link Connection}). Shared
 * state (nicks, channels) is reached from every loop through {@link Hub}'s concurrent maps and each channel's own lock,
 * so a loop never waits for another. Keepalive, flood delays, write coalescing and the close grace are loop timers
 * read from the injected ticker; {@link #sweep()} makes every loop run its keepalive and due timers now, which is how
 * tests drive them with a {@code ManualTicker}. Closing tells every client ({@code ERROR :Closing Link: ... (Server
 * shutting down)}), gives them {@link #CLOSE_GRACE} to receive it, then stops the loops (which close what is left) and
 * joins every thread.
 *
 * <p>Replaced: two virtual threads per connection (a reader, and a writer draining the send queue). It read as simply
 * as the protocol, but per delivered line it paid a writer wake-up (a park and unpark on a carrier, futex) and, per
 * batch, a write from its own thread; the loop writes each client once per iteration whatever the number of senders,
 * and wakes nobody. See docs/chat.md for the measurements.
 *
 * <p>Thread-safe.
 */
public final class IrcServer implements AutoCloseable {

    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(IrcServer.class.getName());
    private static final int BACKLOG = 1024;
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

    private final ChatConfig config;
    private final ServerSocketChannel serverChannel;
    private final int port;
    private final Hub hub;
    private final Dispatcher dispatcher;
    private final List<EventLoop> loops;
    private final AtomicInteger open = new AtomicInteger();
    private final Object drained = new Object();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private final Thread acceptor;
    private int nextLoop;

    private IrcServer(ChatConfig config, ServerSocketChannel serverChannel, int loopCount) throws IOException {
        this.config = config;
        this.serverChannel = serverChannel;
        this.port = ((InetSocketAddress) serverChannel.getLocalAddress()).getPort();
        this.hub = new Hub(config);
        this.dispatcher = new Dispatcher(hub);
        long interval = config.pingInterval().toNanos();
        long timeout = config.pingTimeout().toNanos();
        List<EventLoop> created = new ArrayList<>();
        try {
            for (int i = 0; i < loopCount; i++) {
                created.add(new EventLoop(
                        i,
                        config.ticker(),
                        config.writeCoalescing().toNanos(),
                        connection -> connection.keepalive(hub.nanos(), interval, timeout)));
            }
        } catch (IOException e) {
            created.forEach(EventLoop::abandon);
            throw e;
        }
        this.loops = List.copyOf(created);
        this.acceptor = Thread.ofPlatform().name("keel-chat-accept").unstarted(this::acceptLoop);
    }

    /** Binds {@code config.bindAddress()}:{@code config.port()} and starts serving, with an event loop per core. */
    public static IrcServer start(ChatConfig config) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        IrcServer server;
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(config.bindAddress(), config.port()), BACKLOG);
            server = new IrcServer(
                    config, channel, Math.max(1, Runtime.getRuntime().availableProcessors()));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        server.loops.forEach(EventLoop::start);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(config.bindAddress(), port);
    }

    /** Connections open now, registered or not. */
    public int connectedClients() {
        return open.get();
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
     * Makes every event loop run keepalive and its due timers (flood delays, coalesced writes, close grace) at the
     * ticker's current reading, and waits until they have. The loops do it every second of ticker time themselves;
     * tests call it after advancing a {@code ManualTicker}.
     */
    public void sweep() {
        if (closed.get()) {
            return;
        }
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (EventLoop loop : loops) {
            CompletableFuture<Void> swept = new CompletableFuture<>();
            loop.execute(() -> {
                loop.sweep();
                swept.complete(null);
            });
            done.add(swept);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
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
            serverChannel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the listening socket on port " + port + " failed", e);
        }
        try {
            acceptor.join();
            for (EventLoop loop : loops) {
                loop.execute(loop::abortAll);
            }
            long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
            synchronized (drained) {
                for (long left = CLOSE_GRACE.toNanos();
                        open.get() > 0 && left > 0;
                        left = deadline - System.nanoTime()) {
                    drained.wait(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loops.forEach(EventLoop::stop);
            joinLoops();
        }
    }

    @Override
    public String toString() {
        return "IrcServer[" + address() + ", " + connectedClients() + " connections]";
    }

    /** Every thread the server runs: for tests that check all are joined. */
    List<Thread> threads() {
        List<Thread> threads = new ArrayList<>(List.of(acceptor));
        loops.forEach(loop -> threads.add(loop.thread()));
        return threads;
    }

    Hub hub() {
        return hub;
    }

    private void joinLoops() {
        boolean interrupted = false;
        for (EventLoop loop : loops) {
            while (true) {
                try {
                    loop.thread().join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the loops end promptly once stopped; finish joining, then restore the flag
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            SocketChannel client;
            try {
                client = serverChannel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "accept on port " + port + " failed; retrying", e);
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
        if (open.get() >= config.maxClients()) {
            // Still blocking, and a fresh socket's send buffer is empty: this short write cannot stall the acceptor.
            try (client) {
                client.write(ByteBuffer.wrap(IrcMessage.text(
                                null, "ERROR", "Closing Link: too many connections (" + config.maxClients() + ")")
                        .encode()));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "refusing a connection over maxClients failed", e);
            }
            return;
        }
        String host;
        try {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            host = ((InetSocketAddress) client.getRemoteAddress()).getAddress().getHostAddress();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "setting up a new connection failed; dropping it", e);
            try {
                client.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            return;
        }
        EventLoop loop = loops.get(nextLoop);
        nextLoop = (nextLoop + 1) % loops.size();
        open.incrementAndGet();
        hub.connectionOpened();
        loop.adopt(new Connection(ids.incrementAndGet(), client, host, loop, hub, dispatcher, this::connectionClosed));
    }

    private void connectionClosed() {
        if (open.decrementAndGet() == 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }
}
