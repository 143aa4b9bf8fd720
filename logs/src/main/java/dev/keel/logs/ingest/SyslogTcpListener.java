package dev.keel.logs.ingest;

import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Syslog over TCP: one virtual thread per connection, both RFC 6587 framings ({@link SyslogFramer}). A connection's
 * messages are ingested in batches of whatever has arrived (up to {@value #MAX_BATCH}), so one force covers many
 * messages and a fast sender is slowed by TCP's own flow control, not by dropping. A malformed message is counted
 * and sampled and the connection carries on; a failing connection never affects the others.
 *
 * <p>Thread-safe; {@link #close()} stops accepting, closes every connection and waits for the acceptor.
 */
public final class SyslogTcpListener implements AutoCloseable {

    static final int MAX_BATCH = 1024;

    private final ServerSocket server;
    private final LogAggregator aggregator;
    private final IngestErrors errors;
    private final InstantSource clock;
    private final int maxMessage;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final Thread acceptor;

    public SyslogTcpListener(
            LogAggregator aggregator,
            InetAddress bind,
            int port,
            int maxMessage,
            IngestErrors errors,
            InstantSource clock)
            throws IOException {
        this.aggregator = aggregator;
        this.errors = errors;
        this.clock = clock;
        this.maxMessage = maxMessage;
        this.server = new ServerSocket(port, 512, bind);
        this.acceptor = Thread.ofPlatform()
                .name("keel-logs-syslog-tcp-" + server.getLocalPort())
                .start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages parsed so far (accepted, rejected by the window, or not). */
    public long received() {
        return received.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread.ofVirtual().name("keel-logs-syslog-conn").start(() -> serve(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    errors.record("syslog-tcp", "accept failed: " + e.getMessage(), "");
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = socket.getInputStream()) {
            SyslogFramer framer = new SyslogFramer(in, maxMessage);
            SyslogBytesParser parser = new SyslogBytesParser(new RecentStrings());
            List<LogEntry> batch = new ArrayList<>();
            SyslogFramer.Frame frame;
            while ((frame = framer.nextUndecoded()) != null) {
                accept(frame, framer, parser, batch);
                // Take every frame already buffered, then ingest them together before reading (and perhaps waiting).
                while (batch.size() < MAX_BATCH && framer.hasCompleteFrame()) {
                    SyslogFramer.Frame more = framer.nextUndecoded();
                    if (more == null) {
                        break;
                    }
                    accept(more, framer, parser, batch);
                }
                flush(batch);
            }
            flush(batch);
        } catch (SocketException e) {
            // the peer reset the connection, or close() closed it: nothing to report
        } catch (IOException e) {
            errors.record("syslog-tcp", "connection failed: " + e.getMessage(), "");
        } catch (LogsException e) {
            errors.record("syslog-tcp", "ingest failed: " + e.getMessage(), "");
        } finally {
            connections.remove(socket);
        }
    }

    /** Parses a frame straight from the framer's buffer (no {@code String} per message unless it is malformed). */
    private void accept(SyslogFramer.Frame frame, SyslogFramer framer, SyslogBytesParser parser, List<LogEntry> batch) {
        switch (frame) {
            case SyslogFramer.InBuffer() -> {
                received.incrementAndGet();
                byte[] buffer = framer.buffer();
                int from = framer.messageFrom();
                int to = framer.messageTo();
                try {
                    batch.add(parser.parse(buffer, from, to, clock));
                } catch (ParseException e) {
                    errors.record(
                            "syslog-tcp", e.getMessage(), new String(buffer, from, to - from, StandardCharsets.UTF_8));
                }
            }
            case SyslogFramer.Message message ->
                throw new IllegalStateException("nextUndecoded() returned a decoded message: " + message);
            case SyslogFramer.Bad(String reason, String sample) -> errors.record("syslog-tcp", reason, sample);
        }
    }

    private void flush(List<LogEntry> batch) {
        if (!batch.isEmpty()) {
            aggregator.ingestAll(List.copyOf(batch));
            batch.clear();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
