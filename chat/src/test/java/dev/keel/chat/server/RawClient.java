package dev.keel.chat.server;

import dev.keel.chat.protocol.LineReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** A test's raw IRC connection: send lines, read lines, wait for a line. Not thread-safe. */
final class RawClient implements AutoCloseable {

    final Socket socket;
    private final OutputStream out;
    private final LineReader in;

    RawClient(IrcServer server) throws IOException {
        this(server, 0);
    }

    /** With {@code receiveBuffer > 0}, a small receive buffer, so that a client that does not read fills up soon. */
    RawClient(IrcServer server, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(server.address());
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        in = new LineReader(socket.getInputStream());
    }

    RawClient send(String... lines) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String line : lines) {
            all.append(line).append("\r\n");
        }
        out.write(all.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Registers as {@code nick} and reads up to the end of the welcome. */
    RawClient register(String nick) throws IOException {
        send("NICK " + nick, "USER " + nick + " 0 * :" + nick);
        await(line -> line.contains(" 422 ") || line.contains(" 376 "));
        return this;
    }

    RawClient join(String channel) throws IOException {
        send("JOIN " + channel);
        await(line -> line.contains(" 366 "));
        return this;
    }

    /** Reads lines until one matches; fails at the end of the stream. */
    String await(Predicate<String> wanted) throws IOException {
        while (true) {
            String line = next();
            if (line == null) {
                throw new AssertionError("the connection ended before the awaited line");
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** The next line, or null at the end of the stream (or a reset). */
    String next() throws IOException {
        try {
            return switch (in.next()) {
                case LineReader.Text text -> text.text();
                case LineReader.TooLong tooLong -> "(too long: " + tooLong.bytes() + ")";
                case LineReader.End _ -> null;
            };
        } catch (java.net.SocketException e) {
            return null;
        }
    }

    /** A PING round trip, returning every line before the PONG. */
    java.util.List<String> sync() throws IOException {
        send("PING :raw-sync");
        java.util.List<String> lines = new java.util.ArrayList<>();
        while (true) {
            String line = next();
            if (line == null || line.endsWith(":raw-sync")) {
                return lines;
            }
            lines.add(line);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
