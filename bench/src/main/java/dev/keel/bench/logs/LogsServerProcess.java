package dev.keel.bench.logs;

import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogsOptions;
import dev.keel.logs.LogsServer;
import java.nio.file.Path;

/**
 * The child process {@link LogsIngestHarness} starts: {@code keel logs serve} on free ports of 127.0.0.1 with the
 * durability given ({@code SYNC} or {@code NONE}); prints {@code ports SYSLOG HTTP} once it listens, then serves until
 * it is killed. Not a command for people: use {@code keel logs serve}.
 */
public final class LogsServerProcess {

    private LogsServerProcess() {}

    public static void main(String[] args) throws Exception {
        LogsOptions options = LogsOptions.builder()
                .durability(LogsOptions.Durability.valueOf(args[1]))
                .build();
        try (LogAggregator aggregator = LogAggregator.open(Path.of(args[0]), options);
                LogsServer server = LogsServer.start(aggregator, LogsServer.Config.ephemeral())) {
            System.out.println("ports " + server.syslogPort() + " " + server.httpPort());
            System.out.flush();
            server.awaitClose();
        }
    }
}
