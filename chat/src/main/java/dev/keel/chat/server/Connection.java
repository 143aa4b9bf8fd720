package dev.keel.chat.server;

import dev.keel.chat.protocol.IrcParser;
import dev.keel.chat.protocol.LineReader;
import dev.keel.chat.protocol.Numeric;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's connection: a reader thread that reads, parses, throttles and runs its commands in order, and a writer
 * thread that drains its send queue into the socket.
 *
 * <p>How it is designed, and why: a virtual thread per direction keeps the protocol code sequential (read a line, run
 * it) and costs a few kilobytes per idle client, so ten thousand clients need no event loop. The two directions are
 * separate because they must not wait for each other: a reader blocked by flood control must still receive channel
 * traffic, and a writer blocked on a client that does not read must not stop the server from reading (and noticing
 * the client is gone). The reader owns the client's lifetime: it alone runs {@link Hub#disconnect}, after its loop
 * ends for any reason (QUIT, end of stream, a read error, flooding, or another thread's {@link Client#abort}, which
 * shuts the socket's input down to end the blocked read). Disconnection closes the send queue behind an
 * {@code ERROR} line; the writer writes it and closes the socket. If the writer cannot (the client stopped reading),
 * the server's sweep closes the socket after a grace period.
 *
 * <p>Thread-safe where it is shared ({@link #forceClose}, {@link #readerDone}); the rest is confined to its threads.
 */
final class Connection {

    private final Socket socket;
    private final Hub hub;
    private final Dispatcher dispatcher;
    private final Client client;
    private final FloodGate flood;
    private final Thread reader;
    private final Thread writer;
    private final AtomicInteger running = new AtomicInteger(2);
    private final Runnable onFinished;
    private volatile boolean readerDone;

    Connection(long id, Socket socket, Hub hub, Dispatcher dispatcher, Runnable onFinished) {
        this.socket = socket;
        this.hub = hub;
        this.dispatcher = dispatcher;
        this.onFinished = onFinished;
        SendQueue queue = new SendQueue(hub.config().sendQueueBytes());
        this.client = new Client(
                id,
                socket.getInetAddress().getHostAddress(),
                queue,
                this::wakeReader,
                hub.config().clock(),
                hub.nanos());
        this.flood = new FloodGate(hub.config());
        this.reader = Thread.ofVirtual().name("keel-chat-conn-" + id).unstarted(this::read);
        this.writer = Thread.ofVirtual().name("keel-chat-send-" + id).unstarted(this::write);
    }

    void start() {
        hub.connectionOpened();
        writer.start();
        reader.start();
    }

    Client client() {
        return client;
    }

    boolean readerDone() {
        return readerDone;
    }

    List<Thread> threads() {
        return List.of(reader, writer);
    }

    /** Closes the socket now, whatever is queued: for a writer stuck on a client that does not read. */
    void forceClose() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort: both threads end when their next socket call fails.
        }
    }

    private void wakeReader() {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            // The socket is closed already, so the reader's blocked read has failed and it is ending.
        }
    }

    private void read() {
        try {
            LineReader lines = new LineReader(socket.getInputStream());
            Registration registration = dispatcher.registration(client);
            while (client.quitReason() == null) {
                switch (lines.next()) {
                    case LineReader.End _ -> client.quit("Connection closed");
                    case LineReader.TooLong _ -> {
                        client.touch(hub.nanos());
                        hub.reply(client, Numeric.ERR_INPUTTOOLONG);
                    }
                    case LineReader.Text text -> {
                        client.touch(hub.nanos());
                        handle(text.text(), registration, lines);
                    }
                }
            }
        } catch (IOException e) {
            client.quit("Read error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.quit("Server shutting down");
        } finally {
            try {
                hub.disconnect(client);
            } finally {
                client.closedAt(hub.nanos());
                readerDone = true;
                finished();
            }
        }
    }

    private void handle(String text, Registration registration, LineReader lines)
            throws IOException, InterruptedException {
        switch (IrcParser.parse(text)) {
            case IrcParser.Malformed malformed ->
                hub.replyText(client, Numeric.ERR_UNKNOWNERROR, "*", malformed.reason());
            case IrcParser.Parsed parsed -> {
                Command command = CommandParser.parse(parsed.message());
                if (client.registered() && !(command instanceof Command.Pong) && !flood.admit(client, lines)) {
                    client.quit("Excess Flood");
                    return;
                }
                if (client.quitReason() == null) {
                    dispatcher.dispatch(client, registration, command);
                }
            }
        }
    }

    private void write() {
        try (socket) {
            // The default buffer starts at 512 bytes and grows to 8 KiB only for a client that gets that much at once.
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            new SendLoop(
                            client.queue(),
                            out,
                            hub.config().ticker(),
                            hub.config().sleeper(),
                            hub.config().writeCoalescing().toNanos())
                    .run();
        } catch (IOException e) {
            client.abort("Write error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.abort("Server shutting down");
        } finally {
            finished();
        }
    }

    private void finished() {
        if (running.decrementAndGet() == 0) {
            onFinished.run();
        }
    }
}
