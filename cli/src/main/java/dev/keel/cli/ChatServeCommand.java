package dev.keel.cli;

import dev.keel.chat.ChatConfig;
import dev.keel.chat.ChatServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel chat serve}: the IRC server, until Ctrl-C (or until the thread is interrupted, which is how tests stop
 * it). Closing tells every client the server is shutting down.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve IRC: irssi, WeeChat, ii and IRC libraries connect to it.")
final class ChatServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            defaultValue = "6667",
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
            names = "--name",
            defaultValue = "irc.keel.local",
            paramLabel = "NAME",
            description = "The server's name in replies (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--motd", paramLabel = "FILE", description = "A message-of-the-day file (default: none, 422).")
    @Nullable
    Path motd;

    @Option(names = "--password", paramLabel = "SECRET", description = "The password clients must send with PASS.")
    @Nullable
    String password;

    @Option(
            names = "--flood",
            defaultValue = "on",
            paramLabel = "on|off",
            description =
                    "Per-client flood control: 1 command per 2 s after a burst of 10 (default: ${DEFAULT-VALUE}).")
    String flood;

    @Option(
            names = "--write-coalescing",
            defaultValue = "40",
            paramLabel = "MS",
            description =
                    "The length of a write round, in milliseconds: a busy client gets at most one write per round,"
                            + " with every line queued meanwhile; a line after a quiet spell goes at once"
                            + " (default: ${DEFAULT-VALUE}; 0 writes once per event-loop iteration).")
    long writeCoalescingMillis;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ChatConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        try (Serving.Hook shutdown = new Serving.Hook("chat");
                ChatServer server = start(config)) {
            out.println("keel chat: serving IRC as " + config.serverName() + " on " + bind + ":" + server.port()
                    + " (flood control " + flood + "); Ctrl-C to stop");
            out.flush();
            shutdown.onShutdown(server::close);
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("keel chat: stopped");
        return ExitCode.OK;
    }

    private ChatConfig config() throws IOException {
        InetAddress address = Serving.listenAddress(bind, port);
        boolean floodControl = switch (flood) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UserError("--flood '" + flood + "' (expected on or off)");
        };
        List<String> lines = List.of();
        if (motd != null) {
            try {
                lines = Files.readAllLines(motd, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserError("--motd " + motd + ": no such file");
            }
        }
        try {
            return ChatConfig.builder()
                    .port(port)
                    .bindAddress(address)
                    .serverName(name)
                    .motd(lines)
                    .password(password)
                    .floodControl(floodControl)
                    .writeCoalescing(Duration.ofMillis(writeCoalescingMillis))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private ChatServer start(ChatConfig config) throws IOException {
        try {
            return ChatServer.start(config);
        } catch (BindException e) {
            throw new UserError("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
    }
}
