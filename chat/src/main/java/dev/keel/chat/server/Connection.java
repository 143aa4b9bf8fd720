package dev.keel.chat.server;

import dev.keel.chat.protocol.IrcMessage;
import dev.keel.chat.protocol.IrcParser;
import dev.keel.chat.protocol.LineReader;
import dev.keel.chat.protocol.LineSplitter;
import dev.keel.chat.protocol.Numeric;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One client's connection, owned by one {@link EventLoop}: reads what arrives, runs each complete command in order,
 * and writes what others queued for the client, with one {@code write} per loop iteration.
 *
 * <p>How it is designed, and why: the loop reads once each time the socket is readable (into the loop's buffer),
 * pushes the bytes into a {@link LineSplitter} and runs every complete line; a partial line stays in the splitter until
 * its end arrives. Flood control never blocks the loop: a command the {@link FloodGate} holds back is kept
 * ({@link #held}) and retried on a loop timer, and until then the connection runs nothing more but keeps reading, so a
 * client that piles up more than the flood backlog behind it is dropped for Excess Flood. Lines for the client wait in
 * its {@link SendQueue}, filled by whichever loop ran the command; when asked, {@link #flush} copies everything queued
 * (and what a partial write left behind) into the loop's write buffer and writes it with one system call. While a
 * write is partial the connection waits for {@code OP_WRITE} and nothing more is attempted; the queue's byte limit
 * disconnects a client that does not catch up ({@code SendQ exceeded}). Writes to a busy client are coalesced: a flush
 * asked for after a write in the loop's open {@link WriteRounds write round} waits for that round's end, unless a
 * quarter of the send queue's limit is waiting (then it is written at once, so coalescing never costs a fast reader
 * its connection).
 *
 * <p>Lifetime: the connection alone runs {@link Hub#disconnect} for its client, on its loop, once: after QUIT, the end
 * of the input, a read or write error, a flood, a ping timeout, or another thread's {@link Client#abort} (which posts
 * {@link #aborted} to this loop). Disconnection queues the {@code ERROR} line and closes the queue; the socket is
 * closed once that is written, or after {@link IrcServer#CLOSE_GRACE} if the client does not read.
 *
 * <p>Not thread-safe: confined to its event loop's thread (the queue's callback, which any thread may run, only asks
 * the loop to flush).
 */
final class Connection {

    private final long id;
    private final SocketChannel channel;
    private final EventLoop loop;
    private final Hub hub;
    private final Dispatcher dispatcher;
    private final Client client;
    private final SendQueue queue;
    private final FloodGate flood;
    private final Registration registration;
    private final LineSplitter lines = new LineSplitter();
    private final Runnable roundEnded = this::roundEnded;
    private final Runnable onClosed;
    private @Nullable SelectionKey key;

    private @Nullable Command held;
    private Timers.@Nullable Timer floodTimer;
    private Timers.@Nullable Timer graceTimer;
    private byte @Nullable [] pending;
    private boolean writeBlocked;
    /** The round of the last write ({@link WriteRounds}); other loops read it to decide whether to wake this one. */
    private volatile long writtenRound = WriteRounds.NEVER;
    /** Waiting for the open write round's end. */
    private boolean deferred;

    private boolean disconnected;
    private boolean closed;

    Connection(
            long id,
            SocketChannel channel,
            String host,
            EventLoop loop,
            Hub hub,
            Dispatcher dispatcher,
            Runnable onClosed) {
        this.id = id;
        this.channel = channel;
        this.loop = loop;
        this.hub = hub;
        this.dispatcher = dispatcher;
        this.onClosed = onClosed;
        this.queue = new SendQueue(hub.config().sendQueueBytes(), () -> loop.flushSoon(this));
        this.client = new Client(
                id, host, queue, () -> loop.execute(this::aborted), hub.config().clock(), hub.nanos());
        this.flood = new FloodGate(hub.config());
        this.registration = dispatcher.registration(client);
    }

    Client client() {
        return client;
    }

    /** Registers with {@code selector} for reads; on the loop's thread. */
    void register(Selector selector) throws IOException {
        key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** The selector found the socket ready for {@code readyOps}. */
    void ready(int readyOps) {
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            writeBlocked = false;
            interest(SelectionKey.OP_READ);
            write();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0 && !closed) {
            read();
        }
    }

    /** Writes what is queued, now or (if it wrote in the loop's open write round) when that round ends. */
    void flush() {
        if (closed || writeBlocked) {
            return;
        }
        if (!disconnected && loop.rounds().isOpen(writtenRound) && !queue.urgent()) {
            if (!deferred) {
                deferred = true;
                loop.rounds().defer(roundEnded);
            }
            return;
        }
        write();
    }

    /** The write round this connection waited for has ended: writes what is queued. */
    private void roundEnded() {
        deferred = false;
        flush();
    }

    /** The write round of the last write; any thread. */
    long writtenRound() {
        return writtenRound;
    }

    /** Whether a quarter of the send queue's limit is waiting, so that the next write should not wait; any thread. */
    boolean urgent() {
        return queue.urgent();
    }

    /** Another thread aborted the client (SendQ, shutdown): disconnect it here, on its own loop. */
    void aborted() {
        disconnect();
    }

    /** Keepalive at the loop's tick: PING a client idle for {@code interval}, drop one silent {@code timeout} after. */
    void keepalive(long now, long interval, long timeout) {
        if (disconnected) {
            return;
        }
        if (client.pingPending()) {
            if (now - client.pingSentNanos() >= timeout) {
                client.quit("Ping timeout: " + TimeUnit.NANOSECONDS.toSeconds(now - client.lastActivityNanos())
                        + " seconds");
                disconnect();
            }
        } else if (now - client.lastActivityNanos() >= interval && client.startPing(now)) {
            client.send(IrcMessage.text(null, "PING", hub.serverName()));
        }
    }

    /** The loop is stopping: disconnects the client if it is still here, then closes the socket whatever is queued. */
    void shutDown() {
        client.quit("Server shutting down");
        close();
    }

    /**
     * Closes the socket now, after disconnecting the client if that has not happened (so a connection dropped for any
     * reason, a bug included, leaves no nick or membership behind). Idempotent.
     */
    void close() {
        if (closed) {
            return;
        }
        if (!disconnected) {
            client.quit("Connection closed");
            disconnect();
        }
        closed = true;
        for (Timers.Timer timer : Arrays.asList(floodTimer, graceTimer)) {
            if (timer != null) {
                timer.cancel();
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is best effort: the socket is being abandoned either way.
        }
        loop.closed(this);
        onClosed.run();
    }

    @Override
    public String toString() {
        return "Connection[" + id + " " + client.prefix() + "]";
    }

    private void read() {
        ByteBuffer in = loop.readBuffer();
        int count;
        try {
            count = channel.read(in);
        } catch (IOException e) {
            client.quit("Read error: " + e.getMessage());
            disconnect();
            close();
            return;
        }
        if (count < 0) {
            client.quit("Connection closed");
            disconnect();
            write(); // the client may still read (a half-closed socket): one best-effort write of the ERROR line
            close();
            return;
        }
        if (disconnected || count == 0) {
            return; // after QUIT, the rest of the input is ignored
        }
        lines.feed(in.flip());
        if (held != null) {
            if (flood.flooding(lines.buffered())) {
                client.quit("Excess Flood");
                disconnect();
            }
            return;
        }
        runLines();
    }

    /** Runs complete lines until none is left, a command is held back, or the client is leaving. */
    private void runLines() {
        while (held == null && client.quitReason() == null) {
            LineReader.Line line = lines.poll();
            if (line == null) {
                break;
            }
            client.touch(hub.nanos());
            switch (line) {
                case LineReader.TooLong _ -> hub.reply(client, Numeric.ERR_INPUTTOOLONG);
                case LineReader.Text text -> handle(text.text());
                case LineReader.End _ -> client.quit("Connection closed");
            }
        }
        if (client.quitReason() != null) {
            disconnect();
        }
    }

    private void handle(String text) {
        switch (IrcParser.parse(text)) {
            case IrcParser.Malformed malformed ->
                hub.replyText(client, Numeric.ERR_UNKNOWNERROR, "*", malformed.reason());
            case IrcParser.Parsed parsed -> admit(CommandParser.parse(parsed.message()));
        }
    }

    /** Runs {@code command} now, or holds it back until flood control lets it run. */
    private void admit(Command command) {
        if (client.registered() && !(command instanceof Command.Pong)) {
            long delay = flood.delayNanos();
            if (delay > 0) {
                if (flood.flooding(lines.buffered())) {
                    client.quit("Excess Flood");
                    return;
                }
                held = command;
                floodTimer = loop.timers().schedule(loop.nanos() + delay, this::release);
                return;
            }
        }
        dispatcher.dispatch(client, registration, command);
    }

    /** The flood delay is over: runs the held command (if the gate agrees) and carries on with the lines after it. */
    private void release() {
        floodTimer = null;
        Command waiting = held;
        if (waiting == null || disconnected) {
            return;
        }
        held = null;
        admit(waiting);
        runLines();
    }

    /** Runs {@link Hub#disconnect} once, then writes the closing line (or gives the client a grace period to read it). */
    private void disconnect() {
        if (disconnected) {
            return;
        }
        disconnected = true;
        held = null;
        hub.disconnect(client);
        client.closedAt(hub.nanos());
        graceTimer = loop.timers().schedule(loop.nanos() + IrcServer.CLOSE_GRACE.toNanos(), this::close);
    }

    /** One write of what a partial write left and what is queued; closes once the queue is closed and written. */
    private void write() {
        if (closed) {
            return;
        }
        ByteBuffer out = loop.writeBuffer();
        byte[] left = pending;
        if (left != null) {
            out.put(left);
            pending = null;
        }
        queue.drainInto(out);
        out.flip();
        if (!out.hasRemaining()) {
            closeIfDone();
            return;
        }
        long now = loop.nanos();
        int count;
        try {
            count = channel.write(out);
        } catch (IOException e) {
            client.quit("Write error: " + e.getMessage());
            disconnect();
            close();
            return;
        }
        writtenRound = loop.rounds().wrote(now);
        queue.written(count);
        if (out.hasRemaining()) {
            byte[] rest = new byte[out.remaining()];
            out.get(rest);
            pending = rest;
            writeBlocked = true;
            interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else if (queue.hasLines()) {
            loop.flushSoon(this); // more than one write buffer was queued: the rest goes next iteration
        } else {
            closeIfDone();
        }
    }

    private void closeIfDone() {
        if (disconnected && pending == null && queue.isClosed() && !queue.hasLines()) {
            close();
        }
    }

    private void interest(int ops) {
        SelectionKey k = key;
        if (k != null && k.isValid() && k.interestOps() != ops) {
            k.interestOps(ops);
        }
    }
}
