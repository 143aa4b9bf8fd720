package dev.keel.cli;

import dev.keel.chat.ChatClient;
import dev.keel.chat.ChatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel chat connect --nick NAME}: a line-mode IRC client. A line is said to the current channel; lines starting
 * with {@code /} are commands: {@code /join #chan}, {@code /part}, {@code /msg NICK text}, {@code /nick NEW},
 * {@code /raw LINE}, {@code /quit [reason]}. What arrives is printed as it arrives.
 */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = "A line-mode IRC client: type to talk, /join #chan, /msg NICK text, /raw LINE, /quit.")
final class ChatConnectCommand implements Callable<Integer> {

    @Option(names = "--nick", required = true, paramLabel = "NAME", description = "Your nick.")
    String nick;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "HOST",
            description = "Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "6667", paramLabel = "PORT", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--password", paramLabel = "SECRET", description = "The server's password, if it has one.")
    @Nullable
    String password;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream in;

    ChatConnectCommand() {
        this(System.in);
    }

    ChatConnectCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ChatClient client;
        try {
            client = ChatClient.connect(nick, new InetSocketAddress(host, port), password);
        } catch (ChatException e) {
            throw new UserError(e.getMessage());
        } catch (java.net.ConnectException e) {
            throw new UserError("cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        try (client) {
            out.println("keel chat: connected to " + host + ":" + port + " as " + client.nick()
                    + "; /join #channel, /msg NICK text, /quit");
            out.flush();
            client.onLine(line -> {
                synchronized (out) {
                    out.println(TerminalLines.show(line));
                    out.flush();
                }
            });
            String channel = null;
            BufferedReader input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = input.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (!line.startsWith("/")) {
                    if (channel == null) {
                        out.println("keel chat: join a channel first (/join #channel), or /msg NICK text");
                        out.flush();
                    } else {
                        client.sendMessage(channel, line);
                    }
                    continue;
                }
                String[] words = line.substring(1).split(" ", 2);
                String rest = words.length > 1 ? words[1].strip() : "";
                switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
                    case "join", "j" -> {
                        try {
                            client.join(rest);
                            channel = rest;
                        } catch (ChatException e) {
                            out.println("keel chat: " + e.getMessage());
                            out.flush();
                        }
                    }
                    case "part" -> {
                        if (channel != null) {
                            client.part(channel);
                            channel = null;
                        }
                    }
                    case "msg" -> {
                        String[] target = rest.split(" ", 2);
                        client.sendMessage(target[0], target.length > 1 ? target[1] : "");
                    }
                    case "nick" -> client.sendRaw("NICK " + rest);
                    case "raw", "quote" -> client.sendRaw(rest);
                    case "quit" -> {
                        client.quit(rest.isEmpty() ? "keel chat connect" : rest);
                        return ExitCode.OK;
                    }
                    default -> {
                        out.println("keel chat: unknown command /" + words[0]
                                + " (expected /join, /part, /msg, /nick, /raw, /quit)");
                        out.flush();
                    }
                }
            }
            client.quit("end of input");
        }
        return ExitCode.OK;
    }
}
