package dev.keel.chat.server;

import dev.keel.chat.protocol.IrcMessage;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One connected client as the rest of the server sees it: its identity (nick, user, host), its channels, its send
 * queue, and what keepalive and disconnection need.
 *
 * <p>How it is designed, and why: everything that only the connection itself changes during registration lives in
 * {@code Registration}, confined to the connection's thread; what other connections read (the nick for a prefix, the
 * away message for WHOIS, the channels for WHOIS) is here, in volatile fields or concurrent sets, so that a message to
 * this client never takes a lock other than its send queue's. A client is never removed by another thread directly:
 * another thread may only {@link #abort} it (a reason, and a task posted to the client's event loop), and that loop then runs the
 * whole disconnection (leave every channel, free the nick, tell the peers), so that cleanup has one author and no
 * lock ordering to get wrong.
 *
 * <p>Thread-safe.
 */
final class Client {

    private final long id;
    private final String host;
    private final SendQueue queue;
    private final Runnable wakeReader;
    private final InstantSource clock;
    private final Instant signon;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final AtomicReference<@Nullable String> quitReason = new AtomicReference<>();
    private final AtomicBoolean pingPending = new AtomicBoolean();

    private volatile @Nullable String nick;
    private volatile String user = "*";
    private volatile String realname = "";
    private volatile boolean registered;
    private volatile @Nullable String away;
    private volatile boolean invisible;
    private volatile boolean multiPrefix;
    private volatile boolean serverTime;
    private volatile long lastActivityNanos;
    private volatile long pingSentNanos;
    private volatile long closedAtNanos;

    Client(long id, String host, SendQueue queue, Runnable wakeReader, InstantSource clock, long nowNanos) {
        this.id = id;
        this.clock = clock;
        this.host = host;
        this.queue = queue;
        this.wakeReader = wakeReader;
        this.signon = clock.instant();
        this.lastActivityNanos = nowNanos;
    }

    long id() {
        return id;
    }

    String host() {
        return host;
    }

    Instant signon() {
        return signon;
    }

    /** The nick, or {@code *} before one was accepted: what replies address. */
    String nick() {
        String current = nick;
        return current == null ? "*" : current;
    }

    @Nullable
    String nickOrNull() {
        return nick;
    }

    void nick(String nick) {
        this.nick = nick;
    }

    String user() {
        return user;
    }

    String realname() {
        return realname;
    }

    void user(String user, String realname) {
        this.user = user;
        this.realname = realname;
    }

    /** {@code nick!user@host}: the source of what this client says. */
    String prefix() {
        return nick() + "!" + user + "@" + host;
    }

    boolean registered() {
        return registered;
    }

    void markRegistered() {
        registered = true;
    }

    @Nullable
    String away() {
        return away;
    }

    void away(@Nullable String message) {
        away = message;
    }

    boolean invisible() {
        return invisible;
    }

    void invisible(boolean on) {
        invisible = on;
    }

    boolean multiPrefix() {
        return multiPrefix;
    }

    void multiPrefix(boolean on) {
        multiPrefix = on;
    }

    /** Whether the client negotiated IRCv3 {@code server-time}: every line it gets carries {@code @time=}. */
    boolean serverTime() {
        return serverTime;
    }

    void serverTime(boolean on) {
        serverTime = on;
    }

    /** The channels this client is in; changed only under the channel's lock. */
    Set<Channel> channels() {
        return channels;
    }

    SendQueue queue() {
        return queue;
    }

    /** Queues {@code message} for this client. */
    void send(IrcMessage message) {
        sendLine(message.encode());
    }

    /** Queues an encoded line (shared with other recipients, never modified); an overflow disconnects. */
    void sendLine(byte[] line) {
        offer(serverTime ? ServerTime.tag(clock.instant(), line) : line);
    }

    /**
     * Queues one of a broadcast's two encodings: {@code plain}, or, for a client with {@code server-time},
     * {@code tagged} (both shared with the other recipients and never modified).
     */
    void sendLine(byte[] plain, byte[] tagged) {
        offer(serverTime ? tagged : plain);
    }

    private void offer(byte[] line) {
        if (queue.offer(line) == SendQueue.Offer.OVERFLOW) {
            abort("SendQ exceeded");
        }
    }

    /** Something was read from the client at {@code nowNanos}: it is alive. */
    void touch(long nowNanos) {
        lastActivityNanos = nowNanos;
        pingPending.set(false);
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** Claims the right to send the keepalive PING; true once per idle spell. */
    boolean startPing(long nowNanos) {
        if (pingPending.compareAndSet(false, true)) {
            pingSentNanos = nowNanos;
            return true;
        }
        return false;
    }

    boolean pingPending() {
        return pingPending.get();
    }

    long pingSentNanos() {
        return pingSentNanos;
    }

    /** Why the client is leaving, once known; null while it is connected. */
    @Nullable
    String quitReason() {
        return quitReason.get();
    }

    /** Records why the client leaves (its own QUIT, its connection ending); the first reason wins. */
    boolean quit(String reason) {
        return quitReason.compareAndSet(null, reason);
    }

    /** Ends the client from another thread: records the reason and wakes its connection, which then cleans up. */
    void abort(String reason) {
        if (quit(reason)) {
            wakeReader.run();
        }
    }

    void closedAt(long nanos) {
        closedAtNanos = nanos;
    }

    long closedAtNanos() {
        return closedAtNanos;
    }

    /** Identity, as for any object. */
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other;
    }

    /**
     * The connection id's hash, not the identity hash: hash maps of clients (channel members) then iterate in the same
     * order on every run, so NAMES and golden transcripts are deterministic.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Client[" + id + " " + prefix() + "]";
    }
}
