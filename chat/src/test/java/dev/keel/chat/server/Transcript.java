package dev.keel.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.chat.ChatConfig;
import dev.keel.chat.protocol.LineReader;
import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a golden IRC transcript against a real server over real sockets.
 *
 * <p>The format, one step per line: {@code alice> LINE} (client alice sends LINE; the first mention connects it),
 * {@code alice< LINE} (the next line alice receives is exactly LINE), {@code alice<EOF} (the server closed alice's
 * connection), {@code ! key=value} (server configuration before the first step: {@code motd}, {@code password},
 * {@code history}), {@code #} comments. A control-A (CTCP) is written {@code \x01}. Time is a {@link ManualTicker} starting at 2026-01-01T00:00:00Z, so every
 * timestamp is fixed. At the end, every client still connected gets a PING and the next line must be its PONG: nothing
 * unexpected was sent. After every send, the sending client does a PING round trip (hidden from the transcript): the
 * server handles one client's lines in order, so the send has then been handled, and the next step (perhaps another
 * client's) cannot overtake it.
 *
 * <p>With {@code -Dkeel.golden.record=true} the expectations are recorded instead: after each send, every connected
 * client does a PING round trip, and what arrived is written back into the file under the send. Review the diff before committing.
 */
final class Transcript {

    private sealed interface Step {}

    private record Send(String client, String line) implements Step {}

    private record Expect(String client, String line) implements Step {}

    private record Closed(String client) implements Step {}

    private record Comment(String text) implements Step {}

    private static final String EOF = "<EOF";

    private final Path file;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, Peer> peers = new LinkedHashMap<>();

    Transcript(Path file) throws IOException {
        this.file = file;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (raw.startsWith("! ")) {
                String[] setting = raw.substring(2).split("=", 2);
                settings.put(setting[0].strip(), setting[1].strip());
                steps.add(new Comment(raw));
            } else if (raw.isBlank() || raw.startsWith("#")) {
                steps.add(new Comment(raw));
            } else if (raw.contains(EOF) && raw.indexOf(EOF) == raw.indexOf('<')) {
                steps.add(new Closed(raw.substring(0, raw.indexOf('<'))));
            } else {
                int send = raw.indexOf("> ");
                int expect = raw.indexOf("< ");
                if (send > 0 && (expect < 0 || send < expect)) {
                    steps.add(new Send(raw.substring(0, send), raw.substring(send + 2)));
                } else if (expect > 0) {
                    steps.add(new Expect(raw.substring(0, expect), raw.substring(expect + 2)));
                } else {
                    throw new IllegalArgumentException(file + ": cannot read step '" + raw + "'");
                }
            }
        }
    }

    ChatConfig config(ManualTicker time) {
        // Writes are not coalesced: on the manual clock the writer's waits would move the transcript's time.
        ChatConfig.Builder builder = ChatConfig.builder()
                .ticker(time)
                .clock(time)
                .floodControl(false)
                .writeCoalescing(Duration.ZERO);
        if (settings.containsKey("motd")) {
            builder.motd(List.of(settings.get("motd").split("\\|")));
        }
        if (settings.containsKey("password")) {
            builder.password(settings.get("password"));
        }
        if (settings.containsKey("history")) {
            builder.historySize(Integer.parseInt(settings.get("history")));
        }
        return builder.build();
    }

    /** Runs the transcript against {@code server}, checking (or recording) every line each client receives. */
    void run(IrcServer server, boolean record) throws IOException {
        List<String> recorded = new ArrayList<>();
        int number = 0;
        try {
            for (Step step : steps) {
                number++;
                switch (step) {
                    case Comment comment -> recorded.add(comment.text());
                    case Send send -> {
                        recorded.add(send.client() + "> " + send.line());
                        Peer sender = peer(server, send.client());
                        sender.send(send.line());
                        sender.barrier();
                        if (record) {
                            recordAll(recorded);
                        }
                    }
                    case Expect expect -> {
                        if (!record) {
                            assertThat(peers.get(expect.client()).next())
                                    .as("%s line %d: what %s receives", file.getFileName(), number, expect.client())
                                    .isEqualTo(expect.line());
                        }
                    }
                    case Closed closed -> {
                        if (!record) {
                            assertThat(peers.get(closed.client()).next())
                                    .as("%s line %d: %s's connection", file.getFileName(), number, closed.client())
                                    .isEqualTo(EOF);
                        }
                    }
                }
            }
            if (record) {
                Files.write(file, recorded, StandardCharsets.UTF_8);
                return;
            }
            for (Map.Entry<String, Peer> peer : peers.entrySet()) {
                if (!peer.getValue().closed) {
                    peer.getValue().send("PING :end-of-transcript");
                    assertThat(peer.getValue().next())
                            .as("%s: nothing more for %s", file.getFileName(), peer.getKey())
                            .endsWith("PONG irc.keel.local :end-of-transcript");
                }
            }
        } finally {
            for (Peer peer : peers.values()) {
                peer.socket.close();
            }
        }
    }

    private void recordAll(List<String> recorded) throws IOException {
        for (Map.Entry<String, Peer> entry : peers.entrySet()) {
            Peer peer = entry.getValue();
            peer.barrier();
            while (!peer.pending.isEmpty()) {
                String line = peer.pending.removeFirst();
                recorded.add(entry.getKey() + (line.equals(EOF) ? EOF : "< " + line));
            }
        }
    }

    private Peer peer(IrcServer server, String name) throws IOException {
        Peer peer = peers.get(name);
        if (peer == null) {
            Socket socket = new Socket(server.address().getAddress(), server.port());
            socket.setSoTimeout(10_000);
            peer = new Peer(socket);
            peers.put(name, peer);
        }
        return peer;
    }

    private static final class Peer {
        private final Socket socket;
        private final OutputStream out;
        private final LineReader in;
        private final java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
        private boolean closed;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new LineReader(socket.getInputStream());
        }

        void send(String line) throws IOException {
            out.write((line.replace("\\x01", "\u0001") + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /**
         * A PING round trip: the server handles a client's lines in order, so once the PONG is back everything the
         * client sent before has been handled (and its effects queued for every client). What arrived before the PONG
         * is kept for {@link #next()}.
         */
        void barrier() throws IOException {
            if (closed) {
                return;
            }
            send("PING :transcript-barrier");
            while (true) {
                String line = read();
                if (line.endsWith("PONG irc.keel.local :transcript-barrier")) {
                    return;
                }
                pending.add(line);
                if (line.equals(EOF)) {
                    return;
                }
            }
        }

        /** The next line received, or {@code <EOF} once the server has closed the connection. */
        String next() throws IOException {
            return pending.isEmpty() ? read() : pending.removeFirst();
        }

        private String read() throws IOException {
            try {
                LineReader.Line line = in.next();
                return switch (line) {
                    case LineReader.Text text -> text.text().replace("\u0001", "\\x01");
                    case LineReader.TooLong tooLong -> "(a line of " + tooLong.bytes() + " bytes)";
                    case LineReader.End _ -> {
                        closed = true;
                        yield EOF;
                    }
                };
            } catch (SocketTimeoutException e) {
                return "(nothing within 10 s)";
            } catch (IOException e) {
                closed = true;
                return EOF;
            }
        }
    }
}
