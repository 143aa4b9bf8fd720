package dev.keel.kv.server;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link KvServer} listens and what it accepts from clients. Immutable; build with {@link #builder()}, derive
 * with {@link #toBuilder()}.
 *
 * <p>The limits bound what one client can make the server hold in memory; every one is checked while reading, before
 * the bytes it announces are allocated. Their defaults are Redis's.
 *
 * @param bindAddress the address to listen on; default 127.0.0.1 (loopback only)
 * @param port the TCP port; 0 (the default) takes any free port, which {@link KvServer#port()} then reports
 * @param maxBulkLength the longest bulk string a request may carry; default 512 MiB, Redis's {@code proto-max-bulk-len}.
 *     Values longer than the store's {@code maxValueSize} are read, then refused with an error that names both sizes.
 * @param maxMultibulkLength the most arguments one request may have; default 1048576
 * @param maxInlineLength the longest inline command line ({@code nc}, telnet), and the longest {@code *} or
 *     {@code $} header line; default 64 KiB, Redis's {@code PROTO_INLINE_MAX_SIZE}
 * @param maxRequestBytes the most bulk bytes one request may carry in total; default 1 GiB, Redis's
 *     {@code client-query-buffer-limit}
 * @param maxClients the most connections served at once; default 10000, Redis's {@code maxclients}. Connection
 *     10001 is told {@code -ERR max number of clients reached} and closed.
 * @param eventLoops how many event loops (threads with a selector each) serve the connections, or
 *     {@link #AUTOMATIC_EVENT_LOOPS} (the default): one when SET batches are committed on the loop under
 *     {@code SyncPolicy.ALWAYS} (every client's writes then share each force, as in Redis: 83,000-88,000 fsynced SETs
 *     a second against 70,000-72,000 with two loops, whose forces ran one after the other, on a quiet 2-core
 *     machine), otherwise one fewer than the available processors, and at least one: the kernel's network stack, the
 *     store's background threads and the collector need a core too, as Redis's guidance for its I/O threads says ("if
 *     you have a four cores boxes, try to use 2 or 3 I/O threads"). On a quiet 2-core machine, with redis-benchmark
 *     {@code -P 16 -c 50} on the same cores, one loop served 1.07-1.13 million pipelined SETs and 1.55-1.62 million GETs
 *     a second where two served 0.99-1.00 and 1.02-1.25 million (three alternating pairs, session 6; in session 4,
 *     before the loop-wide SET batch, two had been faster for SETs).
 * @param commitOnLoop under {@code SyncPolicy.ALWAYS}, whether an event loop writes its batch of SETs itself, waiting
 *     for the force as Redis's {@code beforeSleep} does (default true), or hands it to a worker and goes on serving
 *     (false). On a dedicated 2-core machine on the loop did 67,000-70,000 fsynced SETs a second at 10.6-11.4 us of
 *     CPU each, handed off 54,000-59,000 at 16-17.5 us; with the CPU and the disk shared by other jobs (load average
 *     20) handing off did 19,000-21,000 and on the loop 3,400-5,000, so a server that shares its machine should turn
 *     this off. Other writes (INCR, DEL, a SET with options) always run on workers.
 */
public record KvServerOptions(
        InetAddress bindAddress,
        int port,
        int maxBulkLength,
        int maxMultibulkLength,
        int maxInlineLength,
        long maxRequestBytes,
        int maxClients,
        int eventLoops,
        boolean commitOnLoop) {

    /** {@link #eventLoops()}'s default: the server chooses (see there). */
    public static final int AUTOMATIC_EVENT_LOOPS = 0;

    public KvServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port (" + port + ") must be in [0, 65535]; 0 takes any free port");
        }
        requirePositive("maxBulkLength", maxBulkLength);
        requirePositive("maxMultibulkLength", maxMultibulkLength);
        requirePositive("maxInlineLength", maxInlineLength);
        requirePositive("maxRequestBytes", maxRequestBytes);
        requirePositive("maxClients", maxClients);
        if (eventLoops < 0) {
            throw new IllegalArgumentException(
                    "eventLoops (" + eventLoops + ") must be positive, or " + AUTOMATIC_EVENT_LOOPS + " (automatic)");
        }
    }

    /** The defaults: 127.0.0.1, any free port, Redis's limits. */
    public static KvServerOptions defaults() {
        return builder().build();
    }

    /** A builder holding the defaults; each option may be set once. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options; each option may be changed once. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.bindAddress = bindAddress;
        builder.port = port;
        builder.maxBulkLength = maxBulkLength;
        builder.maxMultibulkLength = maxMultibulkLength;
        builder.maxInlineLength = maxInlineLength;
        builder.maxRequestBytes = maxRequestBytes;
        builder.maxClients = maxClients;
        builder.eventLoops = eventLoops;
        builder.commitOnLoop = commitOnLoop;
        return builder;
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must be positive");
        }
    }

    /** Builds {@link KvServerOptions}; setting an option twice fails at once. Not thread-safe. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private int maxBulkLength = 512 << 20;
        private int maxMultibulkLength = 1024 * 1024;
        private int maxInlineLength = 64 << 10;
        private long maxRequestBytes = 1L << 30;
        private int maxClients = 10_000;
        private int eventLoops = AUTOMATIC_EVENT_LOOPS;
        private boolean commitOnLoop = true;
        private final Set<String> set = new HashSet<>();

        private Builder() {}

        public Builder bindAddress(InetAddress address) {
            once("bindAddress");
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        public Builder port(int port) {
            once("port");
            this.port = port;
            return this;
        }

        public Builder maxBulkLength(int bytes) {
            once("maxBulkLength");
            this.maxBulkLength = bytes;
            return this;
        }

        public Builder maxMultibulkLength(int arguments) {
            once("maxMultibulkLength");
            this.maxMultibulkLength = arguments;
            return this;
        }

        public Builder maxInlineLength(int bytes) {
            once("maxInlineLength");
            this.maxInlineLength = bytes;
            return this;
        }

        public Builder maxRequestBytes(long bytes) {
            once("maxRequestBytes");
            this.maxRequestBytes = bytes;
            return this;
        }

        public Builder maxClients(int clients) {
            once("maxClients");
            this.maxClients = clients;
            return this;
        }

        public Builder eventLoops(int loops) {
            once("eventLoops");
            this.eventLoops = loops;
            return this;
        }

        public Builder commitOnLoop(boolean onLoop) {
            once("commitOnLoop");
            this.commitOnLoop = onLoop;
            return this;
        }

        public KvServerOptions build() {
            return new KvServerOptions(
                    bindAddress,
                    port,
                    maxBulkLength,
                    maxMultibulkLength,
                    maxInlineLength,
                    maxRequestBytes,
                    maxClients,
                    eventLoops,
                    commitOnLoop);
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set on this builder");
            }
        }
    }
}
