package dev.keel.chat;

import dev.keel.ratelimit.Limit;
import dev.keel.time.Ticker;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ChatServer} listens, names itself and protects itself. Immutable; {@link #defaults()} or
 * {@link #builder()}, {@link #toBuilder()} for variants.
 *
 * @param bindAddress the address to listen on; default 127.0.0.1
 * @param port the TCP port; 0 (the default) takes any free port, which {@link ChatServer#port()} reports
 * @param serverName the server's name in prefixes and replies; default {@code irc.keel.local}
 * @param networkName the network in 001 and ISUPPORT {@code NETWORK}; default {@code keel}
 * @param motd the message of the day, one entry per line; empty (the default) answers MOTD with 422
 * @param password the connection password clients must send with PASS, or null (the default) for none
 * @param floodControl whether each client's commands are rate-limited; default on ({@code --flood off} for benchmarks)
 * @param floodLimit the per-client rate: default one command per 2 s with a burst of 10 (RFC 1459 section 8.10 allows
 *     about 5: a 10 s penalty window at 2 s a message; this is no stricter)
 * @param floodBacklogBytes how many unread bytes a throttled client may have waiting before it is disconnected for
 *     flooding ({@code Excess Flood}); default 8 KiB
 * @param sendQueueBytes each client's send queue; a client whose queue would exceed it is disconnected
 *     ({@code SendQ exceeded}); default 64 KiB
 * @param pingInterval how long a client may be silent before the server PINGs it; default 90 s
 * @param pingTimeout how long after that PING the client has to answer before it is disconnected; default 60 s
 * @param historySize how many messages per channel are kept and replayed to a joining client; default 20, 0 for none
 * @param maxClients the most connections at once; default 20000
 * @param maxChannelsPerClient the most channels one client may be in ({@code CHANLIMIT}); default 50
 * @param ticker elapsed time, for keepalive, flood-control delays and write coalescing (the event loops' timers read
 *     it, so a fake ticker makes them run only when a test says); default the system's
 * @param clock timestamps (003, 329, 333, history); default the system's
 * @param writeCoalescing the length of an event loop's write rounds: a client gets at most one socket write per round,
 *     so a line queued after its write in the open round waits for the round's end, with every line queued meanwhile
 *     (a busy client costs one system call per round instead of one per line), while a client's first line after a
 *     quiet spell is written at once; default 40 ms (a busy client's line waits at most that), zero for a write per
 *     event-loop iteration
 */
public record ChatConfig(
        InetAddress bindAddress,
        int port,
        String serverName,
        String networkName,
        List<String> motd,
        @Nullable String password,
        boolean floodControl,
        Limit floodLimit,
        int floodBacklogBytes,
        int sendQueueBytes,
        Duration pingInterval,
        Duration pingTimeout,
        int historySize,
        int maxClients,
        int maxChannelsPerClient,
        Ticker ticker,
        InstantSource clock,
        Duration writeCoalescing) {

    /** Validates; every message names the value and what was expected. */
    public ChatConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port (" + port + ") must be in [0, 65535]; 0 takes any free port");
        }
        if (serverName.isEmpty() || !serverName.matches("[A-Za-z0-9.-]+") || !serverName.contains(".")) {
            throw new IllegalArgumentException(
                    "serverName '" + serverName + "' (expected a host name with a dot, such as irc.keel.local)");
        }
        if (networkName.isEmpty() || !networkName.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException(
                    "networkName '" + networkName + "' (expected letters, digits, '.', '-')");
        }
        motd = List.copyOf(motd);
        for (String line : motd) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0 || line.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("motd line '" + line + "' must not hold CR, LF or NUL");
            }
        }
        if (password != null && (password.isEmpty() || password.contains(" "))) {
            throw new IllegalArgumentException("password must be non-empty without spaces (or null for none)");
        }
        Objects.requireNonNull(floodLimit, "floodLimit");
        requirePositive("floodBacklogBytes", floodBacklogBytes);
        requirePositive("sendQueueBytes", sendQueueBytes);
        if (sendQueueBytes < 1024) {
            throw new IllegalArgumentException("sendQueueBytes (" + sendQueueBytes + ") must be at least 1024");
        }
        requirePositive("pingInterval", pingInterval);
        requirePositive("pingTimeout", pingTimeout);
        if (historySize < 0 || historySize > 10_000) {
            throw new IllegalArgumentException("historySize (" + historySize + ") must be in [0, 10000]");
        }
        requirePositive("maxClients", maxClients);
        requirePositive("maxChannelsPerClient", maxChannelsPerClient);
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(clock, "clock");
        if (writeCoalescing.isNegative() || writeCoalescing.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("writeCoalescing (" + writeCoalescing + ") must be in [0, 1 s]");
        }
    }

    /** 127.0.0.1, any free port, flood control on, the defaults above. */
    public static ChatConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings; each may be changed once. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.port = port;
        b.serverName = serverName;
        b.networkName = networkName;
        b.motd = motd;
        b.password = password;
        b.floodControl = floodControl;
        b.floodLimit = floodLimit;
        b.floodBacklogBytes = floodBacklogBytes;
        b.sendQueueBytes = sendQueueBytes;
        b.pingInterval = pingInterval;
        b.pingTimeout = pingTimeout;
        b.historySize = historySize;
        b.maxClients = maxClients;
        b.maxChannelsPerClient = maxChannelsPerClient;
        b.ticker = ticker;
        b.clock = clock;
        b.writeCoalescing = writeCoalescing;
        return b;
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must be positive");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " (" + value + ") must be positive");
        }
    }

    /** Builds a {@link ChatConfig}; setting an option twice fails at once. Not thread-safe. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private String serverName = "irc.keel.local";
        private String networkName = "keel";
        private List<String> motd = List.of();
        private @Nullable String password;
        private boolean floodControl = true;
        private Limit floodLimit = new Limit(1, Duration.ofSeconds(2), 10);
        private int floodBacklogBytes = 8 << 10;
        private int sendQueueBytes = 64 << 10;
        private Duration pingInterval = Duration.ofSeconds(90);
        private Duration pingTimeout = Duration.ofSeconds(60);
        private int historySize = 20;
        private int maxClients = 20_000;
        private int maxChannelsPerClient = 50;
        private Ticker ticker = Ticker.system();
        private InstantSource clock = InstantSource.system();
        private Duration writeCoalescing = Duration.ofMillis(40);
        private final Set<String> set = new HashSet<>();

        private Builder() {}

        public Builder bindAddress(InetAddress address) {
            once("bindAddress");
            bindAddress = address;
            return this;
        }

        public Builder port(int port) {
            once("port");
            this.port = port;
            return this;
        }

        public Builder serverName(String name) {
            once("serverName");
            serverName = name;
            return this;
        }

        public Builder networkName(String name) {
            once("networkName");
            networkName = name;
            return this;
        }

        public Builder motd(List<String> lines) {
            once("motd");
            motd = lines;
            return this;
        }

        public Builder password(@Nullable String password) {
            once("password");
            this.password = password;
            return this;
        }

        public Builder floodControl(boolean on) {
            once("floodControl");
            floodControl = on;
            return this;
        }

        public Builder floodLimit(Limit limit) {
            once("floodLimit");
            floodLimit = limit;
            return this;
        }

        public Builder floodBacklogBytes(int bytes) {
            once("floodBacklogBytes");
            floodBacklogBytes = bytes;
            return this;
        }

        public Builder sendQueueBytes(int bytes) {
            once("sendQueueBytes");
            sendQueueBytes = bytes;
            return this;
        }

        public Builder pingInterval(Duration interval) {
            once("pingInterval");
            pingInterval = interval;
            return this;
        }

        public Builder pingTimeout(Duration timeout) {
            once("pingTimeout");
            pingTimeout = timeout;
            return this;
        }

        public Builder historySize(int messages) {
            once("historySize");
            historySize = messages;
            return this;
        }

        public Builder maxClients(int clients) {
            once("maxClients");
            maxClients = clients;
            return this;
        }

        public Builder maxChannelsPerClient(int channels) {
            once("maxChannelsPerClient");
            maxChannelsPerClient = channels;
            return this;
        }

        public Builder ticker(Ticker ticker) {
            once("ticker");
            this.ticker = ticker;
            return this;
        }

        public Builder clock(InstantSource clock) {
            once("clock");
            this.clock = clock;
            return this;
        }

        public Builder writeCoalescing(Duration interval) {
            once("writeCoalescing");
            writeCoalescing = interval;
            return this;
        }

        public ChatConfig build() {
            return new ChatConfig(
                    bindAddress,
                    port,
                    serverName,
                    networkName,
                    motd,
                    password,
                    floodControl,
                    floodLimit,
                    floodBacklogBytes,
                    sendQueueBytes,
                    pingInterval,
                    pingTimeout,
                    historySize,
                    maxClients,
                    maxChannelsPerClient,
                    ticker,
                    clock,
                    writeCoalescing);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set on this builder");
            }
        }
    }
}
