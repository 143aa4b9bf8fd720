package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.keel.chat.ChatClient;
import dev.keel.chat.ChatConfig;
import dev.keel.chat.ChatMessage;
import dev.keel.chat.ChatServer;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code keel chat serve} and {@code keel chat connect}, and two real {@code ii} clients talking through the server. */
final class ChatCommandTest {

    private static final Pattern SERVING = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+) \\(flood control (on|off)\\)");
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** Runs {@code keel chat serve ARGS} on a thread until {@code body} is done, then interrupts it. */
    private void serving(ServingBody body, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        List<String> command = new ArrayList<>(List.of("chat", "serve", "--port", "0"));
        command.addAll(List.of(args));
        Thread serving = Thread.ofPlatform()
                .name("chat-serve-under-test")
                .start(() -> exit.set(KeelCommand.run(
                        SystemCatalog.landed(),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        command.toArray(String[]::new))));
        try {
            await().atMost(BOUND).until(() -> SERVING.matcher(out.toString()).find() || !serving.isAlive());
            Matcher matcher = SERVING.matcher(out.toString());
            assertThat(matcher.find()).as("output: %s, errors: %s", out, err).isTrue();
            body.run(Integer.parseInt(matcher.group(1)), out);
        } finally {
            serving.interrupt();
            serving.join(BOUND.toMillis());
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).as(err.toString()).isZero();
        assertThat(out.toString()).contains("keel chat: stopped");
    }

    @FunctionalInterface
    private interface ServingBody {
        void run(int port, StringWriter out) throws Exception;
    }

    @Test
    void serve_answersIrcClients_withItsNameAndMotd_untilInterrupted() throws Exception {
        Path motd = Files.writeString(dir.resolve("motd.txt"), "Hello from the MOTD\n");
        serving(
                (port, out) -> {
                    try (ChatClient alice =
                            ChatClient.connect("alice", new InetSocketAddress("127.0.0.1", port), null)) {
                        alice.sync();
                        assertThat(alice.receivedLines()).contains(":irc.test.local 372 alice :- Hello from the MOTD");
                        alice.join("#cli");
                        assertThat(out.toString()).contains("flood control off");
                    }
                },
                "--name",
                "irc.test.local",
                "--motd",
                motd.toString(),
                "--flood",
                "off");
    }

    @Test
    void serve_badOptions_areUsageErrorsNamingTheValue() {
        assertThat(usageError("chat", "serve", "--flood", "maybe")).contains("--flood 'maybe' (expected on or off)");
        assertThat(usageError("chat", "serve", "--port", "70000")).contains("--port 70000 (expected 0 to 65535)");
        assertThat(usageError("chat", "serve", "--write-coalescing", "-1"))
                .contains("writeCoalescing (PT-0.001S) must be in [0, 1 s]");
        assertThat(usageError(
                        "chat",
                        "serve",
                        "--port",
                        "0",
                        "--motd",
                        dir.resolve("none").toString()))
                .contains("no such file");
        assertThat(usageError("chat", "serve", "--port", "0", "--name", "no dots"))
                .contains("serverName 'no dots'");
    }

    private static String usageError(String... args) {
        StringWriter err = new StringWriter();
        int exit = KeelCommand.run(
                SystemCatalog.landed(), new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        assertThat(exit).as(err.toString()).isEqualTo(2);
        return err.toString();
    }

    @Test
    void connect_typedLinesAndSlashCommands_reachTheServer() throws Exception {
        try (ChatServer server = ChatServer.start(ChatConfig.defaults());
                ChatClient bob = ChatClient.connect("bob", server)) {
            bob.join("#room");
            String typed = "/join #room\nhello from the terminal\n/msg bob psst\n/frob\n/quit bye\n";
            StringWriter out = new StringWriter();
            ChatConnectCommand connect =
                    new ChatConnectCommand(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
            CommandLine connectLine = new CommandLine(connect).setOut(new PrintWriter(out, true));
            int exit = connectLine.execute("--nick", "carol", "--port", Integer.toString(server.port()));
            assertThat(exit).isZero();
            assertThat(bob.getMessages())
                    .contains(
                            new ChatMessage("carol", "#room", "hello from the terminal", false),
                            new ChatMessage("carol", "bob", "psst", false));
            assertThat(out.toString())
                    .contains("connected to 127.0.0.1:" + server.port() + " as carol")
                    .contains("unknown command /frob");
        }
    }

    @Test
    void terminalLines_showMessagesReadably() {
        assertThat(TerminalLines.show(":a!u@h PRIVMSG #c :hi there")).isEqualTo("[#c] <a> hi there");
        assertThat(TerminalLines.show(":a!u@h PRIVMSG me :psst")).isEqualTo("<a> psst");
        assertThat(TerminalLines.show(":s 001 me :Welcome")).isEqualTo(":s 001 me :Welcome");
    }

    /** Two real ii clients (Debian's ii) join a channel on `keel chat serve` and exchange messages. */
    @Test
    void iiClients_joinAChannel_andExchangeMessages() throws Exception {
        Optional<Path> ii = onPath("ii");
        assumeThat(ii)
                .as("ii is not installed (apt-get install ii); CI installs it in .ci/run")
                .isPresent();
        serving((port, out) -> {
            List<Process> processes = new ArrayList<>();
            try {
                for (String nick : List.of("alice", "bob")) {
                    processes.add(new ProcessBuilder(
                                    ii.get().toString(),
                                    "-s",
                                    "127.0.0.1",
                                    "-p",
                                    Integer.toString(port),
                                    "-n",
                                    nick,
                                    "-i",
                                    dir.resolve(nick).toString())
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve(nick + ".log").toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start());
                }
                for (String nick : List.of("alice", "bob")) {
                    Path server = dir.resolve(nick).resolve("127.0.0.1");
                    await().atMost(BOUND)
                            .until(() -> Files.exists(server.resolve("in"))
                                    && Files.exists(server.resolve("out"))
                                    && Files.readString(server.resolve("out")).contains("Welcome to the keel Network"));
                    Files.writeString(server.resolve("in"), "/j #keel\n");
                    await().atMost(BOUND)
                            .until(() -> Files.exists(server.resolve("#keel").resolve("in")));
                }
                Path aliceChannel = dir.resolve("alice/127.0.0.1/#keel");
                Path bobChannel = dir.resolve("bob/127.0.0.1/#keel");
                await().atMost(BOUND)
                        .until(() ->
                                Files.readString(aliceChannel.resolve("out")).contains("bob"));
                Files.writeString(aliceChannel.resolve("in"), "hello from alice\n");
                await().atMost(BOUND)
                        .until(() -> Files.readString(bobChannel.resolve("out")).contains("<alice> hello from alice"));
                Files.writeString(bobChannel.resolve("in"), "hi alice, bob here\n");
                await().atMost(BOUND)
                        .until(() ->
                                Files.readString(aliceChannel.resolve("out")).contains("<bob> hi alice, bob here"));
            } finally {
                for (Process process : processes) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                }
            }
        });
    }

    private static Optional<Path> onPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
