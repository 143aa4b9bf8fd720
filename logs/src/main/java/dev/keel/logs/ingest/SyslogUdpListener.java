package dev.keel.logs.ingest;

import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Syslog over UDP (RFC 5426): one message per datagram. A receiving thread parses and queues; a batching thread
 * drains the queue into the aggregator, so a burst is ingested in a few large batches. UDP has no flow control: when
 * the bounded queue ({@value #QUEUE} entries) is full, messages are dropped and counted, as a kernel would.
 *
 * <p>Thread-safe; {@link #close()} stops both threads and ingests what was queued.
 */
public final class SyslogUdpListener implements AutoCloseable {

    static final int QUEUE = 65_536;
    private static final LogEntry STOP = new LogEntry(java.time.Instant.EPOCH, dev.keel.logs.LogLevel.INFO, "stop", "");

    private final DatagramSocket socket;
    private final LogAggregator aggregator;
    private final IngestErrors errors;
    private final InstantSource clock;
    private final BlockingQueue<LogEntry> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread receiver;
    private final Thread batcher;

    public SyslogUdpListener(
            LogAggregator aggregator, InetAddress bind, int port, IngestErrors errors, InstantSource clock)
            throws IOException {
        this.aggregator = aggregator;
        this.errors = errors;
        this.clock = clock;
        this.socket = new DatagramSocket(new InetSocketAddress(bind, port));
        this.socket.setReceiveBufferSize(4 << 20);
        this.receiver = Thread.ofPlatform()
                .name("keel-logs-syslog-udp-" + socket.getLocalPort())
                .start(this::receive);
        this.batcher = Thread.ofPlatform().name("keel-logs-syslog-udp-batcher").start(this::drain);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public long received() {
        return received.get();
    }

    /** Messages dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void receive() {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        RecentStrings recent = new RecentStrings();
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    errors.record("syslog-udp", "receive failed: " + e.getMessage(), "");
                }
                continue;
            }
            received.incrementAndGet();
            String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8).stripTrailing();
            try {
                if (!queue.offer(SyslogParser.parse(text, clock.instant(), recent))) {
                    dropped.incrementAndGet();
                }
            } catch (ParseException e) {
                errors.record("syslog-udp", e.getMessage(), text);
            }
        }
    }

    private void drain() {
        List<LogEntry> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, 4095);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                try {
                    aggregator.ingestAll(List.copyOf(batch));
                } catch (LogsException e) {
                    errors.record("syslog-udp", "ingest failed: " + e.getMessage(), "");
                }
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join();
            queue.put(STOP);
            batcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
