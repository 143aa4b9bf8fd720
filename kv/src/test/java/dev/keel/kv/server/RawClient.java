package dev.keel.kv.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare RESP client over a real socket on 127.0.0.1, for byte-for-byte tests: sends exactly the bytes given and reads
 * replies as the raw bytes the server sent (ISO-8859-1 text). Reads time out after 30 s, so a server that never
 * answers fails the test instead of hanging it. Not thread-safe: one client per thread.
 */
final class RawClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Sends {@code text}'s ISO-8859-1 bytes, as one write. */
    RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends a command as a RESP array of bulk strings. */
    RawClient command(String... words) throws IOException {
        return send(encode(words));
    }

    /** A command's RESP encoding: an array of bulk strings. */
    static String encode(String... words) {
        StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            int length = word.getBytes(StandardCharsets.ISO_8859_1).length;
            request.append('$').append(length).append("\r\n").append(word).append("\r\n");
        }
        return request.toString();
    }

    /** Sends a command and reads its reply. */
    String call(String... words) throws IOException {
        command(words);
        return readReply();
    }

    /** Reads exactly {@code length} bytes. */
    String read(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed after " + bytes.length + " of " + length + " bytes: "
                    + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Reads one whole reply (nested arrays included) and returns its raw bytes. */
    String readReply() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        readReply(raw);
        return raw.toString(StandardCharsets.ISO_8859_1);
    }

    private void readReply(ByteArrayOutputStream raw) throws IOException {
        String line = readLine();
        raw.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        char type = line.charAt(0);
        if (type == '$' || type == '*') {
            long count = Long.parseLong(line.substring(1, line.length() - 2));
            if (type == '$' && count >= 0) {
                raw.writeBytes(read((int) count + 2).getBytes(StandardCharsets.ISO_8859_1));
            } else if (type == '*') {
                for (long i = 0; i < count; i++) {
                    readReply(raw);
                }
            }
        }
    }

    /** One line, CRLF included. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(
                        "connection closed in a reply line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            previous = b;
        }
    }

    /** Whether the server has closed the connection: true once a read sees the end of the stream (up to the timeout). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
