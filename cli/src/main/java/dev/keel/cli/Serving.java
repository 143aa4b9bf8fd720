package dev.keel.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code serve} commands share: checking {@code --bind} and {@code --port}, and a Ctrl-C that stops the
 * server and then waits for the command to close what it opened (a store's log forced, a ledger's journal) before the
 * JVM exits.
 *
 * <p>Not thread-safe, except that the shutdown hook runs on its own thread.
 */
final class Serving {

    private Serving() {}

    /** The address {@code --bind} names, with {@code --port} checked too; a {@link UserError} naming a bad value. */
    static InetAddress listenAddress(String bind, int port) {
        if (port < 0 || port > 65_535) {
            throw new UserError("--port " + port + " (expected 0 to 65535)");
        }
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserError("--bind '" + bind + "' is not an address of this machine");
        }
    }

    /**
     * A shutdown hook for one serve command. Open it first in the command's try-with-resources, so that it closes
     * last: {@link #onShutdown} registers the action that stops the server; on Ctrl-C the hook runs it and then waits
     * (up to 30 s) until this is closed, that is, until everything opened after it has been closed.
     */
    static final class Hook implements AutoCloseable {
        private final String name;
        private final CountDownLatch closed = new CountDownLatch(1);
        private @Nullable Thread thread;

        Hook(String system) {
            this.name = "keel-" + system + "-shutdown";
        }

        /** Registers {@code stopServer} to run on Ctrl-C (or any JVM shutdown). */
        void onShutdown(Runnable stopServer) {
            Thread hook = Thread.ofPlatform().name(name).unstarted(() -> {
                stopServer.run();
                try {
                    closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            thread = hook;
        }

        /** Lets a running hook finish, and unregisters it if the JVM is not shutting down. */
        @Override
        public void close() {
            closed.countDown();
            if (thread != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(thread);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is already shutting down and running the hook: nothing to remove.
                }
            }
        }
    }
}
