package dev.keel.chat.server;

import dev.keel.time.Ticker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One event loop: a platform thread, {@code keel-chat-loop-<n>}, with its own {@link Selector}, serving the
 * connections the acceptor hands it.
 *
 * <p>How it is designed, and why (ngIRCd's and Netty's shape; kv's {@code EventLoop} for RESP is the model): each
 * iteration (1) waits in {@code select} for ready sockets, posted tasks or the next timer, (2) reads every readable
 * connection once and runs its complete commands, which queue lines on any client's {@link SendQueue}, on this loop
 * or another, (3) registers new connections and runs posted tasks (aborts from other threads, sweeps), (4) runs the
 * timers that are due ({@link Timers}: flood delays, keepalive, the end of a write round, close grace), and (5)
 * flushes every connection that has lines queued, each with one {@code write} of everything queued since its last.
 * Step 5 after 2 is the point: a message fanned out to fifty members of one loop costs fifty buffer appends while commands run and
 * then one write per member per iteration, however many messages that iteration produced. Writes to busy clients are
 * coalesced further, into the loop's {@link WriteRounds}. A line queued by another loop asks this loop to flush
 * ({@link #flushSoon}): it joins a concurrent queue and wakes the selector only if the connection's lines would not
 * wait for the open write round anyway and no wake-up is pending already, so a burst costs at most one
 * {@code wakeup}, and lines for busy clients none. The loop reads into one heap buffer and writes from
 * one direct buffer that all its connections share, so an idle connection holds no I/O buffer at all.
 *
 * <p>Time is the injected {@link Ticker}'s: the select timeout is the time to the next timer, at most
 * {@link #KEEPALIVE_EVERY}, and nothing else waits. With a fake ticker, timers run only when a test advances it and
 * calls {@code IrcServer.sweep()}.
 *
 * <p>Thread-safe: {@link #execute}, {@link #adopt}, {@link #flushSoon} and {@link #stop()} may be called from any
 * thread; everything else runs on the loop's thread.
 */
final class EventLoop implements Executor {

    static final long KEEPALIVE_EVERY = TimeUnit.SECONDS.toNanos(1);

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    private static final int READ_BUFFER = 16 << 10;
    /** Larger than the longest line (8 KiB of tags + 512 + a prefix), so any queued line fits whole. */
    static final int WRITE_BUFFER = 64 << 10;

    private final Selector selector;
    private final Ticker ticker;
    private final Consumer<Connection> keepalive;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Queue<Connection> arriving = new ConcurrentLinkedQueue<>();
    private final Queue<Connection> flushesFromOthers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Thread thread;
    private final Timers timers = new Timers();
    private final WriteRounds rounds;
    private final Set<Connection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER);
    private ArrayDeque<Connection> flushes = new ArrayDeque<>();
    private ArrayDeque<Connection> flushing = new ArrayDeque<>();
    private volatile boolean stopping;

    /**
     * A loop named {@code keel-chat-loop-<index>}, not yet started; {@code keepalive} runs on each connection, and
     * writes to a busy client are coalesced into rounds of {@code coalesceNanos} (0: none).
     */
    EventLoop(int index, Ticker ticker, long coalesceNanos, Consumer<Connection> keepalive) throws IOException {
        this.selector = Selector.open();
        this.ticker = ticker;
        this.keepalive = keepalive;
        this.rounds = new WriteRounds(timers, coalesceNanos);
        this.thread = Thread.ofPlatform().name("keel-chat-loop-" + index).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Runs {@code task} on the loop's thread, soon. Tasks posted after the loop stopped are dropped. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        wakeUp();
    }

    /** Hands {@code connection} to this loop, which registers and serves it (or closes it, if it is stopping). */
    void adopt(Connection connection) {
        arriving.add(connection);
        wakeUp();
    }

    /** Asks the loop to flush {@code connection} at the end of its current (or next) iteration. */
    void flushSoon(Connection connection) {
        if (Thread.currentThread() == thread) {
            flushes.add(connection);
        } else {
            flushesFromOthers.add(connection); // first, then read the round: see WriteRounds
            if (!rounds.isOpen(connection.writtenRound()) || connection.urgent()) {
                wakeUp();
            }
        }
    }

    /** Asks the loop to close its connections and end; join {@link #thread()} to wait for it. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    /** Releases the selector of a loop that was never started. */
    void abandon() {
        closeSelector();
    }

    // Loop-confined: called by connections on the loop's thread.

    Timers timers() {
        return timers;
    }

    WriteRounds rounds() {
        return rounds;
    }

    long nanos() {
        return ticker.read();
    }

    /** The loop's read buffer, cleared: valid until the caller returns to the loop. */
    ByteBuffer readBuffer() {
        return readBuffer.clear();
    }

    /** The loop's write buffer, cleared: valid until the caller returns to the loop. */
    ByteBuffer writeBuffer() {
        return writeBuffer.clear();
    }

    void register(Connection connection) throws IOException {
        connection.register(selector);
        connections.add(connection);
    }

    void closed(Connection connection) {
        connections.remove(connection);
    }

    /** Runs keepalive on every connection and every due timer now: the per-second tick, and what a sweep asks for. */
    void sweep() {
        for (Connection connection : List.copyOf(connections)) {
            keepalive.accept(connection);
        }
        timers.runDue(ticker.read());
    }

    /** Tells every client of this loop the server is shutting down: each is disconnected and its ERROR line queued. */
    void abortAll() {
        for (Connection connection : List.copyOf(connections)) {
            connection.client().quit("Server shutting down");
            connection.aborted();
        }
    }

    private void wakeUp() {
        if (!wakeupPending.getAndSet(true)) {
            selector.wakeup();
        }
    }

    private void run() {
        scheduleKeepalive();
        try {
            while (!stopping) {
                if (!tasks.isEmpty() || !arriving.isEmpty() || !flushes.isEmpty() || !flushesFromOthers.isEmpty()) {
                    selector.selectNow(EventLoop::ready);
                } else {
                    long wait = timers.nanosUntilNext(ticker.read());
                    if (wait == 0) {
                        selector.selectNow(EventLoop::ready);
                    } else if (wait < 0) {
                        selector.select(EventLoop::ready); // no timer: until a socket or a task needs the loop
                    } else {
                        selector.select(EventLoop::ready, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                    }
                }
                wakeupPending.set(false);
                registerArrivals();
                runTasks();
                timers.runDue(ticker.read());
                flushAll();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, thread.getName() + " failed; closing its connections", e);
        } finally {
            closeEverything();
        }
    }

    private void scheduleKeepalive() {
        timers.schedule(ticker.read() + KEEPALIVE_EVERY, () -> {
            for (Connection connection : List.copyOf(connections)) {
                keepalive.accept(connection);
            }
            scheduleKeepalive();
        });
    }

    private static void ready(SelectionKey key) {
        if (key.attachment() instanceof Connection connection) {
            try {
                connection.ready(key.readyOps());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "serving " + connection + " failed; closing it", e);
                connection.close();
            }
        }
    }

    private void registerArrivals() {
        for (Connection connection; (connection = arriving.poll()) != null; ) {
            try {
                register(connection);
            } catch (IOException e) {
                connection.close();
            }
        }
    }

    private void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a task on " + thread.getName() + " failed", e);
            }
        }
    }

    /** One flush per connection that asked; a connection that asks again while flushing waits for the next round. */
    private void flushAll() {
        for (Connection connection; (connection = flushesFromOthers.poll()) != null; ) {
            flushes.add(connection);
        }
        ArrayDeque<Connection> now = flushes;
        flushes = flushing;
        flushing = now;
        for (Connection connection; (connection = now.poll()) != null; ) {
            try {
                connection.flush();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "writing to " + connection + " failed; closing it", e);
                connection.close();
            }
        }
    }

    private void closeEverything() {
        List<Connection> open = new ArrayList<>(connections);
        for (Connection connection; (connection = arriving.poll()) != null; ) {
            open.add(connection);
        }
        open.forEach(Connection::shutDown);
        tasks.clear();
        closeSelector();
    }

    private void closeSelector() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + thread.getName() + "'s selector failed", e);
        }
    }
}
