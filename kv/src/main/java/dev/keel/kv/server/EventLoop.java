package dev.keel.kv.server;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One event loop: a platform thread, {@code keel-kv-loop-<n>}, with its own {@link Selector}, serving the connections
 * the acceptor hands it. Each iteration waits for ready sockets or posted tasks, serves every ready connection (read,
 * run, reply), runs the posted tasks (new connections, replies of writes that ran off the loop), and then sends the
 * iteration's batched SETs to be written ({@link LoopWrites#dispatch()}).
 *
 * <p>Posting a task wakes the selector only if no wake-up is pending already (as Netty does), so a burst of
 * completions costs one {@code wakeup}. Stopping closes every connection, the loop's own and those handed to it but
 * not yet registered, and then the selector.
 *
 * <p>Thread-safe: {@link #execute}, {@link #adopt} and {@link #stop()} may be called from any thread; everything else
 * runs on the loop's thread.
 */
final class EventLoop implements Executor {

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Queue<Connection> arriving = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final LoopWrites writes;
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * A loop named {@code keel-kv-loop-<index>}, not yet started; {@code loopWrites} makes its connections' shared
     * write path from the loop (the executor of completions).
     */
    EventLoop(int index, Function<Executor, LoopWrites> loopWrites) throws IOException {
        this.selector = Selector.open();
        this.writes = loopWrites.apply(this);
        this.thread = Thread.ofPlatform().name("keel-kv-loop-" + index).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** The write path connections of this loop share. */
    LoopWrites loopWrites() {
        return writes;
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

    /** Asks the loop to close its connections and end; join {@link #thread()} to wait for it. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    /** Releases the selector of a loop that was never started. */
    void abandon() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + thread.getName() + "'s selector failed", e);
        }
    }

    private void wakeUp() {
        if (!wakeupPending.getAndSet(true)) {
            selector.wakeup();
        }
    }

    private void run() {
        try {
            while (!stopping) {
                if (tasks.isEmpty() && arriving.isEmpty()) {
                    selector.select(EventLoop::ready);
                } else {
                    selector.selectNow(EventLoop::ready);
                }
                wakeupPending.set(false);
                registerArrivals();
                runTasks();
                writes.dispatch();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, thread.getName() + " failed; closing its connections", e);
        } finally {
            closeEverything();
        }
    }

    private static void ready(SelectionKey key) {
        if (key.attachment() instanceof Connection connection) {
            try {
                connection.ready(key.readyOps());
            } catch (RuntimeException e) {
                dropAfterBug(connection, e);
            }
        }
    }

    /** A bug while serving one connection costs that connection, not the loop's others. */
    private static void dropAfterBug(Connection connection, RuntimeException e) {
        LOG.log(
                System.Logger.Level.ERROR,
                "serving client " + connection.session().id() + " failed; closing its connection",
                e);
        connection.close();
    }

    private void registerArrivals() {
        for (Connection connection; (connection = arriving.poll()) != null; ) {
            try {
                connection.register(selector);
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

    private void closeEverything() {
        List<Connection> open = selector.keys().stream()
                .map(SelectionKey::attachment)
                .filter(Connection.class::isInstance)
                .map(Connection.class::cast)
                .toList();
        open.forEach(Connection::close);
        for (Connection connection; (connection = arriving.poll()) != null; ) {
            connection.close();
        }
        tasks.clear();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + thread.getName() + "'s selector failed", e);
        }
    }
}
