package dev.keel.bench.chat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Many IRC clients on one NIO selector, on the calling thread: the load generator's engine.
 *
 * <p>How it is designed, and why: one thread and one selector drive every connection, so the generator costs one
 * processor however many clients it simulates, and it allocates only per line sent (no per-line allocation on
 * receive: lines are scanned in the read buffer). A message carries the time it was <em>scheduled</em> to be sent
 * ({@code PRIVMSG #ch :t=NANOS}), so latency is measured from the schedule, not from when the generator got round to
 * sending it (no coordinated omission). Receivers answer PING. Not thread-safe: one thread.
 */
final class LoadClients implements AutoCloseable {

    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer in;
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        String nick = "*";
        boolean registered;
        boolean joined;
        SelectionKey key;

        Conn(SocketChannel channel, int bufferBytes) {
            this.channel = channel;
            this.in = ByteBuffer.allocateDirect(bufferBytes);
        }
    }

    private final Selector selector;
    private final List<Conn> conns = new ArrayList<>();
    final Histogram latency = new Histogram(60_000_000_000L, 3);
    long delivered;
    private boolean recording;
    private int registered;
    private int joined;

    private final int bufferBytes;

    /** Clients that read into {@code bufferBytes} each: 256 KiB for fan-out load, a few KiB for idle clients. */
    LoadClients(int bufferBytes) throws IOException {
        this.bufferBytes = bufferBytes;
        selector = Selector.open();
    }

    int size() {
        return conns.size();
    }

    /**
     * Connects {@code count} clients and registers them as PREFIX0, PREFIX1, ...; returns when all have 001. Client i
     * connects from 127.0.0.(2 + i % sources), because servers throttle connections per source address (ngIRCd
     * accepts about 2 a second from one address once a few hundred are open); 127.0.0.0/8 is all loopback on Linux.
     */
    void connect(InetSocketAddress address, int count, String prefix, int sources, long timeoutNanos)
            throws IOException {
        if (sources < 1 || sources > 250) {
            throw new IllegalArgumentException("sources (" + sources + ") must be in [1, 250]");
        }
        int first = conns.size();
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            int source = 2 + (first + i) % sources;
            channel.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) source}), 0));
            channel.connect(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Conn conn = new Conn(channel, bufferBytes);
            conn.key = channel.register(selector, SelectionKey.OP_READ, conn);
            conns.add(conn);
            String nick = prefix + (first + i);
            conn.nick = nick;
            send(conn, "NICK " + nick + "\r\nUSER " + nick + " 0 * :load\r\n");
            poll(0);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (registered < conns.size()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + registered + " of " + conns.size() + " clients registered in time");
            }
            poll(10);
        }
    }

    /** Client i joins {@code #load(i % channels)}; returns when every JOIN is answered. */
    void joinAll(int channels, long timeoutNanos) throws IOException {
        for (int i = 0; i < conns.size(); i++) {
            send(conns.get(i), "JOIN #load" + (i % channels) + "\r\n");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (joined < conns.size()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + joined + " of " + conns.size() + " clients joined in time");
            }
            poll(10);
        }
    }

    /**
     * Sends {@code rate} channel messages a second for {@code nanos}, from every client in turn to its channel, then
     * waits up to 3 s for the deliveries; returns the messages sent.
     */
    long fanOut(int channels, long rate, long nanos, boolean record) throws IOException {
        return drive(rate, nanos, record, conns.size() / channels - 1, sender -> "#load" + (sender % channels));
    }

    /** As {@link #fanOut}, but each client in turn messages the next client's nick: one delivery per message. */
    long nickToNick(long rate, long nanos, boolean record) throws IOException {
        return drive(rate, nanos, record, 1, sender -> conns.get((sender + 1) % conns.size()).nick);
    }

    private long drive(long rate, long nanos, boolean record, int recipients, IntFunction<String> target)
            throws IOException {
        latency.reset();
        delivered = 0;
        recording = record;
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        long next = start;
        long sent = 0;
        int sender = 0;
        while (System.nanoTime() - start < nanos) {
            long now = System.nanoTime();
            while (now - next >= 0) {
                Conn conn = conns.get(sender);
                send(conn, "PRIVMSG " + target.apply(sender) + " :t=" + next + "\r\n");
                sender = (sender + 1) % conns.size();
                next += interval;
                sent++;
            }
            poll(0);
        }
        long drain = System.nanoTime() + 3_000_000_000L;
        long expected = sent * recipients;
        while (delivered < expected && System.nanoTime() < drain) {
            poll(5);
        }
        recording = false;
        return sent;
    }

    private void send(Conn conn, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        if (conn.out.isEmpty()) {
            conn.channel.write(bytes);
            if (!bytes.hasRemaining()) {
                return;
            }
            conn.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
        conn.out.add(bytes);
    }

    private void poll(long millis) throws IOException {
        if (millis == 0) {
            selector.selectNow();
        } else {
            selector.select(millis);
        }
        for (SelectionKey key : selector.selectedKeys()) {
            Conn conn = (Conn) key.attachment();
            if (key.isValid() && key.isWritable()) {
                while (!conn.out.isEmpty()) {
                    ByteBuffer head = conn.out.peek();
                    conn.channel.write(head);
                    if (head.hasRemaining()) {
                        break;
                    }
                    conn.out.poll();
                }
                if (conn.out.isEmpty()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                read(conn);
            }
        }
        selector.selectedKeys().clear();
    }

    private void read(Conn conn) throws IOException {
        int n = conn.channel.read(conn.in);
        if (n < 0) {
            throw new IOException("the server closed a connection");
        }
        ByteBuffer in = conn.in;
        int start = 0;
        int limit = in.position();
        long now = System.nanoTime();
        for (int i = 0; i < limit; i++) {
            if (in.get(i) == '\n') {
                line(conn, in, start, i, now);
                start = i + 1;
            }
        }
        // Keep the partial line at the front.
        int rest = limit - start;
        for (int i = 0; i < rest; i++) {
            in.put(i, in.get(start + i));
        }
        in.position(rest);
    }

    private void line(Conn conn, ByteBuffer in, int from, int to, long now) throws IOException {
        if (to - from > 4 && in.get(from) == 'P' && in.get(from + 1) == 'I') {
            byte[] ping = new byte[to - from];
            in.get(from, ping);
            String text = new String(ping, StandardCharsets.US_ASCII).strip();
            send(conn, "PO" + text.substring(2) + "\r\n");
            return;
        }
        int space = indexOf(in, from, to, (byte) ' ');
        if (space < 0 || space + 4 > to) {
            return;
        }
        byte a = in.get(space + 1);
        byte b = in.get(space + 2);
        byte c = in.get(space + 3);
        if (a == 'P' && b == 'R' && c == 'I') {
            int t = indexOf(in, space, to, (byte) '=');
            if (t > 0 && in.get(t - 1) == 't') {
                long sentAt = 0;
                for (int i = t + 1; i < to; i++) {
                    byte d = in.get(i);
                    if (d < '0' || d > '9') {
                        if (d == '-') {
                            continue;
                        }
                        break;
                    }
                    sentAt = sentAt * 10 + (d - '0');
                }
                if (in.get(t + 1) == '-') {
                    sentAt = -sentAt;
                }
                delivered++;
                if (recording) {
                    latency.recordValue(Math.max(0, now - sentAt));
                }
            }
        } else if (a == '0' && b == '0' && c == '1' && !conn.registered) {
            conn.registered = true;
            registered++;
        } else if (a == '3' && b == '6' && c == '6' && !conn.joined) {
            conn.joined = true;
            joined++;
        }
    }

    private static int indexOf(ByteBuffer in, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (in.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        for (Conn conn : conns) {
            conn.channel.close();
        }
        selector.close();
    }
}
