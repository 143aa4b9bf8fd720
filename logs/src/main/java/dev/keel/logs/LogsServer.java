package dev.keel.logs;

import dev.keel.logs.ingest.IngestErrors;
import dev.keel.logs.ingest.SyslogTcpListener;
import dev.keel.logs.ingest.SyslogUdpListener;
import dev.keel.logs.server.HttpApi;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The aggregator's network face: syslog over TCP and UDP (same port number) and the HTTP API.
 *
 * <pre>{@code
 * try (LogAggregator aggregator = LogAggregator.open(dir);
 *         LogsServer server = LogsServer.start(aggregator, LogsServer.Config.defaults())) {
 *     // logger --tcp --server 127.0.0.1 --port 5514 --rfc5424 "hello"
 *     // curl 'localhost:3100/query?q={source="root"}'
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the listeners (the aggregator stays open: its owner closes it).
 */
public final class LogsServer implements AutoCloseable {

    /**
     * Where to listen: the bind address, the syslog port (TCP and UDP; 0 picks a free one), the HTTP port (0 picks a
     * free one), the longest syslog message and the largest HTTP ingest body. Immutable.
     */
    public record Config(InetAddress bind, int syslogPort, int httpPort, int maxMessageBytes, int maxBodyBytes) {
        public Config {
            Objects.requireNonNull(bind, "bind");
            port("syslogPort", syslogPort);
            port("httpPort", httpPort);
            if (maxMessageBytes < 480 || maxMessageBytes > LogEntry.MAX_MESSAGE_LENGTH * 4) {
                throw new IllegalArgumentException("maxMessageBytes (" + maxMessageBytes + ") must be between 480 "
                        + "(RFC 5424's minimum) and " + LogEntry.MAX_MESSAGE_LENGTH * 4);
            }
            if (maxBodyBytes < 1024 || maxBodyBytes > 256 << 20) {
                throw new IllegalArgumentException(
                        "maxBodyBytes (" + maxBodyBytes + ") must be between 1 KiB and 256 MiB");
            }
        }

        private static void port(String name, int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(name + " (" + port + ") must be between 0 and 65535");
            }
        }

        /** 127.0.0.1, syslog 5514, HTTP 3100 (Loki's port), 64 KiB messages, 16 MiB bodies. */
        public static Config defaults() {
            return new Config(InetAddress.getLoopbackAddress(), 5514, 3100, 64 * 1024, 16 << 20);
        }

        /** Free ports on 127.0.0.1: for tests and demos. */
        public static Config ephemeral() {
            return new Config(InetAddress.getLoopbackAddress(), 0, 0, 64 * 1024, 16 << 20);
        }

        public Config withPorts(int syslog, int http) {
            return new Config(bind, syslog, http, maxMessageBytes, maxBodyBytes);
        }

        public Config withBind(InetAddress address) {
            return new Config(address, syslogPort, httpPort, maxMessageBytes, maxBodyBytes);
        }
    }

    private final IngestErrors errors = new IngestErrors();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final SyslogTcpListener tcp;
    private final SyslogUdpListener udp;
    private final HttpApi http;

    private LogsServer(LogAggregator aggregator, Config config) throws IOException {
        InstantSource clock = aggregator.options().clock();
        SyslogTcpListener tcpListener = null;
        SyslogUdpListener udpListener = null;
        try {
            // With port 0, TCP picks a free port and UDP takes the same number; retry if UDP's is taken.
            for (int attempt = 0; ; attempt++) {
                tcpListener = new SyslogTcpListener(
                        aggregator, config.bind(), config.syslogPort(), config.maxMessageBytes(), errors, clock);
                try {
                    udpListener = new SyslogUdpListener(aggregator, config.bind(), tcpListener.port(), errors, clock);
                    break;
                } catch (BindException e) {
                    tcpListener.close();
                    tcpListener = null;
                    if (config.syslogPort() != 0 || attempt == 10) {
                        throw e;
                    }
                }
            }
            SyslogTcpListener tcpFinal = tcpListener;
            SyslogUdpListener udpFinal = udpListener;
            this.http = new HttpApi(
                    aggregator,
                    new InetSocketAddress(config.bind(), config.httpPort()),
                    config.maxBodyBytes(),
                    errors,
                    clock,
                    Ticker.system(),
                    () -> counters(tcpFinal, udpFinal));
        } catch (IOException | RuntimeException e) {
            if (udpListener != null) {
                udpListener.close();
            }
            if (tcpListener != null) {
                tcpListener.close();
            }
            throw e;
        }
        this.tcp = tcpListener;
        this.udp = udpListener;
    }

    /** Starts listening; fails (with nothing left open) if a port is taken. */
    public static LogsServer start(LogAggregator aggregator, Config config) throws IOException {
        return new LogsServer(
                Objects.requireNonNull(aggregator, "aggregator"), Objects.requireNonNull(config, "config"));
    }

    private static Map<String, Long> counters(SyslogTcpListener tcp, SyslogUdpListener udp) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("syslogTcpReceived", tcp.received());
        counters.put("syslogUdpReceived", udp.received());
        counters.put("syslogUdpDropped", udp.dropped());
        return counters;
    }

    /** The syslog port (TCP and UDP). */
    public int syslogPort() {
        return tcp.port();
    }

    /** The HTTP API's port. */
    public int httpPort() {
        return http.port();
    }

    /** Malformed input seen so far, across listeners. */
    public long malformed() {
        return errors.malformed();
    }

    /** Syslog messages received over TCP and UDP (well-formed or not). */
    public long syslogReceived() {
        return tcp.received() + udp.received();
    }

    /** Blocks until {@link #close()} has run (from another thread: a shutdown hook, a test). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the HTTP API and the syslog listeners; UDP messages already queued are ingested first. Idempotent. */
    @Override
    public void close() throws IOException {
        try {
            http.close();
            try {
                tcp.close();
            } finally {
                udp.close();
            }
        } finally {
            closed.countDown();
        }
    }
}
