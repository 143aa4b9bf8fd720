package dev.keel.cli;

import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel logs serve}: syslog over TCP and UDP and the HTTP API until Ctrl-C (or until the thread is interrupted).
 * An HTTP ingest is answered once its entries are on disk.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Receive syslog (TCP and UDP) and JSON lines (HTTP POST /ingest); answer queries over HTTP.")
final class LogsServeCommand implements Callable<Integer> {

    @Option(
            names = "--syslog-port",
            defaultValue = "5514",
            paramLabel = "PORT",
            description = "Syslog port, TCP and UDP (default: ${DEFAULT-VALUE}; 0: any free port).")
    int syslogPort;

    @Option(
            names = "--http-port",
            defaultValue = "3100",
            paramLabel = "PORT",
            description = "HTTP API port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int httpPort;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--dir",
            defaultValue = "./data/logs",
            paramLabel = "DIR",
            description = "The log directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InetAddress address = Serving.listenAddress(bind, syslogPort);
        Serving.listenAddress(bind, httpPort);
        PrintWriter out = spec.commandLine().getOut();
        try (Serving.Hook shutdown = new Serving.Hook("logs");
                LogAggregator aggregator = LogsCommand.open(directory, false);
                LogsServer server = start(aggregator, address)) {
            out.println("keel logs: " + directory.toAbsolutePath().normalize() + " ("
                    + aggregator.stats().entries()
                    + " entries); syslog on " + bind + ":" + server.syslogPort() + " (TCP and UDP), HTTP on http://"
                    + bind + ":" + server.httpPort() + "; Ctrl-C to stop");
            out.flush();
            shutdown.onShutdown(() -> stop(server));
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("keel logs: stopped");
        return ExitCode.OK;
    }

    private static void stop(LogsServer server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LogsServer start(LogAggregator aggregator, InetAddress address) throws IOException {
        try {
            return LogsServer.start(
                    aggregator, LogsServer.Config.defaults().withBind(address).withPorts(syslogPort, httpPort));
        } catch (BindException e) {
            throw new UserError("cannot listen on " + bind + " (syslog " + syslogPort + ", HTTP " + httpPort + "): "
                    + e.getMessage());
        }
    }
}
