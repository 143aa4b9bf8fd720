package dev.keel.cli;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvOptions;
import dev.keel.kv.server.KvServer;
import dev.keel.kv.server.KvServerOptions;
import dev.keel.storage.SyncPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel kv serve}: the store over the Redis protocol, until Ctrl-C (or until the thread is interrupted, which is
 * how tests stop it). {@code --fsync} takes Redis's {@code appendfsync} names.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Serve the store over the Redis protocol (RESP2): redis-cli, redis-benchmark and client libraries work.")
final class KvServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            defaultValue = "6380",
            paramLabel = "PORT",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--dir",
            defaultValue = "./data/kv",
            paramLabel = "DIR",
            description = "The store's directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(
            names = "--fsync",
            defaultValue = "always",
            paramLabel = "MODE",
            description =
                    "always (a reply means the write is on disk; concurrent writes share fsyncs), everysec, or no (default: ${DEFAULT-VALUE}).")
    String fsync;

    @Option(
            names = "--event-loops",
            paramLabel = "N",
            description =
                    "Event loops (threads with a selector each) serving the connections (default: one under --fsync always with"
                            + " commits on the loop, so that every client's writes share each fsync; otherwise one per processor).")
    @Nullable
    Integer eventLoops;

    @Option(
            names = "--commit-on-loop",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Under --fsync always, each event loop writes its batch of SETs and waits for the fsync itself, as Redis does"
                            + " (fastest on a dedicated machine); --no-commit-on-loop hands batches to workers (better when"
                            + " the machine's CPU and disk are shared). Default: on.")
    boolean commitOnLoop;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SyncPolicy policy = switch (fsync) {
            case "always" -> SyncPolicy.ALWAYS;
            case "everysec" -> SyncPolicy.interval(Duration.ofSeconds(1));
            case "no" -> SyncPolicy.NONE;
            default -> throw new UserError("--fsync '" + fsync + "' (expected always, everysec or no)");
        };
        if (eventLoops != null && eventLoops <= 0) {
            throw new UserError("--event-loops " + eventLoops + " (expected a positive number)");
        }
        InetAddress address = Serving.listenAddress(bind, port);
        PrintWriter out = spec.commandLine().getOut();
        // Ctrl-C: stop the server, then let the store close (and force its log) before the JVM goes.
        try (Serving.Hook shutdown = new Serving.Hook("kv");
                KeyValueStore store = KeyValueStore.open(
                        KvOptions.builder(directory).syncPolicy(policy).build());
                KvServer server = start(store, address)) {
            out.println("keel kv: serving " + directory.toAbsolutePath().normalize() + " on " + server.address()
                    + " (fsync " + fsync + ", " + store.stats().keys() + " keys); Ctrl-C to stop");
            out.flush();
            shutdown.onShutdown(server::close); // try-with-resources closes it again (idempotent)
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("keel kv: stopped");
        return ExitCode.OK;
    }

    private KvServer start(KeyValueStore store, InetAddress address) throws IOException {
        try {
            KvServerOptions.Builder options =
                    KvServerOptions.builder().bindAddress(address).port(port).commitOnLoop(commitOnLoop);
            if (eventLoops != null) {
                options.eventLoops(eventLoops);
            }
            return KvServer.start(store, options.build());
        } catch (BindException e) {
            throw new UserError("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
    }
}
